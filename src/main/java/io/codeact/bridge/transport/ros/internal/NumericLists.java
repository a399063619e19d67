package io.codeact.bridge.transport.ros.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Fixed-size lists backed by primitive arrays, for numeric array fields: a 1080-beam laser scan stays one
 * {@code float[]} instead of 1080 boxed Floats, and serialising it again is a bulk copy. Elements can be
 * replaced ({@code set}), not added or removed. {@code equals} and {@code hashCode} are those of any list.
 */
final class NumericLists {
    private NumericLists() {
    }

    static final class Ints extends AbstractList<Number> implements RandomAccess {
        final int[] values;

        Ints(int[] values) {
            this.values = values;
        }

        @Override public Number get(int index) {
            return values[index];
        }

        @Override public Number set(int index, Number element) {
            int old = values[index];
            long v = element.longValue();
            if (v != (int) v || element instanceof Double || element instanceof Float) {
                throw new IllegalArgumentException("element " + index + " must be an int, got " + CodecProblem.describe(element));
            }
            values[index] = (int) v;
            return old;
        }

        @Override public int size() {
            return values.length;
        }
    }

    static final class Longs extends AbstractList<Number> implements RandomAccess {
        final long[] values;

        Longs(long[] values) {
            this.values = values;
        }

        @Override public Number get(int index) {
            return values[index];
        }

        @Override public Number set(int index, Number element) {
            if (element instanceof Double || element instanceof Float || element instanceof java.math.BigInteger b && b.bitLength() > 63) {
                throw new IllegalArgumentException("element " + index + " must be a long, got " + CodecProblem.describe(element));
            }
            long old = values[index];
            values[index] = element.longValue();
            return old;
        }

        @Override public int size() {
            return values.length;
        }
    }

    static final class Floats extends AbstractList<Number> implements RandomAccess {
        final float[] values;

        Floats(float[] values) {
            this.values = values;
        }

        @Override public Number get(int index) {
            return values[index];
        }

        @Override public Number set(int index, Number element) {
            float old = values[index];
            values[index] = element.floatValue();
            return old;
        }

        @Override public int size() {
            return values.length;
        }
    }

    static final class Doubles extends AbstractList<Number> implements RandomAccess {
        final double[] values;

        Doubles(double[] values) {
            this.values = values;
        }

        @Override public Number get(int index) {
            return values[index];
        }

        @Override public Number set(int index, Number element) {
            double old = values[index];
            values[index] = element.doubleValue();
            return old;
        }

        @Override public int size() {
            return values.length;
        }
    }
}
