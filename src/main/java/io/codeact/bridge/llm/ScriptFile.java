package io.codeact.bridge.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a scripted model's file: a mapping with one key, {@code replies}, a list of reply texts, in
 * YAML (or JSON for a {@code .json} file). Errors name the file, line and column.
 */
final class ScriptFile {
    private ScriptFile() {
    }

    /** @throws ModelException of kind CONFIG naming {@code file:line:column} and what to write instead */
    static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(ModelException.Kind.CONFIG, "scripted model file " + file + " not found (looked at "
                    + file.toAbsolutePath().normalize() + "); write the path as scripted:FILE, relative to the working directory");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            return replies(parser, file);
        } catch (ModelException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ModelException(ModelException.Kind.CONFIG, 0, where(file, e.getLocation()) + ": not valid "
                    + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage().strip(), e);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONFIG, 0, "scripted model file " + file + " could not be read: " + e, e);
        }
    }

    private static List<String> replies(JsonParser parser, Path file) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw bad(file, parser, "expected a mapping with a 'replies' list at the top, got " + describe(token)
                    + "; write:\nreplies:\n  - |\n    first reply\n  - |\n    second reply");
        }
        List<String> replies = null;
        JsonLocation listAt = null;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!key.equals("replies")) {
                throw bad(file, parser, "unknown key '" + key + "'; a script has only 'replies', a list of reply texts");
            }
            if (replies != null) {
                throw bad(file, parser, "'replies' appears twice; keep one list");
            }
            listAt = parser.currentTokenLocation();
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw bad(file, parser, "'replies' must be a list of reply texts, got " + describe(parser.currentToken()));
            }
            replies = new ArrayList<>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_STRING) {
                    throw bad(file, parser, "reply " + (replies.size() + 1) + " must be text, got " + describe(token)
                            + "; write each reply as a string (in YAML: '- |' and the reply indented on the lines below)");
                }
                replies.add(parser.getText());
            }
        }
        if (replies == null) {
            throw bad(file, parser, "no 'replies' list; a script is a mapping with a 'replies' list of reply texts");
        }
        if (replies.isEmpty()) {
            throw new ModelException(ModelException.Kind.CONFIG, where(file, listAt) + ": 'replies' is empty; record at least one reply");
        }
        return replies;
    }

    private static ModelException bad(Path file, JsonParser parser, String problem) {
        return new ModelException(ModelException.Kind.CONFIG, where(file, parser.currentTokenLocation()) + ": " + problem);
    }

    private static String where(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file.toString();
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number (quote it to make it text)";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (quote it to make it text)";
            case VALUE_NULL -> "an empty item";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
