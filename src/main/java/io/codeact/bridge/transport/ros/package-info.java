/**
 * ROS 1 in pure Java: what a robotics engineer knows as "the ROS side" of the bridge. Debian's roscore,
 * rostopic and rospy nodes see our nodes as ordinary ROS nodes.
 *
 * <p><b>Nodes</b>: {@link io.codeact.bridge.transport.ros.RosNode} registers with a master and publishes
 * ({@link io.codeact.bridge.transport.ros.RosPublisher}), subscribes
 * ({@link io.codeact.bridge.transport.ros.RosSubscriber}), serves
 * ({@link io.codeact.bridge.transport.ros.RosServiceServer}) and calls
 * ({@link io.codeact.bridge.transport.ros.RosServiceClient}) over TCPROS; it reads the parameter server
 * ({@link io.codeact.bridge.transport.ros.ParameterTree}) and ROS time
 * ({@link io.codeact.bridge.transport.ros.RosClock}, sim time from {@code /clock}).
 * {@link io.codeact.bridge.transport.ros.MasterClient} asks the master about the graph;
 * {@link io.codeact.bridge.transport.ros.RosMaster} is a master in this process;
 * {@link io.codeact.bridge.transport.ros.RosTransport} is the project's {@code Transport} over a node.
 *
 * <p><b>Messages at runtime</b>: {@link io.codeact.bridge.transport.ros.MessageRegistry} loads {@code .msg}/{@code .srv}
 * definitions (bundled standard sets, a ROS install, or text), and gives
 * {@link io.codeact.bridge.transport.ros.MessageType} and {@link io.codeact.bridge.transport.ros.ServiceType} (both a
 * {@link io.codeact.bridge.transport.ros.RosType}, checked against what a peer announces):
 * the MD5 sums and {@code message_definition} texts genmsg would compute, and serialisation between the ROS 1
 * wire format and Java maps. {@link io.codeact.bridge.transport.ros.Time} and
 * {@link io.codeact.bridge.transport.ros.Duration} are the ROS time values.
 *
 * <p><b>Errors</b> say which side is wrong: a definition ({@code MessageDefinitionException}), a Java value
 * ({@code MessageValueException}), received bytes ({@code MalformedMessageException}, {@code RosProtocolException}),
 * the two ends of a connection ({@code TypeMismatchException}), the master ({@code MasterException}) or a service
 * ({@code ServiceException}). Problems met in the background go to a {@code ProblemListener}.
 *
 * <p>How bytes move stays in {@code internal}, which nothing outside this package imports.
 */
package io.codeact.bridge.transport.ros;
