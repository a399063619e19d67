package io.codeact.bridge.transport.mqtt;

/** One embedded broker for every test in this JVM: starting HiveMQ costs seconds, so it starts once. */
final class SharedBroker {
    private static EmbeddedBroker broker;

    private SharedBroker() {}

    static synchronized EmbeddedBroker get() {
        if (broker == null) {
            broker = EmbeddedBroker.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-broker-stop"));
        }
        return broker;
    }

    static String url() {
        return get().url();
    }
}
