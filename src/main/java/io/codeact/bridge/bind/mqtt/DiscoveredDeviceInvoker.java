package io.codeact.bridge.bind.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Carries out the calls of {@link DiscoveredTools}' declarations on the devices themselves, speaking the
 * plain payloads each device announced: {@code payload_on}/{@code payload_off} on its command topic, a
 * brightness on {@code brightness_command_topic} (or one JSON command for {@code schema: json} lights), the
 * target temperature and mode on the climate's topics, {@code LOCK}/{@code UNLOCK}, {@code OPEN}/{@code CLOSE}/
 * {@code STOP} and a position for covers, and so on.
 *
 * <p><b>Confirmation by state.</b> A command returns once the device's state topic shows the requested value
 * (at once when it already does); when it does not within the timeout (10 s; 120 s for a cover's moves) the
 * call raises {@code CommandTimeout} naming the state topic and the last state seen there. A device that
 * announced no state topic for what was asked is sent the command and answers {@code confirmed: False}.
 * {@code state()} and {@code read()} answer from the latest retained or published state, with its
 * {@code age_s}; before anything arrived they raise {@code RobotError} naming the topic.
 *
 * <p><b>Availability.</b> A device whose availability topic last said its offline payload ({@code offline},
 * Homie {@code lost}) refuses commands with a {@code RobotError}; reads still answer (with the age).
 *
 * <p>Thread-safe; {@link #invoke} blocks the calling thread (a code action's). Close it to unsubscribe.
 *
 * <pre>{@code
 * DiscoveredDeviceInvoker invoker = DiscoveredDeviceInvoker.create(mqtt, found, o -> o.timeout(Duration.ofSeconds(5)));
 * found.tools().toPyApis(invoker).forEach(session::expose);
 * }</pre>
 */
public final class DiscoveredDeviceInvoker implements ToolInvoker, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttTransport transport;
    private final DiscoveredTools tools;
    private final Options options;
    private final DeviceStates states;

    private record Publish(String topic, String payload) {}

    private record Expect(String role, Predicate<String> reached, String wanted) {}

    private DiscoveredDeviceInvoker(MqttTransport transport, DiscoveredTools tools, Options options) {
        this.transport = transport;
        this.tools = tools;
        this.options = options;
        this.states = new DeviceStates(transport, tools.profiles(), options.nanos);
    }

    /** Subscribes to every state and availability topic of {@code tools}' devices. */
    public static DiscoveredDeviceInvoker create(MqttTransport transport, DiscoveredTools tools, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        return new DiscoveredDeviceInvoker(transport, tools, options);
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        String[] target = DiscoveredTools.target(tool);
        String call = tool.qualifiedName() + "()";
        if (target == null) {
            throw RobotException.robotError(call + " is not bound to a discovered device (" + tool.source() + ")");
        }
        DeviceProfile p = tools.profile(target[0]).orElseThrow(() -> RobotException.robotError(call + ": no discovered device is named "
                + target[0]));
        String op = target[1];
        if (op.equals("state") || op.equals("read")) {
            Map<String, Object> state = state(p);
            if (state == null) {
                throw RobotException.robotError(call + ": nothing received yet on " + String.join(", ", stateTopics(p)) + ", where "
                        + p.describe() + " publishes its state. The device may not be running, or may publish only on change: "
                        + "command it, or check with `codeact mqtt sub '" + stateTopics(p).getFirst() + "'`.");
            }
            return state;
        }
        refuseIfOffline(p, call);
        List<Publish> sends = new ArrayList<>();
        List<Expect> expects = new ArrayList<>();
        plan(p, op, args, call, sends, expects);
        for (Publish s : sends) {
            try {
                transport.publishBytes(s.topic(), s.payload().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
            } catch (TransportException e) {
                throw RobotException.transport(call + ": could not send " + s.payload() + " to " + s.topic() + ": " + e.getMessage(), e);
            }
        }
        Duration timeout = isMove(p, op) ? options.moveTimeout : options.timeout;
        long deadline = states.now() + timeout.toNanos();
        int checked = 0;
        for (Expect e : expects) {
            DeviceProfile.StateChannel c = p.channel(e.role());
            if (c == null) {
                continue;  // the device announced no state topic for this: optimistic, as Home Assistant is
            }
            checked++;
            Predicate<String> reached = text -> {
                String value = c.template().apply(text);
                return value != null && e.reached().test(value);
            };
            DeviceStates.Seen seen;
            try {
                seen = states.await(c.topic(), reached, deadline);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw RobotException.timeout(call + ": interrupted while waiting for " + c.topic() + " to show " + e.wanted());
            }
            if (seen == null) {
                DeviceStates.Seen last = states.latest(c.topic());
                String lastText = last == null ? "nothing was received there"
                        : "the last state seen there was '" + shorten(last.text()) + "' (" + states.ageSeconds(last) + " s old)";
                throw RobotException.timeout(call + ": sent " + describe(sends) + ", but " + c.topic() + " did not show " + e.wanted()
                        + " within " + seconds(timeout) + " s; " + lastText + ". The device may be unable to do it, or not be "
                        + "running; `codeact mqtt sub '" + c.topic() + "'` shows what it publishes.");
            }
        }
        Map<String, Object> result = state(p);
        Map<String, Object> out = result == null ? new LinkedHashMap<>() : result;
        out.put("confirmed", checked > 0);
        return out;
    }

    /** Sends {@code payload_stop} to every cover that has a command topic: the emergency stop of a discovered home. */
    public Map<String, Object> haltAll(String reason) {
        List<String> halted = new ArrayList<>();
        for (DeviceProfile p : tools.profiles()) {
            if (p.device().component().equals("cover") && p.topic("command_topic") != null) {
                try {
                    transport.publishBytes(p.topic("command_topic"), p.payload("payload_stop", "STOP").getBytes(StandardCharsets.UTF_8),
                            Qos.AT_LEAST_ONCE, false);
                    halted.add(p.name());
                } catch (TransportException e) {
                    halted.add(p.name() + " (not sent: " + e.getMessage() + ")");
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("halted", halted);
        out.put("reason", reason);
        return out;
    }

    /** The last payload seen on a state or availability topic of these devices, or null. */
    public String latest(String topic) {
        DeviceStates.Seen s = states.latest(topic);
        return s == null ? null : s.text();
    }

    /** Waits until something has arrived on {@code topic}; false when {@code deadlineNanos} (System.nanoTime) passed first. */
    boolean awaitAny(String topic, long deadlineNanos) {
        try {
            return states.await(topic, t -> true, deadlineNanos - System.nanoTime() + states.now()) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        states.close();
    }

    private void refuseIfOffline(DeviceProfile p, String call) {
        DeviceProfile.Availability a = p.availability();
        if (a == null) {
            return;
        }
        DeviceStates.Seen s = states.latest(a.topic());
        if (s != null && a.offline().contains(s.text().strip())) {
            throw RobotException.robotError(call + " refused: " + p.describe() + " is offline (" + a.topic() + " says '" + s.text().strip()
                    + "', " + states.ageSeconds(s) + " s ago), so the command would not reach it. Wait until it is back online; "
                    + "state() still shows its last state.");
        }
    }

    private static boolean isMove(DeviceProfile p, String op) {
        return p.device().component().equals("cover") && !op.equals("stop");
    }

    /** What to publish for one call and which states confirm it. */
    private void plan(DeviceProfile p, String op, Map<String, Object> args, String call, List<Publish> sends, List<Expect> expects) {
        String cmd = p.device().commandTopic();
        String component = p.device().component();
        if (p.device().source().equals("homie")) {
            String value = switch (op) {
                case "turn_on" -> "true";
                case "turn_off" -> "false";
                default -> format(args.get("value"));
            };
            sends.add(new Publish(cmd, value));
            boolean numeric = args.get("value") instanceof Number;
            expects.add(new Expect("state", v -> numeric ? near(v, ((Number) args.get("value")).doubleValue(), 1e-6) : v.equals(value),
                    "'" + value + "'"));
            return;
        }
        switch (component + "." + op) {
            case "light.turn_on", "light.turn_off", "switch.turn_on", "switch.turn_off", "fan.turn_on", "fan.turn_off" -> {
                boolean on = op.equals("turn_on");
                Object level = on ? args.get(component.equals("fan") ? "percentage" : "brightness") : null;
                if (level instanceof Number n && n.doubleValue() <= 0) {
                    throw RobotException.badValue(call + ": a " + component + " is switched on at a level above 0, got " + format(n)
                            + "; use turn_off()");
                }
                String payload = p.payload(on ? "payload_on" : "payload_off", on ? "ON" : "OFF");
                String stateValue = p.payload(on ? "state_on" : "state_off", payload);
                if (component.equals("light") && "json".equals(p.device().payloads().get("schema"))) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("state", on ? "ON" : "OFF");
                    if (level != null) {
                        json.put("brightness", Math.round(((Number) level).doubleValue()));
                    }
                    sends.add(new Publish(cmd, json(json)));
                    stateValue = on ? "ON" : "OFF";
                } else {
                    // Home Assistant's on_command_type: last (default) sends ON then the brightness, first the other way
                    // round, brightness the brightness alone (the device switches on by itself).
                    String order = component.equals("light") ? p.payload("on_command_type", "last") : "last";
                    Publish onOff = new Publish(p.topic("command_topic"), payload);
                    Publish levelSend = level == null ? null
                            : new Publish(p.topic(component.equals("fan") ? "percentage_command_topic" : "brightness_command_topic"),
                                    String.valueOf(Math.round(((Number) level).doubleValue())));
                    if (levelSend != null && order.equals("first")) {
                        sends.add(levelSend);
                    }
                    if (levelSend == null || !order.equals("brightness")) {
                        sends.add(onOff);
                    }
                    if (levelSend != null && !order.equals("first")) {
                        sends.add(levelSend);
                    }
                }
                String want = stateValue;
                expects.add(new Expect("state", v -> v.equals(want), "'" + want + "'"));
                if (level != null) {
                    double target = Math.round(((Number) level).doubleValue());
                    expects.add(new Expect(component.equals("fan") ? "percentage" : "brightness", v -> near(v, target, 0.5),
                            format(target)));
                }
            }
            case "climate.set_temperature" -> {
                double t = ((Number) args.get("temperature")).doubleValue();
                double step = number(p.device().payloads().get("temp_step"));
                if (step > 0) {
                    t = Math.round(t / step) * step;  // the device accepts targets on its step only, as Home Assistant's UI does
                }
                double target = t;
                sends.add(new Publish(p.topic("temperature_command_topic"), format(target)));
                expects.add(new Expect("temperature", v -> near(v, target, 0.05), format(target)));
            }
            case "climate.set_mode" -> {
                String mode = (String) args.get("mode");
                sends.add(new Publish(p.topic("mode_command_topic"), mode));
                expects.add(new Expect("mode", v -> v.equals(mode), "'" + mode + "'"));
            }
            case "lock.lock", "lock.unlock" -> {
                boolean lock = op.equals("lock");
                sends.add(new Publish(cmd, p.payload(lock ? "payload_lock" : "payload_unlock", lock ? "LOCK" : "UNLOCK")));
                String want = p.payload(lock ? "state_locked" : "state_unlocked", lock ? "LOCKED" : "UNLOCKED");
                expects.add(new Expect("state", v -> v.equals(want), "'" + want + "'"));
            }
            case "cover.open", "cover.close" -> {
                boolean open = op.equals("open");
                sends.add(new Publish(p.topic("command_topic"), p.payload(open ? "payload_open" : "payload_close", open ? "OPEN" : "CLOSE")));
                // Both, when the cover reports both: a result that says open also says where it is.
                String wantState = p.payload(open ? "state_open" : "state_closed", open ? "open" : "closed");
                expects.add(new Expect("state", v -> v.equals(wantState), "'" + wantState + "'"));
                double wantPosition = open ? number(p, "position_open", 100) : number(p, "position_closed", 0);
                expects.add(new Expect("position", v -> near(v, wantPosition, 0.5), format(wantPosition)));
            }
            case "cover.stop" -> {
                sends.add(new Publish(p.topic("command_topic"), p.payload("payload_stop", "STOP")));
                Set<String> moving = Set.of(p.payload("state_opening", "opening"), p.payload("state_closing", "closing"));
                expects.add(new Expect("state", v -> !moving.contains(v), "a state other than " + String.join(" or ", moving)));
            }
            case "cover.set_position" -> {
                double pos = Math.round(((Number) args.get("position")).doubleValue());
                sends.add(new Publish(p.topic("set_position_topic"), format(pos)));
                expects.add(new Expect("position", v -> near(v, pos, 0.5), format(pos)));
            }
            case "alarm_control_panel.disarm", "alarm_control_panel.arm_home", "alarm_control_panel.arm_away" -> {
                String key = "payload_" + op;
                sends.add(new Publish(cmd, p.payload(key, op.toUpperCase(java.util.Locale.ROOT))));
                String want = op.equals("disarm") ? "disarmed" : op.equals("arm_home") ? "armed_home" : "armed_away";
                expects.add(new Expect("state", v -> v.equals(want), "'" + want + "'"));
            }
            default -> throw RobotException.robotError(call + ": the binding has no command " + op + " for a " + component);
        }
    }

    /** The device's latest state as Python sees it, or null when nothing has arrived on any of its state topics. */
    private Map<String, Object> state(DeviceProfile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        double oldest = -1;
        for (DeviceProfile.StateChannel c : p.channels().values()) {
            DeviceStates.Seen seen = states.latest(c.topic());
            if (seen == null) {
                continue;
            }
            String value = c.template().apply(seen.text());
            oldest = Math.max(oldest, states.ageSeconds(seen));
            put(p, c.role(), value, out);
        }
        if (oldest < 0) {
            return null;
        }
        String component = p.device().component();
        if (component.equals("sensor") || component.equals("binary_sensor")) {
            String unit = p.device().payloads().get("unit_of_measurement");
            if (unit == null && p.device().source().equals("homie") && !p.device().ranges().isEmpty()) {
                unit = p.device().ranges().values().iterator().next().unit();
            }
            out.put("unit", unit);
            out.put("device_class", p.device().deviceClass());
        }
        if (p.availability() != null) {
            DeviceStates.Seen a = states.latest(p.availability().topic());
            out.put("available", a == null ? null : !p.availability().offline().contains(a.text().strip()));
        }
        out.put("age_s", oldest);
        return out;
    }

    private static void put(DeviceProfile p, String role, String value, Map<String, Object> out) {
        String component = p.device().component();
        if (p.device().source().equals("homie")) {
            String type = p.device().payloads().getOrDefault("datatype", "string");
            Object v = value == null ? null : type.equals("boolean") ? (Object) value.equals("true")
                    : type.equals("integer") || type.equals("float") ? typed(value) : value;
            out.put("value", v);
            if (component.equals("switch")) {
                out.put("on", v);
            }
            return;
        }
        switch (component + "." + role) {
            case "light.state", "switch.state", "fan.state" -> {
                String on = p.payload("state_on", p.payload("payload_on", "ON"));
                String off = p.payload("state_off", p.payload("payload_off", "OFF"));
                if ("json".equals(p.device().payloads().get("schema"))) {
                    on = "ON";
                    off = "OFF";
                }
                out.put("on", value == null ? null : value.equals(on) ? Boolean.TRUE : value.equals(off) ? Boolean.FALSE : null);
            }
            case "lock.state" -> {
                out.put("state", value);
                String locked = p.payload("state_locked", "LOCKED");
                String unlocked = p.payload("state_unlocked", "UNLOCKED");
                out.put("locked", value == null ? null : value.equals(locked) ? Boolean.TRUE : value.equals(unlocked) ? Boolean.FALSE : null);
            }
            case "binary_sensor.state" -> out.put("value", value == null ? null : value.equals(p.payload("payload_on", "ON")) ? Boolean.TRUE
                    : value.equals(p.payload("payload_off", "OFF")) ? Boolean.FALSE : null);
            // a sensor with a unit measures a quantity: always a float, so 19 °C and 19.5 °C have one type
            case "sensor.state" -> out.put("value", value == null ? null
                    : p.device().payloads().containsKey("unit_of_measurement") ? measured(value) : typed(value));
            case "climate.mode", "climate.action", "cover.state", "alarm_control_panel.state" -> out.put(role, value);
            default -> out.put(role, value == null ? null : typed(value));  // brightness, percentage, temperatures, position
        }
    }

    private static List<String> stateTopics(DeviceProfile p) {
        return p.channels().values().stream().map(DeviceProfile.StateChannel::topic).distinct().toList();
    }

    private static double number(DeviceProfile p, String key, double fallback) {
        io.codeact.bridge.transport.mqtt.discovery.Range r = p.device().ranges().get("position");
        if (r == null) {
            return fallback;
        }
        return key.equals("position_open") ? r.max() : r.min();
    }

    private static double number(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A measured quantity as a float when it reads as a number, else the text. */
    static Object measured(String value) {
        Object v = typed(value);
        return v instanceof Long l ? (Object) l.doubleValue() : v;
    }

    /** A number as a number when it reads as one, else the text. */
    static Object typed(String value) {
        String v = value.strip();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : v;
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    private static boolean near(String value, double target, double tolerance) {
        try {
            return Math.abs(Double.parseDouble(value.strip()) - target) <= tolerance;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String format(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d) || Math.abs(d) >= 1e15) {
                return String.valueOf(d);
            }
            return java.math.BigDecimal.valueOf(Math.round(d * 1e6) / 1e6).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(List<Publish> sends) {
        return String.join(" and ", sends.stream().map(s -> "'" + s.payload() + "' to " + s.topic()).toList());
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String seconds(Duration d) {
        return format(d.toMillis() / 1000.0);
    }

    /** Options of a {@link DiscoveredDeviceInvoker}. */
    public static final class Options {
        private Duration timeout = Duration.ofSeconds(10);
        private Duration moveTimeout = Duration.ofSeconds(120);
        private LongSupplier nanos = System::nanoTime;

        Options() {}

        /** How long a command waits for its state to show the requested value (default 10 s). */
        public Options timeout(Duration value) {
            this.timeout = positive(value, "timeout");
            return this;
        }

        /** The same for a cover's open, close and set_position, which take the door's travel time (default 120 s). */
        public Options moveTimeout(Duration value) {
            this.moveTimeout = positive(value, "moveTimeout");
            return this;
        }

        /** The clock for ages and deadlines (tests may pass their own). */
        public Options nanos(LongSupplier value) {
            this.nanos = Objects.requireNonNull(value, "nanos");
            return this;
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
