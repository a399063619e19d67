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

/**
 * {@link MqttLink} on Paho's MQTT 5 client.
 *
 * <p><b>Topic aliases are kept from leaving the topic out.</b> When the broker allows topic aliases
 * (mosquitto 10, HiveMQ 5), Paho 1.2.5 replaces the topic of every later publish to a topic with its alias
 * by setting the stored message's topic to null. A QoS 1/2 message that is unacknowledged when the
 * connection drops is resent after the reconnect exactly as stored: no topic, and an alias the new
 * connection never defined. The broker rejects it (mosquitto closes the connection, so the same message
 * comes back after every reconnect; HiveMQ drops it without a PUBACK, so the in-flight window stays full
 * and the link can no longer publish at QoS 1). So Paho's alias table is replaced by one that remembers
 * nothing: every publish keeps its topic (with an alias while Paho hands out new ones, which only defines
 * it), and a resent message is always complete.
 */
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
        keepTopicNames(client);
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(settings.offlineBufferSize() > 0);
        buffer.setBufferSize(Math.max(1, settings.offlineBufferSize()));
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
    }

    /** Replaces Paho's outgoing topic alias table with one that never holds an alias (see the class comment). */
    private static void keepTopicNames(MqttAsyncClient client) {
        try {
            Object comms = field(client, MqttAsyncClient.class, "comms");
            Object state = field(comms, comms.getClass(), "clientState");
            java.lang.reflect.Field aliases = state.getClass().getDeclaredField("outgoingTopicAliases");
            aliases.setAccessible(true);
            aliases.set(state, new ForgetfulAliases());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot turn off Paho's outgoing topic aliases (Paho's internals changed?"
                    + " this works with org.eclipse.paho.mqttv5.client 1.2.5): " + e, e);
        }
    }

    private static Object field(Object owner, Class<?> type, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    /** Paho's topic → alias table, always empty: Paho then never strips a topic from a publish. */
    private static final class ForgetfulAliases extends java.util.Hashtable<String, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Integer put(String key, Integer value) {
            return null;
        }
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
        o.setSocketFactory(settings.socketFactory() != null ? settings.socketFactory() : BufferedSocketFactory.INSTANCE);
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
    void publishNow(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        client.publish(topic, payload, qos, retain, null, null);
    }

    @Override
    int reasonCode(Exception e) {
        return e instanceof MqttException m ? m.getReasonCode() : -1;
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
        public void deliveryComplete(IMqttToken token) {
            delivered();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected(reconnect);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
