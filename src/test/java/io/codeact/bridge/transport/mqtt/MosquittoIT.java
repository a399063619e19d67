package io.codeact.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cross-broker behaviours of {@link Scenarios}, against Debian's mosquitto started on a free port. */
class MosquittoIT {
    @BeforeAll
    static void needsMosquitto() {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void qos1And2ArriveExactlyAsSent(MqttProtocol protocol) {
        try (Mosquitto m = Mosquitto.start(false)) {
            Scenarios.qos1And2ArriveExactlyAsSent(m.url(), protocol);
        }
    }

    @Test
    void badTelemetryKeepsTheLastGoodValue() {
        try (Mosquitto m = Mosquitto.start(false)) {
            Scenarios.badTelemetryKeepsTheLastGoodValue(m.url());
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void lastWillIsPublishedWhenTheBridgeDies(MqttProtocol protocol) throws Exception {
        try (Mosquitto m = Mosquitto.start(false)) {
            Scenarios.lastWillIsPublishedWhenTheBridgeDies(m.url(), protocol);
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void commandsSurviveABrokerKilledMidStream(MqttProtocol protocol) throws Exception {
        try (Mosquitto m = Mosquitto.start(false)) {
            Scenarios.commandsSurviveABrokerRestart(restartable(m, true), protocol);
        }
    }

    /**
     * With the 3.1.1 client this also covers Paho 1.2.5's reconnect hang (its sender stopping on stale
     * acknowledgements before the CONNECT): before the link's watchdog, about one run in three hung here.
     */
    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void qos1StreamLosesNothingAcrossARestartWithPersistentSessions(MqttProtocol protocol) throws Exception {
        try (Mosquitto m = Mosquitto.start(true)) {
            // SIGTERM, so that mosquitto writes its persistence file; the sessions and queued messages survive.
            Scenarios.qos1StreamLosesNothingAcrossARestart(restartable(m, false), protocol);
        }
    }

    private static Scenarios.Restartable restartable(Mosquitto m, boolean sigkill) {
        return new Scenarios.Restartable() {
            @Override
            public String url() {
                return m.url();
            }

            @Override
            public void kill() {
                if (sigkill) {
                    m.kill();
                } else {
                    m.stop();
                }
            }

            @Override
            public void restart() {
                m.restart();
            }
        };
    }
}
