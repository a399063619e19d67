package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PyApiTest {
    private final List<Map<String, Object>> driveCalls = new ArrayList<>();
    private Session session;

    @BeforeEach
    void open() {
        session = SharedEngine.get().openSession("api-test");
        PyApi robot = PyApi.namespace("robot", "The test robot.")
                .child(PyApi.namespace("base", "Differential-drive base.")
                        .function("drive", "Drive at a speed for a time.",
                                List.of(Param.required("linear", "forward speed, m/s, -1.0..1.0"),
                                        Param.optional("angular", 0.0, "turn rate, rad/s"),
                                        Param.optional("duration", 1.0, "s")),
                                args -> {
                                    double v = args.getDouble("linear");
                                    if (Math.abs(v) > 1.0) {
                                        throw RobotException.safetyViolation("max_linear_speed", v, 1.0,
                                                "linear speed " + v + " m/s exceeds the limit 1.0 m/s");
                                    }
                                    driveCalls.add(args.asMap());
                                    return Map.of("distance", v * args.getDouble("duration"));
                                })
                        .function("pose", "The current pose.", List.of(),
                                args -> Map.of("x", 1.5, "y", -2.0, "theta", 0.25))
                        .build())
                .child(PyApi.namespace("lidar", "2-D lidar.")
                        .function("scan", "Ranges in metres.", List.of(), args -> List.of(1.0, 2.5, 3.0))
                        .function("broken", "Fails like a bug.", List.of(), args -> {
                            throw new IllegalStateException("driver crashed");
                        })
                        .function("late", "Times out.", List.of(), args -> {
                            throw RobotException.timeout("lidar did not answer within 0.5 s");
                        })
                        .build())
                .function("echo", "Returns its argument.", List.of(Param.required("value", "")), args -> args.get("value"))
                .build();
        session.expose(robot);
        session.expose(PyApi.function("finish", "End the episode with an answer.",
                List.of(Param.required("answer", "what to tell the user")), args -> "finished: " + args.getString("answer")));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void callsWithKeywordsAndDefaults() {
        ActionResult r = session.execute("r = robot.base.drive(0.5, duration=2)\nprint(r['distance'], type(r).__name__)");
        assertThat(r.stdout()).isEqualTo("1.0 dict\n");
        assertThat(driveCalls).containsExactly(Map.of("linear", 0.5, "angular", 0.0, "duration", 2L));
    }

    @Test
    void returnsRealPythonListsAndDicts() {
        ActionResult r = session.execute("s = robot.lidar.scan()\np = robot.base.pose()\nprint(type(s).__name__, min(s), sorted(p), p['x'] + 1)");
        assertThat(r.stdout()).isEqualTo("list 1.0 ['theta', 'x', 'y'] 2.5\n");
    }

    @Test
    void passesPythonContainersToJava() {
        ActionResult r = session.execute("robot.echo({'path': [(0, 0), (1.5, 2)], 'ok': True, 'name': 'dock', 'none': None})");
        assertThat(r.stdout()).isEqualTo("{'path': [[0, 0], [1.5, 2]], 'ok': True, 'name': 'dock', 'none': None}\n");
    }

    @Test
    void safetyViolationIsCatchableWithRuleValueAndLimit() {
        ActionResult r = session.execute("""
                try:
                    robot.base.drive(linear=3.5)
                except SafetyViolation as e:
                    print(type(e).__name__, e.rule, e.value, e.limit, isinstance(e, RobotError))
                    print(e)
                """);
        assertThat(r.status()).isEqualTo(ActionStatus.OK);
        assertThat(r.stdout()).isEqualTo("SafetyViolation max_linear_speed 3.5 1.0 True\nlinear speed 3.5 m/s exceeds the limit 1.0 m/s\n");
        assertThat(driveCalls).isEmpty();
    }

    @Test
    void uncaughtRobotErrorShowsTheModelsLineOnly() {
        ActionResult r = session.execute("x = 1\nrobot.lidar.late()\n");
        assertThat(r.error().type()).isEqualTo("CommandTimeout");
        assertThat(r.error().traceback()).isEqualTo("""
                Traceback (most recent call last):
                  File "<action 1>", line 2, in <module>
                    robot.lidar.late()
                CommandTimeout: lidar did not answer within 0.5 s
                """);
    }

    @Test
    void wrongArgumentTypeIsATypeErrorNamingFunctionAndParameter() {
        ActionResult r = session.execute("robot.base.drive('fast')");
        assertThat(r.error().type()).isEqualTo("TypeError");
        assertThat(r.error().message()).isEqualTo("robot.base.drive(): argument 'linear' must be a number, got str 'fast'");
    }

    @Test
    void missingOrUnknownArgumentsAreOrdinaryPythonTypeErrors() {
        assertThat(session.execute("robot.base.drive()").error().message()).contains("missing 1 required positional argument: 'linear'");
        assertThat(session.execute("robot.base.drive(0.1, speed=2)").error().message()).contains("unexpected keyword argument 'speed'");
    }

    @Test
    void bridgeBugBecomesARobotErrorNotACrash() {
        ActionResult r = session.execute("try:\n    robot.lidar.broken()\nexcept RobotError as e:\n    print('caught:', e)");
        assertThat(r.stdout()).isEqualTo("caught: robot.lidar.broken() failed inside the bridge: java.lang.IllegalStateException: driver crashed\n");
    }

    @Test
    void helpShowsSignatureDocAndUnits() {
        ActionResult r = session.execute("help(robot.base.drive)");
        assertThat(r.status()).as(r.stderr() + r.errorIfAny()).isEqualTo(ActionStatus.OK);
        assertThat(r.stdout())
                .contains("drive(linear, angular=0.0, duration=1.0)")
                .contains("Drive at a speed for a time.")
                .contains("linear: forward speed, m/s, -1.0..1.0")
                .contains("duration (default 1.0): s");
        assertThat(session.execute("robot.base").stdout()).isEqualTo("<robot.base: drive, pose>\n");
    }

    @Test
    void apiObjectsAreReadOnly() {
        ActionResult r = session.execute("robot.base.drive = lambda *a: None");
        assertThat(r.error().type()).isEqualTo("AttributeError");
        assertThat(r.error().message()).isEqualTo("robot.base is read-only; 'drive' cannot be set");
    }

    @Test
    void globalFunctionsWork() {
        assertThat(session.execute("finish('done')").stdout()).isEqualTo("'finished: done'\n");
    }

    @Test
    void rejectsNamesThatAreNotPythonIdentifiers() {
        assertThatThrownBy(() -> PyApi.namespace("robot", "").function("go-to", "", List.of(), a -> null))
                .hasMessage("function name must be a Python identifier, got 'go-to'");
        assertThatThrownBy(() -> PyApi.function("f", "", List.of(Param.required("lambda", "")), a -> null))
                .hasMessage("parameter of f must be a Python identifier, got 'lambda'");
    }
}
