package io.codeact.bridge.transport.mqtt;

/** The MQTT protocol version the client speaks. */
public enum MqttProtocol {
    /** MQTT 5.0 (Paho's {@code mqttv5} client): the default. */
    V5,
    /** MQTT 3.1.1 (Paho's {@code mqttv3} client): for old brokers that refuse MQTT 5. */
    V3_1_1
}
