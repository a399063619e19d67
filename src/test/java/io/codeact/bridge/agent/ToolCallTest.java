package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCallTest {

    @Test
    void rendersEveryValueKindAsAPythonLiteral() {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("none", null);
        named.put("flags", List.of(true, false));
        named.put("big", new BigInteger("123456789012345678901"));
        named.put("tiny", 1e-5);
        named.put("text", "line1\nq\"uote\\ \u0007 ü");
        named.put("nan", Double.NaN);
        named.put("nested", Map.of("k", Arrays.asList(1, null)));
        assertThat(ToolCall.of("sensors.log", named).toPython()).isEqualTo(
                "sensors.log(none=None, flags=[True, False], big=123456789012345678901, tiny=1.0E-5, "
                        + "text=\"line1\\nq\\\"uote\\\\ \\u0007 ü\", nan=float('nan'), nested={\"k\": [1, None]})");
    }

    @Test
    void renderedLiteralsReadBackAsTheSameValues() throws Exception {
        Object value = List.of("a\"b\\c\n", 1L, -2.5, true, Map.of("x", List.of()));
        String python = PythonLiterals.render(value);
        assertThat(new PythonLiterals.Reader(python, 0).value()).isEqualTo(value);
    }

    @Test
    void refusesNamesThatAreNotPython() {
        assertThatThrownBy(() -> ToolCall.of("os.system('x')", Map.of()))
                .hasMessage("tool must be a dotted Python name like \"base.drive\", got \"os.system('x')\"");
        assertThatThrownBy(() -> ToolCall.of("base.drive", Map.of("lambda", 1)))
                .hasMessage("argument names must be Python identifiers like \"speed\", got \"lambda\" (tool base.drive)");
        assertThatThrownBy(() -> ToolCall.of("base..drive", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesThatHaveNoPythonLiteral() {
        assertThatThrownBy(() -> ToolCall.of("t", Map.of("when", new Object())).toPython())
                .hasMessageStartingWith("cannot write a java.lang.Object as a Python literal");
    }
}
