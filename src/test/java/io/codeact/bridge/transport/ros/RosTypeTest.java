package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RosTypeTest {
    private static final MessageRegistry TYPES = MessageRegistry.withBundledTypes();

    @Test
    void messageAndServiceTypesMatchTheirOwnMd5OrTheWildcardOnly() {
        for (RosType type : List.<RosType>of(TYPES.message("std_msgs/String"), TYPES.service("std_srvs/SetBool"))) {
            assertThat(type.matchesMd5(type.md5())).isTrue();
            assertThat(type.matchesMd5("*")).isTrue();
            assertThat(type.matchesMd5("0123456789abcdef0123456789abcdef")).isFalse();
            assertThat(type.matchesMd5(null)).isFalse();
        }
    }

    @Test
    void aServiceMismatchNamesTheServiceAndBothTypes() {
        RosType setBool = TYPES.service("std_srvs/SetBool");
        assertThatThrownBy(() -> setBool.requireCompatible("/enable", "std_srvs/Empty", "d41d8cd98f00b204e9800998ecf8427e"))
                .isInstanceOf(TypeMismatchException.class)
                .hasMessageStartingWith("type mismatch on /enable: we have std_srvs/SetBool (md5 09fb03525b03e7ea1fd3992bafd87e16),"
                        + " peer has std_srvs/Empty (md5 d41d8cd98f00b204e9800998ecf8427e)");
    }
}
