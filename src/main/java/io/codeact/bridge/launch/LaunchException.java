package io.codeact.bridge.launch;

import java.util.List;
import java.util.Set;

/**
 * A launch file that cannot be used: every problem found in it (and in the files it includes), each a
 * line of the form {@code file:line: what is wrong; what to do}. The message lists them all.
 */
public final class LaunchException extends RuntimeException {
    private final List<String> problems;
    private final Set<String> pendingTypes;

    public LaunchException(List<String> problems) {
        this(problems, Set.of());
    }

    LaunchException(List<String> problems, Set<String> pendingTypes) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
        this.pendingTypes = Set.copyOf(pendingTypes);
    }

    /** Each problem, {@code file:line: message}, in the order found. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The node types the file uses that are announced but not registered yet ({@link NodeTypes#pending});
     * each is one of {@link #problems()}. Empty when every type used is registered.
     */
    public Set<String> pendingTypes() {
        return pendingTypes;
    }
}
