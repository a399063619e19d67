package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.GraphHost;
import io.codeact.bridge.transport.ros.internal.GraphNames;
import io.codeact.bridge.transport.ros.internal.LocalGraph;
import io.codeact.bridge.transport.ros.internal.Publication;
import io.codeact.bridge.transport.ros.internal.ServiceConnection;
import io.codeact.bridge.transport.ros.internal.ServiceProvider;
import io.codeact.bridge.transport.ros.internal.SlaveApi;
import io.codeact.bridge.transport.ros.internal.TcprosServer;
import io.codeact.bridge.transport.ros.internal.TopicSubscription;
import io.codeact.bridge.transport.ros.internal.XmlRpcClient;
import io.codeact.bridge.transport.ros.internal.XmlRpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ROS 1 node in this process: registers with a master, serves the slave API over XML-RPC, and publishes,
 * subscribes, serves and calls services over TCPROS, so that roscore, rostopic, rosservice and rospy nodes
 * see an ordinary node.
 *
 * <p>Where things come from: the master URI from {@link Builder#masterUri}, else {@code ROS_MASTER_URI},
 * else {@code http://localhost:11311/}; the host name other nodes reach us by from {@link Builder#host},
 * else {@code ROS_IP}, else {@code ROS_HOSTNAME}, else {@code 127.0.0.1} when the master is on loopback
 * (our servers then listen on loopback only), else this machine's name. Names are resolved in the
 * namespace from {@code ROS_NAMESPACE} (default {@code /}); {@code ~name} is private to the node.
 *
 * <p>Thread-safe. Problems met in the background (a peer with the wrong type, a cut-off frame) go to the
 * {@link ProblemListener} and never stop the node. {@link #close()} unregisters everything from the master.
 * <pre>{@code
 * try (RosNode node = RosNode.builder("/bridge").masterUri("http://localhost:11311/").start()) {
 *     RosPublisher cmd = node.advertise("/cmd_vel", "geometry_msgs/Twist");
 *     node.subscribe("/odom", "nav_msgs/Odometry", odom -> store.put(odom));
 *     cmd.publish(Map.of("linear", Map.of("x", 0.2)));
 * }
 * }</pre>
 */
public final class RosNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RosNode.class);

    private final String name;
    private final String namespace;
    private final MessageRegistry types;
    private final ProblemListener problems;
    private final MasterClient master;
    private final GraphHost host;
    private final LocalGraph graph;
    private final TcprosServer tcpros;
    private final XmlRpcServer slave;
    private final ParameterTree params;
    private final RosClock clock;
    private final Map<String, Integer> publisherHandles = new HashMap<>();
    private volatile boolean closed;

    private RosNode(Builder b, String name, String namespace, URI masterUri) throws IOException {
        this.name = name;
        this.namespace = namespace;
        this.types = b.types != null ? b.types : MessageRegistry.withBundledTypes();
        this.problems = b.problems;
        this.master = new MasterClient(masterUri.toString(), name, b.masterTimeout);
        this.host = GraphHost.choose(b.host, b.env, masterUri);
        this.graph = new LocalGraph(name, master.uri());
        this.tcpros = new TcprosServer(host.bind(), name, graph::route, problems);
        XmlRpcServer server;
        try {
            server = new XmlRpcServer(host.bind(), 0, host.advertised(), name);
        } catch (IOException e) {
            tcpros.close();
            throw e;
        }
        this.slave = server;
        SlaveApi.install(slave, graph, host.advertised(), tcpros.port());
        this.params = new ParameterTree(master, this::resolve, slave.uri());
        graph.onParamUpdate(params::updated);
        graph.onShutdownRequest(reason -> {
            problems.onProblem(new MasterException("node " + name + " was told to shut down: " + reason, 0, null));
            Thread.ofVirtual().start(this::close);
        });
        this.clock = new RosClock();
    }

    /** Starts configuring a node called {@code name} (e.g. {@code /bridge}; relative names go in ROS_NAMESPACE). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The node's global name, e.g. {@code /bridge}; also its caller id. */
    public String name() {
        return name;
    }

    /** The node's namespace, e.g. {@code /} or {@code /robot1}. */
    public String namespace() {
        return namespace;
    }

    /** The node's slave API URI, {@code http://host:port/}, as registered with the master. */
    public String uri() {
        return slave.uri();
    }

    /** The master this node is registered with. */
    public String masterUri() {
        return master.uri();
    }

    /** The master's graph API, calling as this node. */
    public MasterClient master() {
        return master;
    }

    /** The parameter server, with names resolved against this node. */
    public ParameterTree params() {
        return params;
    }

    /** ROS time: wall time, or {@code /clock} when the parameter {@code /use_sim_time} was true at start. */
    public RosClock clock() {
        return clock;
    }

    /** The message and service types this node knows. */
    public MessageRegistry types() {
        return types;
    }

    /** Whether {@link #close()} has run (or the master told the node to shut down). */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Resolves a graph name against this node: {@code /x} stays, {@code x} goes into the namespace,
     * {@code ~x} under the node's name.
     *
     * @throws IllegalArgumentException if the name is not a valid ROS name
     */
    public String resolve(String graphName) {
        return GraphNames.resolve(namespace, name, graphName, "graph resource");
    }

    /** {@link #advertise(String, MessageType, PublisherOptions)} with the type looked up by name and default options. */
    public RosPublisher advertise(String topic, String type) {
        return advertise(topic, types.message(type), PublisherOptions.DEFAULT);
    }

    /** {@link #advertise(String, MessageType, PublisherOptions)} with the type looked up by name. */
    public RosPublisher advertise(String topic, String type, PublisherOptions options) {
        return advertise(topic, types.message(type), options);
    }

    /**
     * Starts publishing {@code topic} and registers with the master. Advertising a topic this node already
     * publishes gives another handle to the same publication (same type required); it is unregistered when
     * the last handle is closed.
     *
     * @throws MasterException if the master cannot be reached or refuses
     * @throws IllegalArgumentException if the topic name is invalid, or the topic is already published with another type
     */
    public synchronized RosPublisher advertise(String topic, MessageType type, PublisherOptions options) {
        ensureOpen();
        String resolved = GraphNames.resolve(namespace, name, topic, "topic");
        Publication existing = graph.publications().get(resolved);
        if (existing != null) {
            if (!existing.type().equals(type)) {
                throw new IllegalArgumentException(name + " already publishes " + resolved + " as " + existing.type().name()
                        + "; cannot publish it as " + type.name() + " too (one type per topic)");
            }
            publisherHandles.merge(resolved, 1, Integer::sum);
            return new RosPublisher(this, existing);
        }
        Publication publication = new Publication(resolved, type, options, name, problems);
        graph.publications().put(resolved, publication);
        try {
            master.registerPublisher(resolved, type.name(), uri());
        } catch (RuntimeException e) {
            graph.publications().remove(resolved);
            publication.close();
            throw e;
        }
        publisherHandles.put(resolved, 1);
        return new RosPublisher(this, publication);
    }

    synchronized void release(Publication publication) {
        String topic = publication.topic();
        int left = publisherHandles.merge(topic, -1, Integer::sum);
        if (left > 0) {
            return;
        }
        publisherHandles.remove(topic);
        graph.publications().remove(topic, publication);
        publication.close();
        if (!closed) {
            quietly("unregisterPublisher " + topic, () -> master.unregisterPublisher(topic, uri()));
        }
    }

    /** {@link #subscribe(String, MessageType, TopicListener)} with the type looked up by name. */
    public RosSubscriber subscribe(String topic, String type, TopicListener listener) {
        return subscribe(topic, types.message(type), listener);
    }

    /**
     * Subscribes to {@code topic}: connects to every publisher the master lists, now and as they come and go.
     * Several subscriptions to one topic in a node share the connections (same type required).
     *
     * @param type the message type, or null to accept whatever the publishers send (their type is learned from
     *             the connection header, as {@code rostopic echo} does; see {@link RosSubscriber#type()})
     * @throws MasterException if the master cannot be reached or refuses
     */
    public synchronized RosSubscriber subscribe(String topic, MessageType type, TopicListener listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        String resolved = GraphNames.resolve(namespace, name, topic, "topic");
        TopicSubscription existing = graph.subscriptions().get(resolved);
        if (existing != null) {
            if (type != null && existing.type() != null && !existing.type().equals(type)) {
                throw new IllegalArgumentException(name + " already subscribes to " + resolved + " as "
                        + existing.type().name() + "; cannot subscribe to it as " + type.name() + " too (one type per topic)");
            }
            existing.addListener(listener);
            return new RosSubscriber(this, existing, listener);
        }
        TopicSubscription subscription = new TopicSubscription(resolved, type, types, name, true, problems);
        subscription.addListener(listener);
        graph.subscriptions().put(resolved, subscription);
        List<String> publishers;
        try {
            publishers = master.registerSubscriber(resolved, type == null ? "*" : type.name(), uri());
        } catch (RuntimeException e) {
            graph.subscriptions().remove(resolved);
            subscription.close();
            throw e;
        }
        subscription.updatePublishers(publishers);
        return new RosSubscriber(this, subscription, listener);
    }

    synchronized void release(TopicSubscription subscription, TopicListener listener) {
        if (subscription.removeListener(listener) > 0) {
            return;
        }
        String topic = subscription.topic();
        graph.subscriptions().remove(topic, subscription);
        subscription.close();
        if (!closed) {
            quietly("unregisterSubscriber " + topic, () -> master.unregisterSubscriber(topic, uri()));
        }
    }

    /** {@link #advertiseService(String, ServiceType, ServiceHandler)} with the type looked up by name. */
    public RosServiceServer advertiseService(String service, String type, ServiceHandler handler) {
        return advertiseService(service, types.service(type), handler);
    }

    /**
     * Provides {@code service} and registers it with the master.
     *
     * @throws IllegalStateException if this node already provides it
     * @throws MasterException if the master cannot be reached or refuses
     */
    public synchronized RosServiceServer advertiseService(String service, ServiceType type, ServiceHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        String resolved = GraphNames.resolve(namespace, name, service, "service");
        ServiceProvider provider = new ServiceProvider(resolved, type, handler, name, problems);
        if (graph.services().putIfAbsent(resolved, provider) != null) {
            throw new IllegalStateException(name + " already provides " + resolved + "; close that server first");
        }
        try {
            master.registerService(resolved, serviceUri(), uri());
        } catch (RuntimeException e) {
            graph.services().remove(resolved, provider);
            throw e;
        }
        return new RosServiceServer(this, provider);
    }

    synchronized void release(ServiceProvider provider) {
        if (graph.services().remove(provider.name(), provider)) {
            provider.close();
            if (!closed) {
                quietly("unregisterService " + provider.name(), () -> master.unregisterService(provider.name(), serviceUri()));
            }
        }
    }

    /** This node's {@code rosrpc://host:port} address for services. */
    String serviceUri() {
        return "rosrpc://" + GraphHost.forUri(host.advertised()) + ":" + tcpros.port();
    }

    /** {@link #serviceClient(String, ServiceType, boolean)} with the type looked up by name, not persistent. */
    public RosServiceClient serviceClient(String service, String type) {
        return serviceClient(service, types.service(type), false);
    }

    /**
     * A client of {@code service}. A persistent client keeps one connection for all its calls (reconnecting
     * once if it broke); otherwise every call looks the service up and connects anew, as rospy does by default.
     */
    public RosServiceClient serviceClient(String service, ServiceType type, boolean persistent) {
        ensureOpen();
        return new RosServiceClient(this, GraphNames.resolve(namespace, name, service, "service"), type, persistent);
    }

    /**
     * Calls a service once and waits for its response.
     *
     * @throws ServiceException if no node provides it, it cannot be reached, it fails, or {@code timeout} passes
     * @throws TypeMismatchException if the server's service type differs
     */
    public Map<String, Object> call(String service, String type, Map<String, ?> request, Duration timeout) {
        try (RosServiceClient client = serviceClient(service, type)) {
            return client.call(request, timeout);
        }
    }

    ServiceConnection connectService(String service, ServiceType type, boolean persistent, Duration timeout) {
        String uri;
        try {
            uri = master.lookupService(service);
        } catch (MasterException e) {
            if (e.unreachable()) {
                throw new ServiceException("cannot look up service " + service + ": " + e.getMessage(), e);
            }
            throw new ServiceException("no node provides service " + service + " (the master at " + master.uri()
                    + " says: " + e.getMessage() + "); check the name with `codeact ros service list` or rosservice list", e);
        }
        return ServiceConnection.open(service, type, uri, name, persistent, timeout);
    }

    /** The type a service has, asked of its server with a {@code probe=1} connection header. */
    public String serviceType(String service) {
        String resolved = GraphNames.resolve(namespace, name, service, "service");
        String uri = master.lookupService(resolved);
        return ServiceConnection.probeType(resolved, uri, name, Duration.ofSeconds(5));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("node " + name + " is closed; start a new RosNode");
        }
    }

    private void quietly(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.debug("{}: {} failed: {}", name, what, e.getMessage());
        }
    }

    /** Unregisters everything from the master (best effort) and closes every connection and server. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Publication p : graph.publications().values()) {
            quietly("unregisterPublisher " + p.topic(), () -> master.unregisterPublisher(p.topic(), uri()));
            p.close();
        }
        for (TopicSubscription s : graph.subscriptions().values()) {
            quietly("unregisterSubscriber " + s.topic(), () -> master.unregisterSubscriber(s.topic(), uri()));
            s.close();
        }
        for (ServiceProvider s : graph.services().values()) {
            quietly("unregisterService " + s.name(), () -> master.unregisterService(s.name(), serviceUri()));
            s.close();
        }
        clock.close();
        params.close();
        graph.publications().clear();
        graph.subscriptions().clear();
        graph.services().clear();
        tcpros.close();
        slave.close();
    }

    @Override
    public String toString() {
        return "RosNode " + name + " at " + uri() + " (master " + masterUri() + ")";
    }

    /**
     * Configures a {@link RosNode}. Not thread-safe; {@link #start()} may be called once.
     */
    public static final class Builder {
        private final String name;
        private String masterUri;
        private String host;
        private String namespace;
        private Map<String, String> env = System.getenv();
        private MessageRegistry types;
        private ProblemListener problems = p -> log.warn("{}", p.getMessage());
        private Duration masterTimeout = Duration.ofSeconds(10);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The master, e.g. {@code http://localhost:11311/}; default {@code ROS_MASTER_URI}, then that. */
        public Builder masterUri(String uri) {
            this.masterUri = uri;
            return this;
        }

        /** The host name or address other nodes reach us by (overrides ROS_IP and ROS_HOSTNAME). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The namespace relative names resolve in; default {@code ROS_NAMESPACE}, then {@code /}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The environment to read ROS_MASTER_URI, ROS_IP, ROS_HOSTNAME and ROS_NAMESPACE from (default: this process's). */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /** The message types to use (default: the bundled standard types). */
        public Builder types(MessageRegistry types) {
            this.types = types;
            return this;
        }

        /** Where background problems go (default: a warning in the log). */
        public Builder onProblem(ProblemListener listener) {
            this.problems = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How long to wait for the master to answer one call (default 10 s). */
        public Builder masterTimeout(Duration timeout) {
            this.masterTimeout = timeout;
            return this;
        }

        /**
         * Starts the node's servers and checks the master is there (reading {@code /use_sim_time} on the way).
         *
         * @throws MasterException if the master cannot be reached
         * @throws IllegalArgumentException if the name, namespace or master URI is invalid
         * @throws UncheckedIOException if a server port cannot be opened
         */
        public RosNode start() {
            String ns = namespace != null ? namespace : env.getOrDefault("ROS_NAMESPACE", "/");
            ns = GraphNames.resolve("/", "/", ns.isEmpty() ? "/" : ns, "namespace");
            String resolvedName = GraphNames.resolve(ns, "/", name, "node");
            if (resolvedName.equals("/")) {
                throw new IllegalArgumentException("node name \"" + name + "\" is empty; give a name such as /bridge");
            }
            String uri = masterUri != null ? masterUri : env.getOrDefault("ROS_MASTER_URI", "http://localhost:11311/");
            URI master = XmlRpcClient.parse(uri);
            RosNode node;
            try {
                node = new RosNode(this, resolvedName, ns, master);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the servers of ROS node " + resolvedName + ": " + e.getMessage(), e);
            }
            try {
                Object useSimTime = node.params.get("/use_sim_time").orElse(false);
                if (Boolean.TRUE.equals(useSimTime)) {
                    node.clock.followSimTime(node);
                }
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            return node;
        }
    }
}
