package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.GraphHost;
import io.codeact.bridge.transport.ros.internal.MasterApi;
import io.codeact.bridge.transport.ros.internal.XmlRpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A ROS 1 master in this process, for running ROS without a ROS install ({@code codeact roscore}): node
 * registrations with {@code publisherUpdate} callbacks, lookups, {@code getSystemState}, and the parameter
 * server with {@code subscribeParam} updates, over the same XML-RPC API as Debian's {@code rosmaster}, so
 * rospy nodes, {@code rostopic}, {@code rosparam} and {@code rosservice} work against it. It sets
 * {@code /run_id}, as roscore does; it does not start {@code rosout} (no /rosout aggregation).
 * Thread-safe.
 * <pre>{@code
 * try (RosMaster master = RosMaster.start("localhost", 11311)) {
 *     RosNode node = RosNode.builder("/bridge").masterUri(master.uri()).start();
 * }
 * }</pre>
 */
public final class RosMaster implements AutoCloseable {
    private final XmlRpcServer server;
    private final MasterApi api;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RosMaster(XmlRpcServer server) {
        this.server = server;
        this.api = MasterApi.install(server, this::closeAfterAnswering);
    }

    /**
     * Starts a master listening on {@code host} (a name or address of this machine; {@code localhost} keeps it
     * private to the machine, {@code 0.0.0.0} opens it to the network) and {@code port} (0 for any free one).
     *
     * @throws UncheckedIOException naming the port if it cannot be bound (another master is probably running)
     */
    public static RosMaster start(String host, int port) {
        try {
            InetAddress bind = InetAddress.getByName(host);
            String advertised = bind.isAnyLocalAddress() ? GraphHost.machineName() : host;
            RosMaster master = new RosMaster(new XmlRpcServer(bind, port, advertised, "master"));
            master.api.setParamInternally("/run_id", UUID.randomUUID().toString());
            return master;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a ROS master on " + host + ":" + port + ": " + e.getMessage()
                    + (port != 0 ? "; is another master (roscore) already running there? Try another --port" : ""), e);
        }
    }

    /** {@code http://host:port/}: what nodes use as ROS_MASTER_URI. */
    public String uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    /** Waits until the master is closed (by {@link #close()} or a {@code shutdown} call). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving. Nodes registered with it keep running but can no longer look anything up. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        server.close();
        api.close();
        stopped.countDown();
    }

    /** For a {@code shutdown} call: the caller gets its answer before the server goes. */
    private synchronized void closeAfterAnswering() {
        if (stopped.getCount() == 0) {
            return;
        }
        server.closeGracefully();
        api.close();
        stopped.countDown();
    }
}
