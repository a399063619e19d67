package io.codeact.bridge.transport.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cross-broker behaviours of {@link Scenarios}, on the embedded broker. */
class EmbeddedScenariosTest {
    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void qos1And2ArriveExactlyAsSent(MqttProtocol protocol) {
        Scenarios.qos1And2ArriveExactlyAsSent(SharedBroker.url(), protocol);
    }

    @Test
    void badTelemetryKeepsTheLastGoodValue() {
        Scenarios.badTelemetryKeepsTheLastGoodValue(SharedBroker.url());
    }

    @Test
    void lastWillIsPublishedWhenTheBridgeDies() throws Exception {
        Scenarios.lastWillIsPublishedWhenTheBridgeDies(SharedBroker.url(), MqttProtocol.V5);
    }

    @Test
    void commandsSurviveABrokerRestart() throws Exception {
        EmbeddedBroker[] broker = {EmbeddedBroker.start(0)};
        int port = broker[0].port();
        try {
            Scenarios.commandsSurviveABrokerRestart(new Scenarios.Restartable() {
                @Override
                public String url() {
                    return "mqtt://127.0.0.1:" + port;
                }

                @Override
                public void kill() {
                    broker[0].close();
                }

                @Override
                public void restart() {
                    broker[0] = EmbeddedBroker.start(port);
                }
            }, MqttProtocol.V5);
        } finally {
            broker[0].close();
        }
    }
}
