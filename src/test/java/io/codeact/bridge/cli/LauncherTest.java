package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/codeact} script with fake JDK homes to check how it picks a JDK. */
class LauncherTest {
    private static final Path LAUNCHER = Paths.get("bin/codeact").toAbsolutePath();

    @TempDir
    Path jvms;

    record Result(int code, String out, String err) {}

    private Path fakeJdk(String dir, String version) throws IOException {
        Path home = jvms.resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(concat(LAUNCHER.toString(), args));
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("CODEACT_JVM_ROOTS", jvms.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static List<String> concat(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.stream.Stream.of(rest)).toList();
    }

    @Test
    void prefersJavaHomeWhenItIsNewEnough() throws Exception {
        Path jdk21 = fakeJdk("custom-21", "21.0.4");
        fakeJdk("temurin-25", "25.0.3");
        Result r = launch(Map.of("JAVA_HOME", jdk21.toString()), "--print-jdk");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(jdk21.toString());
    }

    @Test
    void skipsJavaHomeOlderThan21AndPicksNewestInstalledJdk() throws Exception {
        Path jdk17 = fakeJdk("java-17-openjdk", "17.0.15");
        fakeJdk("jdk-21", "21.0.4");
        Path jdk25 = fakeJdk("temurin-25", "25.0.3");
        Result r = launch(Map.of("JAVA_HOME", jdk17.toString()), "--print-jdk");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(jdk25.toString());
    }

    @Test
    void readsOldStyleVersionStrings() throws Exception {
        fakeJdk("java-8", "1.8.0_402");
        Path jdk22 = fakeJdk("jdk-22", "22");
        assertThat(launch(Map.of(), "--print-jdk").out()).isEqualTo(jdk22.toString());
    }

    @Test
    void failsClearlyWhenNoJdk21IsInstalled() throws Exception {
        fakeJdk("java-17-openjdk", "17.0.15");
        Result r = launch(Map.of(), "--help");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("codeact: no JDK >= 21 found").contains("set JAVA_HOME");
    }
}
