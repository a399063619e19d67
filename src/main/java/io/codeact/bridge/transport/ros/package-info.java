/**
 * ROS 1 in pure Java: what a robotics engineer knows as "the ROS side" of the bridge.
 *
 * <p>So far this package owns <b>messages at runtime</b>: {@link io.codeact.bridge.transport.ros.MessageRegistry}
 * loads {@code .msg}/{@code .srv} definitions (bundled standard sets, a ROS install, or text), and gives
 * {@link io.codeact.bridge.transport.ros.MessageType} and {@link io.codeact.bridge.transport.ros.ServiceType}:
 * the MD5 sums and {@code message_definition} texts genmsg would compute, and serialisation between the ROS 1
 * wire format and Java maps. {@link io.codeact.bridge.transport.ros.Time} and
 * {@link io.codeact.bridge.transport.ros.Duration} are the ROS time values. The exceptions say which side is
 * wrong: a definition ({@code MessageDefinitionException}), a Java value ({@code MessageValueException}),
 * received bytes ({@code MalformedMessageException}) or the two ends of a connection
 * ({@code TypeMismatchException}).
 *
 * <p>The master and slave APIs, TCPROS and services (issue 8) will live here too; how bytes move stays in
 * {@code internal}, which nothing outside this package imports.
 */
package io.codeact.bridge.transport.ros;
