package io.codeact.bridge.transport.mqtt;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A bridge in its own JVM, for the last-will test: connects, says READY, and waits to be killed. */
public final class BridgeProcess {
    private BridgeProcess() {}

    public static void main(String[] args) throws Exception {
        MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(args[0]).prefix(args[1]).protocol(MqttProtocol.valueOf(args[2])));
        System.out.println("READY " + t.endpoint());
        System.out.flush();
        Thread.sleep(60_000); // bounded: the test kills this process long before
        t.close();
    }

    /** Starts it; returns once it has connected. */
    static Process start(String url, String prefix, MqttProtocol protocol) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), BridgeProcess.class.getName(), url, prefix, protocol.name())
                .redirectErrorStream(true).start();
        var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> in.lines().forEach(l -> {}), "bridge-process-drain");
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the bridge process exited before connecting:\n" + seen);
    }
}
