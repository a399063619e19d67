package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamStoreTest {

    @Test
    void namespacesAreDictionariesOfTheirChildren() {
        ParamStore store = new ParamStore();
        store.set("/robot/max_speed", 0.5);
        store.set("/robot/name", "r1");

        assertThat(store.get("/robot")).isEqualTo(Map.of("max_speed", 0.5, "name", "r1"));
        assertThat(store.names()).isEqualTo(List.of("/robot/max_speed", "/robot/name"));

        store.set("/robot", Map.of("arm", Map.of("joints", 6)));
        assertThat(store.get("/robot/max_speed")).isNull();
        assertThat(store.get("/robot/arm/joints")).isEqualTo(6);
        assertThat(store.delete("/robot/arm")).isTrue();
        assertThat(store.delete("/robot/arm")).isFalse();
        assertThat(store.has("/robot")).isTrue();
    }

    @Test
    void searchesUpwardsFromTheCallersNamespaceLikeRosmaster() {
        ParamStore store = new ParamStore();
        store.set("/a/gain", 1);
        store.set("/gain", 2);
        store.set("/a/b/node/gain", 3);

        assertThat(store.search("/a/b/node", "gain")).isEqualTo("/a/b/node/gain");
        assertThat(store.search("/a/b/other", "gain")).isEqualTo("/a/gain");
        assertThat(store.search("/x/node", "gain")).isEqualTo("/gain");
        assertThat(store.search("/x/node", "missing")).isNull();
        assertThat(store.search("/x/node", "/a/gain")).isEqualTo("/a/gain");
    }
}
