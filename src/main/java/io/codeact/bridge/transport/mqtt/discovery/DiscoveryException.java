package io.codeact.bridge.transport.mqtt.discovery;

/** A discovery payload is invalid; {@link #problem()} names the topic and the field. */
public final class DiscoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DiscoveryProblem problem;

    public DiscoveryException(DiscoveryProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public DiscoveryProblem problem() {
        return problem;
    }
}
