package io.codeact.bridge.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolSetTest {
    private static final String BASE = """
            namespace: robot
            doc: The test robot.
            groups:
              base: Differential-drive base.
            tools:
              - id: base.drive
                doc: Drive at a speed for a time, then stop.
                risk: reversible
                motion: true
                returns: the distance driven, m
                params:
                  - {name: linear, type: float, unit: m/s, range: [-1.0, 1.0], doc: forward speed}
                  - {name: duration, type: float, unit: s, range: [0, 10], default: 1.0, clamp: true}
                binding:
                  sim: base.drive
              - id: base.mode
                doc: Set the drive mode.
                params:
                  - {name: mode, type: str, choices: [eco, fast]}
              - id: wait
                doc: Wait in sim time.
                params:
                  - {name: seconds, type: float, unit: s, range: [0, 60]}
            """;

    @TempDir
    Path dir;
    private static SandboxEngine engine;

    @BeforeAll
    static void start() {
        engine = SandboxEngine.create(c -> c.warmSessions = 0);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void loadsDeclarationsWithTheirSource() throws Exception {
        ToolSet tools = ToolSet.load(List.of(write("robot.yaml", BASE)));
        assertThat(tools.tools()).extracting(ToolDeclaration::qualifiedName)
                .containsExactly("robot.base.drive", "robot.base.mode", "robot.wait");
        ToolDeclaration drive = tools.find("robot.base.drive").orElseThrow();
        assertThat(drive.risk()).isEqualTo(RiskTier.REVERSIBLE);
        assertThat(drive.motion()).isTrue();
        assertThat(drive.source()).isEqualTo(dir.resolve("robot.yaml") + ":6");
        assertThat(drive.param("linear").describe()).isEqualTo("forward speed (float, m/s, -1..1)");
        assertThat(drive.bindings()).containsOnlyKeys("sim");
    }

    @Test
    void oneDeclarationDrivesThePythonObjectChecksAndHelp() throws Exception {
        List<Map<String, Object>> calls = new ArrayList<>();
        ToolSet tools = ToolSet.load(List.of(write("robot.yaml", BASE)));
        try (Session s = engine.openSession("tools")) {
            for (PyApi api : tools.toPyApis((tool, args) -> {
                calls.add(Map.of("tool", tool.id(), "args", args));
                return 0.5;
            })) {
                s.expose(api);
            }
            assertThat(s.execute("robot.base.drive(0.5, duration=99)").stdout()).isEqualTo("0.5\n");
            assertThat(calls.getLast()).isEqualTo(Map.of("tool", "base.drive", "args", Map.of("linear", 0.5, "duration", 10.0)));

            ActionResult tooFast = s.execute("""
                    try:
                        robot.base.drive(3)
                    except SafetyViolation as e:
                        print(e.rule, e.value, e.limit)
                        print(e)
                    """);
            assertThat(tooFast.stdout()).isEqualTo("base.drive.linear.max 3.0 1.0\n"
                    + "robot.base.drive(): argument 'linear' is 3 m/s, above the maximum 1 m/s (declared at "
                    + dir.resolve("robot.yaml") + ":6)\n");
            assertThat(s.execute("robot.base.mode('turbo')").error().summary())
                    .isEqualTo("ValueError: robot.base.mode(): argument 'mode': it must be one of eco, fast, got 'turbo'");
            assertThat(s.execute("robot.wait('long')").error().summary())
                    .isEqualTo("TypeError: robot.wait(): argument 'seconds': it must be a number, got str 'long'");
            assertThat(calls).hasSize(1);
            assertThat(s.execute("help(robot.base.drive)").stdout())
                    .contains("drive(linear, duration=1.0)", "Drive at a speed for a time, then stop.",
                            "Returns: the distance driven, m", "duration (default 1.0): float, s, 0..10 (clamped)");
        }
    }

    @Test
    void jsonSchemaComesFromTheSameDeclarations() throws Exception {
        List<Map<String, Object>> schema = ToolSet.load(List.of(write("robot.yaml", BASE))).jsonSchema();
        assertThat(schema.getFirst()).containsEntry("name", "robot.base.drive");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) schema.getFirst().get("parameters");
        assertThat(params.get("required")).isEqualTo(List.of("linear"));
        assertThat(params.get("properties").toString()).contains("minimum=-1.0", "maximum=1.0", "default=1.0");
    }

    @Test
    void badDeclarationsNameFileLineAndField() throws Exception {
        assertThatThrownBy(() -> ToolSet.load(List.of(write("a.yaml", BASE.replace("range: [-1.0, 1.0]", "range: [2.0, 1.0]")))))
                .hasMessage(dir.resolve("a.yaml") + ":12: tool base.drive, field tools[0].params[0].range: min 2.0 is above max 1.0");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("b.yaml", BASE.replace("risk: reversible", "risk: scary")))))
                .hasMessage(dir.resolve("b.yaml") + ":8: tool base.drive, field tools[0].risk: risk must be read, reversible or irreversible, got 'scary'");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("c.yaml", BASE.replace("type: str", "type: string")))))
                .hasMessageStartingWith(dir.resolve("c.yaml") + ":19: tool base.mode, field tools[1].params[0].type: type must be one of");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("d.yaml", BASE.replace("    doc: Wait in sim time.\n", "")))))
                .hasMessage(dir.resolve("d.yaml") + ":20: tool wait, field tools[2]: missing required field 'doc'");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("e.yaml", BASE.replace("motion: true", "motion: true\n    speed: 3")))))
                .hasMessageContaining("e.yaml:10: tool base.drive, field tools[0].speed: unknown field 'speed'");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("f.yaml", "namespace: robot\ntools: [\n"))))
                .hasMessageStartingWith(dir.resolve("f.yaml") + ":2: not valid YAML");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("g.yaml", BASE.replace("default: 1.0", "default: 20.0")))))
                .hasMessageContaining("g.yaml:13: tool base.drive, field tools[0].params[1].default: the default does not fit the parameter");
    }

    @Test
    void mqttBindingsAreCheckedWhenLoaded() throws Exception {
        String mqtt = "      sim: base.drive\n      mqtt:\n        device: rover1\n        api: base\n        fields: {linear: v}\n        timeout_s: 12\n";
        ToolSet ok = ToolSet.load(List.of(write("ok.yaml", BASE.replace("      sim: base.drive\n", mqtt))));
        assertThat(ok.tools().getFirst().bindings().get("mqtt").get("fields").get("linear").asText()).isEqualTo("v");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("m1.yaml", BASE.replace("      sim: base.drive\n", mqtt.replace("device: rover1", "device: a/b"))))))
                .hasMessage(dir.resolve("m1.yaml") + ":17: tool base.drive, field tools[0].binding.mqtt.device: device must be one MQTT"
                        + " topic level (no '/', '+' or '#'), got 'a/b'");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("m2.yaml", BASE.replace("      sim: base.drive\n", mqtt.replace("{linear: v}", "{speed: v}"))))))
                .hasMessage(dir.resolve("m2.yaml") + ":19: tool base.drive, field tools[0].binding.mqtt.fields.speed: 'speed' is not a"
                        + " parameter of this tool; parameters: linear, duration");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("m3.yaml", BASE.replace("      sim: base.drive\n", mqtt.replace("timeout_s: 12", "timeout_s: -1"))))))
                .hasMessageContaining("m3.yaml:20: tool base.drive, field tools[0].binding.mqtt.timeout_s: timeout_s must be a positive number");
        assertThatThrownBy(() -> ToolSet.load(List.of(write("m4.yaml", BASE.replace("      sim: base.drive\n", mqtt.replace("api: base", "topic: x"))))))
                .hasMessageContaining("m4.yaml:18: tool base.drive, field tools[0].binding.mqtt.topic: unknown field 'topic'; allowed: api,"
                        + " component, device, fields, timeout_s");
    }

    @Test
    void aToolDeclaredTwiceNamesBothPlaces() throws Exception {
        Path a = write("a.yaml", BASE);
        Path b = write("b.yaml", BASE);
        assertThatThrownBy(() -> ToolSet.load(List.of(a, b)))
                .hasMessage(b + ":6: tool robot.base.drive is already declared at " + a + ":6; remove one of them");
    }
}
