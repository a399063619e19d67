package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.ros.RosProtocolException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionHeaderTest {

    @Test
    void encodesFieldsAsLittleEndianLengthPrefixedKeyValuePairs() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topic", "/a");
        fields.put("md5sum", "*");

        byte[] wire = ConnectionHeader.encode(fields);

        assertThat(HexFormat.of().formatHex(wire)).isEqualTo("18000000" + "08000000" + "746f7069633d2f61"
                + "08000000" + "6d643573756d3d2a");
    }

    @Test
    void readsBackWhatItWritesKeepingEqualsSignsInValues() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("callerid", "/talker");
        fields.put("message_definition", "string data\nuint8 KIND=7\n");
        fields.put("empty", "");

        Map<String, String> back = ConnectionHeader.read(new ByteArrayInputStream(ConnectionHeader.encode(fields)), "test");

        assertThat(back).isEqualTo(fields);
    }

    @Test
    void rejectsAFieldLongerThanTheHeader() {
        byte[] body = HexFormat.of().parseHex("ff000000" + "61");
        assertThatThrownBy(() -> ConnectionHeader.decode(body, "peer X"))
                .isInstanceOf(RosProtocolException.class)
                .hasMessage("malformed connection header from peer X: field at offset 0 says 255 bytes but only 1 are left");
    }

    @Test
    void rejectsAFieldWithoutEqualsSign() {
        byte[] body = HexFormat.of().parseHex("03000000" + "616263");
        assertThatThrownBy(() -> ConnectionHeader.decode(body, "peer X"))
                .hasMessage("malformed connection header from peer X: field \"abc\" at offset 0 has no '='");
    }

    @Test
    void rejectsStrayBytesAfterTheLastField() {
        byte[] body = HexFormat.of().parseHex("03000000" + "613d62" + "0100");
        assertThatThrownBy(() -> ConnectionHeader.decode(body, "peer X"))
                .hasMessage("malformed connection header from peer X: 2 stray bytes at offset 7 where a 4-byte field length"
                        + " should be");
    }

    @Test
    void saysWhenTheConnectionClosesBeforeOrInsideTheHeader() {
        assertThatThrownBy(() -> ConnectionHeader.read(new ByteArrayInputStream(new byte[0]), "peer X"))
                .hasMessage("peer X closed the connection before sending a connection header");
        byte[] cut = Arrays.copyOf(ConnectionHeader.encode(Map.of("topic", "/a")), 9);
        assertThatThrownBy(() -> ConnectionHeader.read(new ByteArrayInputStream(cut), "peer X"))
                .hasMessage("truncated connection header from peer X: expected 12 bytes, the connection closed after 5");
    }

    @Test
    void refusesHeadersLargerThanAMebibyteWithoutReadingThem() {
        byte[] huge = HexFormat.of().parseHex("01001000");
        assertThatThrownBy(() -> ConnectionHeader.read(new ByteArrayInputStream(huge), "peer X"))
                .hasMessage("malformed connection header from peer X: it says it is 1048577 bytes long, more than the"
                        + " 1048576 we accept; is this a TCPROS peer?");
    }

    @Test
    void framesCarryALengthAndReportTruncation() throws Exception {
        byte[] frame = Frames.frame(new byte[] {1, 2, 3});
        assertThat(HexFormat.of().formatHex(frame)).isEqualTo("03000000010203");
        assertThat(Frames.read(new ByteArrayInputStream(frame), "x")).containsExactly(1, 2, 3);
        assertThat(Frames.read(new ByteArrayInputStream(new byte[0]), "x")).isNull();
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(Arrays.copyOf(frame, 5)), "a message on /t"))
                .isInstanceOf(RosProtocolException.class)
                .hasMessage("truncated frame (a message on /t): expected 3 bytes, the connection closed after 1");
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(new byte[] {1, 0}), "a message on /t"))
                .hasMessageStartingWith("truncated frame (a message on /t): the connection closed inside its 4-byte length");
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(HexFormat.of().parseHex("ffffffff")), "a message on /t"))
                .hasMessageStartingWith("bad frame (a message on /t): length 4294967295 is over the 1073741824-byte limit");
    }

    @Test
    void aServiceResponseStartsWithTheOkByte() {
        assertThat(HexFormat.of().formatHex(Frames.serviceResponse(false, new byte[] {'n', 'o'}))).isEqualTo("00020000006e6f");
    }
}
