package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our MD5 sums and {@code message_definition} texts against Debian's ROS 1 for every bundled type. The sums come
 * from rospy's generated classes, which is what {@code rosmsg md5} and {@code rossrv md5} print; one python
 * process answers for all types (one {@code rosmsg} call per type would take ~0.2 s each).
 */
class MessageMd5InteropTest {
    private static final MessageRegistry BUNDLED = MessageRegistry.withBundledTypes();
    private static JsonNode ros;

    @BeforeAll
    static void askRosAboutEveryBundledType() {
        assumeTrue(RosPython.installed(), RosPython.NOT_INSTALLED);
        StringBuilder request = new StringBuilder();
        BUNDLED.messageTypeNames().forEach(name -> request.append("msg ").append(name).append('\n'));
        BUNDLED.serviceTypeNames().forEach(name -> request.append("srv ").append(name).append('\n'));
        ros = RosPython.script("ros_types.py", request.toString());
    }

    @Test
    void everyBundledMessageHasTheMd5AndDefinitionRospyHas() {
        SortedSet<String> names = BUNDLED.messageTypeNames();
        SoftAssertions softly = new SoftAssertions();
        for (String name : names) {
            JsonNode theirs = ros.path(name);
            softly.assertThat(theirs.path("error").asText(null)).as("rospy's class for %s", name).isNull();
            MessageType ours = BUNDLED.message(name);
            softly.assertThat(ours.md5()).as("md5 of %s", name).isEqualTo(theirs.path("md5").asText());
            softly.assertThat(ours.definition()).as("message_definition of %s", name)
                    .isEqualTo(theirs.path("definition").asText());
        }
        softly.assertAll();
        assertThat(names).hasSize(106);
    }

    @Test
    void everyBundledServiceHasTheMd5RossrvHas() {
        SortedSet<String> names = BUNDLED.serviceTypeNames();
        SoftAssertions softly = new SoftAssertions();
        for (String name : names) {
            JsonNode theirs = ros.path(name);
            softly.assertThat(theirs.path("error").asText(null)).as("rospy's class for %s", name).isNull();
            ServiceType ours = BUNDLED.service(name);
            softly.assertThat(ours.md5()).as("md5 of %s", name).isEqualTo(theirs.path("md5").asText());
            softly.assertThat(ours.request().md5()).as("md5 of %sRequest", name).isEqualTo(theirs.path("request_md5").asText());
            softly.assertThat(ours.response().md5()).as("md5 of %sResponse", name)
                    .isEqualTo(theirs.path("response_md5").asText());
            softly.assertThat(ours.request().definition()).as("definition of %sRequest", name)
                    .isEqualTo(theirs.path("request_definition").asText());
            softly.assertThat(ours.response().definition()).as("definition of %sResponse", name)
                    .isEqualTo(theirs.path("response_definition").asText());
        }
        softly.assertAll();
        assertThat(names).hasSize(8);
    }

    @Test
    void theRosmsgAndRossrvCommandsThemselvesPrintOurSums() {
        for (String name : List.of("sensor_msgs/LaserScan", "nav_msgs/Odometry", "geometry_msgs/Twist")) {
            assertThat(RosPython.run(List.of("rosmsg", "md5", name), "").strip()).as(name).isEqualTo(BUNDLED.message(name).md5());
        }
        for (String name : List.of("std_srvs/SetBool", "nav_msgs/GetPlan")) {
            assertThat(RosPython.run(List.of("rossrv", "md5", name), "").strip()).as(name).isEqualTo(BUNDLED.service(name).md5());
        }
    }

    @Test
    void definitionsFoundInTheDebianInstallAgreeWithTheBundledOnes() {
        MessageRegistry installed = MessageRegistry.empty().loadRosInstall(Map.of());
        assumeTrue(installed.messageTypeNames().contains("std_msgs/String"),
                "ros-std-msgs is not installed, so /usr/share/std_msgs/msg has nothing to compare");
        SoftAssertions softly = new SoftAssertions();
        int compared = 0;
        for (String name : installed.messageTypeNames()) {
            if (BUNDLED.messageTypeNames().contains(name)) {
                softly.assertThat(installed.message(name).definition()).as(name).isEqualTo(BUNDLED.message(name).definition());
                compared++;
            }
        }
        softly.assertAll();
        assertThat(compared).isGreaterThanOrEqualTo(32);
    }
}
