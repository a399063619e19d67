package io.codeact.bridge.sim.node;

import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code command_rtt} figure of {@code codeact bench mqtt}: one tool call timed inside Python, from the
 * call in a code action through the safety gate, the MQTT binding, the broker, the simulated device's
 * command-id echo on its state topic and the bridge's command channel, back to the value in Python.
 * The device is a lockstep {@link SimMqttNode} in this JVM answering {@code robot.battery.level()}, a read
 * that takes no sim time, so the figure is the path's own cost.
 */
public final class CommandRttBenchmark {
    private CommandRttBenchmark() {}

    /** {p50, p99} in ms over {@code samples} calls after a warm-up of {@code samples / 5}. */
    public static double[] run(Path toolsDir, String brokerUrl, int samples) {
        String prefix = "bench-cmd-" + Long.toHexString(System.nanoTime() & 0xffffff);
        try (SimWorldSession sim = MqttWorldSession.create("warehouse", 7, Map.of(), toolsDir,
                        o -> o.brokerUrl(brokerUrl).prefix(prefix));
                SandboxEngine engine = SandboxEngine.create(c -> {
                    c.actionTimeout = Duration.ofMinutes(5);
                    c.warmSessions = 0;
                });
                Session session = engine.openSession("bench-command-rtt")) {
            sim.exposeIn(session);
            ActionResult r = session.execute("""
                    import time
                    def timed(n):
                        out = []
                        for _ in range(n):
                            t = time.perf_counter()
                            robot.battery.level()
                            out.append(time.perf_counter() - t)
                        return out
                    timed(%d)
                    ts = sorted(timed(%d))
                    print(ts[len(ts) // 2] * 1000, ts[min(len(ts) - 1, int(len(ts) * 0.99))] * 1000)
                    """.formatted(Math.max(20, samples / 5), samples), Duration.ofMinutes(5));
            if (r.status() != ActionStatus.OK) {
                throw new IllegalStateException("the command round-trip action failed: " + r.status() + " "
                        + (r.error() == null ? r.stderr() : r.error().message()));
            }
            String[] parts = r.stdout().strip().split(" ");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        }
    }
}
