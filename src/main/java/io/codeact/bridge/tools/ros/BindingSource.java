package io.codeact.bridge.tools.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.YamlLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a tool's {@code binding.ros} keys are written, for {@code file:line} errors: the declaration
 * knows the line of the tool; this reads its file again to find the line of each key. When the file
 * cannot be read (declarations built in code), the tool's own line is used.
 */
final class BindingSource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final int toolLine;
    private final YamlLines lines;
    private final String pointer;

    private BindingSource(String file, int toolLine, YamlLines lines, String pointer) {
        this.file = file;
        this.toolLine = toolLine;
        this.lines = lines;
        this.pointer = pointer;
    }

    static BindingSource of(ToolDeclaration tool) {
        String source = tool.source();
        int colon = source.lastIndexOf(':');
        String file = colon > 0 ? source.substring(0, colon) : source;
        int line = 1;
        try {
            line = colon > 0 ? Integer.parseInt(source.substring(colon + 1)) : 1;
            String text = Files.readString(Path.of(file));
            JsonNode tools = YAML.readTree(text).path("tools");
            for (int i = 0; i < tools.size(); i++) {
                if (tool.id().equals(tools.get(i).path("id").asText())) {
                    return new BindingSource(file, line, new YamlLines(text), "/tools/" + i + "/binding/ros");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable declaration file: report the tool's line
        }
        return new BindingSource(file, line, null, null);
    }

    /** {@code file:line} of the key ({@code null} for the ros mapping itself, {@code "fields/linear.x"} for nested keys). */
    String at(String key) {
        if (lines == null) {
            return file + ":" + toolLine;
        }
        return file + ":" + lines.line(key == null ? pointer : pointer + "/" + key);
    }
}
