package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ScriptedChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RobotController}: one goal at a time, the queue, refusals, cancel, task goals; on the warehouse simulator. */
class RobotControllerTest {
    /** Drives forward for {@code seconds} (sim time), prints how it ended, then answers. */
    static List<String> driveScript(double seconds) {
        return List.of("""
                I will drive forward.
                <execute>
                r = robot.base.drive(0.3, duration=%s)
                print('drive', r['status'], round(r['distance'], 2))
                </execute>
                """.formatted(seconds), "<solution>I drove forward.</solution>");
    }

    private static SandboxEngine engine;
    @TempDir
    Path logs;
    private RobotController controller;
    private final Results results = new Results();

    @BeforeAll
    static void engine() {
        engine = SandboxEngine.create(c -> {
            c.actionTimeout = Duration.ofSeconds(60);
            c.warmSessions = 0;
        });
        try (var session = engine.openSession("warm-up")) {
            session.execute("import math"); // the first context of a JVM costs seconds; not in the tests' timeouts
        }
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    private RobotController start(double realtime, List<String> replies, Consumer<RobotController.Config> more) {
        SimulatedRobot robot = SimulatedRobot.create("warehouse", 7, Path.of("robot-tools"), realtime);
        controller = RobotController.start(c -> {
            c.binding = robot;
            c.engine = engine;
            c.modelSpec = "scripted:test";
            c.models = task -> ScriptedChatModel.of("test", replies);
            c.settings = EpisodeSettings.DEFAULTS.withBudgets(4, null, null);
            c.logDir = logs;
            more.accept(c);
        });
        controller.addListener(results);
        return controller;
    }

    private SimulatedRobot robot() {
        return (SimulatedRobot) controller.binding();
    }

    @Test
    void runsAGoalToOneResultWithFeedbackForItsTurn() throws Exception {
        start(0, driveScript(1.0), c -> {});
        assertThat(controller.submit(Goal.of("g1", "Drive forward a little.")).position()).isZero();

        GoalResult r = results.next(60);
        assertThat(r.goalId()).isEqualTo("g1");
        assertThat(r.outcome()).isEqualTo("solved");
        assertThat(r.success()).isTrue();
        assertThat(r.answer()).isEqualTo("I drove forward.");
        assertThat(r.turns()).isEqualTo(2);
        assertThat(r.actions()).isEqualTo(1);
        assertThat(r.log()).exists().hasParent(logs);
        assertThat(r.error()).isNull();
        assertThat(results.feedback).hasSize(1);
        GoalFeedback f = results.feedback.get(0);
        assertThat(f.goalId()).isEqualTo("g1");
        assertThat(f.turn()).isEqualTo(1);
        assertThat(f.code()).contains("robot.base.drive(0.3, duration=1.0)");
        assertThat(f.output()).isEqualTo("drive done 0.3\n");
        assertThat(f.error()).isNull();
        assertThat(controller.status().busy()).isFalse();
        assertThat(results.results).isEmpty();
    }

    @Test
    void queuesASecondGoalWhileBusyAndRunsItAfter() throws Exception {
        start(1.0, driveScript(2.0), c -> {});
        controller.submit(Goal.of("first", "Drive forward."));
        Worlds.await("the first goal's drive", 60, () -> Worlds.moving(robot().world()));

        RobotController.Admission second = controller.submit(Goal.of("second", "Drive forward again."));
        assertThat(second.accepted()).isTrue();
        assertThat(second.position()).isEqualTo(1);
        NodeStatus busy = controller.status();
        assertThat(busy.current().goalId()).isEqualTo("first");
        assertThat(busy.queue()).extracting(Goal::goalId).containsExactly("second");

        GoalResult first = results.next(60);
        GoalResult then = results.next(60);
        assertThat(first.goalId()).isEqualTo("first");
        assertThat(then.goalId()).isEqualTo("second");
        assertThat(List.of(first.outcome(), then.outcome())).containsOnly("solved");
        // the robot persists between goals: it drove 0.6 m twice from x = 2
        assertThat(((Number) Worlds.r1(robot().world()).get("x")).doubleValue()).isBetween(3.1, 3.3);
    }

    @Test
    void refusesAGoalWithAReasonWhenTheQueueIsFull() throws Exception {
        start(1.0, driveScript(30.0), c -> c.queueCapacity = 1);
        controller.submit(Goal.of("running", "Drive."));
        Worlds.await("the running goal's drive", 60, () -> Worlds.moving(robot().world()));
        assertThat(controller.submit(Goal.of("waiting", "Drive.")).accepted()).isTrue();

        RobotController.Admission full = controller.submit(Goal.of("one-too-many", "Drive."));

        assertThat(full.accepted()).isFalse();
        GoalResult refused = results.next(5);
        assertThat(refused.goalId()).isEqualTo("one-too-many");
        assertThat(refused.outcome()).isEqualTo("rejected");
        assertThat(refused.success()).isFalse();
        assertThat(refused.log()).isNull();
        assertThat(refused.error()).isEqualTo("queue full: goal 'running' is running and 1 goal is waiting (the limit is 1);"
                + " send it again later, cancel a queued goal, or start the node with a larger --queue");
        assertThat(full.reason()).isEqualTo(refused.error());
        assertThat(controller.submit(Goal.of("waiting", "Drive.")).reason())
                .isEqualTo("field 'goal_id': goal 'waiting' is already queued; use a new id for a new goal");
        results.next(5);
    }

    @Test
    void cancelStopsTheRunningEpisodeAtOnceAndNothingMovesAfterwards() throws Exception {
        start(1.0, driveScript(30.0), c -> {});
        controller.submit(Goal.of("long", "Drive for a long time."));
        Worlds.await("the long drive", 60, () -> Worlds.moving(robot().world()));

        assertThat(controller.cancel(null, "test")).isTrue();

        GoalResult r = results.next(20);
        assertThat(r.goalId()).isEqualTo("long");
        assertThat(r.outcome()).isEqualTo("cancelled");
        assertThat(r.success()).isFalse();
        assertThat(r.error()).startsWith("cancelled by test (");
        assertThat(Worlds.moving(robot().world())).isFalse();
        // a 30 s drive at 0.3 m/s would have gone 9 m from x = 2
        assertThat(((Number) Worlds.r1(robot().world()).get("x")).doubleValue()).isLessThan(4.0);
        assertThat(controller.status().busy()).isFalse();
    }

    @Test
    void cancellingAQueuedGoalRemovesItWithACancelledResult() throws Exception {
        start(1.0, driveScript(30.0), c -> {});
        controller.submit(Goal.of("running", "Drive."));
        Worlds.await("the running goal's drive", 60, () -> Worlds.moving(robot().world()));
        controller.submit(Goal.of("queued", "Drive."));

        assertThat(controller.cancel("queued", "test")).isTrue();

        GoalResult r = results.next(5);
        assertThat(r.goalId()).isEqualTo("queued");
        assertThat(r.outcome()).isEqualTo("cancelled");
        assertThat(r.turns()).isZero();
        assertThat(r.error()).isEqualTo("cancelled by test before it started");
        assertThat(controller.status().queue()).isEmpty();
        assertThat(controller.cancel("no-such-goal", "test")).isFalse();
        controller.cancel("running", "test");
        assertThat(results.next(20).outcome()).isEqualTo("cancelled");
    }

    @Test
    void runsATaskGoalWithTheOracleAndReportsTheTaskCheck() throws Exception {
        TaskSuite tasks = TaskSuite.load(Path.of("simulations/tasks"));
        start(0, List.of(), c -> {
            c.modelSpec = "oracle";
            c.models = OracleChatModel::new;
            c.tasks = tasks;
        });

        controller.submit(Goal.ofTask("t1", "warehouse-lidar-nearest"));

        GoalResult r = results.next(60);
        assertThat(r.outcome()).isEqualTo("solved");
        assertThat(r.success()).isTrue();
        // the task's own scenario (r1 at (5, 5)), not the node's world (r1 at (2, 6))
        assertThat(Worlds.r1(robot().world()).get("x")).isEqualTo(5.0);
    }

    @Test
    void refusesTaskGoalsItCannotRunNamingTheField() throws Exception {
        start(0, List.of(), c -> {
            c.modelSpec = "oracle";
            c.models = OracleChatModel::new;
            c.tasks = TaskSuite.load(Path.of("simulations/tasks"));
        });

        controller.submit(Goal.ofTask("t1", "no-such-task"));
        controller.submit(Goal.ofTask("t2", "tabletop-red-to-red-bin"));
        controller.submit(Goal.of("t3", "Dock the robot."));

        assertThat(results.next(5).error()).startsWith("field 'task': unknown task 'no-such-task'");
        assertThat(results.next(5).error()).isEqualTo("field 'task': task tabletop-red-to-red-bin is for the tabletop world;"
                + " this robot is the warehouse simulator");
        assertThat(results.next(5).error()).isEqualTo("field 'text': this node's model is the oracle, which replays a"
                + " task's reference solution; send 'task' with a task id instead of a goal in words");
        assertThat(controller.completedGoals()).isEqualTo(3);
    }
}
