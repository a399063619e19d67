package io.codeact.bridge.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launch files: args, env, includes, node params and dependencies, and their file:line errors. */
class LaunchLoaderTest {
    private static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    private final LaunchLoader loader = LaunchLoader.create(NodeTypes.standard(), HOME);

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private List<String> problems(Path file, Map<String, String> args) {
        return catchThrowableOfType(LaunchException.class, () -> loader.load(file, args)).problems();
    }

    private String shown(Path file) {
        return LaunchLoader.shown(file);
    }

    @Test
    void everyShippedLaunchFilePassesCheckInFull() throws IOException {
        assertThat(NodeTypes.standard().pendingTypes()).as("types announced but not registered").isEmpty();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(HOME.resolve("launch"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            try {
                LaunchPlan plan = loader.load(file, Map.of());
                assertThat(plan.nodes()).as(file.toString()).isNotEmpty();
            } catch (LaunchException e) {
                throw new AssertionError(file + " does not pass --check:\n" + e.getMessage(), e);
            }
        }
    }

    @Test
    void simAgentAndControllerNodesReportParamsThatDoNotFitTogether() throws IOException {
        Path file = write("nodes.yaml", """
                nodes:
                  - name: rossim
                    type: sim
                    params: {world: tabletop, transport: ros, broker: "mqtt://localhost:1883", lockstep: true}
                  - name: mqttsim
                    type: sim
                    params: {world: warehouse, master: "http://localhost:11311/", rate: 2000, device: "a/b"}
                  - name: agent
                    type: agent
                    params: {goal: Dock., model: "scripted:nowhere.yaml", world: warehouse, device: robot, sim_node: mqttsim, confirm: maybe}
                  - name: controller
                    type: controller
                    params: {world: warehouse, model: "openai:gpt-4o", confirm: yes please, mqtt: true}
                """);
        String f = shown(file);
        assertThat(problems(file, Map.of())).containsExactlyInAnyOrder(
                f + ":4: node rossim, param broker: applies to transport mqtt, not ros; remove it",
                f + ":4: node rossim, param lockstep: applies to transport mqtt, not ros; remove it",
                f + ":4: node rossim, param world: a ROS sim node serves the warehouse robot; 'tabletop' runs as an MQTT node (transport: mqtt)",
                f + ":7: node mqttsim, param master: applies to transport ros, not mqtt; remove it",
                f + ":7: node mqttsim, param rate: must be within (0, 1000] sim seconds per wall second, got 2000.0",
                f + ":7: node mqttsim, param device: must be one MQTT topic level (no '/', '+', '#' or spaces), got 'a/b'",
                f + ":10: node agent, param model: no such scripted reply file: nowhere.yaml (relative paths are from the working "
                        + "directory; write $(dirname)/… or $(home)/…)",
                f + ":10: node agent, param device: applies to binding mqtt, not sim; set binding: mqtt or remove it",
                f + ":10: node agent, param confirm: must be approve or deny (a launch has no terminal to ask), got 'maybe'",
                f + ":11: node controller: confirm must be approve or deny (the node has no terminal to ask), got 'yes please'");
    }

    @Test
    void substitutesArgsEnvAndOverridesInValuesAndIncludes() throws IOException {
        write("inc/master.yaml", """
                args:
                  port: {doc: the port}
                nodes:
                  - name: master
                    type: roscore
                    params: {port: $(arg port)}
                """);
        Path main = write("main.yaml", """
                args:
                  port: 11411
                  label: {default: "at $(arg port)", doc: uses an earlier arg}
                  home_shell: "$(env SHELL_THAT_IS_NOT_SET /bin/sh)"
                  extra: "[$(optenv ALSO_NOT_SET)]"
                env:
                  GREETING: hello $(arg label)
                include:
                  - file: inc/master.yaml
                    args: {port: $(arg port)}
                nodes:
                  - name: hello
                    type: process
                    after: [master]
                    params:
                      command: [$(arg home_shell), -c, "echo $GREETING $(arg extra) $$(date)"]
                """);
        LaunchPlan plan = loader.load(main, Map.of("port", "0"));
        assertThat(plan.args()).containsEntry("port", "0").containsEntry("label", "at 0")
                .containsEntry("home_shell", "/bin/sh").containsEntry("extra", "[]");
        assertThat(plan.node("master").params().integer("port")).isZero();
        assertThat(plan.node("hello").params().value("command")).isEqualTo(List.of("/bin/sh", "-c", "echo $GREETING [] $(date)"));
        assertThat(plan.node("hello").env()).containsEntry("GREETING", "hello at 0");
        assertThat(plan.node("master").params().where("port")).isEqualTo(shown(dir.resolve("inc/master.yaml")) + ":6");
    }

    @Test
    void startOrderPutsEachNodeAfterItsDependenciesAndOtherwiseKeepsFileOrder() throws IOException {
        Path file = write("order.yaml", """
                nodes:
                  - {name: agent, type: process, after: [sim, broker], params: {command: "true"}}
                  - {name: logger, type: process, params: {command: "true"}}
                  - {name: sim, type: process, after: broker, params: {command: "true"}}
                  - {name: broker, type: process, params: {command: "true"}}
                """);
        assertThat(loader.load(file, Map.of()).nodes()).extracting(NodeSpec::name).containsExactly("logger", "broker", "sim", "agent");
    }

    @Test
    void badYamlNamesTheLine() throws IOException {
        Path file = write("bad.yaml", """
                nodes:
                  - name: broker
                    type: mqtt_broker
                   params: {port: 1}
                """);
        assertThat(problems(file, Map.of())).singleElement().asString()
                .startsWith(shown(file) + ":4: not valid YAML: ").endsWith("; check indentation and quoting near that line");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnceWithFileAndLine() throws IOException {
        Path file = write("many.yaml", """
                args:
                  model: {doc: the model without a default}
                nodes:
                  - name: broker
                    type: mqtt_brokr
                  - name: master
                    type: roscore
                    params:
                      port: 11311
                      hostname: localhost
                  - name: agent
                    type: agent
                    restart: sometimes
                    params:
                      goal: "$(arg goal)"
                      model: $(arg model)
                      mode: prose
                """);
        String f = shown(file);
        assertThat(problems(file, Map.of("sede", "3"))).containsExactly(
                f + ":2: arg model has no default and was not given; pass model:=VALUE on the command line",
                "the command line: arg 'sede' is given, but " + f + " declares only: model",
                f + ":5: node broker: unknown node type 'mqtt_brokr'; use one of: mqtt_broker, roscore, agent, process, sim, controller",
                f + ":10: node master: unknown param 'hostname' for node type roscore; it takes: port, host",
                f + ":13: node agent: restart policy must be never, on-failure or always, got 'sometimes'",
                f + ":15: $(arg goal) names an arg this file does not declare (above this use); declare it under 'args:' (declared: model)");
    }

    @Test
    void nodeTypesCheckTheirParamsAtLoadTime() throws IOException {
        Path file = write("params.yaml", """
                nodes:
                  - name: broker
                    type: mqtt_broker
                    params: {port: 70000}
                  - name: agent
                    type: agent
                    params:
                      goal: tidy up
                      model: scripted:no/such/replies.yaml
                      world: moon
                      mode: prose
                  - name: job
                    type: process
                    params: {command: [no-such-program-xyz], stop_timeout_s: soon}
                  - name: bare
                    type: process
                """);
        String f = shown(file);
        assertThat(problems(file, Map.of())).containsExactly(
                f + ":4: node broker, param port: must be 0..65535 (0 picks a free port), got 70000",
                f + ":10: node agent, param world: unknown world 'moon'; use one of: warehouse, tabletop, smart_home, toolbox",
                f + ":9: node agent, param model: no such scripted reply file: no/such/replies.yaml (relative paths are from the "
                        + "working directory; write $(dirname)/… or $(home)/…)",
                f + ":11: node agent, param mode: must be code, json or text, got 'prose'",
                f + ":14: node job, param stop_timeout_s: must be a number, got 'soon'",
                f + ":15: node bare: missing param 'command' (the command: [program, arg, …] or a string for sh -c)");
    }

    @Test
    void includeCycleIsReportedWithTheIncludeChain() throws IOException {
        write("a.yaml", """
                include:
                  - file: sub/b.yaml
                nodes:
                  - {name: a, type: process, params: {command: "true"}}
                """);
        write("sub/b.yaml", """
                nodes:
                  - {name: b, type: process, params: {command: "true"}}
                include:
                  - {file: ../a.yaml}
                """);
        Path a = dir.resolve("a.yaml");
        String b = shown(dir.resolve("sub/b.yaml"));
        assertThat(problems(a, Map.of())).containsExactly(b + ":4: include cycle: " + shown(a) + ":2 includes " + b
                + ", then " + b + ":4 includes " + shown(a) + "; a file cannot include itself, directly or through others");
    }

    @Test
    void missingIncludedFileAndIncludedArgsAreReportedAtTheInclude() throws IOException {
        write("inc.yaml", """
                args: {port: {doc: required}}
                nodes:
                  - {name: m, type: roscore, params: {port: $(arg port)}}
                """);
        Path main = write("main.yaml", """
                include:
                  - file: nowhere.yaml
                  - file: inc.yaml
                    args: {prot: 1}
                """);
        String f = shown(main);
        List<String> problems = problems(main, Map.of());
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(f + ":2: cannot read launch file " + shown(dir.resolve("nowhere.yaml")));
        assertThat(problems.subList(1, 3)).containsExactly(
                shown(dir.resolve("inc.yaml")) + ":1: arg port has no default and was not given; give it in the include's args at " + f + ":3",
                f + ":3: arg 'prot' is given, but " + shown(dir.resolve("inc.yaml")) + " declares only: port");
    }

    @Test
    void dependencyCycleAndUnknownDependencyAreReported() throws IOException {
        Path unknown = write("unknown.yaml", """
                nodes:
                  - {name: a, type: process, params: {command: "true"}}
                  - name: b
                    type: process
                    after: [a, brokr]
                    params: {command: "true"}
                """);
        assertThat(problems(unknown, Map.of())).containsExactly(shown(unknown)
                + ":5: node b starts after 'brokr', but no node has that name; nodes: a, b");
        Path cycle = write("cycle.yaml", """
                nodes:
                  - {name: a, type: process, after: c, params: {command: "true"}}
                  - {name: b, type: process, after: a, params: {command: "true"}}
                  - {name: c, type: process, after: b, params: {command: "true"}}
                """);
        String f = shown(cycle);
        assertThat(problems(cycle, Map.of())).containsExactly(f + ":2: dependency cycle: a (" + f + ":2) → c (" + f + ":4) → b ("
                + f + ":3) → a; each of these nodes starts after the next, so none can start; remove one 'after' entry");
    }

    @Test
    void unsetEnvironmentVariableWithoutDefaultAndUnknownSubstitutionAreErrors() throws IOException {
        Path file = write("env.yaml", """
                nodes:
                  - name: p
                    type: process
                    params:
                      command: [echo, "$(env CODEACT_SURELY_UNSET_VAR)", "$(find pkg)"]
                """);
        String f = shown(file);
        assertThat(problems(file, Map.of())).containsExactly(
                f + ":5: environment variable CODEACT_SURELY_UNSET_VAR is not set; set it, or give a default: "
                        + "$(env CODEACT_SURELY_UNSET_VAR DEFAULT), or use $(optenv CODEACT_SURELY_UNSET_VAR) for an empty value",
                f + ":5: unknown substitution $(find pkg); use $(arg NAME), $(env NAME [default]), $(optenv NAME [default]), "
                        + "$(dirname) or $(home)");
    }

    @Test
    void registeringAPendingTypeMakesItAvailable() throws IOException {
        Path file = write("sim.yaml", """
                nodes:
                  - {name: s, type: teleporter, params: {world: warehouse}}
                """);
        NodeTypes announced = NodeTypes.standard().pending("teleporter", "being built");
        LaunchException e = catchThrowableOfType(LaunchException.class,
                () -> LaunchLoader.create(announced, HOME).load(file, Map.of()));
        assertThat(e.pendingTypes()).containsExactly("teleporter");
        assertThat(e.getMessage()).startsWith(shown(file) + ":2: node s: node type 'teleporter' is not available yet: being built");
        List<String> started = new ArrayList<>();
        NodeType sim = new NodeType() {
            public String name() {
                return "teleporter";
            }

            public String doc() {
                return "a stand-in simulator";
            }

            public List<NodeParam> params() {
                return List.of(NodeParam.required("world", NodeParam.Kind.STRING, "the world"));
            }

            public RunningNode start(NodeParams params, NodeContext context) {
                started.add(params.string("world"));
                return null;
            }
        };
        LaunchPlan plan = LaunchLoader.create(announced.register(sim), HOME).load(file, Map.of());
        assertThat(plan.node("s").type().name()).isEqualTo("teleporter");
        assertThat(plan.node("s").params().string("world")).isEqualTo("warehouse");
    }
}
