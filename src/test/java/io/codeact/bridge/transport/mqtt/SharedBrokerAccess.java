package io.codeact.bridge.transport.mqtt;

/** Lets tests in sub-packages use the shared embedded broker. */
public final class SharedBrokerAccess {
    private SharedBrokerAccess() {}

    public static String url() {
        return SharedBroker.url();
    }
}
