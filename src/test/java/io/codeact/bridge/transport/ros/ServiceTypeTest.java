package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTypeTest {
    private static final MessageRegistry TYPES = MessageRegistry.withBundledTypes();

    @Test
    void hasRequestAndResponseTypesNamedLikeRospy() {
        ServiceType setBool = TYPES.service("std_srvs/SetBool");
        assertThat(setBool.md5()).isEqualTo("09fb03525b03e7ea1fd3992bafd87e16");
        assertThat(setBool.request().name()).isEqualTo("std_srvs/SetBoolRequest");
        assertThat(setBool.request().md5()).isEqualTo("8b94c1b53db61fb6aed406028ad6332a");
        assertThat(setBool.response().name()).isEqualTo("std_srvs/SetBoolResponse");
        assertThat(setBool.response().md5()).isEqualTo("937c9679a518e3a18d831e57125ea522");
        assertThat(setBool.source()).isEqualTo("bundled:std_srvs/srv/SetBool.srv");
    }

    @Test
    void serialisesRequestsAndResponses() {
        ServiceType trigger = TYPES.service("std_srvs/Trigger");
        assertThat(trigger.request().serialize(Map.of())).isEmpty();
        byte[] response = trigger.response().serialize(Map.of("success", true, "message", "ok"));
        assertThat(HexFormat.of().formatHex(response)).isEqualTo("01" + "02000000" + "6f6b");
        assertThat(trigger.response().deserialize(response)).isEqualTo(Map.of("success", true, "message", "ok"));
    }

    @Test
    void servicesUseMessageTypesFromTheRegistry() {
        ServiceType getPlan = TYPES.service("nav_msgs/GetPlan");
        assertThat(getPlan.request().dependencies()).contains("geometry_msgs/PoseStamped", "std_msgs/Header");
        assertThat(getPlan.response().fields()).extracting(MessageType.Field::type).containsExactly("nav_msgs/Path");
    }

    @Test
    void namesBothSidesOnMismatch() {
        ServiceType empty = TYPES.service("std_srvs/Empty");
        empty.requireCompatible("/reset", "std_srvs/Empty", "d41d8cd98f00b204e9800998ecf8427e");
        empty.requireCompatible("/reset", "*", "*");
        assertThatThrownBy(() -> empty.requireCompatible("/reset", "std_srvs/Trigger", "937c9679a518e3a18d831e57125ea522"))
                .isInstanceOf(TypeMismatchException.class)
                .hasMessage("type mismatch on /reset: we have std_srvs/Empty (md5 d41d8cd98f00b204e9800998ecf8427e), peer has"
                        + " std_srvs/Trigger (md5 937c9679a518e3a18d831e57125ea522); use the same message type on both ends");
    }
}
