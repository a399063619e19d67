package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's ROS 1 Python tools for the interop tests: {@code rosmsg}, {@code rossrv} and helper scripts. */
public final class RosPython {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final String NOT_INSTALLED = "rosmsg and rospy are not installed (Debian packages ros-core python3-rosmsg"
            + " python3-rospy and the message packages, see .ci/run); skipping the comparison with Debian's ROS";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RosPython() {
    }

    /** Whether {@code rosmsg} is on the PATH and {@code /usr/bin/python3} can import rospy's message machinery. */
    static boolean installed() {
        boolean rosmsg = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "rosmsg")));
        if (!rosmsg || !Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            run(List.of(PYTHON.toString(), "-c", "import genpy, genpy.dynamic, roslib.message, rospy"), "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Runs a script from this package's test resources with {@code input} on stdin and parses its JSON output. */
    static JsonNode script(String name, String input) {
        try {
            Path script = Path.of(RosPython.class.getResource(name).toURI());
            return JSON.readTree(run(List.of(PYTHON.toString(), script.toString()), input));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot run " + name, e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to completion; fails the test with its stderr if it exits non-zero. */
    static String run(List<String> command, String input) {
        try {
            Path in = Files.createTempFile("ros-in", ".txt");
            Path out = Files.createTempFile("ros-out", ".txt");
            Path err = Files.createTempFile("ros-err", ".txt");
            try {
                Files.writeString(in, input);
                Process process = new ProcessBuilder(new ArrayList<>(command)).redirectInput(in.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
