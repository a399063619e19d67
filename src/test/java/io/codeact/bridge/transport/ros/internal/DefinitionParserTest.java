package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.ros.MessageDefinitionException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    private static MessageSpec parse(String text) {
        return DefinitionParser.parseMessage("my_msgs/Thing", text, "Thing.msg");
    }

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(MessageDefinitionException.class).hasMessage(message);
    }

    @Test
    void ignoresCommentsAndBlankLinesAndKeepsTheTextVerbatim() {
        String text = "# a comment\n\n  float64 x   # trailing comment\n\t\nint32  count\n";
        MessageSpec spec = parse(text);
        assertThat(spec.fields()).extracting(FieldSpec::name, FieldSpec::type, FieldSpec::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "float64", 3),
                        org.assertj.core.groups.Tuple.tuple("count", "int32", 5));
        assertThat(spec.text()).isEqualTo(text);
        assertThat(spec.constants()).isEmpty();
    }

    @Test
    void resolvesHeaderAndBareMessageNamesInTheDeclaringPackage() {
        MessageSpec spec = parse("Header header\nPose pose\ngeometry_msgs/Point[] points\nstd_msgs/Header other\ntime t\nduration d");
        assertThat(spec.fields()).extracting(FieldSpec::type).containsExactly(
                "std_msgs/Header", "my_msgs/Pose", "geometry_msgs/Point[]", "std_msgs/Header", "time", "duration");
        assertThat(spec.fields()).extracting(FieldSpec::isBuiltin).containsExactly(false, false, false, false, true, true);
    }

    @Test
    void keepsTheDeprecatedByteAndCharNamesButGivesThemInt8AndUint8WireForms() {
        MessageSpec spec = parse("byte b\nchar c\nchar[] cs");
        assertThat(spec.fields()).extracting(FieldSpec::type).containsExactly("byte", "char", "char[]");
        assertThat(spec.fields().get(0).builtin().wireType()).isEqualTo(Primitive.INT8);
        assertThat(spec.fields().get(1).builtin().wireType()).isEqualTo(Primitive.UINT8);
    }

    @Test
    void parsesVariableAndFixedArrays() {
        MessageSpec spec = parse("float64[36] covariance\nuint8[] data\nPoint[4] corners");
        FieldSpec covariance = spec.fields().get(0);
        assertThat(covariance.array()).isTrue();
        assertThat(covariance.fixedLength()).isEqualTo(36);
        assertThat(covariance.elementType()).isEqualTo("float64");
        assertThat(spec.fields().get(1).fixedLength()).isEqualTo(-1);
        assertThat(spec.fields().get(2)).extracting(FieldSpec::type, FieldSpec::elementType)
                .containsExactly("my_msgs/Point[4]", "my_msgs/Point");
    }

    @Test
    void parsesConstantsOfEveryPrimitiveType() {
        MessageSpec spec = parse("""
                int8 MIN=-128
                uint8 STATUS_FIX = 0   # spaces around = are fine
                uint32 BIG=4294967295
                int64 SMALL=-9223372036854775808
                uint64 HUGE=18446744073709551615
                float32 HALF=0.5
                float64 EPS=1e-9
                bool ON=True
                byte B=-1
                char C=255
                """);
        assertThat(spec.constants()).extracting(ConstantSpec::name, ConstantSpec::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MIN", -128),
                org.assertj.core.groups.Tuple.tuple("STATUS_FIX", 0),
                org.assertj.core.groups.Tuple.tuple("BIG", 4294967295L),
                org.assertj.core.groups.Tuple.tuple("SMALL", Long.MIN_VALUE),
                org.assertj.core.groups.Tuple.tuple("HUGE", new BigInteger("18446744073709551615")),
                org.assertj.core.groups.Tuple.tuple("HALF", 0.5f),
                org.assertj.core.groups.Tuple.tuple("EPS", 1e-9),
                org.assertj.core.groups.Tuple.tuple("ON", true),
                org.assertj.core.groups.Tuple.tuple("B", -1),
                org.assertj.core.groups.Tuple.tuple("C", 255));
        assertThat(spec.constants().get(1).valueText()).isEqualTo("0");
    }

    @Test
    void stringConstantValueRunsVerbatimToTheEndOfTheLineHashIncluded() {
        MessageSpec spec = parse("string GREETING =  hello # not a comment = still the value  \nstring name");
        assertThat(spec.constants()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("GREETING");
            assertThat(c.value()).isEqualTo("hello # not a comment = still the value");
            assertThat(c.valueText()).isEqualTo("hello # not a comment = still the value");
        });
        assertThat(spec.fields()).extracting(FieldSpec::name).containsExactly("name");
    }

    @Test
    void aHashBeforeTheEqualsSignMakesTheLineAFieldWithAComment() {
        MessageSpec spec = parse("string label # default=none");
        assertThat(spec.constants()).isEmpty();
        assertThat(spec.fields()).extracting(FieldSpec::name).containsExactly("label");
    }

    @Test
    void rejectsALineThatIsNeitherFieldNorConstantNamingFileAndLine() {
        assertRejected("int32 x\nint32 y z", "Thing.msg:2: cannot parse \"int32 y z\"; a field is \"type name\" and a"
                + " constant \"type NAME=value\"");
    }

    @Test
    void rejectsBadTypesAndNames() {
        assertRejected("float64[x] a", "Thing.msg:1: \"float64[x]\" is not a valid field type; types look like float64,"
                + " Header, geometry_msgs/Point, uint8[] or float64[36]");
        assertRejected("a/b/C c", "Thing.msg:1: \"a/b/C\" is not a valid field type; types look like float64,"
                + " Header, geometry_msgs/Point, uint8[] or float64[36]");
        assertRejected("\n\nint32 2x", "Thing.msg:3: \"2x\" is not a valid field name; names start with a letter, then"
                + " letters, digits or _");
    }

    @Test
    void rejectsConstantsOfNonPrimitiveTypesAndBadValues() {
        assertRejected("time T=3", "Thing.msg:1: cannot parse \"time T=3\" as a constant; a constant is \"type NAME=value\""
                + " with type one of bool, int8..int64, uint8..uint64, float32, float64, string, byte, char");
        assertRejected("int32[] A=1", "Thing.msg:1: cannot parse \"int32[] A=1\" as a constant; a constant is \"type"
                + " NAME=value\" with type one of bool, int8..int64, uint8..uint64, float32, float64, string, byte, char");
        assertRejected("uint8 X=256", "Thing.msg:1: bad value for uint8 constant X: 256 is out of range for uint8, which holds 0 to 255");
        assertRejected("int32 X=1.5", "Thing.msg:1: bad value for int32 constant X: \"1.5\" is not an integer");
        assertRejected("float64 X=fast", "Thing.msg:1: bad value for float64 constant X: \"fast\" is not a number");
        assertRejected("int32 X=1=2", "Thing.msg:1: cannot parse \"int32 X=1=2\" as a constant; expected one \"=\", as in"
                + " \"int32 NAME=value\"");
        assertRejected("bool B=maybe", "Thing.msg:1: bad value for bool constant B: a bool constant is True, False, 1 or 0");
    }

    @Test
    void rejectsANameDeclaredTwice() {
        assertRejected("int32 x\nfloat64 y\nfloat64 x", "Thing.msg:3: x is declared twice in my_msgs/Thing (first at line 1)");
    }

    @Test
    void rejectsTypeNamesWithoutPackage() {
        assertThatThrownBy(() -> DefinitionParser.parseMessage("Twist", "", "x"))
                .hasMessage("\"Twist\" is not a full message type name; ROS types are named package/Type, e.g."
                        + " geometry_msgs/Twist");
    }

    @Test
    void splitsAServiceIntoRequestAndResponseLikeGenmsg() {
        ServiceSpec spec = DefinitionParser.parseService("my_srvs/Add", "int64 a\nint64 b\n---\nint64 sum\n", "Add.srv");
        assertThat(spec.request().name()).isEqualTo("my_srvs/AddRequest");
        assertThat(spec.response().name()).isEqualTo("my_srvs/AddResponse");
        // genmsg rebuilds each half as its lines, each followed by \n
        assertThat(spec.request().text()).isEqualTo("int64 a\nint64 b\n");
        assertThat(spec.response().text()).isEqualTo("int64 sum\n\n");
        assertThat(spec.response().fields()).extracting(FieldSpec::line).containsExactly(4);
    }

    @Test
    void serviceErrorsNameTheLineInTheWholeFile() {
        assertThatThrownBy(() -> DefinitionParser.parseService("my_srvs/Add", "int64 a\n---\nint64 sum total\n", "Add.srv"))
                .hasMessageStartingWith("Add.srv:3: cannot parse \"int64 sum total\"");
        assertThatThrownBy(() -> DefinitionParser.parseService("my_srvs/Add", "int64 a\n---\nint64 b\n---\n", "Add.srv"))
                .hasMessage("Add.srv:4: a second \"---\" line (the first is at line 2); a service has one request part and"
                        + " one response part");
        assertThatThrownBy(() -> DefinitionParser.parseService("my_srvs/Add", "int64 a\n", "Add.srv"))
                .hasMessage("Add.srv: no \"---\" line; a .srv file is the request fields, a line \"---\", then the response"
                        + " fields");
    }

    @Test
    void splitsAFullMessageDefinitionIntoItsSections() {
        String sep = "=".repeat(80);
        String full = "Header header\nPoint p\n\n" + sep + "\nMSG: std_msgs/Header\nuint32 seq\ntime stamp\nstring frame_id\n"
                + sep + "\nMSG: my_msgs/Point\nfloat64 x\nfloat64 y";
        List<MessageSpec> specs = DefinitionParser.parseFullDefinition("my_msgs/Stamped", full, "header");
        assertThat(specs).extracting(MessageSpec::name).containsExactly("my_msgs/Stamped", "std_msgs/Header", "my_msgs/Point");
        assertThat(specs.get(0).text()).isEqualTo("Header header\nPoint p\n");
        assertThat(specs.get(1).text()).isEqualTo("uint32 seq\ntime stamp\nstring frame_id");
        assertThat(specs.get(2).fields()).extracting(FieldSpec::line).containsExactly(11, 12);
    }

    @Test
    void aSectionWithoutMsgLineIsNamed() {
        String full = "int32 a\n" + "=".repeat(80) + "\nint32 b";
        assertThatThrownBy(() -> DefinitionParser.parseFullDefinition("my_msgs/A", full, "header of /topic"))
                .hasMessage("header of /topic:3: expected \"MSG: package/Type\" after the separator line, got \"int32 b\"");
    }
}
