package io.codeact.bridge.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {
    @Test
    void startsOnAFreeLoopbackPortAndSpeaksMqtt5And311() {
        EmbeddedBroker broker = SharedBroker.get();
        assertThat(broker.port()).isPositive();
        assertThat(broker.url()).isEqualTo("mqtt://127.0.0.1:" + broker.port());
        for (MqttProtocol protocol : MqttProtocol.values()) {
            try (MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(broker.url()).protocol(protocol))) {
                Recorder<TransportMessage> got = Recorder.messages();
                t.subscribe("eb/" + protocol, "json", got.handler());
                t.publish("eb/" + protocol, "json", Map.of("v", protocol.name()));
                assertThat(got.awaitCount(1, Duration.ofSeconds(10)).get(0).fields()).containsEntry("v", protocol.name());
            }
        }
    }

    @Test
    void aTakenPortIsNamedInTheError() {
        int taken = SharedBroker.get().port();
        assertThatThrownBy(() -> EmbeddedBroker.start(taken))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + taken);
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(() -> EmbeddedBroker.start(70000))
                .hasMessage("port must be 0..65535 (0 picks a free one), got 70000");
    }

    @Test
    void aTransportWithoutBrokerUrlStartsAndStopsItsOwnBroker() {
        MqttTransport t = MqttTransport.connect(c -> c.prefix("own"));
        EmbeddedBroker own = t.embeddedBroker().orElseThrow();
        assertThat(t.endpoint()).isEqualTo("mqtt://127.0.0.1:" + own.port());
        t.close();
        assertThatThrownBy(() -> MqttTransport.connect(c -> c.brokerUrl(own.url()).connectTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(TransportException.class);
    }
}
