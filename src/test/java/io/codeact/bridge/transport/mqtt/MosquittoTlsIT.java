package io.codeact.bridge.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS and username/password against Debian's mosquitto: a TLS-only listener with a certificate from a CA
 * made for the test by {@code openssl}, anonymous clients refused, one user in a {@code mosquitto_passwd} file.
 */
class MosquittoTlsIT {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final String USER = "bridge";
    private static final String PASSWORD = "s3cret-for-the-test";

    private static Mosquitto broker;
    private static SSLContext trustingTheTestCa;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed (apt-get install openssl)");
        assumeTrue(Files.isExecutable(MOSQUITTO_PASSWD), "mosquitto_passwd is not installed (it comes with apt-get install mosquitto)");
        broker = Mosquitto.start(false, dir -> {
            makeCertificates(dir);
            run(dir, MOSQUITTO_PASSWD.toString(), "-c", "-b", dir.resolve("passwd").toString(), USER, PASSWORD);
            return List.of(
                    "cafile " + dir.resolve("ca.crt"),
                    "certfile " + dir.resolve("server.crt"),
                    "keyfile " + dir.resolve("server.key"),
                    "allow_anonymous false",
                    "password_file " + dir.resolve("passwd"));
        });
        trustingTheTestCa = trusting(broker.dir().resolve("ca.crt"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void messagesTravelOverTlsWithAPassword(MqttProtocol protocol) {
        String topic = "codeact/tls/" + protocol;
        Recorder<TransportMessage> received = Recorder.messages();
        try (MqttTransport subscriber = connect(protocol, PASSWORD, trustingTheTestCa);
                MqttTransport publisher = connect(protocol, PASSWORD, trustingTheTestCa)) {
            assertThat(subscriber.endpoint()).isEqualTo(url());
            subscriber.subscribe(topic, "json", received.handler());
            publisher.publish(topic, "json", Map.of("n", 42, "over", "tls"));
            TransportMessage m = received.await(x -> x.topic().equals(topic), Duration.ofSeconds(10), "the message on " + topic);
            assertThat(((Number) m.fields().get("n")).intValue()).isEqualTo(42);
            assertThat(m.fields()).containsEntry("over", "tls");
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void aWrongPasswordIsRefusedWithAClearMessage(MqttProtocol protocol) {
        assertThatThrownBy(() -> connect(protocol, "not-the-password", trustingTheTestCa).close())
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("the MQTT broker at " + url() + " (" + name(protocol) + ") refused the credentials")
                .hasMessageContaining("Check the username ('bridge') and password");
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void noCredentialsAreRefusedWithAClearMessage(MqttProtocol protocol) {
        assertThatThrownBy(() -> MqttTransport.connect(c -> c.brokerUrl(url()).protocol(protocol).sslContext(trustingTheTestCa)
                        .connectTimeout(Duration.ofSeconds(5))).close())
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("the MQTT broker at " + url() + " (" + name(protocol) + ") refused the credentials")
                .hasMessageContaining("Check the username (none given) and password (none given)");
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void aClientThatDoesNotTrustTheCaGetsAClearTlsError(MqttProtocol protocol) {
        // No sslContext: the JVM's default trust store, which does not know the test's CA.
        assertThatThrownBy(() -> connect(protocol, PASSWORD, null).close())
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("the TLS handshake with the MQTT broker at " + url() + " (" + name(protocol) + ") failed: ")
                .hasMessageContaining("signed by a CA the client trusts")
                .satisfies(e -> assertThat(hasCause(e, SSLHandshakeException.class)).as("an SSLHandshakeException among the causes").isTrue())
                .satisfies(e -> assertThat(hasCause(e, CertPathBuilderException.class)).as("the certificate path is the problem").isTrue());
    }

    private static MqttTransport connect(MqttProtocol protocol, String password, SSLContext ssl) {
        return MqttTransport.connect(c -> c.brokerUrl(url()).protocol(protocol).sslContext(ssl).username(USER).password(password)
                .connectTimeout(Duration.ofSeconds(5)));
    }

    private static String name(MqttProtocol protocol) {
        return protocol == MqttProtocol.V5 ? "MQTT 5" : "MQTT 3.1.1";
    }

    private static String url() {
        return "mqtts://127.0.0.1:" + broker.port();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** An SSLContext that trusts exactly the CA in {@code caPem}: JDK only. */
    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("codeact-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** A CA and a server certificate it signs, valid for 127.0.0.1 and localhost. */
    private static void makeCertificates(Path dir) {
        try {
            Files.writeString(dir.resolve("openssl.cnf"), String.join("\n",
                    "[req]",
                    "distinguished_name = dn",
                    "prompt = no",
                    "[dn]",
                    "CN = unused",
                    "[ca_ext]",
                    "basicConstraints = critical, CA:TRUE",
                    "keyUsage = critical, keyCertSign, cRLSign",
                    "subjectKeyIdentifier = hash",
                    "[server_ext]",
                    "basicConstraints = CA:FALSE",
                    "keyUsage = critical, digitalSignature, keyEncipherment",
                    "extendedKeyUsage = serverAuth",
                    "subjectAltName = IP:127.0.0.1, DNS:localhost",
                    "authorityKeyIdentifier = keyid",
                    ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String ssl = OPENSSL.toString();
        run(dir, ssl, "req", "-x509", "-config", "openssl.cnf", "-extensions", "ca_ext", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=codeact test CA");
        run(dir, ssl, "req", "-new", "-config", "openssl.cnf", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        run(dir, ssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", "2",
                "-days", "2", "-extfile", "openssl.cnf", "-extensions", "server_ext", "-out", "server.crt");
    }

    private static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", new ArrayList<>(List.of(command))) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
