package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRequestTest {
    private static final ChatRequest HI = ChatRequest.of(ChatMessage.user("hi"));

    @Test
    void startsWithNoStopSequencesAndServerDefaults() {
        assertThat(HI.stop()).isEmpty();
        assertThat(HI.maxTokens()).isEmpty();
        assertThat(HI.temperature()).isEmpty();
    }

    @Test
    void withersSetOneThingEach() {
        ChatRequest request = HI.withStop("</execute>", "</solution>").withMaxTokens(512).withTemperature(0.7);

        assertThat(request.messages()).isEqualTo(HI.messages());
        assertThat(request.stop()).containsExactly("</execute>", "</solution>");
        assertThat(request.maxTokens()).hasValue(512);
        assertThat(request.temperature()).hasValue(0.7);
    }

    @Test
    void copiesTheConversationSoLaterChangesDoNotLeakIn() {
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("hi")));
        ChatRequest request = ChatRequest.of(messages);

        messages.add(ChatMessage.assistant("hello"));

        assertThat(request.messages()).hasSize(1);
    }

    @Test
    void rejectsNonsenseWithTheValue() {
        assertThatThrownBy(() -> ChatRequest.of(List.of())).hasMessage("a chat request needs at least one message, got none");
        assertThatThrownBy(() -> HI.withMaxTokens(0)).hasMessage("maxTokens must be > 0, got 0");
        assertThatThrownBy(() -> HI.withTemperature(2.5)).hasMessage("temperature must be between 0 and 2, got 2.5");
        assertThatThrownBy(() -> HI.withStop("")).hasMessage("stop sequences must not be empty, got []");
    }

    @Test
    void rolesUseTheWireSpelling() {
        assertThat(ChatMessage.system("s").role().wireName()).isEqualTo("system");
        assertThat(ChatMessage.assistant("a").role().wireName()).isEqualTo("assistant");
    }
}
