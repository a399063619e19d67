package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/** One method an {@link XmlRpcServer} serves. Throwing {@link XmlRpcFault} answers with that fault. */
@FunctionalInterface
public interface XmlRpcMethod {
    Object call(List<Object> params);
}
