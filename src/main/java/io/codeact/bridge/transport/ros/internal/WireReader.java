package io.codeact.bridge.transport.ros.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads little-endian ROS 1 serialisation from a byte range, checking every read against the end of the range
 * so truncated or garbage input gives a {@link CodecProblem} rather than an index error or a huge allocation.
 * Not thread-safe; one per message being read.
 */
final class WireReader {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** Elements of a type that takes no bytes (std_msgs/Empty) cost nothing on the wire, so cap their count. */
    private static final int MAX_EMPTY_ELEMENTS = 1 << 20;

    private final byte[] buf;
    private final int start;
    private final int limit;
    private int pos;

    WireReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " is outside a byte array of " + buf.length);
        }
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Bytes not read yet. */
    int remaining() {
        return limit - pos;
    }

    /** Bytes read so far. */
    int offset() {
        return pos - start;
    }

    /** @throws CodecProblem if fewer than {@code count} bytes are left */
    void need(long count) {
        if (limit - pos < count) {
            throw new CodecProblem("needs " + count + " bytes at offset " + offset() + ", only " + remaining() + " left");
        }
    }

    int readByte() {
        need(1);
        return buf[pos++];
    }

    int readShort() {
        need(2);
        short v = (short) SHORT.get(buf, pos);
        pos += 2;
        return v;
    }

    int readInt() {
        need(4);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    long readLong() {
        need(8);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    float readFloat() {
        need(4);
        float v = (float) FLOAT.get(buf, pos);
        pos += 4;
        return v;
    }

    double readDouble() {
        need(8);
        double v = (double) DOUBLE.get(buf, pos);
        pos += 8;
        return v;
    }

    /**
     * A uint32 length prefix for an array whose elements take at least {@code minElementSize} bytes each;
     * rejected at once when the rest of the input cannot hold that many.
     */
    int readLength(int minElementSize) {
        int at = offset();
        long length = readInt() & 0xFFFF_FFFFL;
        if (minElementSize == 0 && length > MAX_EMPTY_ELEMENTS) {
            throw new CodecProblem("length " + length + " at offset " + at + " is more than the " + MAX_EMPTY_ELEMENTS
                    + " elements of an empty type we accept");
        }
        if (length * minElementSize > remaining()) {
            throw new CodecProblem("length " + length + " at offset " + at + " needs at least " + length * minElementSize
                    + " bytes, only " + remaining() + " left");
        }
        return (int) length;
    }

    byte[] readBytes(int count) {
        need(count);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + count);
        pos += count;
        return out;
    }

    void readFloats(float[] into) {
        need(into.length * 4L);
        for (int i = 0; i < into.length; i++) {
            into[i] = (float) FLOAT.get(buf, pos);
            pos += 4;
        }
    }

    void readDoubles(double[] into) {
        need(into.length * 8L);
        for (int i = 0; i < into.length; i++) {
            into[i] = (double) DOUBLE.get(buf, pos);
            pos += 8;
        }
    }

    String readString() {
        int length = readLength(1);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
