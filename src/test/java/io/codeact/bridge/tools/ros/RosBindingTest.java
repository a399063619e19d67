package io.codeact.bridge.tools.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.tools.DeclarationException;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.ros.MessageRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosBindingTest {
    private static final MessageRegistry TYPES = ToolCallProtocol.register(MessageRegistry.withBundledTypes());

    @TempDir
    Path dir;

    /** One tool with {@code ros} as its binding (line 9 of the file). */
    private ToolDeclaration tool(String ros) throws Exception {
        Path file = dir.resolve("bot.yaml");
        Files.writeString(file, """
                namespace: bot
                tools:
                  - id: base.drive
                    doc: Drive.
                    params:
                      - {name: linear, type: float}
                      - {name: duration, type: float, default: 1.0}
                    binding:
                      ros: %s
                """.formatted(ros));
        return ToolSet.load(List.of(file)).tools().get(0);
    }

    private String at(int line) {
        return dir.resolve("bot.yaml") + ":" + line;
    }

    @Test
    void readsTheShippedWarehouseBindings() {
        ToolSet tools = ToolSet.load(List.of(Path.of("robot-tools/warehouse.yaml")));
        RosBinding drive = RosBinding.parse(tools.find("robot.base.drive").orElseThrow(), TYPES);
        RosBinding pose = RosBinding.parse(tools.find("robot.odom.pose").orElseThrow(), TYPES);
        ToolDeclaration goTo = tools.find("robot.base.go_to").orElseThrow();

        assertThat(drive.kind()).isEqualTo(RosBinding.Kind.COMMAND);
        assertThat(drive.fields()).isEqualTo(Map.of("linear.x", "linear", "angular.z", "angular"));
        assertThat(drive.durationParam()).isEqualTo("duration");
        assertThat(drive.rateHz()).isEqualTo(10.0);
        assertThat(drive.odomTopic()).isEqualTo("/odom");
        assertThat(pose.kind()).isEqualTo(RosBinding.Kind.READ);
        assertThat(pose.type()).isEqualTo("nav_msgs/Odometry");
        assertThat(RosBinding.parse(goTo, TYPES)).isNull();
        assertThat(RosBinding.toolCall(goTo).api()).isEqualTo("base.go_to");
        assertThat(RosBinding.toolCall(goTo).timeout()).isEqualTo(RosBinding.DEFAULT_MOTION_CALL_TIMEOUT);
    }

    @Test
    void rejectsAnUnknownKeyNamingItsLine() throws Exception {
        ToolDeclaration t = tool("{topic: /cmd_vel, type: geometry_msgs/Twist, fields: {linear.x: linear}, hz: 5}");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).isInstanceOf(DeclarationException.class)
                .hasMessage(at(9) + ": tool base.drive, field binding.ros.hz: unknown key 'hz'; allowed: duration, fields,"
                        + " odom, rate, service, timeout_s, topic, type");
    }

    @Test
    void rejectsAFieldPathTheMessageDoesNotHave() throws Exception {
        ToolDeclaration t = tool("\n        topic: /cmd_vel\n        type: geometry_msgs/Twist\n        fields:\n          linear.w: linear");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).isInstanceOf(DeclarationException.class)
                .hasMessage(at(13) + ": tool base.drive, field binding.ros.fields.linear.w: geometry_msgs/Vector3 has no field"
                        + " 'w' (in linear.w); its fields: x, y, z");
    }

    @Test
    void rejectsAFieldThatIsAWholeMessage() throws Exception {
        ToolDeclaration t = tool("{topic: /cmd_vel, type: geometry_msgs/Twist, fields: {linear: linear}}");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).hasMessageEndingWith(
                "field binding.ros.fields.linear: linear is a geometry_msgs/Vector3, not a single value; name one of its"
                        + " fields, e.g. linear.x");
    }

    @Test
    void rejectsAMappingToAParameterTheToolDoesNotHave() throws Exception {
        ToolDeclaration t = tool("{topic: /cmd_vel, type: geometry_msgs/Twist, fields: {angular.z: angular}}");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).hasMessage(at(9)
                + ": tool base.drive, field binding.ros.fields.angular.z: no parameter 'angular'; parameters: linear, duration");
    }

    @Test
    void rejectsAnUnknownTypeWithADidYouMean() throws Exception {
        ToolDeclaration t = tool("{topic: /cmd_vel, type: geometry_msgs/twist, fields: {linear.x: linear}}");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).hasMessageStartingWith(at(9)
                + ": tool base.drive, field binding.ros.type: unknown message type geometry_msgs/twist (did you mean geometry_msgs/Twist?)");
    }

    @Test
    void rejectsTopicAndServiceTogetherAndNeither() throws Exception {
        assertThatThrownBy(() -> RosBinding.parse(tool("{topic: /a, service: /b, type: std_srvs/Trigger}"), TYPES))
                .hasMessage(at(9) + ": tool base.drive, field binding.ros: give either topic or service, not both");
        assertThatThrownBy(() -> RosBinding.parse(tool("{type: std_srvs/Trigger}"), TYPES))
                .hasMessage(at(9) + ": tool base.drive, field binding.ros: give a topic (with type, and fields for a command)"
                        + " or a service (with type)");
    }

    @Test
    void rejectsABadGraphNameAMessageTypeForAServiceAndCommandKeysOnAService() throws Exception {
        assertThatThrownBy(() -> RosBinding.parse(tool("{topic: cmd vel, type: geometry_msgs/Twist}"), TYPES))
                .hasMessageContaining("field binding.ros.topic: 'cmd vel' is not a ROS graph name");
        assertThatThrownBy(() -> RosBinding.parse(tool("{service: /reset, type: std_msgs/Empty}"), TYPES))
                .hasMessageContaining("field binding.ros.type: std_msgs/Empty is a message type, not a service type");
        assertThatThrownBy(() -> RosBinding.parse(tool("{service: /reset, type: std_srvs/Trigger, rate: 5}"), TYPES))
                .hasMessageEndingWith("field binding.ros.rate: 'rate' applies to topic commands, not to services");
    }

    @Test
    void rejectsAParameterOfTheWrongTypeForItsField() throws Exception {
        ToolDeclaration t = tool("{topic: /label, type: std_msgs/String, fields: {data: linear}}");
        assertThatThrownBy(() -> RosBinding.parse(t, TYPES)).hasMessageEndingWith(
                "field binding.ros.fields.data: parameter linear (float) cannot fill data (string)");
    }

    @Test
    void rejectsRateOnAReadAndANonPositiveTimeout() throws Exception {
        assertThatThrownBy(() -> RosBinding.parse(tool("{topic: /odom, type: nav_msgs/Odometry, rate: 5}"), TYPES))
                .hasMessageEndingWith("field binding.ros.rate: 'rate' applies to commands (a topic with fields); a topic"
                        + " without fields is read");
        assertThatThrownBy(() -> RosBinding.parse(tool("{topic: /odom, type: nav_msgs/Odometry, timeout_s: 0}"), TYPES))
                .hasMessageEndingWith("field binding.ros.timeout_s: timeout_s must be a positive number, got 0");
    }

    @Test
    void aServiceTakesParametersByNameUnlessFieldsMapThem() throws Exception {
        RosBinding b = RosBinding.parse(tool("{service: /enable, type: std_srvs/SetBool, timeout_s: 2}"), TYPES);
        assertThat(b.kind()).isEqualTo(RosBinding.Kind.SERVICE);
        assertThat(b.fields()).isEmpty();
        assertThat(b.timeout()).hasSeconds(2);
    }

    @Test
    void theToolCallServiceHasGenmsgsMd5() {
        // as genmsg computes it for codeact_msgs/srv/ToolCall.srv (python3 genmsg.gentools.compute_md5)
        assertThat(TYPES.service(ToolCallProtocol.TOOL_CALL_TYPE).md5()).isEqualTo("c7840ae6dc4b4e67d87202ef4e991dc2");
    }
}
