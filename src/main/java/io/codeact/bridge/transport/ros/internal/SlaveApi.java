package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The slave API (ROS/Slave_API) every node serves over XML-RPC, answered from a {@link LocalGraph}:
 * {@code requestTopic}, {@code publisherUpdate}, {@code paramUpdate}, {@code getBusInfo}, {@code getBusStats},
 * {@code getMasterUri}, {@code getPid}, {@code getSubscriptions}, {@code getPublications}, {@code shutdown}.
 * Each answers {@code [code, statusMessage, value]}; bad arguments get code -1 and a message saying which.
 */
public final class SlaveApi {
    private final LocalGraph graph;
    private final String tcprosHost;
    private final int tcprosPort;

    private SlaveApi(LocalGraph graph, String tcprosHost, int tcprosPort) {
        this.graph = graph;
        this.tcprosHost = tcprosHost;
        this.tcprosPort = tcprosPort;
    }

    /** Registers the slave API methods on {@code server}. */
    public static void install(XmlRpcServer server, LocalGraph graph, String tcprosHost, int tcprosPort) {
        SlaveApi api = new SlaveApi(graph, tcprosHost, tcprosPort);
        server.method("getBusStats", args(1, p -> RosReply.success("bus stats", api.busStats())))
                .method("getBusInfo", args(1, p -> RosReply.success("bus info", api.busInfo())))
                .method("getMasterUri", args(1, p -> RosReply.success(graph.masterUri(), graph.masterUri())))
                .method("getPid", args(1, p -> RosReply.success("", (int) ProcessHandle.current().pid())))
                .method("getSubscriptions", args(1, p -> RosReply.success("subscriptions", graph.subscriptionTypes())))
                .method("getPublications", args(1, p -> RosReply.success("publications", graph.publicationTypes())))
                .method("shutdown", args(1, api::shutdown))
                .method("paramUpdate", args(3, api::paramUpdate))
                .method("publisherUpdate", args(3, api::publisherUpdate))
                .method("requestTopic", args(3, api::requestTopic));
    }

    private static XmlRpcMethod args(int min, Function<List<Object>, Object> body) {
        return params -> {
            if (params.size() < min) {
                return RosReply.error("expected at least " + min + " arguments (caller_id first), got " + params.size(), 0);
            }
            try {
                return body.apply(params);
            } catch (ClassCastException | IndexOutOfBoundsException e) {
                return RosReply.error("bad arguments " + params + ": " + e.getMessage(), 0);
            }
        };
    }

    private List<Object> busInfo() {
        List<Object> rows = new ArrayList<>();
        graph.publications().values().forEach(p -> rows.addAll(p.busInfo()));
        graph.subscriptions().values().forEach(s -> rows.addAll(s.busInfo()));
        return rows;
    }

    private List<Object> busStats() {
        List<Object> pubs = new ArrayList<>();
        graph.publications().values().forEach(p -> pubs.add(p.busStats()));
        List<Object> subs = new ArrayList<>();
        graph.subscriptions().values().forEach(s -> subs.add(s.busStats()));
        return List.of(pubs, subs, List.of());
    }

    private Object shutdown(List<Object> params) {
        String reason = params.size() > 1 ? String.valueOf(params.get(1)) : "";
        graph.shutdownRequested(params.get(0) + " asked us to shut down" + (reason.isEmpty() ? "" : ": " + reason));
        return RosReply.success("shutdown", 0);
    }

    private Object paramUpdate(List<Object> params) {
        String key = GraphNames.canonical((String) params.get(1));
        graph.paramUpdate(key, params.get(2));
        return RosReply.success("", 0);
    }

    private Object publisherUpdate(List<Object> params) {
        String topic = (String) params.get(1);
        TopicSubscription s = graph.subscriptions().get(topic);
        if (s == null) {
            return RosReply.success("not subscribed to " + topic, 0);
        }
        List<String> uris = new ArrayList<>();
        for (Object o : (List<?>) params.get(2)) {
            uris.add((String) o);
        }
        s.updatePublishers(uris);
        return RosReply.success("publisher list of " + topic + " updated", 0);
    }

    private Object requestTopic(List<Object> params) {
        String topic = (String) params.get(1);
        if (!graph.publications().containsKey(topic)) {
            return RosReply.error(graph.callerId() + " does not publish " + topic, List.of());
        }
        for (Object protocol : (List<?>) params.get(2)) {
            if (protocol instanceof List<?> p && !p.isEmpty() && "TCPROS".equals(p.get(0))) {
                return RosReply.success("ready on " + tcprosHost + ":" + tcprosPort, List.of("TCPROS", tcprosHost, tcprosPort));
            }
        }
        return RosReply.failure("no supported protocol: " + graph.callerId() + " speaks only TCPROS, asked for "
                + params.get(2), List.of());
    }
}
