package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.RosProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCPROS connection header: a little-endian uint32 total length, then fields each as a little-endian
 * uint32 length and {@code key=value} bytes (UTF-8). Both ends send one before anything else. Stateless.
 */
public final class ConnectionHeader {
    /** Headers are a few hundred bytes plus the message definition; anything past this is not a header. */
    static final int MAX_BYTES = 1 << 20;

    private ConnectionHeader() {
    }

    /** The header as bytes on the wire, length prefix included. Fields keep the map's order. */
    public static byte[] encode(Map<String, String> fields) {
        byte[][] encoded = new byte[fields.size()][];
        int total = 0;
        int i = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            encoded[i] = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            total += 4 + encoded[i].length;
            i++;
        }
        byte[] out = new byte[4 + total];
        Frames.putInt(out, 0, total);
        int at = 4;
        for (byte[] field : encoded) {
            Frames.putInt(out, at, field.length);
            System.arraycopy(field, 0, out, at + 4, field.length);
            at += 4 + field.length;
        }
        return out;
    }

    /**
     * Reads the fields of a header body (without the total length prefix).
     *
     * @param from who sent it, for the error message
     * @throws RosProtocolException if a field length runs past the end or a field has no {@code =}
     */
    public static Map<String, String> decode(byte[] body, String from) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < body.length) {
            if (body.length - at < 4) {
                throw new RosProtocolException("malformed connection header from " + from + ": " + (body.length - at)
                        + " stray bytes at offset " + at + " where a 4-byte field length should be");
            }
            long length = Frames.getInt(body, at) & 0xFFFF_FFFFL;
            if (length > body.length - at - 4) {
                throw new RosProtocolException("malformed connection header from " + from + ": field at offset " + at
                        + " says " + length + " bytes but only " + (body.length - at - 4) + " are left");
            }
            String field = new String(body, at + 4, (int) length, StandardCharsets.UTF_8);
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new RosProtocolException("malformed connection header from " + from + ": field \"" + shorten(field)
                        + "\" at offset " + at + " has no '='");
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
            at += 4 + (int) length;
        }
        return fields;
    }

    /**
     * Reads one header from a stream.
     *
     * @throws RosProtocolException if the connection closes inside it, or it is malformed or too large
     * @throws IOException if reading fails
     */
    public static Map<String, String> read(InputStream in, String from) throws IOException {
        long length;
        try {
            length = Frames.readLength(in);
        } catch (EOFException e) {
            throw new RosProtocolException(from + " closed the connection before sending a connection header", e);
        }
        if (length > MAX_BYTES) {
            throw new RosProtocolException("malformed connection header from " + from + ": it says it is " + length
                    + " bytes long, more than the " + MAX_BYTES + " we accept; is this a TCPROS peer?");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new RosProtocolException("truncated connection header from " + from + ": expected " + length
                    + " bytes, the connection closed after " + body.length);
        }
        return decode(body, from);
    }

    /** Returns {@code field} or throws naming it and the peer. */
    public static String require(Map<String, String> header, String field, String from) {
        String value = header.get(field);
        if (value == null) {
            throw new RosProtocolException("connection header from " + from + " has no " + field + " field (it has "
                    + String.join(", ", header.keySet()) + ")");
        }
        return value;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
