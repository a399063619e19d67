package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GraphNamesTest {

    @Test
    void resolvesGlobalRelativeAndPrivateNames() {
        assertThat(GraphNames.resolve("/robot1", "/robot1/bridge", "/odom", "topic")).isEqualTo("/odom");
        assertThat(GraphNames.resolve("/robot1", "/robot1/bridge", "odom", "topic")).isEqualTo("/robot1/odom");
        assertThat(GraphNames.resolve("/", "/bridge", "odom", "topic")).isEqualTo("/odom");
        assertThat(GraphNames.resolve("/robot1", "/robot1/bridge", "~gain", "param")).isEqualTo("/robot1/bridge/gain");
        assertThat(GraphNames.resolve("/", "/bridge", "/a/b/", "topic")).isEqualTo("/a/b");
    }

    @Test
    void rejectsNamesRosRejects() {
        assertThatThrownBy(() -> GraphNames.resolve("/", "/n", "1st", "topic"))
                .hasMessageStartingWith("\"1st\" is not a valid ROS topic name");
        assertThatThrownBy(() -> GraphNames.resolve("/", "/n", "a b", "topic")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphNames.resolve("/", "/n", "a//b", "topic")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphNames.resolve("/", "/n", "", "topic")).hasMessageStartingWith("topic name is empty");
    }

    @Test
    void namespaceOfAName() {
        assertThat(GraphNames.namespaceOf("/robot1/bridge")).isEqualTo("/robot1");
        assertThat(GraphNames.namespaceOf("/bridge")).isEqualTo("/");
    }
}
