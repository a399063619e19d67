package io.codeact.bridge.llm.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a server on this machine or the local network (where a model server usually runs without an
 * API key) from a hosted one (which needs a key). Looks only at the URL: no DNS lookups.
 */
public final class Hosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Hosts() {
    }

    /**
     * True for {@code localhost}, loopback, private, link-local and unique-local addresses, names
     * without a dot (a Docker or LAN host like {@code vllm}) and names under {@code .local},
     * {@code .lan}, {@code .internal}, {@code .localhost}.
     */
    public static boolean isLocal(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".lan") || host.endsWith(".internal")) {
            return true;
        }
        boolean ipv6 = host.contains(":");
        if (!ipv6 && !IPV4.matcher(host).matches()) {
            return !host.isEmpty() && !host.contains(".");
        }
        try {
            InetAddress address = InetAddress.getByName(host); // an IP literal: parsed, not looked up
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
