package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.transport.mqtt.Mosquitto;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The controller node over MQTT against Debian's mosquitto: goals, cancels and malformed messages sent with
 * {@code mosquitto_pub}, results, feedback, status and availability read with a subscriber. The robot is the
 * warehouse simulator at real time; the model drives forward for 5 s per goal (scripted).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerNodeMqttIT {
    private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final String BASE = "codeact/agent/robot";

    private static Mosquitto mosquitto;
    private static ControllerNode node;
    private static MqttTransport watcher;
    private static Path logs;
    private static final List<Map<String, Object>> results = new CopyOnWriteArrayList<>();
    private static final List<Map<String, Object>> feedback = new CopyOnWriteArrayList<>();
    private static final List<Map<String, Object>> statuses = new CopyOnWriteArrayList<>();
    private static final List<String> availability = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
        assumeTrue(Files.isExecutable(MOSQUITTO_PUB), "mosquitto_pub is not installed (apt-get install mosquitto-clients)");
        mosquitto = Mosquitto.start(false);
        logs = Files.createTempDirectory("node-mqtt-logs");
        Path script = Path.of(ControllerNodeMqttIT.class.getResource("drive-5s.yaml").toURI());
        node = ControllerNode.start(NodeOptions.builder().world("warehouse").realtimeFactor(1.0).model("scripted:" + script)
                .episode(new EpisodeSettings("code", 4, 0, null, Duration.ofSeconds(60))).queueSize(1)
                .mqtt(true).broker(mosquitto.url()).logDir(logs).home(Path.of(".")).build());
        watcher = MqttTransport.connect(c -> c.brokerUrl(mosquitto.url()).availability(false));
        watcher.subscribe(BASE + "/result", "json", m -> results.add(m.fields()));
        watcher.subscribe(BASE + "/feedback", "json", m -> feedback.add(m.fields()));
        watcher.subscribe(BASE + "/status", "json", m -> statuses.add(m.fields()));
        watcher.subscribe(BASE + "/availability", "text", m -> availability.add((String) m.fields().get("text")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    @Order(1)
    void aGoalSentWithMosquittoPubRunsToAResultWithFeedback() throws Exception {
        assertThat(availability).startsWith("online");

        pub("goal", "{\"goal_id\": \"m1\", \"text\": \"Drive forward.\"}");

        Map<String, Object> r = result("m1", 90);
        assertThat(r).containsEntry("outcome", "solved").containsEntry("success", true)
                .containsEntry("answer", "I drove forward.").containsEntry("turns", 2).containsEntry("actions", 1)
                .containsEntry("safety_violations", 0).containsEntry("error", null);
        assertThat(Path.of((String) r.get("log"))).exists().hasParent(logs);
        Map<String, Object> f = feedback.stream().filter(m -> "m1".equals(m.get("goal_id"))).findFirst().orElseThrow();
        assertThat(f).containsEntry("turn", 1).containsEntry("output", "drive done 1.5\n").containsEntry("errors", List.of());
        assertThat((String) f.get("code")).contains("robot.base.drive(0.3, duration=5.0)");
        awaitStatus("idle after m1", s -> "idle".equals(s.get("state")));
    }

    @Test
    @Order(2)
    void aSecondGoalWhileBusyIsQueuedAndRunsAfterTheFirst() throws Exception {
        pub("goal", "{\"goal_id\": \"q1\", \"text\": \"Drive forward.\"}");
        Worlds.await("q1's drive", 60, () -> Worlds.moving(node.robot().world()));
        pub("goal", "{\"goal_id\": \"q2\", \"text\": \"Drive forward again.\"}");

        awaitStatus("q2 queued behind q1", s -> "busy".equals(s.get("state"))
                && "q1".equals(((Map<?, ?>) s.get("current")).get("goal_id"))
                && ((List<?>) s.get("queue")).size() == 1
                && "q2".equals(((Map<?, ?>) ((List<?>) s.get("queue")).get(0)).get("goal_id")));
        assertThat(result("q1", 60)).containsEntry("outcome", "solved");
        assertThat(result("q2", 60)).containsEntry("outcome", "solved");
        assertThat(indexOf("q1")).isLessThan(indexOf("q2"));
    }

    @Test
    @Order(3)
    void aFullQueueRefusesWithAReasonAndCancelStopsTheRobotMidDrive() throws Exception {
        double startX = x();
        pub("goal", "{\"goal_id\": \"c1\", \"text\": \"Drive forward.\"}");
        Worlds.await("c1's drive", 60, () -> Worlds.moving(node.robot().world()));
        pub("goal", "{\"goal_id\": \"c2\", \"text\": \"Drive forward.\"}");
        pub("goal", "{\"goal_id\": \"c3\", \"text\": \"Drive forward.\"}");

        Map<String, Object> full = result("c3", 10);
        assertThat(full).containsEntry("outcome", "rejected").containsEntry("success", false).containsEntry("log", null);
        assertThat((String) full.get("error")).isEqualTo("queue full: goal 'c1' is running and 1 goal is waiting (the limit"
                + " is 1); send it again later, cancel a queued goal, or start the node with a larger --queue");

        pub("cancel", "{\"goal_id\": \"c2\"}");
        assertThat(result("c2", 10)).containsEntry("outcome", "cancelled").containsEntry("turns", 0);
        pubEmpty("cancel");
        Map<String, Object> cancelled = result("c1", 30);
        assertThat(cancelled).containsEntry("outcome", "cancelled").containsEntry("success", false);
        assertThat((String) cancelled.get("error")).startsWith("cancelled by mqtt (");
        assertThat(Worlds.moving(node.robot().world())).isFalse();
        assertThat(x() - startX).as("distance driven before the cancel; the whole drive is 1.4 m").isLessThan(1.2);
    }

    @Test
    @Order(4)
    void malformedGoalsGetARejectedResultNamingTheFieldAndTheNodeGoesOn() throws Exception {
        pub("goal", "{\"goal_id\": \"bad1\"}");
        pub("goal", "{\"goal_id\": \"bad2\", \"text\": 5}");
        pub("goal", "{\"goal_id\": \"bad3\", \"text\": \"Drive.\", \"max_turns\": \"many\"}");
        pub("goal", "drive forward please");

        assertThat(result("bad1", 10)).containsEntry("outcome", "rejected").containsEntry("error", "malformed goal on "
                + BASE + "/goal: missing field 'text' (the goal in words) or 'task' (a task id from simulations/tasks); send"
                + " {\"goal_id\": \"g1\", \"text\": \"Dock the robot and report the battery level.\"}");
        assertThat((String) result("bad2", 10).get("error")).endsWith("field 'text' must be a non-empty string, got the number 5");
        assertThat((String) result("bad3", 10).get("error")).endsWith("field 'max_turns' must be a whole number 1..1000,"
                + " got the string \"many\"");
        Map<String, Object> notJson = result(null, 10);
        assertThat((String) notJson.get("error")).startsWith("malformed goal on " + BASE + "/goal: the goal is not JSON (");
        assertThat(node.health().healthy()).isTrue();
    }

    @Test
    @Order(99)
    void availabilityGoesOfflineWhenTheNodeStops() throws Exception {
        node.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!availability.get(availability.size() - 1).equals("offline")) {
            if (System.nanoTime() > deadline) {
                fail("availability did not go offline: " + availability);
            }
            Thread.sleep(20);
        }
        assertThat(node.health().running()).isFalse();
    }

    private static double x() {
        return ((Number) Worlds.r1(node.robot().world()).get("x")).doubleValue();
    }

    private static int indexOf(String goalId) {
        for (int i = 0; i < results.size(); i++) {
            if (goalId.equals(results.get(i).get("goal_id"))) {
                return i;
            }
        }
        return -1;
    }

    /** The result for this goal id (null: a refused message without one), waiting for it. */
    private static Map<String, Object> result(String goalId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (Map<String, Object> r : results) {
                if (java.util.Objects.equals(goalId, r.get("goal_id"))) {
                    return r;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no result for goal " + goalId + " within " + seconds + " s; results: " + results);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitStatus(String what, java.util.function.Predicate<Map<String, Object>> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (statuses.stream().noneMatch(p)) {
            if (System.nanoTime() > deadline) {
                fail("status never showed " + what + "; statuses: " + statuses);
            }
            Thread.sleep(20);
        }
    }

    private static void pub(String topic, String message) throws Exception {
        run(List.of(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()), "-q", "1",
                "-t", BASE + "/" + topic, "-m", message));
    }

    private static void pubEmpty(String topic) throws Exception {
        run(List.of(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()), "-q", "1",
                "-t", BASE + "/" + topic, "-n"));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 20 s");
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
