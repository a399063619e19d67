package io.codeact.bridge.transport.ros.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML-RPC as ROS uses it, both directions: {@code <methodCall>} and {@code <methodResponse>} documents
 * to and from Java values.
 *
 * <p>Java values by XML-RPC type: {@code i4}/{@code int} Integer, {@code i8} Long, {@code double} Double,
 * {@code string} String (and a {@code <value>} with no type element, which the spec reads as a string),
 * {@code boolean} Boolean, {@code base64} byte[], {@code array} List, {@code struct} Map (insertion
 * ordered), {@code nil} null; {@code dateTime.iso8601} is read as its String. When writing, any Number,
 * arrays, Collections and Maps with String keys are accepted; a long that does not fit in 32 bits is
 * written as {@code i8}. Stateless and thread-safe.
 */
public final class XmlRpcCodec {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // Peers are remote processes: no DTDs, no external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private XmlRpcCodec() {
    }

    /** A {@code <methodCall>} document. */
    public static byte[] call(String method, List<?> params) {
        StringBuilder out = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        escape(method, out);
        out.append("</methodName><params>");
        for (Object param : params) {
            out.append("<param>");
            value(param, out);
            out.append("</param>");
        }
        return out.append("</params></methodCall>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code <methodResponse>} document carrying one value. */
    public static byte[] response(Object value) {
        StringBuilder out = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodResponse><params><param>");
        value(value, out);
        return out.append("</param></params></methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code <methodResponse>} document carrying a fault. */
    public static byte[] fault(int code, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        StringBuilder out = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodResponse><fault>");
        value(fault, out);
        return out.append("</fault></methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(Object v, StringBuilder out) {
        out.append("<value>");
        typed(v, out);
        out.append("</value>");
    }

    private static void typed(Object v, StringBuilder out) {
        switch (v) {
            case null -> out.append("<nil/>");
            case String s -> {
                out.append("<string>");
                escape(s, out);
                out.append("</string>");
            }
            case Boolean b -> out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
            case Integer i -> out.append("<i4>").append(i).append("</i4>");
            case Short s -> out.append("<i4>").append(s).append("</i4>");
            case Byte b -> out.append("<i4>").append(b).append("</i4>");
            case Long l when l == (int) (long) l -> out.append("<i4>").append(l).append("</i4>");
            case Long l -> out.append("<i8>").append(l).append("</i8>");
            case BigInteger b when b.bitLength() < 32 -> out.append("<i4>").append(b).append("</i4>");
            case BigInteger b when b.bitLength() < 64 -> out.append("<i8>").append(b).append("</i8>");
            case Number n -> out.append("<double>").append(doubleText(n.doubleValue())).append("</double>");
            case byte[] bytes -> out.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
            case Map<?, ?> map -> {
                out.append("<struct>");
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("XML-RPC struct keys must be strings, got " + e.getKey());
                    }
                    out.append("<member><name>");
                    escape(key, out);
                    out.append("</name>");
                    value(e.getValue(), out);
                    out.append("</member>");
                }
                out.append("</struct>");
            }
            case Collection<?> list -> {
                out.append("<array><data>");
                for (Object item : list) {
                    value(item, out);
                }
                out.append("</data></array>");
            }
            case Object[] array -> typed(java.util.Arrays.asList(array), out);
            case Character c -> typed(String.valueOf(c), out);
            default -> typed(PrimitiveArrays.toList(v), out);
        }
    }

    private static String doubleText(double d) {
        // Python's float() reads inf/nan and exponents; the spec's plain form is not needed by ROS peers.
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Reads a {@code <methodCall>}.
     *
     * @throws XmlRpcException if the document is not a well-formed method call
     */
    public static XmlRpcCall parseCall(byte[] xml) {
        try {
            XMLStreamReader r = open(xml);
            expectStart(r, "methodCall");
            String method = null;
            List<Object> params = new ArrayList<>();
            while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "methodName" -> method = r.getElementText().trim();
                    case "params" -> {
                        while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                            expectName(r, "param");
                            expectStart(r, "value");
                            params.add(readValue(r));
                            endOf(r, "param");
                        }
                    }
                    default -> throw new XmlRpcException("unexpected <" + r.getLocalName() + "> in <methodCall>");
                }
            }
            if (method == null || method.isEmpty()) {
                throw new XmlRpcException("<methodCall> has no <methodName>");
            }
            return new XmlRpcCall(method, params);
        } catch (XMLStreamException e) {
            throw new XmlRpcException("not an XML-RPC method call: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a {@code <methodResponse>} and returns its value.
     *
     * @throws XmlRpcFault if it is a fault
     * @throws XmlRpcException if the document is not a well-formed method response
     */
    public static Object parseResponse(byte[] xml) {
        try {
            XMLStreamReader r = open(xml);
            expectStart(r, "methodResponse");
            if (nextTag(r) != XMLStreamConstants.START_ELEMENT) {
                throw new XmlRpcException("<methodResponse> is empty");
            }
            if (r.getLocalName().equals("fault")) {
                expectStart(r, "value");
                Object fault = readValue(r);
                if (fault instanceof Map<?, ?> m) {
                    Object code = m.get("faultCode");
                    throw new XmlRpcFault(code instanceof Number n ? n.intValue() : 0, String.valueOf(m.get("faultString")));
                }
                throw new XmlRpcFault(0, String.valueOf(fault));
            }
            expectName(r, "params");
            expectStart(r, "param");
            expectStart(r, "value");
            return readValue(r);
        } catch (XMLStreamException e) {
            throw new XmlRpcException("not an XML-RPC method response: " + e.getMessage(), e);
        }
    }

    private static XMLStreamReader open(byte[] xml) throws XMLStreamException {
        return XML.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** Reads the content of a {@code <value>} whose start tag was just read, up to and including its end tag. */
    private static Object readValue(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString(); // untyped value: a string, whitespace kept
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    Object v = readTyped(r);
                    endOf(r, "value");
                    return v;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                default -> throw new XmlRpcException("unexpected XML event " + event + " inside <value>");
            }
        }
    }

    private static Object readTyped(XMLStreamReader r) throws XMLStreamException {
        String type = r.getLocalName();
        switch (type) {
            case "string", "dateTime.iso8601" -> {
                return r.getElementText();
            }
            case "i4", "int", "i8" -> {
                String t = r.getElementText().trim();
                try {
                    long l = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                    return l == (int) l ? (Object) (int) l : (Object) l;
                } catch (NumberFormatException e) {
                    throw new XmlRpcException("<" + type + "> holds \"" + t + "\", not an integer", e);
                }
            }
            case "double" -> {
                String t = r.getElementText().trim();
                try {
                    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
                        case "nan", "+nan", "-nan" -> Double.NaN;
                        case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                        case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                        default -> Double.parseDouble(t);
                    };
                } catch (NumberFormatException e) {
                    throw new XmlRpcException("<double> holds \"" + t + "\", not a number", e);
                }
            }
            case "boolean" -> {
                String t = r.getElementText().trim();
                return switch (t) {
                    case "1", "true" -> true;
                    case "0", "false" -> false;
                    default -> throw new XmlRpcException("<boolean> holds \"" + t + "\", not 0 or 1");
                };
            }
            case "base64" -> {
                String t = r.getElementText().replaceAll("\\s", "");
                try {
                    return Base64.getDecoder().decode(t);
                } catch (IllegalArgumentException e) {
                    throw new XmlRpcException("<base64> holds invalid base64", e);
                }
            }
            case "nil" -> {
                skipToEnd(r);
                return null;
            }
            case "array" -> {
                List<Object> items = new ArrayList<>();
                expectStart(r, "data");
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    expectName(r, "value");
                    items.add(readValue(r));
                }
                endOf(r, "array");
                return items;
            }
            case "struct" -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    expectName(r, "member");
                    String name = null;
                    Object value = null;
                    boolean hasValue = false;
                    while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                        if (r.getLocalName().equals("name")) {
                            name = r.getElementText();
                        } else {
                            expectName(r, "value");
                            value = readValue(r);
                            hasValue = true;
                        }
                    }
                    if (name == null || !hasValue) {
                        throw new XmlRpcException("a struct <member> needs a <name> and a <value>");
                    }
                    members.put(name, value);
                }
                return members;
            }
            default -> throw new XmlRpcException("unknown XML-RPC value type <" + type + ">");
        }
    }

    private static void skipToEnd(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The next start or end tag, skipping whitespace and comments. */
    private static int nextTag(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) {
                        throw new XmlRpcException("unexpected text \"" + r.getText().trim() + "\" in XML-RPC document");
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XmlRpcException("XML-RPC document ends too soon");
                default -> {
                }
            }
        }
    }

    private static void expectStart(XMLStreamReader r, String name) throws XMLStreamException {
        if (r.getEventType() == XMLStreamConstants.START_DOCUMENT) {
            if (nextTag(r) != XMLStreamConstants.START_ELEMENT) {
                throw new XmlRpcException("expected <" + name + ">");
            }
        } else if (nextTag(r) != XMLStreamConstants.START_ELEMENT) {
            throw new XmlRpcException("expected <" + name + ">, got </" + r.getLocalName() + ">");
        }
        expectName(r, name);
    }

    private static void expectName(XMLStreamReader r, String name) {
        if (!r.getLocalName().equals(name)) {
            throw new XmlRpcException("expected <" + name + ">, got <" + r.getLocalName() + ">");
        }
    }

    private static void endOf(XMLStreamReader r, String name) throws XMLStreamException {
        if (nextTag(r) != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals(name)) {
            throw new XmlRpcException("expected </" + name + ">, got <" + r.getLocalName() + ">");
        }
    }
}
