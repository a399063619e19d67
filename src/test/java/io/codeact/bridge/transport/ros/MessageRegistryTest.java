package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.ros.internal.BundledDefinitions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageRegistryTest {
    private static final MessageRegistry BUNDLED = MessageRegistry.withBundledTypes();

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void bundlesTheStandardMessageAndServiceSets() {
        assertThat(BUNDLED.messageTypeNames()).hasSize(106).contains("std_msgs/String", "std_msgs/Header",
                "geometry_msgs/Twist", "sensor_msgs/LaserScan", "sensor_msgs/PointCloud2", "nav_msgs/Odometry",
                "nav_msgs/GetMapActionGoal", "actionlib_msgs/GoalStatusArray", "rosgraph_msgs/Clock", "rosgraph_msgs/Log");
        assertThat(BUNDLED.serviceTypeNames()).containsExactly("nav_msgs/GetMap", "nav_msgs/GetPlan", "nav_msgs/LoadMap",
                "nav_msgs/SetMap", "sensor_msgs/SetCameraInfo", "std_srvs/Empty", "std_srvs/SetBool", "std_srvs/Trigger");
    }

    @Test
    void everyBundledTypeResolves() {
        BUNDLED.messageTypeNames().forEach(name -> assertThat(BUNDLED.message(name).md5()).hasSize(32));
        BUNDLED.serviceTypeNames().forEach(name -> assertThat(BUNDLED.service(name).md5()).hasSize(32));
    }

    @Test
    void bundledIndexListsEveryBundledFile() throws IOException, URISyntaxException {
        Path root = Path.of(MessageRegistry.class.getResource("definitions/index.txt").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> onDisk = files.filter(f -> f.toString().endsWith(".msg") || f.toString().endsWith(".srv"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
            assertThat(BundledDefinitions.index()).isEqualTo(onDisk);
        }
    }

    @Test
    void bundledSumsAreTheOnesRosPrints() {
        // spot checks; MessageMd5InteropTest compares every type against Debian's rosmsg
        assertThat(BUNDLED.message("geometry_msgs/Twist").md5()).isEqualTo("9f195f881246fdfa2798d1d3eebca84a");
        assertThat(BUNDLED.message("sensor_msgs/LaserScan").md5()).isEqualTo("90c7ef2dc6895d81024acba2ac42f369");
        assertThat(BUNDLED.message("nav_msgs/Odometry").md5()).isEqualTo("cd5e73d190d741a2f92e81eda573aca7");
        assertThat(BUNDLED.service("std_srvs/SetBool").md5()).isEqualTo("09fb03525b03e7ea1fd3992bafd87e16");
    }

    @Test
    void addsMessagesAsTextInAnyOrderResolvingBareNamesInTheirPackage() {
        MessageRegistry types = MessageRegistry.withBundledTypes()
                .addMessage("my_msgs/Mission", "Header header\nWaypoint[] waypoints\n")
                .addMessage("my_msgs/Waypoint", "geometry_msgs/Point position\nfloat64 speed # m/s\n");
        MessageType mission = types.message("my_msgs/Mission");
        assertThat(mission.fields()).extracting(MessageType.Field::type).containsExactly("std_msgs/Header", "my_msgs/Waypoint[]");
        assertThat(mission.dependencies()).containsExactly("std_msgs/Header", "my_msgs/Waypoint", "geometry_msgs/Point");
        assertThat(mission.source()).isEqualTo("my_msgs/Mission.msg (added as text)");
    }

    @Test
    void syntaxErrorsInTextFailAtOnceWithTheLine() {
        assertThatThrownBy(() -> MessageRegistry.empty().addMessage("my_msgs/Bad", "int32 x\nfloat64"))
                .isInstanceOf(MessageDefinitionException.class)
                .hasMessage("my_msgs/Bad.msg (added as text):2: cannot parse \"float64\"; a field is \"type name\" and a"
                        + " constant \"type NAME=value\"");
    }

    @Test
    void unknownFieldTypesAreReportedWhenTheTypeIsAskedFor() {
        MessageRegistry types = MessageRegistry.withBundledTypes().addMessage("my_msgs/Goal", "Header header\nPos target\n");
        assertThatThrownBy(() -> types.message("my_msgs/Goal")).isInstanceOf(MessageDefinitionException.class)
                .hasMessageStartingWith("my_msgs/Goal.msg (added as text):2: unknown type my_msgs/Pos in field target of my_msgs/Goal;");
    }

    @Test
    void unknownTypeNamesSaySoAndSuggestSimilarOnes() {
        assertThatThrownBy(() -> BUNDLED.message("Twist"))
                .hasMessage("\"Twist\" is not a full message type name; ROS types are named package/Type (did you mean"
                        + " geometry_msgs/Twist?)");
        assertThatThrownBy(() -> BUNDLED.message("geometry_msg/Twist"))
                .hasMessage("unknown message type geometry_msg/Twist (did you mean geometry_msgs/Twist?); it is not bundled,"
                        + " not in the loaded ROS packages and not added as text: load its package with loadPackages or add"
                        + " its .msg text with addMessage");
        assertThatThrownBy(() -> BUNDLED.message("std_srvs/SetBool"))
                .hasMessage("std_srvs/SetBool is a service type, not a message type; use service(\"std_srvs/SetBool\")");
        assertThatThrownBy(() -> BUNDLED.service("my_srvs/Plan")).hasMessageStartingWith("unknown service type my_srvs/Plan;");
        assertThat(BUNDLED.findMessage("my_msgs/Nothing")).isEmpty();
        assertThat(BUNDLED.findService("my_srvs/Nothing")).isEmpty();
    }

    @Test
    void loadsPackagesFromDiskAndReportsBrokenFilesWhenAskedFor() throws IOException {
        write("src/robot/my_pkg/package.xml", "<package format=\"2\">\n  <name>my_pkg</name>\n</package>\n");
        write("src/robot/my_pkg/msg/Goal.msg", "geometry_msgs/Point target\nfloat64 tolerance\n");
        write("src/robot/my_pkg/srv/Plan.srv", "Goal goal\n---\nbool ok\n");
        Path broken = write("src/robot/my_pkg/msg/Broken.msg", "int32 x y\n");

        MessageRegistry types = MessageRegistry.withBundledTypes().loadPackages(dir.resolve("src"));

        assertThat(types.message("my_pkg/Goal").source()).isEqualTo(dir.resolve("src/robot/my_pkg/msg/Goal.msg").toString());
        assertThat(types.service("my_pkg/Plan").request().fields()).extracting(MessageType.Field::type)
                .containsExactly("my_pkg/Goal");
        assertThatThrownBy(() -> types.message("my_pkg/Broken")).isInstanceOf(MessageDefinitionException.class)
                .hasMessage("my_pkg/Broken was skipped when loading: " + broken + ":1: cannot parse \"int32 x y\"; a field"
                        + " is \"type name\" and a constant \"type NAME=value\"");
        assertThat(types.messageTypeNames()).contains("my_pkg/Goal").doesNotContain("my_pkg/Broken");
    }

    @Test
    void aPackageWithoutManifestIsNamedAfterItsDirectory() throws IOException {
        write("my_pkg/msg/Ping.msg", "uint32 n\n");
        assertThat(MessageRegistry.empty().loadPackages(dir.resolve("my_pkg")).message("my_pkg/Ping").md5())
                .isEqualTo(MessageRegistry.empty().addMessage("any/Ping", "uint32 n").message("any/Ping").md5());
    }

    @Test
    void readsFilesWithWindowsOrOldMacLineEndsAsGenmsgDoes() throws IOException {
        write("my_pkg/msg/Crlf.msg", "# pose\r\nfloat64 x\r\nstring NAME=a b\r\n");
        write("my_pkg/msg/Cr.msg", "float64 x\rfloat64 y\r");
        MessageRegistry types = MessageRegistry.empty().loadPackages(dir.resolve("my_pkg"));
        assertThat(types.message("my_pkg/Crlf").definition()).isEqualTo("# pose\nfloat64 x\nstring NAME=a b\n");
        assertThat(types.message("my_pkg/Crlf").constants()).extracting(MessageType.Constant::value).containsExactly("a b");
        assertThat(types.message("my_pkg/Cr").fields()).extracting(MessageType.Field::name).containsExactly("x", "y");
    }

    @Test
    void loadingSomethingThatIsNotADirectoryIsAnError() {
        assertThatThrownBy(() -> MessageRegistry.empty().loadPackages(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("nope") + " is not a directory; give a ROS package directory, or a directory of"
                        + " packages such as /opt/ros/noetic/share");
    }

    @Test
    void rosInstallPrefersTheFirstPackagePathEntry() throws IOException {
        write("ws1/my_pkg/msg/Ping.msg", "uint32 n\n");
        write("ws2/my_pkg/msg/Ping.msg", "uint64 n\n");
        MessageRegistry types = MessageRegistry.empty().loadRosInstall(
                Map.of("ROS_PACKAGE_PATH", dir.resolve("ws1") + ":" + dir.resolve("ws2")));
        assertThat(types.message("my_pkg/Ping").fields()).extracting(MessageType.Field::type).containsExactly("uint32");
    }

    @Test
    void aLaterDefinitionReplacesAnEarlierOneAndHandedOutTypesStayUsable() {
        MessageRegistry types = MessageRegistry.empty().addMessage("my_msgs/Ping", "uint32 n");
        MessageType before = types.message("my_msgs/Ping");
        types.addMessage("my_msgs/Ping", "uint64 n");
        assertThat(types.message("my_msgs/Ping").md5()).isNotEqualTo(before.md5());
        assertThat(before.serialize(Map.of("n", 1))).hasSize(4);
    }

    @Test
    void readsAPeersFullMessageDefinitionIntoTheSameType() {
        MessageType original = BUNDLED.message("nav_msgs/Odometry");
        MessageType rebuilt = MessageRegistry.empty().addMessageDefinition("nav_msgs/Odometry", original.definition());
        assertThat(rebuilt).isEqualTo(original);
        assertThat(rebuilt.definition()).isEqualTo(original.definition());
    }

    @Test
    void aPeersDefinitionDoesNotReplaceTypesWeKnow() {
        MessageRegistry types = MessageRegistry.withBundledTypes();
        String theirs = "Header header\n" + "=".repeat(80) + "\nMSG: std_msgs/Header\nuint64 seq\n";
        MessageType stamped = types.addMessageDefinition("their_msgs/Stamped", theirs);
        assertThat(types.message("std_msgs/Header").md5()).isEqualTo("2176decaecbce78abc3b96ef049fabed");
        assertThat(stamped.dependencies()).containsExactly("std_msgs/Header");
    }

    @Test
    void returnsTheSameResolvedTypeEachTime() {
        assertThat(BUNDLED.message("geometry_msgs/Pose")).isSameAs(BUNDLED.message("geometry_msgs/Pose"));
        assertThat(BUNDLED.service("std_srvs/Trigger")).isSameAs(BUNDLED.service("std_srvs/Trigger"));
    }
}
