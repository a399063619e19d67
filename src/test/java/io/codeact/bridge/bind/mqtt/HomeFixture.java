package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.node.HomeAssistantSimNode;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated home announcing itself on a broker, and a discovery session on it, under topics no other test
 * uses (retained configs of earlier tests do not interfere).
 */
final class HomeFixture implements AutoCloseable {
    private static SandboxEngine engine;

    final String discoveryPrefix;
    final String base;
    final World world;
    final HomeAssistantSimNode node;

    HomeFixture(String brokerUrl, double rate) {
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.discoveryPrefix = "ha_" + tag;
        this.base = "test/" + tag + "/home";
        this.world = WorldRegistry.standard().create("smart_home", 7, Map.of());
        this.node = HomeAssistantSimNode.connect(world, o -> o.brokerUrl(brokerUrl).discoveryPrefix(discoveryPrefix).baseTopic(base)
                .rate(rate).stateInterval(Duration.ofMillis(500)));
    }

    DiscoverySession session(String brokerUrl, SafetySettings safety, Duration timeout) {
        return DiscoverySession.connect(brokerUrl, o -> o.homeAssistantPrefix(discoveryPrefix).homiePrefix(null)
                .settle(Duration.ofMillis(500)).safety(safety).timeout(timeout).moveTimeout(Duration.ofSeconds(30)));
    }

    static SafetySettings confirming(boolean approve) {
        return new SafetySettings(SafetyPolicy.defaults(), Confirmer.fixed(approve, approve ? "test approves" : "test denies"),
                new StopLatch(), false);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state(String... path) {
        synchronized (world) {
            Object s = world.state();
            for (String p : path) {
                s = ((Map<String, Object>) s).get(p);
            }
            return (Map<String, Object>) s;
        }
    }

    static synchronized SandboxEngine engine() {
        if (engine == null) {
            engine = SandboxEngine.create(c -> {
                c.actionTimeout = Duration.ofSeconds(60);
                c.warmSessions = 0;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** Runs code actions in a fresh session with the discovered APIs; each action's stdout and error summary. */
    static String run(DiscoverySession home, String code) {
        try (Session session = engine().openSession("ha-test")) {
            home.exposeIn(session);
            ActionResult r = session.execute(code, Duration.ofSeconds(60));
            return r.stdout() + (r.error() == null ? "" : r.error().summary());
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
