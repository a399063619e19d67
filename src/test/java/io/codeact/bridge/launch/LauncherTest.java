package io.codeact.bridge.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.transport.ros.MasterClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher starts nodes in dependency order, restarts them per policy, and ends with required nodes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private LaunchPlan plan(String yaml) throws IOException {
        Path file = dir.resolve("test.yaml");
        Files.writeString(file, yaml);
        return LaunchLoader.create(NodeTypes.standard(), Path.of("").toAbsolutePath()).load(file, Map.of());
    }

    private Launcher launcher(LaunchPlan plan) {
        return Launcher.create(plan, c -> c.out = new PrintWriter(out, true));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void crashingNodeIsRestartedPerItsPolicyAndARequiredOneEndsTheLaunchAsFailed() throws IOException {
        Launcher.Result r = launcher(plan("""
                nodes:
                  - name: crasher
                    type: process
                    required: true
                    restart: {policy: on-failure, max_restarts: 2, backoff_s: 0.05}
                    params:
                      command: "echo running; exit 3"
                """)).run();

        assertThat(r.ending()).as(out.toString()).isEqualTo(Launcher.Ending.FAILED);
        assertThat(r.detail()).isEqualTo("required node crasher failed: exit code 3");
        assertThat(lines()).filteredOn(l -> l.equals("[crasher] running")).hasSize(3);
        assertThat(out.toString()).contains(
                "[launch] node crasher FAILED: exit code 3",
                "[launch] restarting crasher in 0.1 s (restart 1 of 2, restart policy on-failure)",
                "[launch] restarting crasher in 0.1 s (restart 2 of 2, restart policy on-failure)",
                "[launch] not restarting crasher again: restarted 2 time(s), its max_restarts",
                "[launch] launch failed: required node crasher failed: exit code 3");
    }

    @Test
    void nodeThatCrashesAfterComingUpIsRestartedAndTheLaunchGoesOnUntilTheRequiredNodeSucceeds() throws IOException {
        Path count = dir.resolve("count");
        Launcher.Result r = launcher(plan("""
                nodes:
                  - name: flaky
                    type: process
                    restart: {policy: always, max_restarts: 1, backoff_s: 0}
                    params:
                      command: "echo up >> '%s'; echo ready; sleep 0.3; exit 1"
                      ready_line: ready
                  - name: main
                    type: process
                    after: flaky
                    required: true
                    params:
                      command: "while [ $$(wc -l < '%s') -lt 2 ]; do sleep 0.05; done; echo saw the restart"
                """.formatted(count, count))).run();

        assertThat(r.ending()).as(out.toString()).isEqualTo(Launcher.Ending.COMPLETED);
        assertThat(Files.readAllLines(count)).containsExactly("up", "up");
        assertThat(out.toString()).contains("[launch] node flaky FAILED: exit code 1",
                "[launch] restarting flaky in 0.0 s (restart 1 of 1, restart policy always)",
                "[launch] restarted flaky (process)", "[main] saw the restart",
                "[launch] launch completed: required node main ended: exit code 0");
    }

    @Test
    void startsInDependencyOrderWaitingForHealthAndStopsInReverse() throws IOException {
        Path order = dir.resolve("order");
        Launcher.Result r = launcher(plan("""
                nodes:
                  - name: last
                    type: process
                    after: [middle, master]
                    required: true
                    params:
                      command: "echo last >> '%1$s'"
                  - name: middle
                    type: process
                    after: master
                    params:
                      command: "sleep 0.3; echo middle >> '%1$s'; echo ready; exec sleep 60"
                      ready_line: ^ready$
                  - name: master
                    type: roscore
                    params: {port: 0}
                """.formatted(order))).run();

        assertThat(r.ending()).as(out.toString()).isEqualTo(Launcher.Ending.COMPLETED);
        // middle writes its line 0.3 s after it starts: last only starts once middle said it is ready.
        assertThat(Files.readAllLines(order)).containsExactly("middle", "last");
        List<String> launch = lines().stream().filter(l -> l.startsWith("[launch] st"))
                .filter(l -> !l.startsWith("[launch] started last")).toList(); // last may end before it is seen up
        assertThat(lines().get(0)).isEqualTo("[launch] " + LaunchLoader.shown(dir.resolve("test.yaml"))
                + ": starting 3 node(s) in order: master, middle, last");
        assertThat(launch.get(0)).startsWith("[launch] started master (roscore): ROS master at http://");
        assertThat(launch.get(1)).startsWith("[launch] started middle (process): pid ");
        assertThat(launch.subList(2, launch.size())).containsExactly("[launch] stopping middle", "[launch] stopping master");
    }

    @Test
    void simAndControllerNodesComeUpOnTheLaunchsOwnBrokerAndMaster() throws IOException {
        Launcher.Result r = launcher(plan("""
                nodes:
                  - {name: broker, type: mqtt_broker, params: {port: 0}}
                  - {name: master, type: roscore, params: {port: 0}}
                  - name: home
                    type: sim
                    after: broker
                    params: {world: smart_home, lockstep: true, prefix: launchtest}
                  - name: warehouse
                    type: sim
                    after: master
                    params: {world: warehouse, transport: ros, rate: 2.0}
                  - name: controller
                    type: controller
                    after: [broker, master]
                    params:
                      world: warehouse
                      model: scripted:simulations/demo/warehouse-demo.yaml
                      mqtt: true
                      ros: true
                      confirm: approve
                      safety: none
                      log_dir: %s
                  - {name: done, type: process, after: [home, warehouse, controller], required: true, params: {command: "true"}}
                """.formatted(dir.resolve("logs")))).run();

        assertThat(r.ending()).as(out.toString()).isEqualTo(Launcher.Ending.COMPLETED);
        String broker = out.toString().replaceAll("(?s).*started broker \\(mqtt_broker\\): listening on (\\S+).*", "$1");
        String master = out.toString().replaceAll("(?s).*started master \\(roscore\\): ROS master at (\\S+).*", "$1");
        // Nodes that name no broker or master use the launch's own.
        assertThat(out.toString())
                .contains("[launch] started home (sim): smart_home (seed 7, lockstep) is device 'home' on " + broker
                        + ": commands on launchtest/home/<api>/cmd")
                .contains("[launch] started warehouse (sim): warehouse (seed 7, x2.0 real time) is ROS node /codeact_sim on " + master)
                .contains("[launch] started controller (controller): robot robot (warehouse simulator", "goals on " + broker
                        + " codeact/agent/robot/goal, goals on /robot/codeact/goal at " + master)
                .contains("[launch] stopping controller", "[launch] stopping warehouse", "[launch] stopping home");
    }

    @Test
    void shutdownStopsEveryNodeAndEndsTheLaunchAsInterrupted() throws Exception {
        Launcher launcher = launcher(plan("""
                nodes:
                  - name: master
                    type: roscore
                    params: {port: 0}
                  - name: server
                    type: process
                    after: master
                    params:
                      command: [sleep, "60"]
                """));
        CompletableFuture<Launcher.Result> result = CompletableFuture.supplyAsync(launcher::run);
        while (!out.toString().contains("all nodes are up")) {
            assertThat(result).isNotDone();
            Thread.sleep(20);
        }
        String uri = out.toString().replaceAll("(?s).*ROS master at (\\S+).*", "$1");
        assertThat(MasterClient.of(uri, "/probe").getPid()).isPositive();
        launcher.shutdown("Ctrl-C");

        Launcher.Result r = result.get(30, TimeUnit.SECONDS);
        assertThat(r.ending()).isEqualTo(Launcher.Ending.INTERRUPTED);
        assertThat(launcher.awaitStopped(Duration.ZERO)).isTrue();
        assertThat(out.toString()).contains("[launch] Ctrl-C: stopping every node", "[launch] stopping server", "[launch] stopping master");
        assertThat(out.toString().indexOf("stopping server")).isLessThan(out.toString().indexOf("stopping master"));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 60")
                && p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false))).isEmpty();
    }

    @Test
    void nodeThatNeverComesUpFailsTheLaunchAndItsDependantsAreNotStarted() throws IOException {
        Launcher.Result r = launcher(plan("""
                nodes:
                  - name: silent
                    type: process
                    ready_timeout_s: 0.3
                    params:
                      command: [sleep, "30"]
                      ready_line: never printed
                  - name: user
                    type: process
                    after: silent
                    required: true
                    params:
                      command: [echo, should not run]
                """)).run();

        assertThat(r.ending()).isEqualTo(Launcher.Ending.FAILED);
        assertThat(r.detail()).isEqualTo("node silent did not come up (not healthy after 0.3 s (raise ready_timeout_s if it "
                + "needs longer)); nodes that start after it were not started: user");
        assertThat(out.toString()).doesNotContain("should not run");
    }
}
