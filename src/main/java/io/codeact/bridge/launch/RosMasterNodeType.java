package io.codeact.bridge.launch;

import io.codeact.bridge.transport.ros.MasterClient;
import io.codeact.bridge.transport.ros.RosMaster;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code roscore}: the embedded ROS 1 master; healthy while it answers {@code getPid}. */
final class RosMasterNodeType implements NodeType {
    @Override
    public String name() {
        return "roscore";
    }

    @Override
    public String doc() {
        return "the embedded ROS 1 master, as `codeact roscore`";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.optional("port", NodeParam.Kind.INT, 11311, "TCP port; 0 picks a free one"),
                NodeParam.optional("host", NodeParam.Kind.STRING, "localhost", "address to listen on; 0.0.0.0 opens it to the network"));
    }

    @Override
    public void validate(NodeParams params, LaunchPlan.Source source) {
        long port = params.integer("port");
        if (port < 0 || port > 65535) {
            params.problem("port", "must be 0..65535 (0 picks a free port), got " + port);
        }
    }

    @Override
    public RunningNode start(NodeParams params, NodeContext context) {
        RosMaster master = RosMaster.start(params.string("host"), params.integer("port").intValue());
        context.directory().putMaster(context.node(), master.uri());
        CompletableFuture<NodeExit> exit = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            try {
                master.awaitShutdown();
                exit.complete(NodeExit.succeeded("shut down"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "launch-" + context.node() + "-watch");
        watcher.setDaemon(true);
        watcher.start();
        MasterClient client = MasterClient.of(master.uri(), "/codeact_launch");
        return new RunningNode() {
            @Override
            public boolean healthy() {
                try {
                    client.getPid();
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }

            @Override
            public CompletableFuture<NodeExit> exit() {
                return exit;
            }

            @Override
            public void stop() {
                context.directory().remove(context.node());
                master.close();
                exit.complete(NodeExit.succeeded("stopped"));
            }

            @Override
            public String describe() {
                return "ROS master at " + master.uri() + " (export ROS_MASTER_URI=" + master.uri() + ")";
            }
        };
    }
}
