package io.codeact.bridge.transport.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Debian's real {@code mosquitto}, started by a test on a free loopback port with a temporary config,
 * and killed by {@link #close()} (use try-with-resources so that happens even when the test fails).
 */
public final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    public static final String NOT_INSTALLED = "Debian's mosquitto is not installed (apt-get install mosquitto, see .ci/run)";

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, int port, boolean persistence, List<String> listenerOptions) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>();
        lines.add("listener " + port + " 127.0.0.1");
        lines.addAll(listenerOptions);
        Files.writeString(config, String.join("\n", lines) + "\n" + String.join("\n",
                // Started as root, mosquitto drops to the user `mosquitto`, which cannot write into this 0700 temp
                // folder: no log and, worse, no persistence file, so "persistent" sessions vanished on restart.
                // Staying the user that runs the test keeps the folder writable (for a non-root user, a no-op).
                "user " + System.getProperty("user.name"),
                "persistence " + persistence,
                "persistence_location " + dir + "/",
                "autosave_interval 0",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "max_queued_messages 100000",
                // mosquitto 2.0.11 with Paho's 3.1.1 client at QoS 2 sends its queue beyond this window only on
                // the client's next keepalive (see docs/MQTT.md); the window is opened so the test measures us.
                "max_inflight_messages 1000",
                ""));
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts a broker with its own temporary folder; with {@code persistence}, sessions survive a graceful stop. */
    public static Mosquitto start(boolean persistence) {
        return start(persistence, dir -> List.of("allow_anonymous true"));
    }

    /**
     * Starts a broker whose listener takes {@code listenerOptions} (config lines written right after the
     * {@code listener} line, in place of {@code allow_anonymous true}), given the broker's temporary folder so
     * that they can put files there first (certificates, a password file).
     */
    public static Mosquitto start(boolean persistence, Function<Path, List<String>> listenerOptions) {
        try {
            Path dir = Files.createTempDirectory("mosquitto-test-");
            Mosquitto m = new Mosquitto(dir, freePort(), persistence, listenerOptions.apply(dir));
            m.launch();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    /** The broker's temporary folder (config, log, files the listener options put there). */
    public Path dir() {
        return dir;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the broker vanishes without saving anything. */
    public void kill() {
        process.destroyForcibly();
        await(process);
    }

    /** SIGTERM: the broker saves its persistence file and exits. */
    void stop() {
        process.destroy();
        await(process);
    }

    /** Starts again on the same port with the same config (and persistence file). */
    void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + Files.readString(dir.resolve("stdout.txt"))
                        + (Files.exists(dir.resolve("mosquitto.log")) ? Files.readString(dir.resolve("mosquitto.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within 10 s");
    }

    private static void await(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
