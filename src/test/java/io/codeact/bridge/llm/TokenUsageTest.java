package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void estimateIsFourCharactersPerTokenRoundedUpAndMarkedAsEstimate() {
        assertThat(TokenUsage.estimateTokens("")).isZero();
        assertThat(TokenUsage.estimateTokens("abcd")).isEqualTo(1);
        assertThat(TokenUsage.estimateTokens("abcde")).isEqualTo(2);
        TokenUsage usage = TokenUsage.estimate(ChatRequest.of(ChatMessage.system("12345678"), ChatMessage.user("1234")), "123");
        assertThat(usage).isEqualTo(new TokenUsage(4 + 2 + 4 + 1, 1, true));
    }

    @Test
    void reportedUsageIsNotAnEstimate() {
        assertThat(TokenUsage.reported(10, 5).estimated()).isFalse();
        assertThat(TokenUsage.reported(10, 5).totalTokens()).isEqualTo(15);
    }

    @Test
    void sumIsAnEstimateIfEitherPartIs() {
        assertThat(TokenUsage.reported(10, 5).plus(TokenUsage.reported(1, 2))).isEqualTo(TokenUsage.reported(11, 7));
        assertThat(TokenUsage.reported(10, 5).plus(new TokenUsage(1, 2, true)).estimated()).isTrue();
    }
}
