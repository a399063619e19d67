package io.codeact.bridge.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.llm.ScriptedChatModel;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safety layer as code actions meet it: real GraalPy sessions on the in-process simulators. */
class SafetyInPythonTest {
    private static SandboxEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        engine = SandboxEngine.create(c -> c.actionTimeout = Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private SimWorldSession world(String name, String safetyYaml, StopLatch latch, Confirmer confirmer) throws Exception {
        SafetyPolicy policy = SafetyPolicy.defaults();
        if (safetyYaml != null) {
            Path f = dir.resolve("safety.yaml");
            Files.writeString(f, safetyYaml);
            policy = SafetyPolicy.load(f);
        }
        return SimWorldSession.create(name, 7, Map.of(), Path.of("robot-tools"),
                new SafetySettings(policy, confirmer, latch, false));
    }

    @Test
    void aViolationIsAPythonExceptionWithRuleValueAndLimit() throws Exception {
        SimWorldSession sim = world("warehouse", "limits:\n  robot.base.drive.linear: {max: 0.5}\n", new StopLatch(),
                Confirmer.fixed(false, "t"));
        try (Session s = engine.openSession("sv")) {
            sim.exposeIn(s);
            ActionResult r = s.execute("""
                    try:
                        robot.base.drive(0.9, duration=1.0)
                    except SafetyViolation as e:
                        print(e.rule, e.value, e.limit)
                    """);
            assertEquals(ActionStatus.OK, r.status(), r.toString());
            assertEquals("base.drive.linear.max 0.9 0.5", r.stdout().strip());
        }
    }

    @Test
    void caughtViolationsAreCountedAndAuditedAndStopFromPythonLatches() throws Exception {
        StopLatch latch = new StopLatch();
        SimWorldSession sim = world("warehouse", "limits:\n  robot.base.drive.linear: {max: 0.5}\n", latch,
                Confirmer.fixed(false, "t"));
        Path logFile = dir.resolve("ep.jsonl");
        EpisodeResult result;
        try (Session s = engine.openSession("count"); EpisodeLog log = EpisodeLog.open(logFile)) {
            Agent agent = Agent.create(c -> {
                c.model = ScriptedChatModel.of("test", List.of(
                        "<execute>\ntry:\n    robot.base.drive(0.9)\nexcept SafetyViolation as e:\n    print('refused:', e.rule)\n"
                                + "stop('saw something odd')\ntry:\n    robot.base.drive(0.2)\nexcept SafetyViolation as e:\n"
                                + "    print('refused:', e.rule)\n</execute>",
                        "<execute>\nfinish('stopped and waiting for a person')\n</execute>"));
                c.session = s;
                c.log = log;
                sim.bindTo(s, c);
            });
            result = agent.run("drive fast");
        }
        assertEquals(2, result.safetyViolations(), result.toString());
        assertTrue(latch.stopped());
        assertTrue(latch.state().by().startsWith("code action: saw something odd"), latch.state().toString());
        String log = Files.readString(logFile);
        assertTrue(log.contains("\"rule\":\"stop.latched\""), log);
        assertTrue(log.contains("\"event\":\"stop\""), log);
        // the model was told in its observation
        assertTrue(log.contains("safety: refused robot.base.drive(): base.drive.linear.max"), log);
    }

    @Test
    void codeCannotReachTheBindingBehindTheGate() throws Exception {
        SimWorldSession sim = world("warehouse", null, new StopLatch(), Confirmer.fixed(false, "t"));
        try (Session s = engine.openSession("bypass")) {
            sim.exposeIn(s);
            for (String attempt : List.of(
                    "import java",
                    "import polyglot",
                    "__import__('java').type('io.codeact.bridge.sim.inprocess.SimToolInvoker')",
                    "import socket",
                    "import subprocess",
                    "robot.base.drive.__globals__['__builtins__']['__import__']('polyglot')")) {
                ActionResult r = s.execute(attempt);
                assertEquals(ActionStatus.ERROR, r.status(), attempt + " -> " + r);
            }
            // nothing reachable from the API objects is a Java object
            ActionResult walk = s.execute("""
                    seen, todo, foreign = set(), [robot], []
                    while todo:
                        o = todo.pop()
                        if id(o) in seen:
                            continue
                        seen.add(id(o))
                        if 'foreign' in type(o).__name__.lower() or 'java' in type(o).__module__.lower():
                            foreign.append(repr(type(o)))
                        for n in dir(o):
                            if not n.startswith('__'):
                                todo.append(getattr(o, n))
                    print(len(seen) > 10, foreign)
                    """);
            assertEquals("True []", walk.stdout().strip(), walk.toString());
        }
    }

    @Test
    void twoSessionsRacingOnOneWorldBothPassTheGate() throws Exception {
        SimWorldSession sim = world("warehouse", "rate_limits:\n  - {tools: \"robot.base.drive\", max: 3, per_s: 60}\n",
                new StopLatch(), Confirmer.fixed(false, "t"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try (Session a = engine.openSession("a"); Session b = engine.openSession("b")) {
            sim.exposeIn(a);
            sim.exposeIn(b);
            String code = """
                    ok = refused = 0
                    for i in range(4):
                        try:
                            robot.base.drive(0.1, duration=0.1)
                            ok += 1
                        except SafetyViolation:
                            refused += 1
                    print(ok, refused)
                    """;
            Future<ActionResult> ra = pool.submit(() -> {
                go.await();
                return a.execute(code);
            });
            Future<ActionResult> rb = pool.submit(() -> {
                go.await();
                return b.execute(code);
            });
            go.countDown();
            int ok = 0;
            for (Future<ActionResult> f : List.of(ra, rb)) {
                String[] parts = f.get().stdout().strip().split(" ");
                ok += Integer.parseInt(parts[0]);
                assertEquals(4, Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]));
            }
            assertEquals(3, ok, "one rate limit across both sessions: 3 drives in total pass");
        } finally {
            pool.shutdownNow();
        }
    }
}
