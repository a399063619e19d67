package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** {@link MqttLink} on Paho's MQTT 5 client. */
public final class PahoV5Link extends PahoLink {
    private final MqttAsyncClient client;

    public PahoV5Link(LinkSettings settings, LinkEvents events) {
        super(settings, events, "MQTT 5");
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
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(settings.cleanSession());
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, (int) Math.max(1, settings.maxReconnectDelay().toSeconds()));
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        o.setReceiveMaximum(settings.maxInflight());
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(new String(settings.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (settings.socketFactory() != null) {
            o.setSocketFactory(settings.socketFactory());
        }
        if (settings.will() != null) {
            MqttMessage will = new MqttMessage(settings.will().payload(), settings.will().qos(), settings.will().retain(), null);
            o.setWill(settings.will().topic(), will);
        }
        try {
            IMqttToken token = client.connect(o);
            token.waitForCompletion(settings.connectTimeout().toMillis() + 1000);
        } catch (MqttException e) {
            throw connectFailed(e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        long deadline = publishDeadline();
        while (true) {
            try {
                client.publish(topic, payload, qos, retain, null, null);
                return;
            } catch (MqttException e) {
                retryOrThrow(topic, e, e.getReasonCode(), deadline);
            }
        }
    }

    @Override
    public void subscribe(String filter, int qos, boolean wait) {
        MqttSubscription sub = new MqttSubscription(filter, qos);
        // On a resubscription after a reconnect, retained messages come again only if the broker lost the
        // subscription (MQTT 5 retain handling 1): a kept session does not replay state twice.
        sub.setRetainHandling(wait ? 0 : 1);
        try {
            if (wait && !onCallbackThread()) {
                IMqttToken token = client.subscribe(new MqttSubscription[] {sub}, null, null, new MqttProperties());
                token.waitForCompletion(settings.connectTimeout().toMillis());
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    throw new TransportException("the broker at " + settings.serverUri() + " refused the subscription to " + filter
                            + " (MQTT 5 reason code 0x" + Integer.toHexString(codes[0])
                            + "); check the topic filter and the broker's access rules for client " + settings.clientId());
                }
            } else {
                client.subscribe(new MqttSubscription[] {sub}, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {}

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        events.failed("subscribe to " + filter, e);
                    }
                }, new MqttProperties());
            }
        } catch (MqttException e) {
            throw subscribeFailed(filter, e);
        }
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

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            lost(response.getException() != null ? response.getException()
                    : new TransportException("the broker disconnected: " + response.getReasonString()
                            + " (reason code " + response.getReturnCode() + ")"));
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            events.failed("MQTT protocol", e);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(topic, message.getPayload(), message.getQos(), message.isRetained());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected(reconnect);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
