package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.RosReply;
import io.codeact.bridge.transport.ros.internal.XmlRpcClient;
import io.codeact.bridge.transport.ros.internal.XmlRpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ROS master's graph API (Master_API): registrations and lookups, called as one node ({@code callerId}).
 * A {@link RosNode} registers through its own client ({@link RosNode#master()}); tools that only ask questions
 * can make one with {@link #of}. Thread-safe; every call is one blocking XML-RPC request.
 * <pre>{@code
 * MasterClient master = MasterClient.of("http://localhost:11311/", "/my_tool");
 * Map<String, String> types = master.topicTypes();   // {/cmd_vel=geometry_msgs/Twist, ...}
 * }</pre>
 * Every method throws {@link MasterException} if the master cannot be reached or answers with a failure.
 */
public final class MasterClient {
    private final XmlRpcClient rpc;
    private final String callerId;

    MasterClient(String masterUri, String callerId, Duration timeout) {
        this.rpc = new XmlRpcClient(masterUri, timeout);
        this.callerId = callerId;
    }

    /**
     * A client for the master at {@code masterUri}, calling as {@code callerId}.
     *
     * @throws IllegalArgumentException if {@code masterUri} is not {@code http://host:port/}
     */
    public static MasterClient of(String masterUri, String callerId) {
        return new MasterClient(masterUri, callerId, Duration.ofSeconds(10));
    }

    /** The master's URI, {@code http://host:port/}. */
    public String uri() {
        return rpc.uri();
    }

    String callerId() {
        return callerId;
    }

    /** Calls a master method with the caller id first and returns the reply's value. */
    Object invoke(String method, Object... args) {
        RosReply reply = reply(method, args);
        if (!reply.ok()) {
            throw new MasterException("the ROS master at " + uri() + " refused " + method + describe(args) + ": "
                    + reply.status(), reply.code(), null);
        }
        return reply.value();
    }

    /** Calls a master method and returns the whole reply, failures included. */
    RosReply reply(String method, Object... args) {
        List<Object> params = new ArrayList<>(args.length + 1);
        params.add(callerId);
        params.addAll(Arrays.asList(args));
        try {
            return RosReply.of(rpc.call(method, params));
        } catch (XmlRpcException e) {
            throw new MasterException("cannot reach the ROS master at " + uri() + " (" + method + "): " + e.getMessage()
                    + "; start one (roscore, or codeact roscore) or point ROS_MASTER_URI / --master at a running one",
                    MasterException.UNREACHABLE, e);
        }
    }

    private static String describe(Object[] args) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            out.append(i == 0 ? "" : ", ");
            String text = String.valueOf(args[i]);
            out.append(text.length() > 60 ? text.substring(0, 60) + "…" : text);
        }
        return out.append(")").toString();
    }

    /** {@code getUri}: the master's own idea of its URI. */
    public String getUri() {
        return (String) invoke("getUri");
    }

    /** {@code getPid}: the master's process id. */
    public int getPid() {
        return (Integer) invoke("getPid");
    }

    /** {@code shutdown}: asks the master to stop (Debian's rosmaster and our {@link RosMaster} both honour it). */
    public void shutdown(String reason) {
        invoke("shutdown", reason);
    }

    /** Registers {@code callerApi} as a publisher; returns the subscribers' node URIs. */
    public List<String> registerPublisher(String topic, String type, String callerApi) {
        return strings(invoke("registerPublisher", topic, type, callerApi));
    }

    /** Returns how many registrations were removed (0 or 1). */
    public int unregisterPublisher(String topic, String callerApi) {
        return (Integer) invoke("unregisterPublisher", topic, callerApi);
    }

    /** Registers {@code callerApi} as a subscriber; returns the publishers' node URIs. */
    public List<String> registerSubscriber(String topic, String type, String callerApi) {
        return strings(invoke("registerSubscriber", topic, type, callerApi));
    }

    public int unregisterSubscriber(String topic, String callerApi) {
        return (Integer) invoke("unregisterSubscriber", topic, callerApi);
    }

    /** Registers a service provided at {@code serviceUri} ({@code rosrpc://host:port}). */
    public void registerService(String service, String serviceUri, String callerApi) {
        invoke("registerService", service, serviceUri, callerApi);
    }

    public int unregisterService(String service, String serviceUri) {
        return (Integer) invoke("unregisterService", service, serviceUri);
    }

    /** The XML-RPC URI of node {@code name}. @throws MasterException if there is no such node */
    public String lookupNode(String name) {
        return (String) invoke("lookupNode", name);
    }

    /** The {@code rosrpc://host:port} URI of the node providing {@code service}. @throws MasterException if none does */
    public String lookupService(String service) {
        return (String) invoke("lookupService", service);
    }

    /** {@code getTopicTypes}: every topic the master knows (published or subscribed) and its type, sorted. */
    public Map<String, String> topicTypes() {
        return pairs(invoke("getTopicTypes"));
    }

    /** {@code getPublishedTopics}: topics with at least one publisher under {@code subgraph} ("" for all), sorted. */
    public Map<String, String> publishedTopics(String subgraph) {
        return pairs(invoke("getPublishedTopics", subgraph));
    }

    /** {@code getSystemState}: publishers, subscribers and services by name. */
    public SystemState systemState() {
        List<?> state = (List<?>) invoke("getSystemState");
        return new SystemState(nameToNodes(state.get(0)), nameToNodes(state.get(1)), nameToNodes(state.get(2)));
    }

    private static Map<String, List<String>> nameToNodes(Object value) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Object entry : (List<?>) value) {
            List<?> pair = (List<?>) entry;
            out.put((String) pair.get(0), strings(pair.get(1)));
        }
        return out;
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    private static Map<String, String> pairs(Object value) {
        Map<String, String> out = new TreeMap<>();
        for (Object entry : (List<?>) value) {
            List<?> pair = (List<?>) entry;
            out.put((String) pair.get(0), (String) pair.get(1));
        }
        return new LinkedHashMap<>(out);
    }
}
