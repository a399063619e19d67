package io.codeact.bridge.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Expands {@code $(…)} in a launch file's text values, ROS style:
 * {@code $(arg NAME)}, {@code $(env NAME)}, {@code $(env NAME default words)}, {@code $(optenv NAME)} (empty
 * when unset), {@code $(optenv NAME default)}, {@code $(dirname)} (the launch file's folder) and
 * {@code $(home)} (the checkout: robot-tools/, simulations/). Anything else in {@code $(…)} is an error;
 * {@code $$(} stands for a literal {@code $(}, e.g. a shell's command substitution in a process command.
 */
final class Substitution {
    /** An expansion that cannot be made; the message says why and what to do, without the location. */
    static final class Problem extends Exception {
        /** A follow-on of a problem reported elsewhere (an arg declared without a value): not reported again. */
        final boolean followOn;

        Problem(String message) {
            this(message, false);
        }

        Problem(String message, boolean followOn) {
            super(message);
            this.followOn = followOn;
        }
    }

    private final Map<String, String> args;
    private final Function<String, String> env;
    private final Path dirname;
    private final Path home;

    /**
     * @param args the args in scope (declared ones; one declared without a value maps to null)
     * @param env the environment as the file sees it (its {@code env} blocks over the process's)
     */
    Substitution(Map<String, String> args, Function<String, String> env, Path dirname, Path home) {
        this.args = args;
        this.env = env;
        this.dirname = dirname;
        this.home = home;
    }

    String expand(String text) throws Problem {
        if (!text.contains("$(")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("$(", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '$') {
                out.append(text, i, start - 1).append("$("); // $$( is a literal $( (shell command substitution)
                i = start + 2;
                continue;
            }
            out.append(text, i, start);
            int end = text.indexOf(')', start);
            if (end < 0) {
                throw new Problem("'" + text + "' has a '$(' without its closing ')'");
            }
            out.append(one(text.substring(start + 2, end).strip()));
            i = end + 1;
        }
        return out.toString();
    }

    private String one(String expression) throws Problem {
        String[] words = expression.split("\\s+", 3);
        String command = words[0];
        switch (command) {
            case "arg" -> {
                if (words.length != 2) {
                    throw new Problem("write $(arg NAME), got $(" + expression + ")");
                }
                if (!args.containsKey(words[1])) {
                    throw new Problem("$(arg " + words[1] + ") names an arg this file does not declare (above this use); "
                            + "declare it under 'args:'" + (args.isEmpty() ? "" : " (declared: "
                            + String.join(", ", new java.util.TreeSet<>(args.keySet())) + ")"));
                }
                String value = args.get(words[1]);
                if (value == null) {
                    throw new Problem("arg " + words[1] + " has no value", true); // reported where it is declared
                }
                return value;
            }
            case "env", "optenv" -> {
                if (words.length < 2) {
                    throw new Problem("write $(" + command + " NAME) or $(" + command + " NAME default), got $(" + expression + ")");
                }
                String value = env.apply(words[1]);
                if (value != null) {
                    return value;
                }
                if (words.length == 3) {
                    return words[2];
                }
                if (command.equals("optenv")) {
                    return "";
                }
                throw new Problem("environment variable " + words[1] + " is not set; set it, or give a default: $(env "
                        + words[1] + " DEFAULT), or use $(optenv " + words[1] + ") for an empty value");
            }
            case "dirname" -> {
                return dirname.toString();
            }
            case "home" -> {
                return home.toString();
            }
            default -> throw new Problem("unknown substitution $(" + expression + "); use $(arg NAME), $(env NAME [default]), "
                    + "$(optenv NAME [default]), $(dirname) or $(home)");
        }
    }
}
