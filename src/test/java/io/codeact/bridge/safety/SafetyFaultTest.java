package io.codeact.bridge.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import io.codeact.bridge.llm.ScriptedChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from issue #9 on real parts: a code action that loops on drive() past its timeout, and a model
 * endpoint that fails mid-episode. In both the agent halts all motion through the safety gate, says so in
 * the record, and the robot comes to rest.
 */
class SafetyFaultTest {
    private static SandboxEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        engine = SandboxEngine.create(c -> c.warmSessions = 0);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static SimWorldSession pacedWarehouse() {
        // paced to the wall clock (4 sim s per wall s): a drive takes real time, as on a robot
        return SimWorldSession.create("warehouse", 7, Map.of(), Path.of("robot-tools"),
                new SafetySettings(SafetyPolicy.defaults(), Confirmer.fixed(false, "test"), new StopLatch(), false), 4.0);
    }

    private static Map<?, ?> robot(World w) {
        synchronized (w) {
            return (Map<?, ?>) ((Map<?, ?>) w.state().get("robots")).values().iterator().next();
        }
    }

    /** Lets the halted base coast to rest and returns how far it went meanwhile (m). */
    private static double coast(World w) {
        Map<?, ?> before = robot(w);
        synchronized (w) {
            w.runUntil(() -> false, 3.0);
        }
        Map<?, ?> after = robot(w);
        assertThat(((Number) after.get("linear")).doubleValue()).as("base at rest").isZero();
        return Math.hypot(((Number) after.get("x")).doubleValue() - ((Number) before.get("x")).doubleValue(),
                ((Number) after.get("y")).doubleValue() - ((Number) before.get("y")).doubleValue());
    }

    @Test
    void aCodeActionLoopingOnDrivePastItsTimeoutIsInterruptedAndTheRobotHalted() throws Exception {
        SimWorldSession sim = pacedWarehouse();
        Path logFile = dir.resolve("loop.jsonl");
        EpisodeResult result;
        try (Session s = engine.openSession("loop"); EpisodeLog log = EpisodeLog.open(logFile)) {
            Agent agent = Agent.create(c -> {
                c.model = ScriptedChatModel.of("test", List.of(
                        "<execute>\nwhile True:\n    robot.base.drive(0.3, angular=0.5, duration=30)\n</execute>",
                        "<execute>\nfinish('the loop was cut off')\n</execute>"));
                c.session = s;
                c.log = log;
                c.actionTimeout = Duration.ofMillis(1500);
                sim.bindTo(s, c);
            });
            result = agent.run("drive around forever");
        }
        assertThat(result.outcome()).isEqualTo(Outcome.SOLVED);
        String log = Files.readString(logFile);
        assertThat(log).contains("\"status\":\"timeout\"");
        assertThat(log).containsPattern("\"event\":\"halt\",\"reason\":\"action 1 ended with TIMEOUT\"");
        assertThat(coast(sim.world())).as("distance after the halt").isLessThan(0.1);
        sim.close();
    }

    @Test
    void aModelEndpointFailingMidEpisodeEndsItClearlyAndHaltsMotion() throws Exception {
        SimWorldSession sim = pacedWarehouse();
        World world = sim.world();
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (requests.incrementAndGet() == 1) {
                        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                                {"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop",
                                 "message":{"role":"assistant","content":"<execute>\\nprint(robot.base.drive(0.2, duration=0.5)['status'])\\n</execute>"}}],
                                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""").build();
                    }
                    // meanwhile something set the base moving with a long lease (another client, a manual command)
                    synchronized (world) {
                        world.start("base.set_velocity", Map.of("linear", 0.4, "lease", 60.0));
                        world.runUntil(() -> false, 0.5);
                    }
                    return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"invalid api key\",\"type\":\"invalid_request_error\"}}").build();
                }
            });
            server.start();
            ChatModel model = ChatModels.fromSpec("openai:m", c -> c.baseUrl(server.url("/v1").toString()).env(Map.of()).stream(false));
            Path logFile = dir.resolve("model.jsonl");
            EpisodeResult result;
            try (Session s = engine.openSession("model"); EpisodeLog log = EpisodeLog.open(logFile)) {
                Agent agent = Agent.create(c -> {
                    c.model = model;
                    c.session = s;
                    c.log = log;
                    sim.bindTo(s, c);
                });
                result = agent.run("drive a little, then more");
            }
            assertThat(result.outcome()).isEqualTo(Outcome.MODEL_ERROR);
            assertThat(result.detail()).contains("401");
            assertThat(Files.readString(logFile)).contains("\"event\":\"halt\",\"reason\":\"episode ended: model_error\"");
            assertThat(coast(world)).as("distance after the halt").isLessThan(0.15);
        }
        sim.close();
    }
}
