package io.codeact.bridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide GraalPy engine: compiled code is shared by all sessions, each session is its own
 * context. Keeps {@link SandboxConfig#warmSessions()} contexts built ahead of demand, so opening a
 * session is fast after the first.
 *
 * <pre>{@code
 * try (SandboxEngine engine = SandboxEngine.create(c -> c.actionTimeout = Duration.ofSeconds(5));
 *      Session session = engine.openSession("episode-1")) {
 *     ActionResult r = session.execute("print(sum(range(10)))");
 * }
 * }</pre>
 *
 * Thread-safe. Closing the engine closes every session.
 */
public final class SandboxEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxEngine.class);
    private static final String PRELUDE_NAME = "<codeact prelude>";
    private static final String BOOT = """
            def __codeact_boot(source, config_json, pre_imports_json):
                import sys, types, json
                module = types.ModuleType("_codeact")
                module.__file__ = "<codeact prelude>"
                module.__codeact_config__ = json.loads(config_json)
                module.__codeact_config__["pre_imports"] = json.loads(pre_imports_json)
                sys.modules["_codeact"] = module
                exec(compile(source, "<codeact prelude>", "exec"), module.__dict__)
                return module
            __codeact_boot
            """;

    private final SandboxConfig config;
    private final Engine engine;
    private final String prelude;
    private final String preludeConfig;
    private final HeapGuard heapGuard;
    private final ExecutorService actionThreads;
    private final ExecutorService warmer;
    private final LinkedBlockingQueue<WarmContext> warm = new LinkedBlockingQueue<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger warming = new AtomicInteger();
    private volatile boolean closed;

    private SandboxEngine(SandboxConfig config) {
        this.config = config;
        this.engine = Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.prelude = readPrelude();
        this.preludeConfig = preludeConfig(config);
        this.heapGuard = new HeapGuard(config.heapKillFraction(), 10, 250);
        this.actionThreads = Executors.newCachedThreadPool(threads("codeact-action", config.actionThreadStackBytes()));
        this.warmer = Executors.newSingleThreadExecutor(threads("codeact-warmup", config.actionThreadStackBytes()));
        refill();
    }

    public static SandboxEngine create(SandboxConfig config) {
        return new SandboxEngine(config);
    }

    public static SandboxEngine create(Consumer<SandboxConfig.Builder> configure) {
        return new SandboxEngine(SandboxConfig.build(configure));
    }

    public SandboxConfig config() {
        return config;
    }

    /** Opens a new session, from the warm pool when one is ready. */
    public Session openSession(String id) {
        if (closed) {
            throw new IllegalStateException("the sandbox engine is closed");
        }
        WarmContext context = warm.poll();
        if (context == null) {
            // built on demand: the caller is waiting, so the common imports are left to the actions
            context = buildContext(List.of());
        }
        Session session = new Session(id, this, context, actionThreads);
        open.add(session);
        refill();
        return session;
    }

    /** Sessions currently open. */
    public int openSessions() {
        return open.size();
    }

    /** Times the heap guard has ended an action. */
    public long memoryKills() {
        return heapGuard.kills();
    }

    HeapGuard heapGuard() {
        return heapGuard;
    }

    void sessionEnded(Session session) {
        open.remove(session);
    }

    /** Blocks until the warm pool is full (used by benchmarks and start-up). */
    public void awaitWarm() throws InterruptedException {
        while (!closed && warm.size() < config.warmSessions()) {
            Thread.sleep(5);
        }
    }

    private void refill() {
        int wanted = config.warmSessions() - warm.size() - warming.get();
        for (int i = 0; i < wanted; i++) {
            warming.incrementAndGet();
            warmer.execute(() -> {
                try {
                    if (!closed) {
                        warm.add(buildContext(config.preImports()));
                    }
                } catch (RuntimeException e) {
                    if (!closed) {  // closing the engine cancels a context being warmed: not an error
                        LOG.error("could not warm a sandbox context; sessions will be built on demand", e);
                    }
                } finally {
                    warming.decrementAndGet();
                }
            });
        }
    }

    private WarmContext buildContext(List<String> preImports) {
        CappedOutput out = new CappedOutput(config.outputCapBytes());
        CappedOutput err = new CappedOutput(config.outputCapBytes());
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowHostClassLookup(name -> false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowInnerContextOptions(false)
                .option("python.PosixModuleBackend", "java")
                .in(new ByteArrayInputStream(new byte[0]))
                .out(out)
                .err(err);
        builder.allowIO(config.helperPaths().isEmpty()
                ? IOAccess.NONE
                : IOAccess.newBuilder().fileSystem(FileSystem.allowInternalResourceAccess(FileSystem.allowLanguageHomeAccess(
                        new ReadOnlyHelperFileSystem(config.helperPaths())))).build());
        Context context = builder.build();
        try {
            Value boot = context.eval(Source.create("python", BOOT));
            Value module = boot.execute(prelude, preludeConfig, preImportsJson(preImports));
            context.eval("python", "del __codeact_boot");
            out.reset();
            err.reset();
            return new WarmContext(context, module, out, err);
        } catch (RuntimeException e) {
            context.close(true);
            throw new IllegalStateException("the sandbox prelude failed; this is a bug in the bridge: " + e.getMessage(), e);
        }
    }

    private static String readPrelude() {
        try (InputStream in = SandboxEngine.class.getResourceAsStream("prelude.py")) {
            if (in == null) {
                throw new IllegalStateException("prelude.py is missing from the codeact jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String preludeConfig(SandboxConfig config) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("recursion_limit", config.recursionLimit());
        c.put("denied_modules", SandboxConfig.DENIED_MODULES);
        c.put("helper_paths", config.helperPaths().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        try {
            return new ObjectMapper().writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String preImportsJson(List<String> modules) {
        try {
            return new ObjectMapper().writeValueAsString(modules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory threads(String prefix, long stackBytes) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + n.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        for (Session s : Set.copyOf(open)) {
            s.close();
        }
        warmer.shutdownNow();
        WarmContext w;
        while ((w = warm.poll()) != null) {
            w.context().close(true);
        }
        actionThreads.shutdownNow();
        heapGuard.close();
        engine.close(true);
    }

}
