package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** {@link MqttLink} on Paho's MQTT 3.1.1 client, for brokers that refuse MQTT 5. */
public final class PahoV3Link extends PahoLink {
    private final MqttAsyncClient client;

    public PahoV3Link(LinkSettings settings, LinkEvents events) {
        super(settings, events, "MQTT 3.1.1");
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw clientFailed(e);
        }
        client.setCallback(new Callback());
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(settings.offlineBufferSize() > 0);
        buffer.setBufferSize(Math.max(1, settings.offlineBufferSize()));
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
    }

    @Override
    public void connect() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(settings.cleanSession());
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) Math.max(1000, settings.maxReconnectDelay().toMillis()));
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        o.setMaxInflight(settings.maxInflight());
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().clone());
        }
        o.setSocketFactory(settings.socketFactory() != null ? settings.socketFactory() : BufferedSocketFactory.INSTANCE);
        if (settings.will() != null) {
            o.setWill(settings.will().topic(), settings.will().payload(), settings.will().qos(), settings.will().retain());
        }
        try {
            client.connect(o).waitForCompletion(settings.connectTimeout().toMillis() + 1000);
        } catch (MqttException e) {
            throw connectFailed(e);
        }
    }

    @Override
    void publishNow(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        client.publish(topic, payload, qos, retain);
    }

    @Override
    int reasonCode(Exception e) {
        return e instanceof MqttException m ? m.getReasonCode() : -1;
    }

    @Override
    public void subscribe(String filter, int qos, boolean wait) {
        try {
            if (wait && !onCallbackThread()) {
                IMqttToken token = client.subscribe(filter, qos);
                token.waitForCompletion(settings.connectTimeout().toMillis());
                int[] granted = token.getGrantedQos();
                if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                    throw new TransportException("the broker at " + settings.serverUri() + " refused the subscription to " + filter
                            + "; check the topic filter and the broker's access rules for client " + settings.clientId());
                }
            } else {
                client.subscribe(filter, qos, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {}

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        events.failed("subscribe to " + filter, e);
                    }
                });
            }
        } catch (MqttException e) {
            throw subscribeFailed(filter, e);
        }
    }

    @Override
    Object pahoClient() {
        return client;
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    void unsubscribeNow(String filter) throws MqttException {
        client.unsubscribe(filter);
    }

    @Override
    void disconnect(long quiesceMillis, long waitMillis) throws MqttException {
        client.disconnect(quiesceMillis).waitForCompletion(waitMillis);
    }

    @Override
    void disconnectForcibly(long quiesceMillis, long disconnectMillis) throws MqttException {
        client.disconnectForcibly(quiesceMillis, disconnectMillis, false);
    }

    @Override
    void closeClient() throws MqttException {
        client.close(true);
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectionLost(Throwable cause) {
            lost(cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(topic, message.getPayload(), message.getQos(), message.isRetained());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            delivered();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected(reconnect);
        }
    }
}
