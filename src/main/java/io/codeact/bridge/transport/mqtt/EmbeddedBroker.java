package io.codeact.bridge.transport.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.codeact.bridge.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An MQTT 5 broker in this process (HiveMQ Community Edition, embedded): the default when no broker URL
 * is given, the broker of tests and of {@code codeact mqtt broker}. Sessions and retained messages live in
 * memory and end with the broker. Anonymous clients are allowed; by default it listens on loopback only.
 *
 * <p>Starting takes a few seconds (see docs/MQTT.md for the measurements); start one and share it.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {        // 0: a free port
 *     MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(broker.url()));
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final int START_ATTEMPTS = 3;

    private final EmbeddedHiveMQ hivemq;
    private final String host;
    private final int port;
    private final Path home;
    private volatile boolean stopped;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, String host, int port, Path home) {
        this.hivemq = hivemq;
        this.host = host;
        this.port = port;
        this.home = home;
    }

    private static EmbeddedBroker shared;

    /**
     * One embedded broker for this process, on a free loopback port, started at the first call and stopped when
     * the JVM exits: for bindings that need a broker and were given none (starting HiveMQ costs seconds, so
     * successive episodes share it). Never close it yourself.
     */
    public static synchronized EmbeddedBroker shared() {
        if (shared == null) {
            EmbeddedBroker broker = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-broker-stop"));
            shared = broker;
        }
        return shared;
    }

    /** Starts on {@code 127.0.0.1:port}; {@code 0} picks a free port. */
    public static EmbeddedBroker start(int port) {
        return start("127.0.0.1", port);
    }

    /**
     * Starts on {@code bindAddress:port} ({@code 0.0.0.0} for every interface) and waits until it accepts
     * connections.
     *
     * @throws TransportException if it cannot start, e.g. the port is taken; the message says which
     */
    public static EmbeddedBroker start(String bindAddress, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 picks a free one), got " + port);
        }
        quietHiveMqLogging();
        TransportException last = null;
        // A free port found by probing can be taken by someone else before HiveMQ binds it: try again.
        for (int attempt = 0; attempt < (port == 0 ? START_ATTEMPTS : 1); attempt++) {
            int chosen = port == 0 ? freePort(bindAddress) : port;
            try {
                return startOn(bindAddress, chosen);
            } catch (TransportException e) {
                last = e;
            }
        }
        throw last;
    }

    private static EmbeddedBroker startOn(String bindAddress, int port) {
        Path home;
        try {
            home = Files.createTempDirectory("codeact-broker-");
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(home.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port, bindAddress));
        } catch (IOException e) {
            throw new TransportException("cannot prepare the embedded MQTT broker's folder: " + e.getMessage(), e);
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withoutLoggingBootstrap()
                .withConfigurationFolder(home.resolve("conf")).withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions")).build();
        EmbeddedBroker broker = new EmbeddedBroker(hivemq, bindAddress, port, home);
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            broker.close();
            throw new TransportException("the embedded MQTT broker did not start on " + bindAddress + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
            throw new TransportException("interrupted while starting the embedded MQTT broker", e);
        }
        // HiveMQ reports a listener that failed to bind only in its log: check that the port answers.
        if (!accepts(bindAddress, port)) {
            broker.close();
            throw new TransportException("the embedded MQTT broker could not listen on " + bindAddress + ":" + port
                    + " (is the port taken? pick another with --port, or 0 for a free one)");
        }
        return broker;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code mqtt://host:port}, for {@link MqttConfig.Builder#brokerUrl(String)}. */
    public String url() {
        String h = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return "mqtt://" + h + ":" + port;
    }

    /** Stops the broker (connected clients see their connection drop) and deletes its folder. Idempotent. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (ExecutionException | TimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedBroker.class).warn("the embedded MQTT broker on port {} did not stop cleanly", port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(home);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + url() + "]";
    }

    private static int freePort(String bindAddress) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bindAddress, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + bindAddress, e);
        }
    }

    private static boolean accepts(String bindAddress, int port) {
        String h = "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(h, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** HiveMQ logs its start-up banner at INFO; keep its loggers at WARN unless the user chose a level. */
    private static void quietHiveMqLogging() {
        for (String logger : new String[] {"com.hivemq", "migrations", "org.jboss", "io.netty", "oshi"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedBroker.class).warn("cannot delete the embedded broker's folder {}", root, e);
        }
    }
}
