package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.ros.MessageDefinitionException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeResolverTest {
    private final Map<String, MessageSpec> specs = new HashMap<>();
    private final TypeResolver resolver = new TypeResolver(specs::get, new HashMap<>());

    private MessageSpec define(String name, String text) {
        MessageSpec spec = DefinitionParser.parseMessage(name, text, name + ".msg");
        specs.put(name, spec);
        return spec;
    }

    @Test
    void md5TextListsConstantsFirstThenFieldsWithMessageTypesReplacedByTheirMd5() {
        MessageSpec point = define("geo/Point", "float64 x\nfloat64 y");
        MessageSpec path = define("geo/Path", "# comment\nPoint[] points   # no brackets in the md5 text\nuint8 KIND=3\n"
                + "uint8[16] id\nstring NAME = a # b\nbyte b");
        String pointMd5 = TypeResolver.md5Hex("float64 x\nfloat64 y");
        ResolvedMessage resolved = resolver.resolve(path);
        assertThat(resolved.md5Text()).isEqualTo("uint8 KIND=3\nstring NAME=a # b\n" + pointMd5 + " points\nuint8[16] id\nbyte b");
        assertThat(resolved.md5()).isEqualTo(TypeResolver.md5Hex(resolved.md5Text()));
        assertThat(resolver.resolve(point).md5()).isEqualTo(pointMd5);
    }

    @Test
    void fullTextAppendsEachDependencyOnceInDepthFirstOrder() {
        define("geo/Point", "float64 x\n");
        define("geo/Pose", "Point position\nPoint orientation\n");
        define("std_msgs/Header", "uint32 seq\n");
        MessageSpec stamped = define("geo/PoseStamped", "Header header\nPose pose\nPoint extra\n");
        String sep = "=".repeat(80) + "\n";
        assertThat(resolver.resolve(stamped).definition()).isEqualTo("Header header\nPose pose\nPoint extra\n\n"
                + sep + "MSG: std_msgs/Header\nuint32 seq\n\n"
                + sep + "MSG: geo/Pose\nPoint position\nPoint orientation\n\n"
                + sep + "MSG: geo/Point\nfloat64 x\n");
        assertThat(resolver.resolve(stamped).dependencies()).containsExactly("std_msgs/Header", "geo/Pose", "geo/Point");
    }

    @Test
    void aTypeWithoutDependenciesIsItsOwnDefinition() {
        assertThat(resolver.resolve(define("std_msgs/String", "string data\n")).definition()).isEqualTo("string data\n");
        assertThat(resolver.resolve(define("std_msgs/Empty", "")).md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void unknownFieldTypeNamesFileLineFieldAndWhatToDo() {
        MessageSpec odom = define("nav/Odometry", "Header header\ngeo/Pos pose");
        define("std_msgs/Header", "uint32 seq");
        assertThatThrownBy(() -> resolver.resolve(odom)).isInstanceOf(MessageDefinitionException.class)
                .hasMessage("nav/Odometry.msg:2: unknown type geo/Pos in field pose of nav/Odometry; it is not bundled, not"
                        + " in the loaded ROS packages and not added as text (load its package with"
                        + " MessageRegistry.loadPackages or add its .msg text with addMessage)");
    }

    @Test
    void rejectsRecursiveTypes() {
        MessageSpec a = define("t/A", "B b");
        define("t/B", "int32 x\nA[] children");
        assertThatThrownBy(() -> resolver.resolve(a)).hasMessage("t/B.msg:2: field children of t/B closes a cycle"
                + " (t/A -> t/B -> t/A); a ROS message cannot contain itself, directly or not");
    }

    @Test
    void serviceMd5IsTheMd5OfBothHalvesMd5TextsConcatenated() {
        ServiceSpec spec = DefinitionParser.parseService("s/Add", "int64 a\nint64 b\n---\nint64 sum", "Add.srv");
        ResolvedService service = resolver.resolve(spec);
        assertThat(service.md5()).isEqualTo(TypeResolver.md5Hex("int64 a\nint64 bint64 sum"));
        assertThat(service.request().md5()).isEqualTo(TypeResolver.md5Hex("int64 a\nint64 b"));
    }
}
