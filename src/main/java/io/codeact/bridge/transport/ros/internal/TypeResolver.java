package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MessageDefinitionException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Turns parsed definitions into {@link ResolvedMessage}s: looks up every field's type (recursively), computes
 * the MD5 sum and full text exactly as genmsg's {@code compute_md5} and {@code compute_full_text} do, and
 * compiles the codec.
 *
 * <p>Not thread-safe: the registry calls it under its lock. Resolved types go into the cache it is given, so
 * a type used by many others is resolved once.
 */
public final class TypeResolver {
    private final Function<String, MessageSpec> specs;
    private final Map<String, ResolvedMessage> cache;
    private final Deque<String> resolving = new ArrayDeque<>();

    /**
     * @param specs looks up a message definition by full name: {@code null} if unknown; it may throw
     *              {@link MessageDefinitionException} for a definition known to be broken
     * @param cache resolved types by full name, read and filled
     */
    public TypeResolver(Function<String, MessageSpec> specs, Map<String, ResolvedMessage> cache) {
        this.specs = specs;
        this.cache = cache;
    }

    /** Resolves a message definition and caches it under its name. @throws MessageDefinitionException naming file:line */
    public ResolvedMessage resolve(MessageSpec spec) {
        ResolvedMessage resolved = compute(spec);
        cache.put(spec.name(), resolved);
        return resolved;
    }

    /** Resolves a service: both halves (not cached as messages), and the service MD5. */
    public ResolvedService resolve(ServiceSpec spec) {
        ResolvedMessage request = compute(spec.request());
        ResolvedMessage response = compute(spec.response());
        return new ResolvedService(spec, request, response, md5Hex(request.md5Text() + response.md5Text()));
    }

    private ResolvedMessage compute(MessageSpec spec) {
        resolving.push(spec.name());
        try {
            StringJoiner md5Text = new StringJoiner("\n");
            for (ConstantSpec c : spec.constants()) {
                md5Text.add(c.type() + " " + c.name() + "=" + c.valueText());
            }
            Set<String> dependencies = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            List<FieldCodec> codecs = new ArrayList<>();
            for (FieldSpec field : spec.fields()) {
                names.add(field.name());
                if (field.isBuiltin()) {
                    md5Text.add(field.type() + " " + field.name());
                    codecs.add(builtinCodec(field));
                } else {
                    ResolvedMessage dep = dependency(spec, field);
                    // genmsg: a message-typed field is "<md5 of its type> <name>", array or not
                    md5Text.add(dep.md5() + " " + field.name());
                    dependencies.add(dep.spec().name());
                    dependencies.addAll(dep.dependencies());
                    codecs.add(field.array() ? new MessageArrayCodec(dep.codec(), field.fixedLength()) : dep.codec());
                }
            }
            String text = md5Text.toString();
            List<String> constantNames = spec.constants().stream().map(ConstantSpec::name).toList();
            MessageCodec codec = new MessageCodec(spec.name(), names, codecs, constantNames);
            return new ResolvedMessage(spec, md5Hex(text), text, fullText(spec, dependencies), List.copyOf(dependencies), codec);
        } finally {
            resolving.pop();
        }
    }

    private static FieldCodec builtinCodec(FieldSpec field) {
        if (!field.array()) {
            return field.builtin();
        }
        if (field.builtin().wireType() == Primitive.UINT8) {
            return new ByteArrayCodec(field.builtin(), field.fixedLength());
        }
        return new PrimitiveArrayCodec(field.builtin(), field.fixedLength());
    }

    private ResolvedMessage dependency(MessageSpec spec, FieldSpec field) {
        String type = field.elementType();
        ResolvedMessage cached = cache.get(type);
        if (cached != null) {
            return cached;
        }
        String at = spec.at(field.line());
        if (resolving.contains(type)) {
            List<String> chain = new ArrayList<>(resolving);
            java.util.Collections.reverse(chain);
            chain = chain.subList(chain.indexOf(type), chain.size());
            throw new MessageDefinitionException(at + ": field " + field.name() + " of " + spec.name() + " closes a cycle ("
                    + String.join(" -> ", chain) + " -> " + type + "); a ROS message cannot contain itself, directly or not");
        }
        MessageSpec depSpec;
        try {
            depSpec = specs.apply(type);
        } catch (MessageDefinitionException broken) {
            throw new MessageDefinitionException(at + ": field " + field.name() + " of " + spec.name() + " has type " + type
                    + ", whose definition is broken: " + broken.getMessage(), broken);
        }
        if (depSpec == null) {
            throw new MessageDefinitionException(at + ": unknown type " + type + " in field " + field.name() + " of "
                    + spec.name() + "; it is not bundled, not in the loaded ROS packages and not added as text (load its"
                    + " package with MessageRegistry.loadPackages or add its .msg text with addMessage)");
        }
        return resolve(depSpec);
    }

    private String fullText(MessageSpec spec, Set<String> dependencies) {
        StringBuilder out = new StringBuilder(spec.text()).append('\n');
        for (String dep : dependencies) {
            out.append(DefinitionParser.SECTION_SEPARATOR).append('\n')
                    .append("MSG: ").append(dep).append('\n')
                    .append(cache.get(dep).spec().text()).append('\n');
        }
        // genmsg drops the final newline its loop added
        out.setLength(out.length() - 1);
        return out.toString();
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
