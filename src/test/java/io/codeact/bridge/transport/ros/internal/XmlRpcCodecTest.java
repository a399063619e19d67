package io.codeact.bridge.transport.ros.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {

    private static byte[] xml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Object response(String value) {
        return XmlRpcCodec.parseResponse(xml("<?xml version='1.0'?><methodResponse><params><param>" + value
                + "</param></params></methodResponse>"));
    }

    @Test
    void readsEveryValueTypeRosPeersSend() {
        assertThat(response("<value><i4>-7</i4></value>")).isEqualTo(-7);
        assertThat(response("<value><int>42</int></value>")).isEqualTo(42);
        assertThat(response("<value><i8>8589934592</i8></value>")).isEqualTo(8589934592L);
        assertThat(response("<value><double>0.25</double></value>")).isEqualTo(0.25);
        assertThat(response("<value><double>1e-05</double></value>")).isEqualTo(1e-5);
        assertThat(response("<value><double>inf</double></value>")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(response("<value><boolean>1</boolean></value>")).isEqualTo(true);
        assertThat(response("<value><boolean>0</boolean></value>")).isEqualTo(false);
        assertThat(response("<value><string>a &lt;b&gt; &amp; c</string></value>")).isEqualTo("a <b> & c");
        assertThat(response("<value><base64>AAH/</base64></value>")).isEqualTo(new byte[] {0, 1, (byte) 0xFF});
        assertThat(response("<value><nil/></value>")).isNull();
        assertThat(response("<value><dateTime.iso8601>20240101T10:00:00</dateTime.iso8601></value>"))
                .isEqualTo("20240101T10:00:00");
    }

    @Test
    void readsAValueWithoutATypeTagAsAStringKeepingItsSpaces() {
        assertThat(response("<value> /rosout </value>")).isEqualTo(" /rosout ");
        assertThat(response("<value></value>")).isEqualTo("");
        assertThat(response("<value><string></string></value>")).isEqualTo("");
    }

    @Test
    void readsRosTriplesWithNestedArraysAndStructs() {
        Object reply = response("""
                <value><array><data>
                  <value><i4>1</i4></value>
                  <value>current system state</value>
                  <value><array><data>
                    <value><array><data><value>/chatter</value><value><array><data><value>/talker</value></data></array></value></data></array></value>
                  </data></array></value>
                  <value><struct>
                    <member><name>gain</name><value><double>1.5</double></value></member>
                    <member><name>empty</name><value><struct></struct></value></member>
                  </struct></value>
                </data></array></value>""");

        assertThat(reply).isEqualTo(List.of(1, "current system state", List.of(List.of("/chatter", List.of("/talker"))),
                Map.of("gain", 1.5, "empty", Map.of())));
    }

    @Test
    void writesCallsThatReadBackToTheSameValues() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("name", "r<1>");
        struct.put("speeds", new double[] {0.5, -1.0});
        struct.put("big", 1L << 40);
        struct.put("flag", false);
        struct.put("blob", new byte[] {1, 2});
        struct.put("nothing", null);
        byte[] call = XmlRpcCodec.call("setParam", Arrays.asList("/node", "/robot", struct, 3.0f, (short) 4));

        XmlRpcCall back = XmlRpcCodec.parseCall(call);

        assertThat(back.method()).isEqualTo("setParam");
        assertThat(back.params()).hasSize(5);
        assertThat(back.params().get(0)).isEqualTo("/node");
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) back.params().get(2);
        assertThat(s.get("name")).isEqualTo("r<1>");
        assertThat(s.get("speeds")).isEqualTo(List.of(0.5, -1.0));
        assertThat(s.get("big")).isEqualTo(1L << 40);
        assertThat(s.get("flag")).isEqualTo(false);
        assertThat(s.get("blob")).isEqualTo(new byte[] {1, 2});
        assertThat(s).containsEntry("nothing", null);
        assertThat(back.params().get(3)).isEqualTo(3.0);
        assertThat(back.params().get(4)).isEqualTo(4);
        assertThat(new String(call, StandardCharsets.UTF_8)).contains("<i8>1099511627776</i8>").contains("<i4>4</i4>");
    }

    @Test
    void readsAndWritesFaults() {
        byte[] fault = XmlRpcCodec.fault(3, "no such method");

        assertThatThrownBy(() -> XmlRpcCodec.parseResponse(fault))
                .isInstanceOf(XmlRpcFault.class)
                .hasMessage("XML-RPC fault 3: no such method")
                .satisfies(e -> assertThat(((XmlRpcFault) e).code()).isEqualTo(3));
    }

    @Test
    void rejectsDocumentsThatAreNotXmlRpcSayingWhy() {
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(xml("<methodCall><params/></methodCall>")))
                .isInstanceOf(XmlRpcException.class).hasMessage("<methodCall> has no <methodName>");
        assertThatThrownBy(() -> response("<value><i4>seven</i4></value>"))
                .hasMessage("<i4> holds \"seven\", not an integer");
        assertThatThrownBy(() -> response("<value><complex>1</complex></value>"))
                .hasMessage("unknown XML-RPC value type <complex>");
        assertThatThrownBy(() -> XmlRpcCodec.parseResponse(xml("HTTP/1.1 200 OK")))
                .isInstanceOf(XmlRpcException.class).hasMessageStartingWith("not an XML-RPC method response");
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(xml("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<methodCall><methodName>&e;</methodName></methodCall>")))
                .isInstanceOf(XmlRpcException.class);
    }

    @Test
    void refusesToWriteValuesXmlRpcCannotCarry() {
        assertThatThrownBy(() -> XmlRpcCodec.response(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write java.lang.Object as an XML-RPC value");
        assertThatThrownBy(() -> XmlRpcCodec.response(Map.of(1, "x")))
                .hasMessage("XML-RPC struct keys must be strings, got 1");
    }
}
