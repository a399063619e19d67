package io.codeact.bridge.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Limits and set-up shared by every session of a {@link SandboxEngine}.
 *
 * @param actionTimeout wall-clock limit of one action (default 10 s); per-action overrides allowed
 * @param outputCapBytes bytes of stdout and of stderr kept per action (default 64 KiB); the rest is
 *     dropped and counted in a marker
 * @param recursionLimit Python's {@code sys.setrecursionlimit} at session start (default 1000, as CPython)
 * @param helperPaths directories of pure-Python helper modules that actions may import, read-only
 * @param preImports standard-library modules imported in contexts warmed ahead of demand (not in ones built
 *     while a caller waits), so actions do not pay for them
 * @param warmSessions sessions kept built and warmed ahead of demand (default 1)
 * @param heapKillFraction heap use, after a full collection, above which the heap guard ends the
 *     action that allocated most (default 0.80 of the maximum heap)
 * @param actionThreadStackBytes stack size of the threads that run actions (deep recursion needs it)
 */
public record SandboxConfig(
        Duration actionTimeout,
        int outputCapBytes,
        int recursionLimit,
        List<Path> helperPaths,
        List<String> preImports,
        int warmSessions,
        double heapKillFraction,
        long actionThreadStackBytes) {

    /** Modules a code action may not import directly; each gets an ImportError naming the sandbox. */
    public static final List<String> DENIED_MODULES = List.of(
            "socket", "_socket", "ssl", "_ssl", "select", "selectors", "subprocess", "_posixsubprocess",
            "multiprocessing", "_multiprocessing", "concurrent", "threading", "_thread", "signal", "_signal",
            "ctypes", "_ctypes", "asyncio", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib",
            "telnetlib", "socketserver", "xmlrpc", "pty", "tty", "termios", "fcntl", "resource", "mmap",
            "shutil", "tempfile", "importlib", "zipimport", "pkgutil", "runpy", "code", "codeop", "pdb",
            "webbrowser", "sqlite3", "java", "polyglot", "__graalpython__", "posix", "_posixshmem", "_winapi");

    public SandboxConfig {
        if (actionTimeout == null || actionTimeout.isNegative() || actionTimeout.isZero()) {
            throw new IllegalArgumentException("actionTimeout must be positive, got " + actionTimeout);
        }
        if (outputCapBytes < 256) {
            throw new IllegalArgumentException("outputCapBytes must be at least 256, got " + outputCapBytes);
        }
        if (recursionLimit < 50) {
            throw new IllegalArgumentException("recursionLimit must be at least 50, got " + recursionLimit);
        }
        if (!(heapKillFraction > 0.1 && heapKillFraction < 1.0)) {
            throw new IllegalArgumentException("heapKillFraction must be between 0.1 and 1.0, got " + heapKillFraction);
        }
        helperPaths = List.copyOf(helperPaths);
        preImports = List.copyOf(preImports);
    }

    public static SandboxConfig defaults() {
        return build(b -> {});
    }

    public static SandboxConfig build(Consumer<Builder> configure) {
        Builder b = new Builder();
        configure.accept(b);
        return b.build();
    }

    /** Mutable builder; see the record components for meanings and defaults. */
    public static final class Builder {
        public Duration actionTimeout = Duration.ofSeconds(10);
        public int outputCapBytes = 64 * 1024;
        public int recursionLimit = 1000;
        public List<Path> helperPaths = new ArrayList<>();
        public List<String> preImports = new ArrayList<>(List.of(
                "math", "json", "re", "random", "statistics", "collections", "itertools", "functools",
                "dataclasses", "datetime", "heapq", "time"));
        public int warmSessions = 1;
        public double heapKillFraction = 0.80;
        public long actionThreadStackBytes = 64L * 1024 * 1024;

        public SandboxConfig build() {
            return new SandboxConfig(actionTimeout, outputCapBytes, recursionLimit, helperPaths, preImports,
                    warmSessions, heapKillFraction, actionThreadStackBytes);
        }
    }
}
