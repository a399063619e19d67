package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeMismatchExceptionTest {
    @Test
    void namesBothSidesAndSaysWhatToDo() {
        TypeMismatchException e = new TypeMismatchException("/cmd_vel", "geometry_msgs/Twist",
                "9f195f881246fdfa2798d1d3eebca84a", "std_msgs/String", "992ce8a1687cec8c8bd883ec73ca41d1");
        assertThat(e).hasMessage("type mismatch on /cmd_vel: we have geometry_msgs/Twist (md5 9f195f881246fdfa2798d1d3eebca84a),"
                + " peer has std_msgs/String (md5 992ce8a1687cec8c8bd883ec73ca41d1); use the same message type on both ends");
        assertThat(e.peerType()).isEqualTo("std_msgs/String");
        assertThat(e.ourMd5()).isEqualTo("9f195f881246fdfa2798d1d3eebca84a");
    }

    @Test
    void sameTypeNameWithDifferentSumsPointsAtTheDefinitions() {
        TypeMismatchException e = new TypeMismatchException("/odom", "nav_msgs/Odometry", "cd5e73d190d741a2f92e81eda573aca7",
                "nav_msgs/Odometry", "0123456789abcdef0123456789abcdef");
        assertThat(e).hasMessageEndingWith("; the type names match but the definitions differ: give both ends the same"
                + " version of the .msg file");
    }
}
