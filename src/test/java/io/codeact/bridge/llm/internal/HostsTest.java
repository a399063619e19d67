package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HostsTest {

    private static boolean local(String url) {
        return Hosts.isLocal(URI.create(url));
    }

    @Test
    void thisMachineAndTheLocalNetworkAreLocal() {
        assertThat(local("http://localhost:11434/v1")).isTrue();
        assertThat(local("http://127.0.0.1:8000/v1")).isTrue();
        assertThat(local("http://[::1]:8000/v1")).isTrue();
        assertThat(local("http://10.0.0.7:8000/v1")).isTrue();
        assertThat(local("http://172.20.1.2:8000/v1")).isTrue();
        assertThat(local("http://192.168.1.20:1234/v1")).isTrue();
        assertThat(local("http://[fd12:3456::1]:8000/v1")).isTrue();
        assertThat(local("http://vllm:8000/v1")).isTrue();
        assertThat(local("http://gpu-box.local:8000/v1")).isTrue();
        assertThat(local("http://llm.lan/v1")).isTrue();
    }

    @Test
    void publicHostsAreNot() {
        assertThat(local("https://api.openai.com/v1")).isFalse();
        assertThat(local("https://api.anthropic.com")).isFalse();
        assertThat(local("http://8.8.8.8/v1")).isFalse();
        assertThat(local("https://openrouter.ai/api/v1")).isFalse();
    }
}
