package io.codeact.bridge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.sim.WorldRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped suite in {@code simulations/tasks}: enough tasks across the three worlds, and checks strict
 * enough that an episode that does nothing fails them. (That every reference passes its check is what
 * {@code codeact eval --model oracle} shows; see docs/TASKS.md.)
 */
class TaskSuiteTest {
    private static final Path SHIPPED = Path.of("simulations/tasks");

    static List<Task> shippedTasks() {
        return TaskSuite.load(SHIPPED).tasks();
    }

    static Stream<Named<Task>> eachTask() {
        return shippedTasks().stream().map(t -> Named.of(t.id(), t));
    }

    @Test
    void shipsAtLeastThirtyTasksAcrossTheThreeWorldsWithUniqueIds() {
        List<Task> tasks = shippedTasks();

        assertThat(tasks).hasSizeGreaterThanOrEqualTo(30);
        assertThat(tasks).extracting(Task::id).doesNotHaveDuplicates();
        Map<String, List<Task>> byWorld = tasks.stream().collect(Collectors.groupingBy(Task::world));
        assertThat(byWorld.keySet()).containsExactlyInAnyOrder("warehouse", "tabletop", "smart_home", "toolbox");
        byWorld.forEach((world, list) -> {
            // the robot worlds carry the suite; toolbox is the small M3ToolEval-style comparison set
            assertThat(list).as(world).hasSizeGreaterThanOrEqualTo(world.equals("toolbox") ? 6 : 10);
            assertThat(list.stream().map(Task::difficulty).collect(Collectors.toSet())).as(world + " difficulties")
                    .isEqualTo(Set.of("easy", "medium", "hard"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachTask")
    void doingNothingFailsTheCheck(Task task) {
        Map<String, Object> untouched = WorldRegistry.standard().create(task.world(), task.seed(), task.scenario()).state();

        SuccessCheck.Result result = task.check().evaluate(untouched, "");

        assertThat(result.passed()).as(task.source() + ": a do-nothing episode must fail " + task.check()).isFalse();
        assertThat(result.failures()).isNotEmpty();
    }

    /** Tasks decided by the answer alone: the world's state is the same before and after. */
    @ParameterizedTest(name = "{0}: \"{1}\" passes={2}")
    @CsvSource(delimiter = '|', textBlock = """
            warehouse-lidar-nearest | About 0.8 m away, on the robot's left.           | true
            warehouse-lidar-nearest | 0.79 m at +90 degrees from the heading           | true
            warehouse-lidar-nearest | 0.8 m to the west of the robot (180 degrees)    | false
            warehouse-lidar-nearest | 1.5 m on the left                               | false
            warehouse-find-box      | The box is centred near x = 12.1, y = 2.3.      | true
            warehouse-find-box      | The box is at (10.5, 5.75).                     | false
            tabletop-count-colours  | Eight blocks; pink is the most common colour.   | true
            tabletop-count-colours  | There are 4 blocks, mostly red.                 | false
            tabletop-count-hidden-red | I count four red blocks.                      | true
            tabletop-count-hidden-red | There are 2 red blocks.                       | false
            home-motion-rooms       | Kitchen and bedroom.                            | true
            home-motion-rooms       | kitchen, bedroom, living room                   | false
            home-coldest-room       | The bathroom, at about 17.7 °C.                 | true
            home-coldest-room       | The kitchen, at 18.0 °C.                        | false
            """)
    void answerChecksAcceptReasonableWordingsAndRejectWrongAnswers(String id, String answer, boolean passes) {
        Task task = TaskSuite.load(SHIPPED).find(id).orElseThrow();
        Map<String, Object> state = WorldRegistry.standard().create(task.world(), task.seed(), task.scenario()).state();

        assertThat(task.check().evaluate(state, answer).passed()).as(id + ": " + answer).isEqualTo(passes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachTask")
    void referenceEndsWithAnAnswerAndGoalDoesNotShowCode(Task task) {
        assertThat(task.reference()).as(task.source()).contains("finish(");
        // plain words: no API calls such as robot.base.go_to or home.light.set in the goal
        assertThat(task.goal()).as(task.source()).doesNotContainPattern("\\b(robot|home)\\.[a-z_]+\\.[a-z_]+");
        assertThat(task.maxTurns()).as(task.source()).isBetween(3, 20);
    }
}
