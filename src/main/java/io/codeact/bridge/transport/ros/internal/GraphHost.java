package io.codeact.bridge.transport.ros.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Which host name a node puts in its URIs and which address its servers bind to, following ROS's rules:
 * an explicit host, else {@code ROS_IP}, else {@code ROS_HOSTNAME}; with none of those, {@code 127.0.0.1}
 * when the master is on this machine's loopback (so nothing is exposed to the network), else this
 * machine's host name. Servers bind to a configured host's address when it is one of ours (loopback
 * included), else to every interface, as rospy does.
 *
 * @param advertised the host name or address other nodes use to reach us
 * @param bind       the local address our servers listen on
 */
public record GraphHost(String advertised, InetAddress bind) {

    /**
     * @param explicit  the host given by the caller, or null
     * @param env       the environment ({@code ROS_IP}, {@code ROS_HOSTNAME})
     * @param masterUri the master's URI
     */
    public static GraphHost choose(String explicit, Map<String, String> env, URI masterUri) {
        String host = firstSet(explicit, env.get("ROS_IP"), env.get("ROS_HOSTNAME"));
        if (host != null) {
            return new GraphHost(host, bindAddress(host));
        }
        if (isLoopback(masterUri.getHost())) {
            return new GraphHost("127.0.0.1", InetAddress.getLoopbackAddress());
        }
        return new GraphHost(machineName(), anyAddress());
    }

    /** The host as it goes into a URI: IPv6 literals in brackets. */
    public static String forUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1")) {
            return true;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** This machine's host name, or 127.0.0.1 if it has none. */
    public static String machineName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "127.0.0.1" : name;
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static InetAddress bindAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
                return address;
            }
        } catch (UnknownHostException | SocketException e) {
            // not resolvable here: listen everywhere, the name may still be how others reach us
        }
        return anyAddress();
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
