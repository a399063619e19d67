package io.codeact.bridge.safety;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ToolSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every binding session shows code actions: the exposed tools behind a {@link SafetyGate} (plus
 * {@code stop()}), and {@code wait(seconds)} on the binding's clock. One place for exposing them in a
 * session and putting the gate into an agent's loop, so the in-process, MQTT, ROS and discovery sessions
 * cannot drift apart.
 */
public final class GatedApis {
    /** Lets {@code seconds} pass on the binding's clock; returns its time afterwards (or the seconds waited). */
    @FunctionalInterface
    public interface Wait {
        double waitSeconds(double seconds);
    }

    private final SafetyGate gate;
    private final List<PyApi> apis;

    private GatedApis(SafetyGate gate, List<PyApi> apis) {
        this.gate = gate;
        this.apis = List.copyOf(apis);
    }

    /**
     * @param waitDoc the docstring of {@code wait()}: whose clock it is
     * @param wait the binding's wait; {@code seconds} is already checked to be within 0..3600
     */
    public static GatedApis of(SafetyGate gate, String waitDoc, Wait wait) {
        List<PyApi> all = new ArrayList<>(gate.pyApis());
        all.add(PyApi.function("wait", waitDoc, List.of(Param.required("seconds", "how long to wait (float, s, 0..3600)")),
                args -> {
                    double s = args.getDouble("seconds");
                    if (!(s >= 0 && s <= 3600)) {
                        throw RobotException.safetyViolation("wait.seconds.max", s, 3600.0,
                                "wait(): seconds must be within 0..3600, got " + s);
                    }
                    return wait.waitSeconds(s);
                }));
        return new GatedApis(gate, all);
    }

    /** A wait on the wall clock, for devices that live in real time. */
    public static Wait wallClock() {
        return seconds -> {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RobotException.robotError("wait() was interrupted");
            }
            return seconds;
        };
    }

    public SafetyGate gate() {
        return gate;
    }

    /** The tools the model sees: the declared (or discovered) ones the safety policy exposes. */
    public ToolSet tools() {
        return gate.tools();
    }

    /** The Python APIs: the tools' namespaces, {@code stop()} and {@code wait()}. */
    public List<PyApi> apis() {
        return apis;
    }

    public void exposeIn(Session session) {
        apis.forEach(session::expose);
    }

    /**
     * Exposes the APIs in the session, documents them in the agent's prompt, adds the gate's events to
     * observations, makes it the agent's motion guard, and records {@code recorded} in the episode's start.
     */
    public void bindTo(Session session, AgentConfig config, Map<String, ?> recorded) {
        exposeIn(session);
        config.apis.addAll(apis);
        config.observationSources.add(gate);
        config.guard = gate;
        config.recordedSettings.putAll(recorded);
    }
}
