package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.BundledDefinitions;
import io.codeact.bridge.transport.ros.internal.DefinitionParser;
import io.codeact.bridge.transport.ros.internal.MessageSpec;
import io.codeact.bridge.transport.ros.internal.PackageScan;
import io.codeact.bridge.transport.ros.internal.ResolvedMessage;
import io.codeact.bridge.transport.ros.internal.ServiceSpec;
import io.codeact.bridge.transport.ros.internal.TypeResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ROS 1 message and service types known at runtime, by full name ({@code pkg/Type}), from three sources:
 * the standard definitions bundled in this jar ({@link #withBundledTypes()}: std_msgs, geometry_msgs,
 * sensor_msgs, nav_msgs, actionlib_msgs, std_srvs, rosgraph_msgs), ROS packages on disk
 * ({@link #loadPackages}, {@link #loadRosInstall()}), and text given at runtime ({@link #addMessage},
 * {@link #addService}, {@link #addMessageDefinition}).
 *
 * <p>A later definition of a name replaces an earlier one (so an installed package overrides the bundled
 * copy), except in {@link #addMessageDefinition}. Field types are looked up when a type is first asked for,
 * so definitions can be added in any order; a missing or broken dependency is reported then, with the
 * {@code file:line} of the field that needs it.
 *
 * <p>Thread-safe. Asking for a type already resolved takes no lock; adding definitions and resolving a type
 * the first time lock the registry. {@link MessageType}s handed out stay valid after later additions.
 * <pre>{@code
 * MessageRegistry types = MessageRegistry.withBundledTypes().loadRosInstall();
 * MessageType odom = types.message("nav_msgs/Odometry");
 * }</pre>
 */
public final class MessageRegistry {
    private static final Logger log = LoggerFactory.getLogger(MessageRegistry.class);

    private final Map<String, MessageSpec> messages = new HashMap<>();
    private final Map<String, ServiceSpec> services = new HashMap<>();
    /** Definitions that failed to load from disk, reported when someone asks for them. */
    private final Map<String, MessageDefinitionException> broken = new HashMap<>();
    private final Map<String, ResolvedMessage> resolved = new HashMap<>();
    private final TypeResolver resolver = new TypeResolver(this::spec, resolved);
    private final Map<String, MessageType> messageTypes = new ConcurrentHashMap<>();
    private final Map<String, ServiceType> serviceTypes = new ConcurrentHashMap<>();

    private MessageRegistry() {
    }

    /** A registry with no types at all. */
    public static MessageRegistry empty() {
        return new MessageRegistry();
    }

    /** A registry with the bundled standard message and service types. */
    public static MessageRegistry withBundledTypes() {
        MessageRegistry registry = new MessageRegistry();
        BundledDefinitions.Bundle bundle = BundledDefinitions.get();
        bundle.messages().forEach(spec -> registry.messages.put(spec.name(), spec));
        bundle.services().forEach(spec -> registry.services.put(spec.name(), spec));
        return registry;
    }

    /**
     * Adds (or replaces) a message type from its {@code .msg} text.
     *
     * @param type the full name, {@code pkg/Type}; bare type names in the text resolve in {@code pkg}
     * @throws MessageDefinitionException if the text does not parse, naming the line
     */
    public MessageRegistry addMessage(String type, String text) {
        MessageSpec spec = DefinitionParser.parseMessage(type, text, type + ".msg (added as text)");
        synchronized (this) {
            putMessage(spec);
            invalidate();
        }
        return this;
    }

    /**
     * Adds (or replaces) a service type from its {@code .srv} text.
     *
     * @throws MessageDefinitionException if the text does not parse, naming the line
     */
    public MessageRegistry addService(String type, String text) {
        ServiceSpec spec = DefinitionParser.parseService(type, text, type + ".srv (added as text)");
        synchronized (this) {
            putService(spec);
            invalidate();
        }
        return this;
    }

    /**
     * Adds the types in a full {@code message_definition}, as a publisher sends it in its connection header
     * or rosbag stores it, and returns the main type: how to read a topic whose type we have no {@code .msg}
     * for. Types already known are kept as they are (a peer cannot redefine them for everyone); compare the
     * returned type's MD5 with the peer's to see whether the two agree.
     *
     * @param type              the main type's full name, as sent in the connection header's {@code type}
     * @param messageDefinition the connection header's {@code message_definition}
     * @throws MessageDefinitionException if the text does not parse or leaves a type undefined
     */
    public MessageType addMessageDefinition(String type, String messageDefinition) {
        List<MessageSpec> specs = DefinitionParser.parseFullDefinition(type, messageDefinition,
                "message_definition of " + type);
        synchronized (this) {
            boolean added = false;
            for (MessageSpec spec : specs) {
                if (!messages.containsKey(spec.name())) {
                    putMessage(spec);
                    added = true;
                }
            }
            if (added) {
                invalidate();
            }
        }
        return message(type);
    }

    /**
     * Loads the {@code msg/*.msg} and {@code srv/*.srv} files of a ROS package directory, or of every package
     * found under a directory (such as {@code /usr/share}, {@code /opt/ros/noetic/share} or a catkin
     * workspace's {@code src}, a few levels deep). A file that does not parse is skipped and logged; asking for
     * its type later reports why.
     *
     * @throws IllegalArgumentException if {@code root} is not a directory
     */
    public MessageRegistry loadPackages(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory; give a ROS package directory, or a directory"
                    + " of packages such as /opt/ros/noetic/share");
        }
        load(PackageScan.scan(root, 4));
        return this;
    }

    /** {@link #loadRosInstall(Map)} with this process's environment. */
    public MessageRegistry loadRosInstall() {
        return loadRosInstall(System.getenv());
    }

    /**
     * Loads the definitions of the installed ROS 1 packages: those on {@code ROS_PACKAGE_PATH}, under each
     * {@code CMAKE_PREFIX_PATH} entry's {@code share}, under {@code /opt/ros/<distro>/share} and under
     * Debian's {@code /usr/share}; where two define the same type, the first in that order wins (as with
     * rospack). Files that do not parse are skipped and logged. Nothing found is not an error.
     *
     * @param env the environment to read {@code ROS_PACKAGE_PATH} and {@code CMAKE_PREFIX_PATH} from
     */
    public MessageRegistry loadRosInstall(Map<String, String> env) {
        Map<String, PackageScan.Found> first = new LinkedHashMap<>();
        for (PackageScan.Root root : PackageScan.installRoots(env)) {
            for (PackageScan.Found found : PackageScan.scan(root.dir(), root.depth())) {
                first.putIfAbsent((found.service() ? "srv:" : "msg:") + found.type(), found);
            }
        }
        load(List.copyOf(first.values()));
        return this;
    }

    private void load(List<PackageScan.Found> files) {
        int loaded = 0;
        synchronized (this) {
            for (PackageScan.Found found : files) {
                String source = found.file().toString();
                try {
                    String text = DefinitionParser.universalNewlines(Files.readString(found.file()));
                    if (found.service()) {
                        putService(DefinitionParser.parseService(found.type(), text, source));
                    } else {
                        putMessage(DefinitionParser.parseMessage(found.type(), text, source));
                    }
                    loaded++;
                } catch (MessageDefinitionException | IOException e) {
                    MessageDefinitionException problem = e instanceof MessageDefinitionException d ? d
                            : new MessageDefinitionException(source + ": cannot read: " + e, e);
                    log.warn("skipping ROS definition {}: {}", source, problem.getMessage());
                    broken.put(found.type(), problem);
                }
            }
            invalidate();
        }
        log.debug("loaded {} of {} ROS message and service definitions found", loaded, files.size());
    }

    private MessageDefinitionException skipped(String type) {
        MessageDefinitionException problem = broken.get(type);
        return new MessageDefinitionException(type + " was skipped when loading: " + problem.getMessage(), problem);
    }

    private void putMessage(MessageSpec spec) {
        messages.put(spec.name(), spec);
        broken.remove(spec.name());
    }

    private void putService(ServiceSpec spec) {
        services.put(spec.name(), spec);
        broken.remove(spec.name());
    }

    private void invalidate() {
        resolved.clear();
        messageTypes.clear();
        serviceTypes.clear();
    }

    /** Called by the resolver under the lock. */
    private MessageSpec spec(String type) {
        MessageSpec spec = messages.get(type);
        if (spec == null && broken.containsKey(type)) {
            throw skipped(type);
        }
        return spec;
    }

    /**
     * The message type called {@code type}, resolved.
     *
     * @throws MessageDefinitionException if no such type is known (the message says what is, and how to add
     *                                    one), or its definition or one it uses is broken
     */
    public MessageType message(String type) {
        Objects.requireNonNull(type, "type");
        MessageType known = messageTypes.get(type);
        return known != null ? known : findMessage(type).orElseThrow(() -> unknown(type, false));
    }

    /**
     * The message type called {@code type}, or empty if there is no definition by that name.
     *
     * @throws MessageDefinitionException if there is one but it, or a type it uses, is broken
     */
    public Optional<MessageType> findMessage(String type) {
        Objects.requireNonNull(type, "type");
        MessageType known = messageTypes.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            known = messageTypes.get(type);
            if (known != null) {
                return Optional.of(known);
            }
            MessageSpec spec = spec(type);
            if (spec == null) {
                return Optional.empty();
            }
            ResolvedMessage r = resolved.get(type);
            MessageType created = new MessageType(r != null ? r : resolver.resolve(spec));
            messageTypes.put(type, created);
            return Optional.of(created);
        }
    }

    /**
     * The service type called {@code type}, resolved.
     *
     * @throws MessageDefinitionException if no such type is known, or its definition or one it uses is broken
     */
    public ServiceType service(String type) {
        Objects.requireNonNull(type, "type");
        ServiceType known = serviceTypes.get(type);
        return known != null ? known : findService(type).orElseThrow(() -> unknown(type, true));
    }

    /**
     * The service type called {@code type}, or empty if there is no definition by that name.
     *
     * @throws MessageDefinitionException if there is one but it, or a type it uses, is broken
     */
    public Optional<ServiceType> findService(String type) {
        Objects.requireNonNull(type, "type");
        ServiceType known = serviceTypes.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            known = serviceTypes.get(type);
            if (known != null) {
                return Optional.of(known);
            }
            ServiceSpec spec = services.get(type);
            if (spec == null) {
                if (broken.containsKey(type)) {
                    throw skipped(type);
                }
                return Optional.empty();
            }
            ServiceType created = new ServiceType(resolver.resolve(spec));
            serviceTypes.put(type, created);
            return Optional.of(created);
        }
    }

    /** The names of all message types defined (resolvable or not), sorted. */
    public synchronized SortedSet<String> messageTypeNames() {
        return new TreeSet<>(messages.keySet());
    }

    /** The names of all service types defined (resolvable or not), sorted. */
    public synchronized SortedSet<String> serviceTypeNames() {
        return new TreeSet<>(services.keySet());
    }

    private synchronized MessageDefinitionException unknown(String type, boolean service) {
        String kind = service ? "service" : "message";
        if (service ? messages.containsKey(type) : services.containsKey(type)) {
            return new MessageDefinitionException(type + " is a " + (service ? "message" : "service") + " type, not a "
                    + kind + " type; use " + (service ? "message" : "service") + "(\"" + type + "\")");
        }
        String simple = type.substring(type.lastIndexOf('/') + 1);
        List<String> similar = (service ? services : messages).keySet().stream()
                .filter(t -> t.equalsIgnoreCase(type) || t.substring(t.indexOf('/') + 1).equalsIgnoreCase(simple))
                .sorted().toList();
        String hint = similar.isEmpty() ? "" : " (did you mean " + String.join(" or ", similar) + "?)";
        if (type.indexOf('/') < 0) {
            return new MessageDefinitionException("\"" + type + "\" is not a full " + kind + " type name; ROS types are"
                    + " named package/Type" + hint);
        }
        return new MessageDefinitionException("unknown " + kind + " type " + type + hint + "; it is not bundled, not in"
                + " the loaded ROS packages and not added as text: load its package with loadPackages or add its ."
                + (service ? "srv" : "msg") + " text with " + (service ? "addService" : "addMessage"));
    }
}
