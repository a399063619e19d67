package io.codeact.bridge.transport.mqtt.internal;

/** Error texts shared by the two Paho links. */
final class Failures {
    private Failures() {}

    static String connectFailed(String serverUri, String protocol, Exception e) {
        String reason = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            reason = reason + ": " + cause.getMessage();
        }
        return "cannot connect to the MQTT broker at " + serverUri + " (" + protocol + "): " + reason
                + ". Check that a broker runs there (start one with `codeact mqtt broker --port N`, or give no"
                + " broker URL to use the embedded one), and its TLS and credentials settings.";
    }
}
