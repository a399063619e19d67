package io.codeact.bridge.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets {@code codeact stop} and {@code codeact resume} reach every controller running on this machine,
 * with no broker or ROS master needed: each controller process listens on a Unix domain socket
 * {@code <run dir>/controller-<pid>.sock} ({@code $CODEACT_RUN_DIR}, default {@code ~/.codeact/run}).
 * One line in, one line out: {@code stop <who>}, {@code resume <who>}, {@code status}. A stop is carried
 * out on the connection's thread at once: no queue, no model.
 */
public final class ControlServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final StopLatch latch;
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(ServerSocketChannel server, Path socket, StopLatch latch) {
        this.server = server;
        this.socket = socket;
        this.latch = latch;
        this.acceptor = Thread.ofPlatform().daemon().name("codeact-control").start(this::acceptLoop);
    }

    /** The directory the sockets live in. */
    public static Path runDir() {
        String env = System.getenv("CODEACT_RUN_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".codeact", "run");
    }

    /**
     * Listens for this process in {@code dir}.
     *
     * @throws IOException when the directory cannot be made or the socket not bound
     */
    public static ControlServer start(StopLatch latch, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path socket = dir.resolve("controller-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        socket.toFile().deleteOnExit();
        return new ControlServer(server, socket, latch);
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            try (SocketChannel ch = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(ch);
                String line = in.readLine();
                String reply = handle(line == null ? "" : line.strip());
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private String handle(String line) {
        String verb = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String who = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).strip() : "";
        long pid = ProcessHandle.current().pid();
        switch (verb) {
            case "stop" -> {
                try {
                    latch.stop(who.isEmpty() ? "codeact stop" : who);
                    return "ok stopped pid " + pid;
                } catch (RuntimeException e) {
                    return "error pid " + pid + ": stop latched, but halting failed: " + e.getMessage();
                }
            }
            case "resume" -> {
                if (who.isEmpty()) {
                    return "error pid " + pid + ": resume needs the name of the person resuming";
                }
                latch.resume(who);
                return "ok resumed pid " + pid + " by " + who;
            }
            case "status" -> {
                StopLatch.State s = latch.state();
                return "ok pid " + pid + (s.stopped() ? " stopped by " + s.by() + " at " + s.at() : " running");
            }
            default -> {
                return "error pid " + pid + ": unknown request '" + verb + "'; use stop WHO, resume WHO or status";
            }
        }
    }

    /**
     * Sends one request to every controller socket in {@code dir} and returns their replies. Sockets of
     * processes that are gone are deleted.
     */
    public static List<String> sendAll(Path dir, String request) throws IOException {
        List<String> replies = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return replies;
        }
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "controller-*.sock")) {
            for (Path s : sockets) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(s))) {
                    OutputStream out = Channels.newOutputStream(ch);
                    out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                    String reply = in.readLine();
                    replies.add(reply == null ? "error " + s.getFileName() + ": no reply" : reply);
                } catch (IOException e) {
                    Files.deleteIfExists(s); // its process is gone (connection refused)
                }
            }
        }
        return replies;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.interrupt();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // a stale socket is cleaned up by the next sendAll
        }
    }
}
