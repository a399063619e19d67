package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * A message type with everything looked up: its MD5 sum, the full {@code message_definition} text and the
 * compiled codec. Immutable.
 *
 * @param spec         the parsed definition
 * @param md5          the MD5 sum as 32 lowercase hex digits, equal to genmsg's
 * @param md5Text      the text the MD5 is taken of (constants, then fields, message types replaced by their MD5)
 * @param definition   the full text: this type's text, then each dependency's after a separator and {@code MSG: pkg/Type}
 * @param dependencies every message type used, directly or not, in first-use depth-first order (genmsg's order)
 * @param codec        the compiled codec
 */
public record ResolvedMessage(MessageSpec spec, String md5, String md5Text, String definition, List<String> dependencies,
                              MessageCodec codec) {
    public ResolvedMessage {
        dependencies = List.copyOf(dependencies);
    }
}
