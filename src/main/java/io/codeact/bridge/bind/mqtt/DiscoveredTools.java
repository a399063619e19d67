package io.codeact.bridge.bind.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.discovery.DiscoveredDevice;
import io.codeact.bridge.transport.mqtt.discovery.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Devices found by MQTT discovery ({@link io.codeact.bridge.transport.mqtt.discovery.DeviceDiscovery}) as tool
 * declarations, one group per device under a namespace ({@code home} by default), so that they become Python
 * objects through {@link ToolSet#toPyApis} and pass the safety layer like declared tools:
 *
 * <pre>
 * light            turn_on(brightness=None), turn_off(), state()
 * switch           turn_on(), turn_off(), state()
 * fan              turn_on(percentage=None), turn_off(), state()
 * climate          set_temperature(temperature), set_mode(mode), state()
 * lock             lock(), unlock(), state()
 * cover            open(), close(), stop(), set_position(position), state()
 * alarm panel      disarm(), arm_home(), arm_away(), state()
 * sensor           read()            binary_sensor    read()
 * Homie            switch: turn_on/turn_off/state; number, select, text: set(value), state(); sensors: read()
 * </pre>
 *
 * A tool exists only when the device announced what it needs (no {@code set_position()} without a
 * {@code set_position_topic}; no {@code state()} without a state topic). Numeric ranges become parameter
 * ranges, option lists choices; risk tiers come from discovery, except that the securing commands
 * ({@code lock()}, a cover's {@code stop()}) are reversible. The Python name of a device is its object id (Home
 * Assistant) or {@code device_node_property} (Homie), made a valid identifier; a device that cannot be served
 * (a command template, a template beyond {@code value_json.FIELD}, a name taken twice) is left out with a
 * warning in {@link #warnings()}. Each declaration's {@code source} is {@code discovery:<its discovery topic>}.
 * Immutable.
 *
 * <pre>{@code
 * DiscoveredTools found = DiscoveredTools.from(discovery.devices(), "home");
 * found.warnings().forEach(System.err::println);
 * found.tools().toPyApis(invoker).forEach(session::expose);
 * }</pre>
 */
public final class DiscoveredTools {
    /** The binding key of the declarations: {@code {"device": <python name>, "op": <operation>}}. */
    public static final String BINDING = "discovery";

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
            "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
            "case", "print", "help", "stop", "wait");
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^a-z0-9_]+");

    private final String namespace;
    private final ToolSet tools;
    private final Map<String, DeviceProfile> profiles;
    private final List<String> warnings;

    private DiscoveredTools(String namespace, ToolSet tools, Map<String, DeviceProfile> profiles, List<String> warnings) {
        this.namespace = namespace;
        this.tools = tools;
        this.profiles = Map.copyOf(profiles);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Declares the tools of {@code devices} under {@code namespace}.
     *
     * @throws IllegalArgumentException when {@code namespace} is not a Python identifier
     */
    public static DiscoveredTools from(Collection<DiscoveredDevice> devices, String namespace) {
        if (namespace == null || !namespace.matches("[A-Za-z_][A-Za-z0-9_]*") || PYTHON_KEYWORDS.contains(namespace)) {
            throw new IllegalArgumentException("namespace must be a Python identifier such as home, got '" + namespace + "'");
        }
        List<DiscoveredDevice> sorted = devices.stream()
                .sorted(Comparator.comparing(DiscoveredDevice::discoveryTopic).thenComparing(DiscoveredDevice::id)).toList();
        List<String> warnings = new ArrayList<>();
        Map<DiscoveredDevice, String> names = names(sorted, warnings);
        List<ToolDeclaration> declared = new ArrayList<>();
        Map<String, String> groupDocs = new LinkedHashMap<>();
        Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<DiscoveredDevice, String> e : names.entrySet()) {
            DiscoveredDevice d = e.getKey();
            String name = e.getValue();
            try {
                DeviceProfile profile = profile(name, d);
                List<ToolDeclaration> tools = new Declarer(namespace, profile).declare();
                if (tools.isEmpty()) {
                    warnings.add(d.discoveryTopic() + ": " + d.component() + " '" + d.name() + "' announces nothing the bridge can "
                            + "command or read (no command or state topic it knows); left out");
                    continue;
                }
                declared.addAll(tools);
                profiles.put(name, profile);
                groupDocs.put(namespace + "." + name, groupDoc(d));
            } catch (IllegalArgumentException x) {
                warnings.add(d.discoveryTopic() + ": " + d.component() + " '" + d.name() + "' left out: " + x.getMessage());
            }
        }
        String doc = "Devices found by MQTT discovery (" + profiles.size() + "). Commands publish the device's own payloads and "
                + "return once its state topic shows the requested value (CommandTimeout otherwise); state()/read() give the "
                + "latest state with its age_s.";
        return new DiscoveredTools(namespace, ToolSet.of(declared, Map.of(namespace, doc), groupDocs), profiles, warnings);
    }

    /** The declarations, ready for {@link ToolSet#toPyApis} (or a safety gate). */
    public ToolSet tools() {
        return tools;
    }

    public String namespace() {
        return namespace;
    }

    /** The devices that became tools, by Python name ({@code kitchen_light}). */
    public Map<String, DiscoveredDevice> devices() {
        return profiles.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().device()));
    }

    /** Why devices (or parts of them) were left out, one sentence each naming the discovery topic. */
    public List<String> warnings() {
        return warnings;
    }

    Optional<DeviceProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    Collection<DeviceProfile> profiles() {
        return profiles.values();
    }

    /** The device name and operation of one of these declarations, or null for a declaration from elsewhere. */
    static String[] target(ToolDeclaration tool) {
        JsonNode b = tool.bindings().get(BINDING);
        if (b == null || !b.hasNonNull("device") || !b.hasNonNull("op")) {
            return null;
        }
        return new String[] {b.get("device").asText(), b.get("op").asText()};
    }

    /** A Python identifier for a device: lower case, runs of other characters as {@code _}, never a keyword. */
    static String identifier(String raw) {
        String s = NOT_IDENTIFIER.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = "device";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "d_" + s;
        }
        return PYTHON_KEYWORDS.contains(s) ? s + "_" : s;
    }

    private static String rawName(DiscoveredDevice d) {
        if (d.source().equals("homeassistant")) {
            String[] levels = d.discoveryTopic().split("/");
            return levels[levels.length - 2];  // the object id
        }
        return d.id().replace('/', '_');
    }

    /** Python names; on a clash between components both get their component appended, a clash left after that is dropped. */
    private static Map<DiscoveredDevice, String> names(List<DiscoveredDevice> devices, List<String> warnings) {
        Map<String, List<DiscoveredDevice>> byBase = new LinkedHashMap<>();
        for (DiscoveredDevice d : devices) {
            byBase.computeIfAbsent(identifier(rawName(d)), k -> new ArrayList<>()).add(d);
        }
        Map<DiscoveredDevice, String> out = new LinkedHashMap<>();
        Map<String, DiscoveredDevice> taken = new LinkedHashMap<>();
        for (Map.Entry<String, List<DiscoveredDevice>> e : byBase.entrySet()) {
            List<DiscoveredDevice> same = e.getValue();
            boolean qualify = same.size() > 1 && same.stream().map(DiscoveredDevice::component).distinct().count() > 1;
            for (DiscoveredDevice d : same) {
                String name = qualify ? identifier(e.getKey() + "_" + d.component()) : e.getKey();
                DiscoveredDevice earlier = taken.putIfAbsent(name, d);
                if (earlier != null) {
                    warnings.add(d.discoveryTopic() + ": " + d.component() + " '" + d.name() + "' would be named " + name
                            + ", which " + earlier.discoveryTopic() + " already has; left out. Give one of them another object id.");
                    continue;
                }
                out.put(d, name);
            }
        }
        return out;
    }

    private static String groupDoc(DiscoveredDevice d) {
        StringBuilder b = new StringBuilder(d.name()).append(" (").append(d.component().replace('_', ' '));
        if (d.deviceClass() != null) {
            b.append(", ").append(d.deviceClass());
        }
        String unit = d.payloads().get("unit_of_measurement");
        if (unit != null) {
            b.append(", ").append(unit);
        }
        return b.append(")").toString();
    }

    /** Reads the device's state topics and templates; a template the binding cannot read is an error. */
    private static DeviceProfile profile(String name, DiscoveredDevice d) {
        Map<String, String> p = d.payloads();
        for (String key : p.keySet()) {
            if (key.endsWith("command_template")) {
                throw new IllegalArgumentException("its " + key + " '" + p.get(key) + "' is a template; the binding sends the "
                        + "plain payloads only (leave command templates out, or bind this device by a tool declaration)");
            }
        }
        Map<String, DeviceProfile.StateChannel> channels = new LinkedHashMap<>();
        if (d.source().equals("homie")) {
            channel(channels, "state", d.stateTopic(), null, null);
            return new DeviceProfile(name, d, channels, d.availabilityTopic() == null ? null
                    : new DeviceProfile.Availability(d.availabilityTopic(), Set.of("lost", "disconnected", "alert")));
        }
        Map<String, String> t = d.topics();
        switch (d.component()) {
            case "light" -> {
                if ("json".equals(p.get("schema"))) {
                    channel(channels, "state", t.get("state_topic"), ValueTemplate.field("state"), null);
                    channel(channels, "brightness", t.get("state_topic"), ValueTemplate.field("brightness"), null);
                } else {
                    channel(channels, "state", t.get("state_topic"), null, p.get("state_value_template"));
                    channel(channels, "brightness", t.get("brightness_state_topic"), null, p.get("brightness_value_template"));
                }
            }
            case "fan" -> {
                channel(channels, "state", t.get("state_topic"), null, p.get("state_value_template"));
                channel(channels, "percentage", t.get("percentage_state_topic"), null, p.get("percentage_value_template"));
            }
            case "climate" -> {
                channel(channels, "current_temperature", t.get("current_temperature_topic"), null, p.get("current_temperature_template"));
                channel(channels, "temperature", t.get("temperature_state_topic"), null, p.get("temperature_state_template"));
                channel(channels, "mode", t.get("mode_state_topic"), null, p.get("mode_state_template"));
                channel(channels, "action", t.get("action_topic"), null, p.get("action_template"));
            }
            case "cover" -> {
                channel(channels, "state", t.get("state_topic"), null, p.get("value_template"));
                channel(channels, "position", t.get("position_topic"), null, p.get("position_template"));
            }
            default -> channel(channels, "state", t.get("state_topic"), null, p.get("value_template"));
        }
        String avty = t.get("availability_topic");
        return new DeviceProfile(name, d, channels, avty == null ? null
                : new DeviceProfile.Availability(avty, Set.of(p.getOrDefault("payload_not_available", "offline"))));
    }

    private static void channel(Map<String, DeviceProfile.StateChannel> channels, String role, String topic, ValueTemplate fixed,
            String template) {
        if (topic != null) {
            channels.put(role, new DeviceProfile.StateChannel(role, topic, fixed != null ? fixed : ValueTemplate.parse(template)));
        }
    }

    /** The declarations of one device. */
    private static final class Declarer {
        private final String namespace;
        private final DeviceProfile profile;
        private final DiscoveredDevice d;
        private final List<ToolDeclaration> out = new ArrayList<>();

        Declarer(String namespace, DeviceProfile profile) {
            this.namespace = namespace;
            this.profile = profile;
            this.d = profile.device();
        }

        List<ToolDeclaration> declare() {
            boolean commandable = d.commandTopic() != null;
            String state = profile.channel("state") == null ? null : profile.channel("state").topic();
            if (d.source().equals("homie")) {
                return homie(commandable, state);
            }
            switch (d.component()) {
                case "light" -> {
                    boolean json = "json".equals(d.payloads().get("schema"));
                    Range bri = d.ranges().get("brightness");
                    List<ParamSpec> params = bri != null && (json || profile.topic("brightness_command_topic") != null)
                            ? List.of(number("brightness", bri, "brightness on the device's scale, " + plain(bri.max()) + " = full"))
                            : List.of();
                    tool("turn_on", "Switch " + d.name() + " on" + (params.isEmpty() ? "" : ", at a brightness if given") + ".",
                            params, onOffReturns(), risk());
                    tool("turn_off", "Switch " + d.name() + " off.", List.of(), onOffReturns(), risk());
                    stateTool(state != null, "dict: on (bool), brightness, age_s (s since the state arrived)");
                }
                case "switch" -> {
                    tool("turn_on", "Switch " + d.name() + " on.", List.of(), onOffReturns(), risk());
                    tool("turn_off", "Switch " + d.name() + " off.", List.of(), onOffReturns(), risk());
                    stateTool(state != null, "dict: on (bool), age_s");
                }
                case "fan" -> {
                    Range pct = d.ranges().get("percentage");
                    List<ParamSpec> params = pct != null ? List.of(number("percentage", pct, "speed, %")) : List.of();
                    tool("turn_on", "Switch " + d.name() + " on" + (params.isEmpty() ? "" : ", at a speed if given") + ".", params,
                            onOffReturns(), risk());
                    tool("turn_off", "Switch " + d.name() + " off.", List.of(), onOffReturns(), risk());
                    stateTool(state != null, "dict: on (bool), percentage, age_s");
                }
                case "climate" -> {
                    Range temp = d.ranges().get("temperature");
                    if (profile.topic("temperature_command_topic") != null) {
                        tool("set_temperature", "Set the target temperature of " + d.name() + ".",
                                List.of(new ParamSpec("temperature", "float", temp.unit(), temp.min(), temp.max(), List.of(), false, null,
                                        false, "target temperature")),
                                "dict: temperature (target), current_temperature, mode, action, confirmed, age_s", risk());
                    }
                    if (profile.topic("mode_command_topic") != null) {
                        tool("set_mode", "Set the mode of " + d.name() + ".",
                                List.of(new ParamSpec("mode", "str", null, null, null, d.options().getOrDefault("modes", List.of()), false,
                                        null, false, "HVAC mode")),
                                "dict: mode, temperature, current_temperature, action, confirmed, age_s", risk());
                    }
                    stateTool(!profile.channels().isEmpty(), "dict: temperature (target), current_temperature, mode, action, age_s");
                }
                case "lock" -> {
                    if (commandable) {
                        tool("lock", "Lock " + d.name() + ".", List.of(), "dict: state, locked, confirmed, age_s", RiskTier.REVERSIBLE);
                        tool("unlock", "Unlock " + d.name() + ".", List.of(), "dict: state, locked, confirmed, age_s", risk());
                    }
                    stateTool(state != null, "dict: state (LOCKED, UNLOCKED, ...), locked (bool or None), age_s");
                }
                case "cover" -> {
                    String returns = "dict: state (open, closed, opening, closing, stopped), position, confirmed, age_s";
                    if (commandable && profile.topic("command_topic") != null) {
                        tool("open", "Open " + d.name() + "; returns once it reports open.", List.of(), returns, risk());
                        tool("close", "Close " + d.name() + "; returns once it reports closed.", List.of(), returns, risk());
                        tool("stop", "Stop " + d.name() + " where it is.", List.of(), returns, RiskTier.REVERSIBLE);
                    }
                    Range pos = d.ranges().get("position");
                    if (profile.topic("set_position_topic") != null && pos != null) {
                        tool("set_position", "Move " + d.name() + " to a position (" + plain(pos.min()) + " closed .. " + plain(pos.max())
                                + " open).", List.of(number("position", pos, "target position")), returns, risk());
                    }
                    stateTool(!profile.channels().isEmpty(), "dict: state, position, age_s");
                }
                case "alarm_control_panel" -> {
                    String returns = "dict: state (disarmed, armed_home, armed_away, ...), confirmed, age_s";
                    tool("disarm", "Disarm " + d.name() + ".", List.of(), returns, risk());
                    tool("arm_home", "Arm " + d.name() + " for people at home.", List.of(), returns, risk());
                    tool("arm_away", "Arm " + d.name() + " with nobody home.", List.of(), returns, risk());
                    stateTool(state != null, "dict: state, age_s");
                }
                case "sensor", "binary_sensor" -> readTool(state != null);
                default -> throw new IllegalArgumentException("the component " + d.component() + " has no Python API yet");
            }
            return out;
        }

        private List<ToolDeclaration> homie(boolean commandable, String state) {
            switch (d.component()) {
                case "switch" -> {
                    tool("turn_on", "Switch " + d.name() + " on.", List.of(), onOffReturns(), risk());
                    tool("turn_off", "Switch " + d.name() + " off.", List.of(), onOffReturns(), risk());
                    stateTool(state != null, "dict: value, on (bool), age_s");
                }
                case "number", "select", "text" -> {
                    String prop = d.id().substring(d.id().lastIndexOf('/') + 1);
                    ParamSpec value = switch (d.component()) {
                        case "number" -> {
                            Range r = d.ranges().get(prop);
                            yield new ParamSpec("value", "float", r == null || r.unit().isEmpty() ? null : r.unit(), r == null ? null : r.min(),
                                    r == null ? null : r.max(), List.of(), false, null, false, "the new value");
                        }
                        case "select" -> new ParamSpec("value", "str", null, null, null, d.options().getOrDefault(prop, List.of()), false,
                                null, false, "the new value");
                        default -> new ParamSpec("value", "str", null, null, null, List.of(), false, null, false, "the new value");
                    };
                    tool("set", "Set " + d.name() + ".", List.of(value), "dict: value, confirmed, age_s", risk());
                    stateTool(state != null, "dict: value, age_s");
                }
                case "sensor", "binary_sensor" -> readTool(state != null);
                default -> throw new IllegalArgumentException("the Homie datatype " + d.payloads().get("datatype") + " (" + d.component()
                        + ") has no Python API yet");
            }
            return out;
        }

        private void stateTool(boolean readable, String returns) {
            if (readable) {
                tool("state", "The latest state " + d.name() + " reported (no command is sent).", List.of(), returns, RiskTier.READ);
            }
        }

        private void readTool(boolean readable) {
            if (readable) {
                String unit = d.payloads().get("unit_of_measurement");
                tool("read", "The latest reading of " + d.name() + (d.deviceClass() == null ? "" : " (" + d.deviceClass() + ")")
                        + (unit == null ? "" : ", in " + unit) + ".", List.of(), "dict: value" + (d.component().equals("binary_sensor")
                                ? " (bool)" : "") + ", unit, device_class, age_s", RiskTier.READ);
            }
        }

        private String onOffReturns() {
            return "dict: on (bool), confirmed (whether the state topic showed it), age_s";
        }

        private RiskTier risk() {
            return RiskTier.valueOf(d.risk().name());
        }

        private static ParamSpec number(String name, Range r, String doc) {
            return new ParamSpec(name, "float", r.unit().isEmpty() ? null : r.unit(), r.min(), r.max(), List.of(), !name.equals("position")
                    && !name.equals("value"), null, false, doc);
        }

        private void tool(String op, String doc, List<ParamSpec> params, String returns, RiskTier risk) {
            ObjectNode binding = JsonNodeFactory.instance.objectNode();
            binding.put("device", profile.name());
            binding.put("op", op);
            binding.put("device_id", d.id());
            binding.put("command_topic", d.commandTopic());
            out.add(new ToolDeclaration(profile.name() + "." + op, namespace, doc, params, returns, risk, false, null,
                    Map.of(BINDING, binding), "discovery:" + d.discoveryTopic()));
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
