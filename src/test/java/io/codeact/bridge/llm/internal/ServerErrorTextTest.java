package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorTextTest {

    @Test
    void readsOpenAiShape() {
        assertThat(ServerErrorText.from("{\"error\": {\"message\": \"Bad key.\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}"))
                .isEqualTo(new ServerErrorText("Bad key", "invalid_api_key"));
    }

    @Test
    void readsAnthropicShape() {
        assertThat(ServerErrorText.from("{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}"))
                .isEqualTo(new ServerErrorText("Overloaded", "overloaded_error"));
    }

    @Test
    void readsVllmFastApiAndBareShapes() {
        assertThat(ServerErrorText.from("{\"object\": \"error\", \"message\": \"The model `x` does not exist.\", \"type\": \"NotFoundError\", \"code\": 404}"))
                .isEqualTo(new ServerErrorText("The model `x` does not exist", "NotFoundError"));
        assertThat(ServerErrorText.from("{\"detail\": \"Not Found\"}")).isEqualTo(new ServerErrorText("Not Found", ""));
        assertThat(ServerErrorText.from("{\"error\": \"model 'x' not found\"}")).isEqualTo(new ServerErrorText("model 'x' not found", ""));
    }

    @Test
    void reducesHtmlAndTextToOneShortLine() {
        assertThat(ServerErrorText.from("<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>").message())
                .isEqualTo("502 Bad Gateway nginx");
        assertThat(ServerErrorText.from("x".repeat(600)).message()).hasSize(501).endsWith("…");
        assertThat(ServerErrorText.from("").message()).isEmpty();
    }
}
