package io.codeact.bridge.transport.ros;

import java.util.Map;

/**
 * Answers the calls of a service this node provides: takes the decoded request, returns the response fields
 * (missing fields are sent as zero values). Throwing sends the exception's message back to the caller as
 * the service's error (rospy raises it as {@code ServiceException}); the node keeps serving. Called on the
 * client connection's thread: calls from different clients may run concurrently.
 */
@FunctionalInterface
public interface ServiceHandler {
    Map<String, ?> handle(Map<String, Object> request) throws Exception;
}
