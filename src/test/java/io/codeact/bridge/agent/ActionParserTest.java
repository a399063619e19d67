package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionParserTest {

    @Test
    void picksTheParserForEachMode() {
        assertThat(ActionParser.forMode("code")).isInstanceOf(CodeActionParser.class);
        assertThat(ActionParser.forMode("json")).isInstanceOf(JsonActionParser.class);
        assertThat(ActionParser.forMode(" TEXT ")).isInstanceOf(TextActionParser.class);
    }

    @Test
    void rejectsAnUnknownModeNamingTheChoices() {
        assertThatThrownBy(() -> ActionParser.forMode("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown action mode \"xml\" (--mode): use code, json or text");
    }

    @Test
    void aLambdaIsAParserWithoutInstructions() {
        ActionParser echo = reply -> new ParsedReply.Solution("", reply, java.util.List.of());
        assertThat(echo.parse("hi")).isEqualTo(new ParsedReply.Solution("", "hi", java.util.List.of()));
        assertThat(echo.formatInstructions()).isEmpty();
        assertThat(echo.stopSequences()).isEmpty();
    }
}
