package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A rospy node run from {@code rospy_peer.py} with {@code /usr/bin/python3}: its stdout lines are queued as
 * JSON for the test to await. {@link #close()} kills it.
 */
public final class RospyPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;

    private RospyPeer(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    /** Starts the script with {@code args} against {@code masterUri}; waits for READY unless the mode prints none. */
    public static RospyPeer start(String masterUri, Path home, String... args) throws Exception {
        RospyPeer peer = launch(masterUri, home, args);
        peer.expectLine("\"READY\"", Duration.ofSeconds(30));
        return peer;
    }

    /** Starts the script without waiting for READY (for modes that print only a result). */
    public static RospyPeer launch(String masterUri, Path home, String... args) throws IOException, URISyntaxException {
        Path script = Path.of(RospyPeer.class.getResource("rospy_peer.py").toURI());
        List<String> command = new ArrayList<>(List.of(RosPython.PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(home, "rospy", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().putAll(DebianRoscore.env(home, masterUri));
        return new RospyPeer(pb.start(), log);
    }

    /** The next stdout line, parsed as JSON. */
    public JsonNode next(Duration timeout) throws Exception {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail("rospy peer printed nothing within " + timeout + (process.isAlive() ? "" : " (it exited with "
                    + process.exitValue() + ")") + "; its stderr:\n" + Files.readString(log));
        }
        return JSON.readTree(line);
    }

    private void expectLine(String expected, Duration timeout) throws Exception {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!expected.equals(line)) {
            String err = Files.readString(log);
            close();
            fail("rospy peer did not get ready (got " + line + "); its stderr:\n" + err);
        }
    }

    String stderr() throws IOException {
        return Files.readString(log);
    }

    /** Kills the node without letting it unregister, like a crash. */
    public void kill() {
        Processes.killTree(process);
    }

    @Override
    public void close() {
        Processes.killTree(process);
    }
}
