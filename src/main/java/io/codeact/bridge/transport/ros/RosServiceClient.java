package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.ServiceConnection;
import java.time.Duration;
import java.util.Map;

/**
 * Calls one service, from {@link RosNode#serviceClient}. A persistent client keeps its connection between
 * calls and reconnects (once per call) when it was lost; otherwise each call looks the server up and
 * connects anew. Calls are serialised: thread-safe, one at a time.
 * <pre>{@code
 * try (RosServiceClient reset = node.serviceClient("/reset", "std_srvs/Trigger")) {
 *     Map<String, Object> answer = reset.call(Map.of(), Duration.ofSeconds(2));   // {success=true, message=...}
 * }
 * }</pre>
 */
public final class RosServiceClient implements AutoCloseable {
    private final RosNode node;
    private final String service;
    private final ServiceType type;
    private final boolean persistent;
    private ServiceConnection connection;

    RosServiceClient(RosNode node, String service, ServiceType type, boolean persistent) {
        this.node = node;
        this.service = service;
        this.type = type;
        this.persistent = persistent;
    }

    public String service() {
        return service;
    }

    public ServiceType type() {
        return type;
    }

    /**
     * Sends {@code request} and waits for the response.
     *
     * @throws ServiceException if no node provides the service, it cannot be reached, its handler failed
     *                          ({@link ServiceException#serverError()}), or {@code timeout} passed
     * @throws TypeMismatchException if the server's type differs from ours
     * @throws MessageValueException if a request value does not fit its field
     */
    public synchronized Map<String, Object> call(Map<String, ?> request, Duration timeout) {
        if (!persistent) {
            try (ServiceConnection once = node.connectService(service, type, false, timeout)) {
                return once.call(request, timeout);
            }
        }
        boolean fresh = connection == null || !connection.isOpen();
        if (fresh) {
            connection = node.connectService(service, type, true, timeout);
        }
        try {
            return connection.call(request, timeout);
        } catch (ServiceException e) {
            if (fresh || e.serverError() != null || connection.isOpen()
                    || e.getCause() instanceof java.net.SocketTimeoutException) {
                throw e;
            }
            // The kept connection had gone stale (server restarted): one new connection, then give up.
            connection = node.connectService(service, type, true, timeout);
            return connection.call(request, timeout);
        }
    }

    /** Closes the kept connection, if any. Idempotent. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
