package io.codeact.bridge.sandbox;

/** How a code action ended. The JSON form is the lower-case name. */
public enum ActionStatus {
    /** Ran to the end. */
    OK,
    /** Raised a Python exception (including a syntax error); see {@link ActionResult#error()}. */
    ERROR,
    /** Interrupted at its wall-clock limit; the session and its variables remain. */
    TIMEOUT,
    /** Ended by the heap guard (or a Python {@code MemoryError}) for allocating without bound. */
    MEMORY,
    /** Called {@code sys.exit()}, {@code quit()} or {@code os._exit()}. */
    EXIT;

    /** The lower-case name used in JSON output. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
