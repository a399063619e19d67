package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ScriptedChatModel;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole episodes on a real GraalPy session with a scripted model and a small sensor API. */
class AgentTest {
    private static SandboxEngine engine;
    private static final PyApi SENSORS = PyApi.namespace("sensors", "Room temperature sensors.")
            .function("read_all", "Temperatures of all rooms, in °C.", List.of(), a -> List.of(20.5, 22.0, 21.0, 22.5))
            .function("read", "Temperature of one room, in °C.", List.of(Param.required("room", "room name")), a -> {
                throw io.codeact.bridge.sandbox.RobotException.badValue("no room named '" + a.getString("room") + "'");
            })
            .build();

    @TempDir
    Path dir;
    private Session session;
    private final List<String> observations = new ArrayList<>();

    @BeforeAll
    static void startEngine() {
        engine = SandboxEngine.create(c -> c.actionTimeout = Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void openSession() {
        session = engine.openSession("agent-test");
        session.expose(SENSORS);
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    private Agent agent(ChatModel model, Consumer<AgentConfig> more) throws Exception {
        EpisodeLog log = EpisodeLog.open(dir.resolve("episode-" + System.nanoTime() + ".jsonl"));
        return Agent.create(c -> {
            c.model = model;
            c.session = session;
            c.apis.add(SENSORS);
            c.log = log;
            c.listener = new TurnListener() {
                @Override
                public void onObservation(int turn, String observation) {
                    observations.add(observation);
                }
            };
            more.accept(c);
        });
    }

    private static ChatModel scripted(String... replies) {
        return ScriptedChatModel.of("test", List.of(replies));
    }

    @Test
    void modelReadsTheTracebackFixesItsCodeAndAnswers() throws Exception {
        Agent agent = agent(scripted(
                "I will read all sensors and average them.\n<execute>\nreadings = sensors.read_all()\nprint(sum(readings) / len(readingz))\n</execute>",
                "I misspelled the name; the readings are kept.\n<execute>\nprint(round(sum(readings) / len(readings), 2))\n</execute>",
                "<solution>The average temperature is 21.5 °C.</solution>"), c -> {});
        EpisodeResult r = agent.run("What is the average room temperature?");

        assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(r.answer()).isEqualTo("The average temperature is 21.5 °C.");
        assertThat(r.turns()).isEqualTo(3);
        assertThat(r.actions()).isEqualTo(2);
        assertThat(r.errors()).isEqualTo(1);
        assertThat(observations.get(0)).startsWith("Observation (error, ")
                .contains("File \"<action 1>\", line 2, in <module>", "NameError: name 'readingz' is not defined");
        assertThat(observations.get(1)).startsWith("Observation (ok, ").endsWith("21.5\n");

        RecordedEpisode recorded = EpisodeLog.read(r.log());
        assertThat(recorded.records()).extracting(EpisodeRecord::type)
                .startsWith("episode_start", "prompt", "reply", "action", "observation")
                .endsWith("episode_end");
        EpisodeRecord end = recorded.records().getLast();
        assertThat(end.text("outcome")).contains("solved");
    }

    @Test
    void finishFromCodeEndsTheEpisode() throws Exception {
        EpisodeResult r = agent(scripted(
                "<execute>\nt = max(sensors.read_all())\nfinish(f'The warmest room is at {t} °C.')\n</execute>",
                "<solution>never reached</solution>"), c -> {}).run("Which room is warmest?");
        assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(r.answer()).isEqualTo("The warmest room is at 22.5 °C.");
        assertThat(r.turns()).isEqualTo(1);
    }

    @Test
    void robotErrorsAreCaughtInCodeAndShownWhenNot() throws Exception {
        EpisodeResult r = agent(scripted(
                "<execute>\ntry:\n    sensors.read('attic')\nexcept ValueError as e:\n    print('no luck:', e)\n</execute>",
                "<execute>\nsensors.read('cellar')\n</execute>",
                "<solution>There is no attic or cellar sensor.</solution>"), c -> {}).run("Read the attic.");
        assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(observations.get(0)).contains("no luck: no room named 'attic'");
        assertThat(observations.get(1)).contains("ValueError: no room named 'cellar'");
    }

    @Test
    void replyWithoutActionGetsACorrectiveObservation() throws Exception {
        EpisodeResult r = agent(scripted(
                "I think the temperature is fine.",
                "<execute>\nprint(len(sensors.read_all()))\n</execute>",
                "<solution>4 sensors</solution>"), c -> {}).run("How many sensors are there?");
        assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(r.turns()).isEqualTo(3);
        assertThat(observations.get(0)).containsIgnoringCase("execute");
        assertThat(observations.get(1)).contains("4");
    }

    @Test
    void stopsAtTheTurnLimit() throws Exception {
        EpisodeResult r = agent(scripted("<execute>\nx = 1\n</execute>", "<execute>\nx = 2\n</execute>", "<execute>\nx = 3\n</execute>"),
                c -> c.maxTurns = 2).run("Loop forever.");
        assertThat(r.outcome()).isEqualTo(Outcome.MAX_TURNS);
        assertThat(r.detail()).isEqualTo("no answer after 2 turns (the limit)");
        assertThat(r.turns()).isEqualTo(2);
    }

    @Test
    void stopsAtTheTokenBudget() throws Exception {
        EpisodeResult r = agent(scripted("<execute>\nx = 1\n</execute>", "<execute>\nx = 2\n</execute>"),
                c -> c.tokenBudget = 10).run("Spend tokens.");
        assertThat(r.outcome()).isEqualTo(Outcome.TOKEN_BUDGET);
        assertThat(r.turns()).isEqualTo(1);
        assertThat(r.tokens()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void modelFailureEndsTheEpisodeWithAClearOutcome() throws Exception {
        EpisodeResult r = agent(scripted("<execute>\nx = 1\n</execute>"), c -> {}).run("Two turns please.");
        assertThat(r.outcome()).isEqualTo(Outcome.MODEL_ERROR);
        assertThat(r.detail()).isNotBlank();
        assertThat(EpisodeLog.read(r.log()).records().getLast().text("outcome")).contains("model_error");
    }

    @Test
    void jsonModeRunsOneToolCallPerTurnThroughTheSameSession() throws Exception {
        EpisodeResult r = agent(scripted(
                "{\"tool\": \"sensors.read_all\", \"arguments\": {}}",
                "{\"solution\": \"four readings\"}"), c -> c.mode = "json").run("Read the sensors.");
        assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(observations.get(0)).contains("[20.5, 22.0, 21.0, 22.5]");
    }

    @Test
    void longObservationsKeepHeadAndTail() throws Exception {
        agent(scripted("<execute>\nfor i in range(3000):\n    print('line', i)\n</execute>", "<solution>done</solution>"),
                c -> c.observationChars = 1000).run("Print a lot.");
        assertThat(observations.get(0)).hasSizeLessThan(1100).contains("line 0\n", "characters of this observation cut", "line 2999\n");
    }

    @Test
    void conversationStaysWithinTheContextBudgetAndKeepsTheGoal() {
        Conversation c = new Conversation("system prompt", "Goal: keep me");
        for (int i = 0; i < 20; i++) {
            c.add(io.codeact.bridge.llm.ChatMessage.assistant("<execute>\nprint(" + i + ")\n</execute>"));
            c.add(io.codeact.bridge.llm.ChatMessage.user("Observation (ok, 1 ms):\n" + "x".repeat(2000)));
        }
        assertThat(c.fit(3000)).isTrue();
        assertThat(c.estimatedTokens()).isLessThanOrEqualTo(3000);
        assertThat(c.messages().get(1).text()).isEqualTo("Goal: keep me");
        assertThat(c.messages().getLast().text()).endsWith("x".repeat(100));
    }

    @Test
    void cancelInterruptsARunningAction() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        Agent agent = agent(scripted("<execute>\nimport time\nwhile True:\n    time.sleep(0.01)\n</execute>"), c -> {
            c.listener = new TurnListener() {
                @Override
                public void onAction(int turn, String code) {
                    started.countDown();
                }

                @Override
                public void onResult(int turn, io.codeact.bridge.sandbox.ActionResult r) {
                    results.add(r.status().jsonName() + ": " + r.error().message());
                }
            };
        });
        Thread canceller = new Thread(() -> {
            try {
                if (started.await(30, TimeUnit.SECONDS)) {
                    Thread.sleep(100);
                    agent.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        EpisodeResult r = agent.run("Wait forever.");
        canceller.join();
        assertThat(r.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(results).containsExactly("timeout: the action was cancelled by the controller; variables set before that are kept");
        assertThat(session.execute("'session still usable'").stdout()).isEqualTo("'session still usable'\n");
    }
}
