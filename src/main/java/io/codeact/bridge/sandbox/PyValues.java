package io.codeact.bridge.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Conversions between GraalPy values and plain Java values at the host-call boundary. */
final class PyValues {
    private static final int MAX_DEPTH = 64;

    private PyValues() {}

    /** Converts a Python argument to null, Boolean, Long, Double, String, List or Map. */
    static Object toJava(Value v) {
        return toJava(v, 0);
    }

    private static Object toJava(Value v, int depth) {
        if (depth > MAX_DEPTH) {
            throw RobotException.badValue("argument nested more than " + MAX_DEPTH + " levels deep");
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            // Value.fitsInLong() is true for a float like 2.0; the boxed Java value keeps int and float apart
            Object boxed = v.as(Object.class);
            if (boxed instanceof Double || boxed instanceof Float) {
                return ((Number) boxed).doubleValue();
            }
            if (v.fitsInLong()) {
                return v.asLong();
            }
            if (v.fitsInDouble()) {
                return v.asDouble();
            }
            throw RobotException.badValue("number " + v + " is too large for a robot API argument");
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.hasHashEntries()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Value it = v.getHashEntriesIterator();
            while (it.hasIteratorNextElement()) {
                Value entry = it.getIteratorNextElement();
                Value key = entry.getArrayElement(0);
                map.put(key.isString() ? key.asString() : String.valueOf(toJava(key, depth + 1)),
                        toJava(entry.getArrayElement(1), depth + 1));
            }
            return map;
        }
        if (v.hasArrayElements()) {
            long size = v.getArraySize();
            List<Object> list = new ArrayList<>((int) Math.min(size, 1 << 16));
            for (long i = 0; i < size; i++) {
                list.add(toJava(v.getArrayElement(i), depth + 1));
            }
            return list;
        }
        if (v.hasIterator()) {
            List<Object> list = new ArrayList<>();
            Value it = v.getIterator();
            while (it.hasIteratorNextElement()) {
                list.add(toJava(it.getIteratorNextElement(), depth + 1));
            }
            return list;
        }
        throw RobotException.badType("a " + v.getMetaObject() + " cannot be passed to a robot API;"
                + " use numbers, strings, booleans, None, lists and dicts");
    }

    /** The Python type name of a converted Java value, for error messages. */
    static String pythonTypeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Number) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }
}
