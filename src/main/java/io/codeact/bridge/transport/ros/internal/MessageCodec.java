package io.codeact.bridge.transport.ros.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled codec of one message type: its fields' codecs in declaration order. Built once per type by
 * {@link TypeResolver}; immutable and thread-safe.
 *
 * <p>Messages are {@code Map}s from field name to value. Writing takes the fields in declaration order
 * (the map's own order does not matter), writes a zero value for a missing field, and rejects a key that
 * is not a field. Reading gives a {@code LinkedHashMap} in declaration order.
 */
public final class MessageCodec implements FieldCodec {
    private final String typeName;
    private final String[] names;
    private final FieldCodec[] codecs;
    private final List<String> constantNames;
    private final int minSize;
    /** Size of the last message written: the next buffer starts that big. A benign race; it is only a hint. */
    private int sizeHint = 64;

    MessageCodec(String typeName, List<String> names, List<FieldCodec> codecs, List<String> constantNames) {
        this.typeName = typeName;
        this.names = names.toArray(String[]::new);
        this.codecs = codecs.toArray(FieldCodec[]::new);
        this.constantNames = List.copyOf(constantNames);
        long min = 0;
        for (FieldCodec codec : this.codecs) {
            min += codec.minSize();
        }
        this.minSize = (int) Math.min(Integer.MAX_VALUE, min);
    }

    /** @throws CodecProblem naming the field path of a value that does not fit */
    public byte[] serialize(Map<?, ?> message) {
        WireWriter out = new WireWriter(sizeHint);
        writeMap(message, out);
        sizeHint = out.size();
        return out.toByteArray();
    }

    /** @throws CodecProblem naming the field path where the bytes ran out, or saying how many were left over */
    public Map<String, Object> deserialize(byte[] bytes, int offset, int length) {
        WireReader in = new WireReader(bytes, offset, length);
        Map<String, Object> message = readMap(in);
        if (in.remaining() != 0) {
            throw new CodecProblem(bytes(in.remaining()) + " left over after the last field (" + bytes(length) + " given, "
                    + in.offset() + " used)");
        }
        return message;
    }

    private static String bytes(int count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }

    @Override
    public String rosType() {
        return typeName;
    }

    @Override
    public void write(Object value, WireWriter out) {
        if (!(value instanceof Map<?, ?> map)) {
            throw CodecProblem.expected(typeName + " (a map)", value);
        }
        writeMap(map, out);
    }

    private void writeMap(Map<?, ?> map, WireWriter out) {
        int present = 0;
        for (int i = 0; i < names.length; i++) {
            Object value = map.get(names[i]);
            if (value == null) {
                if (map.containsKey(names[i])) {
                    throw CodecProblem.expected(codecs[i].rosType(), null).inField(names[i]);
                }
                codecs[i].writeDefault(out);
                continue;
            }
            present++;
            try {
                codecs[i].write(value, out);
            } catch (CodecProblem p) {
                throw p.inField(names[i]);
            }
        }
        if (present != map.size()) {
            throw unknownField(map);
        }
    }

    private CodecProblem unknownField(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!isField(key)) {
                String kind = constantNames.contains(key) ? "a constant of " + typeName + ", not a field"
                        : "unknown field of " + typeName;
                String fields = names.length == 0 ? "it has no fields" : "its fields are " + String.join(", ", names);
                return new CodecProblem(kind + "; " + fields).inField(String.valueOf(key));
            }
        }
        throw new IllegalStateException("no unknown key in " + map.keySet() + " for " + typeName);
    }

    private boolean isField(Object key) {
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void writeDefault(WireWriter out) {
        for (FieldCodec codec : codecs) {
            codec.writeDefault(out);
        }
    }

    @Override
    public Object read(WireReader in) {
        return readMap(in);
    }

    private Map<String, Object> readMap(WireReader in) {
        Map<String, Object> message = LinkedHashMap.newLinkedHashMap(names.length);
        for (int i = 0; i < names.length; i++) {
            try {
                message.put(names[i], codecs[i].read(in));
            } catch (CodecProblem p) {
                throw p.inField(names[i]);
            }
        }
        return message;
    }

    @Override
    public Map<String, Object> defaultValue() {
        Map<String, Object> message = LinkedHashMap.newLinkedHashMap(names.length);
        for (int i = 0; i < names.length; i++) {
            message.put(names[i], codecs[i].defaultValue());
        }
        return message;
    }

    @Override
    public int minSize() {
        return minSize;
    }
}
