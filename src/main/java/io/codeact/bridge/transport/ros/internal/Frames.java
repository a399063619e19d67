package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.RosProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * TCPROS framing: every message is a little-endian uint32 length followed by that many bytes. Reads never
 * trust a length for an allocation: a large frame is read in chunks, so a bogus length costs only the
 * bytes that really arrive.
 */
public final class Frames {
    /** The largest frame we accept, 1 GiB, as roscpp does. */
    public static final long MAX_FRAME = 1L << 30;
    private static final int EXACT_ALLOCATION = 1 << 20;

    private Frames() {
    }

    static void putInt(byte[] buf, int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    static int getInt(byte[] buf, int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }

    /** {@code body} with its 4-byte length in front: one array, written with one call. */
    public static byte[] frame(byte[] body) {
        byte[] out = new byte[4 + body.length];
        putInt(out, 0, body.length);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    /** A service response: the ok byte, then the framed body. */
    public static byte[] serviceResponse(boolean ok, byte[] body) {
        byte[] out = new byte[5 + body.length];
        out[0] = (byte) (ok ? 1 : 0);
        putInt(out, 1, body.length);
        System.arraycopy(body, 0, out, 5, body.length);
        return out;
    }

    /**
     * Reads a uint32 length.
     *
     * @throws EOFException if the stream ends before its first byte (a clean close)
     * @throws RosProtocolException if it ends inside the four bytes
     */
    static long readLength(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException();
        }
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        if ((b1 | b2 | b3) < 0) {
            throw new RosProtocolException("truncated frame: the connection closed inside a 4-byte length");
        }
        return (b0 | b1 << 8 | b2 << 16 | (long) b3 << 24) & 0xFFFF_FFFFL;
    }

    /**
     * Reads one frame's body.
     *
     * @param what what the frame is, for the error message, e.g. {@code a message on /odom from /talker}
     * @return the body, or null if the stream ended cleanly before the frame started
     * @throws RosProtocolException if the stream ends inside the frame, or the length is over {@link #MAX_FRAME}
     */
    public static byte[] read(InputStream in, String what) throws IOException {
        long length;
        try {
            length = readLength(in);
        } catch (EOFException e) {
            return null;
        } catch (RosProtocolException e) {
            throw new RosProtocolException("truncated frame (" + what + "): the connection closed inside its 4-byte length", e);
        }
        if (length > MAX_FRAME) {
            throw new RosProtocolException("bad frame (" + what + "): length " + length + " is over the " + MAX_FRAME
                    + "-byte limit; the stream is out of step or the peer is not speaking TCPROS");
        }
        byte[] body;
        if (length <= EXACT_ALLOCATION) {
            body = new byte[(int) length];
            int got = in.readNBytes(body, 0, body.length);
            if (got < length) {
                throw truncated(what, length, got);
            }
        } else {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw truncated(what, length, body.length);
            }
        }
        return body;
    }

    private static RosProtocolException truncated(String what, long length, int got) {
        return new RosProtocolException("truncated frame (" + what + "): expected " + length
                + " bytes, the connection closed after " + got);
    }
}
