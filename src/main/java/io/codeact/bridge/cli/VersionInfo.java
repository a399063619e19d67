package io.codeact.bridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code codeact --version}: project version, GraalPy version, the JVM and whether the Graal JIT is on. */
final class VersionInfo implements CommandLine.IVersionProvider {
    static Properties properties() {
        Properties props = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/io/codeact/bridge/version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties from the codeact jar", e);
        }
        return props;
    }

    @Override
    public String[] getVersion() {
        Properties props = properties();
        return new String[] {
            "codeact " + props.getProperty("version", "unknown"),
            "GraalPy " + props.getProperty("graalpy", "unknown"),
            "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (Graal JIT " + System.getProperty("codeact.jit", "unknown") + ")",
        };
    }
}
