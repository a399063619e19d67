package io.codeact.bridge.launch;

import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code mqtt_broker}: the embedded MQTT 5 broker (HiveMQ CE); healthy while it accepts TCP connections. */
final class MqttBrokerNodeType implements NodeType {
    @Override
    public String name() {
        return "mqtt_broker";
    }

    @Override
    public String doc() {
        return "the embedded MQTT 5 broker (HiveMQ CE), as `codeact mqtt broker`";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.optional("port", NodeParam.Kind.INT, 1883, "TCP port; 0 picks a free one"),
                NodeParam.optional("bind", NodeParam.Kind.STRING, "127.0.0.1", "address to listen on; 0.0.0.0 for every interface"));
    }

    @Override
    public void validate(NodeParams params, LaunchPlan.Source source) {
        long port = params.integer("port");
        if (port < 0 || port > 65535) {
            params.problem("port", "must be 0..65535 (0 picks a free port), got " + port);
        }
        if (params.string("bind").isBlank()) {
            params.problem("bind", "must be an address such as 127.0.0.1 or 0.0.0.0");
        }
    }

    @Override
    public RunningNode start(NodeParams params, NodeContext context) {
        EmbeddedBroker broker = EmbeddedBroker.start(params.string("bind"), params.integer("port").intValue());
        context.directory().putBroker(context.node(), broker.url());
        return new Running(broker, () -> context.directory().remove(context.node()));
    }

    private static final class Running implements RunningNode {
        private final EmbeddedBroker broker;
        private final Runnable unlist;
        private final CompletableFuture<NodeExit> exit = new CompletableFuture<>();

        Running(EmbeddedBroker broker, Runnable unlist) {
            this.broker = broker;
            this.unlist = unlist;
        }

        @Override
        public boolean healthy() {
            if (exit.isDone()) {
                return false;
            }
            String hostPort = broker.url().substring("mqtt://".length());
            int colon = hostPort.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon), broker.port()), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public CompletableFuture<NodeExit> exit() {
            return exit;
        }

        @Override
        public void stop() {
            unlist.run();
            broker.close();
            exit.complete(NodeExit.succeeded("stopped"));
        }

        @Override
        public String describe() {
            return "listening on " + broker.url();
        }
    }
}
