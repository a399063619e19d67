package io.codeact.bridge.transport.mqtt.discovery;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportMessage;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live registry of the devices announced on a broker by Home Assistant MQTT discovery
 * ({@code homeassistant/<component>/[<node_id>/]<object_id>/config}) and Homie 4 ({@code homie/<device>/…}).
 *
 * <p>Announcements are retained, so a new registry sees every device at once. A new config adds a
 * device, a changed one updates it, an empty retained config (or an emptied Homie {@code $state}) removes
 * it. An invalid announcement is logged and reported as {@link DiscoveryEvent.Kind#INVALID} with a
 * {@link DiscoveryProblem} naming the topic and the field; a device announced validly before keeps its
 * last good version.
 *
 * <p>Reads are thread-safe; listeners run on the transport's callback thread.
 *
 * <pre>{@code
 * try (DeviceDiscovery discovery = DeviceDiscovery.start(mqtt, o -> o.listener(e -> System.out.println(e)))) {
 *     discovery.devices().forEach(d -> System.out.println(d.id() + " " + d.component() + " " + d.risk()));
 * }
 * }</pre>
 */
public final class DeviceDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDiscovery.class);
    private static final List<String> HOMIE_ATTRIBUTES = List.of("+/$state", "+/$name", "+/$nodes", "+/+/$name", "+/+/$type",
            "+/+/$properties", "+/+/+/$name", "+/+/+/$datatype", "+/+/+/$format", "+/+/+/$settable", "+/+/+/$unit");

    private final Options options;
    private final Map<String, DiscoveredDevice> devices = new ConcurrentHashMap<>();
    private final Map<String, String> idByConfigTopic = new ConcurrentHashMap<>();
    private final Map<String, DiscoveryProblem> problems = new ConcurrentHashMap<>();
    private final Map<String, HomieDevice> homie = new HashMap<>();
    private final Map<String, Set<String>> homieIds = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<DiscoveryListener> listeners = new CopyOnWriteArrayList<>();

    private DeviceDiscovery(Options options) {
        this.options = options;
        if (options.listener != null) {
            listeners.add(options.listener);
        }
    }

    /** Subscribes to the discovery topics; the retained announcements arrive right after. */
    public static DeviceDiscovery start(MqttTransport transport, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        DeviceDiscovery discovery = new DeviceDiscovery(options);
        String ha = options.homeAssistantPrefix;
        discovery.subscriptions.add(transport.subscribe(ha + "/+/+/config", "raw", discovery::onHomeAssistant));
        discovery.subscriptions.add(transport.subscribe(ha + "/+/+/+/config", "raw", discovery::onHomeAssistant));
        if (options.homiePrefix != null) {
            for (String attribute : HOMIE_ATTRIBUTES) {
                discovery.subscriptions.add(transport.subscribe(options.homiePrefix + "/" + attribute, "text", discovery::onHomie));
            }
        }
        return discovery;
    }

    /** Every known device, by id. */
    public List<DiscoveredDevice> devices() {
        return devices.values().stream().sorted(Comparator.comparing(DiscoveredDevice::id)).toList();
    }

    public Optional<DiscoveredDevice> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The latest problem per discovery topic that is still unresolved. */
    public List<DiscoveryProblem> problems() {
        return List.copyOf(problems.values());
    }

    /** Adds a listener; close the result to remove it. */
    public Subscription addListener(DiscoveryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    private void onHomeAssistant(TransportMessage message) {
        String topic = message.topic();
        try {
            Optional<DiscoveredDevice> parsed = HomeAssistantDiscovery.parse(options.homeAssistantPrefix, topic, (byte[]) message.fields().get("data"));
            problems.remove(topic);
            if (parsed.isEmpty()) {
                String id = idByConfigTopic.remove(topic);
                if (id != null) {
                    remove(id);
                }
                return;
            }
            DiscoveredDevice device = parsed.get();
            String previousId = idByConfigTopic.put(topic, device.id());
            if (previousId != null && !previousId.equals(device.id())) {
                remove(previousId);
            }
            put(device);
        } catch (DiscoveryException e) {
            invalid(e.problem());
        }
    }

    private synchronized void onHomie(TransportMessage message) {
        String rest = message.topic().substring(options.homiePrefix.length() + 1);
        int slash = rest.indexOf('/');
        String deviceId = rest.substring(0, slash);
        HomieDevice device = homie.computeIfAbsent(deviceId, id -> new HomieDevice(options.homiePrefix, id));
        device.put(rest.substring(slash + 1), String.valueOf(message.fields().get("text")));
        Set<String> before = homieIds.getOrDefault(deviceId, Set.of());
        if (device.state() == null) {
            before.forEach(this::remove);
            homieIds.remove(deviceId);
            return;
        }
        try {
            List<DiscoveredDevice> built = device.build();
            problems.keySet().removeIf(t -> t.startsWith(options.homiePrefix + "/" + deviceId + "/"));
            Set<String> now = new HashSet<>();
            for (DiscoveredDevice d : built) {
                now.add(d.id());
                put(d);
            }
            before.stream().filter(id -> !now.contains(id)).forEach(this::remove);
            homieIds.put(deviceId, now);
        } catch (DiscoveryException e) {
            // Attributes arrive one by one; a device still being announced is reported once it claims to be ready.
            if ("ready".equals(device.state())) {
                invalid(e.problem());
            }
        }
    }

    private void put(DiscoveredDevice device) {
        DiscoveredDevice old = devices.put(device.id(), device);
        if (old == null) {
            notify(new DiscoveryEvent(DiscoveryEvent.Kind.ADDED, device, null));
        } else if (!old.equals(device)) {
            notify(new DiscoveryEvent(DiscoveryEvent.Kind.UPDATED, device, null));
        }
    }

    private void remove(String id) {
        DiscoveredDevice old = devices.remove(id);
        if (old != null) {
            notify(new DiscoveryEvent(DiscoveryEvent.Kind.REMOVED, old, null));
        }
    }

    private void invalid(DiscoveryProblem problem) {
        if (problem.equals(problems.put(problem.topic(), problem))) {
            return; // the same problem again (a resent retained message): said once is enough
        }
        LOG.warn(problem.message());
        notify(new DiscoveryEvent(DiscoveryEvent.Kind.INVALID, null, problem));
    }

    private void notify(DiscoveryEvent event) {
        for (DiscoveryListener listener : listeners) {
            try {
                listener.onChange(event);
            } catch (RuntimeException e) {
                LOG.error("a discovery listener failed on {}", event, e);
            }
        }
    }

    /** Where to look for announcements, and who to tell. */
    public static final class Options {
        private String homeAssistantPrefix = "homeassistant";
        private String homiePrefix = "homie";
        private DiscoveryListener listener;

        Options() {}

        /** Home Assistant's discovery prefix; {@code homeassistant} by default. */
        public Options homeAssistantPrefix(String value) {
            this.homeAssistantPrefix = Objects.requireNonNull(value, "homeAssistantPrefix");
            return this;
        }

        /** Homie's base topic; {@code homie} by default; null to ignore Homie. */
        public Options homiePrefix(String value) {
            this.homiePrefix = value;
            return this;
        }

        public Options listener(DiscoveryListener value) {
            this.listener = value;
            return this;
        }
    }
}
