package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.fail;

import io.codeact.bridge.transport.ros.internal.XmlRpcClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code roscore} on a free port, with its own ROS_HOME and log directory, for one test class.
 * {@link #close()} kills the whole process tree (roslaunch, rosmaster, rosout).
 */
public final class DebianRoscore implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final int port;

    private DebianRoscore(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    public static boolean installed() {
        return onPath("roscore") && onPath("rostopic") && RosPython.installed();
    }

    static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts roscore and waits (at most 30 s) until its master answers. */
    public static DebianRoscore start() throws Exception {
        Path home = Files.createTempDirectory("roscore-home");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("roscore", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("roscore.out").toFile());
        pb.environment().putAll(env(home, "http://127.0.0.1:" + port + "/"));
        DebianRoscore core = new DebianRoscore(pb.start(), home, port);
        try {
            core.awaitMaster(Duration.ofSeconds(30));
        } catch (Throwable t) {
            core.close();
            throw t;
        }
        return core;
    }

    /** The environment a ROS tool needs to use this master, with logs in {@code home}. */
    public static Map<String, String> env(Path home, String masterUri) {
        return Map.of("ROS_HOME", home.toString(), "ROS_LOG_DIR", home.resolve("log").toString(),
                "ROS_MASTER_URI", masterUri, "ROS_IP", "127.0.0.1", "PYTHONUNBUFFERED", "1");
    }

    private void awaitMaster(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        XmlRpcClient client = new XmlRpcClient(uri(), Duration.ofSeconds(2));
        while (true) {
            if (!process.isAlive()) {
                fail("roscore exited with " + process.exitValue() + ":\n" + Files.readString(home.resolve("roscore.out")));
            }
            try {
                client.call("getParam", "/test", "/run_id");
                return; // rosmaster answers, and roslaunch has set /run_id
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    fail("roscore on port " + port + " did not answer within " + timeout + ": " + e.getMessage());
                }
                // poll: the master comes up in a separate process we cannot await any other way
                Thread.sleep(100);
            }
        }
    }

    /** Runs a ROS command-line tool against {@code masterUri} to completion (at most 30 s) and returns its stdout. */
    static String tool(String masterUri, Path home, String... command) throws Exception {
        Path out = Files.createTempFile(home, "tool", ".out");
        Path err = Files.createTempFile(home, "tool", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env(home, masterUri));
        Process p = pb.start();
        try {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not finish in 30 s; stderr:\n" + Files.readString(err));
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + p.exitValue() + "; stdout:\n" + Files.readString(out)
                        + "\nstderr:\n" + Files.readString(err));
            }
            return Files.readString(out);
        } finally {
            Processes.killTree(p);
        }
    }

    String tool(String... command) throws Exception {
        return tool(uri(), home, command);
    }

    public String uri() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        Processes.killTree(process);
    }
}
