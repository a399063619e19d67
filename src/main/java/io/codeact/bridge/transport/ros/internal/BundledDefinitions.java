package io.codeact.bridge.transport.ros.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard definitions shipped in this jar under {@code io/codeact/bridge/transport/ros/definitions/}
 * (listed in its {@code index.txt}), parsed once per JVM and shared: specs are immutable.
 */
public final class BundledDefinitions {
    static final String BASE = "/io/codeact/bridge/transport/ros/definitions/";

    /** All bundled definitions. */
    public record Bundle(List<MessageSpec> messages, List<ServiceSpec> services) {
    }

    private static final class Holder {
        static final Bundle BUNDLE = load();
    }

    private BundledDefinitions() {
    }

    /**
     * @throws IllegalStateException if the jar lacks a listed file or a bundled file does not parse: a build defect,
     *                               which {@code MessageRegistryTest} catches first
     */
    public static Bundle get() {
        return Holder.BUNDLE;
    }

    /** The paths listed in {@code index.txt}, like {@code nav_msgs/msg/Odometry.msg}. */
    public static List<String> index() {
        return read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static Bundle load() {
        List<MessageSpec> messages = new ArrayList<>();
        List<ServiceSpec> services = new ArrayList<>();
        for (String path : index()) {
            String[] parts = path.split("/");
            if (parts.length != 3 || !parts[2].matches("[A-Za-z][A-Za-z0-9_]*\\.(msg|srv)")) {
                throw new IllegalStateException("bad line in " + BASE + "index.txt: " + path + "; expected pkg/msg/Type.msg or pkg/srv/Type.srv");
            }
            String type = parts[0] + "/" + parts[2].substring(0, parts[2].length() - 4);
            String source = "bundled:" + path;
            try {
                if (path.endsWith(".msg")) {
                    messages.add(DefinitionParser.parseMessage(type, read(path), source));
                } else {
                    services.add(DefinitionParser.parseService(type, read(path), source));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("bundled definition " + source + " is broken: " + e.getMessage(), e);
            }
        }
        return new Bundle(List.copyOf(messages), List.copyOf(services));
    }

    private static String read(String path) {
        try (InputStream in = BundledDefinitions.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BASE + path + " is missing from the jar");
            }
            return DefinitionParser.universalNewlines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BASE + path, e);
        }
    }
}
