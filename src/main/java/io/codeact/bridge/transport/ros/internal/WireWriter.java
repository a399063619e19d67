package io.codeact.bridge.transport.ros.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer: ROS 1 serialisation. Not thread-safe; one per message being written. */
final class WireWriter {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int pos;

    WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int more) {
        if (buf.length - pos < more) {
            long wanted = Math.max((long) buf.length * 2, (long) pos + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new CodecProblem("the serialised message would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    void writeByte(int value) {
        ensure(1);
        buf[pos++] = (byte) value;
    }

    void writeShort(int value) {
        ensure(2);
        SHORT.set(buf, pos, (short) value);
        pos += 2;
    }

    void writeInt(int value) {
        ensure(4);
        INT.set(buf, pos, value);
        pos += 4;
    }

    void writeLong(long value) {
        ensure(8);
        LONG.set(buf, pos, value);
        pos += 8;
    }

    void writeFloat(float value) {
        ensure(4);
        FLOAT.set(buf, pos, value);
        pos += 4;
    }

    void writeDouble(double value) {
        ensure(8);
        DOUBLE.set(buf, pos, value);
        pos += 8;
    }

    void writeFloats(float[] values) {
        ensure(values.length * 4);
        for (float v : values) {
            FLOAT.set(buf, pos, v);
            pos += 4;
        }
    }

    void writeDoubles(double[] values) {
        ensure(values.length * 8);
        for (double v : values) {
            DOUBLE.set(buf, pos, v);
            pos += 8;
        }
    }

    void writeBytes(byte[] values) {
        ensure(values.length);
        System.arraycopy(values, 0, buf, pos, values.length);
        pos += values.length;
    }

    void writeZeros(int count) {
        ensure(count);
        Arrays.fill(buf, pos, pos + count, (byte) 0);
        pos += count;
    }

    /** A uint32 length prefix, then the UTF-8 bytes. */
    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeBytes(utf8);
    }

    /** The bytes written so far. */
    int size() {
        return pos;
    }

    /** The bytes written so far; the buffer itself when it is exactly full (then this writer must not be used again). */
    byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }
}
