package io.codeact.bridge.llm;

import java.util.Map;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One resolved option and where it came from (an option, an environment variable, the default), so
 * error messages can say which one to fix.
 */
record Setting(String value, String source) {

    /** The first non-blank of the option, the environment variable and the default; null if all are blank. */
    static Setting first(String option, String optionName, Map<String, String> env, String variable, String fallback) {
        if (option != null && !option.isBlank()) {
            return new Setting(option.strip(), "the " + optionName + " option");
        }
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Setting(fromEnv.strip(), variable);
        }
        return fallback == null ? null : new Setting(fallback, "the default");
    }

    /** This setting as an http(s) base URL, without a trailing slash. */
    URI asBaseUrl(ModelSpec spec, String example) {
        String text = value;
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getQuery() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below with the setting's source
        }
        throw new ModelException(ModelException.Kind.CONFIG, spec + ": base URL '" + value + "' (from " + source
                + ") is not an http:// or https:// URL; write e.g. " + example);
    }

    /** The URL of an API path under a base URL, e.g. {@code chat/completions}. */
    static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }
}
