/**
 * Wire machinery behind {@link io.codeact.bridge.transport.ros}:
 * <ul>
 * <li>XML-RPC: {@code XmlRpcCodec} (documents ⇄ Java values), {@code XmlRpcClient} (JDK HTTP client),
 *     {@code XmlRpcServer} (the JDK's embedded HTTP server), {@code RosReply} ({@code [code, status, value]});</li>
 * <li>the master and slave APIs: {@code MasterApi} with {@code MasterRegistrations} and {@code ParamStore} (the
 *     embedded master), {@code SlaveApi} over a node's {@code LocalGraph};</li>
 * <li>TCPROS: {@code ConnectionHeader}, {@code Frames}, {@code TcprosServer} (one port per node, routing by
 *     header), {@code Publication}/{@code OutgoingConnection}, {@code TopicSubscription}/{@code IncomingConnection},
 *     {@code ServiceProvider}, {@code ServiceConnection};</li>
 * <li>names and hosts: {@code GraphNames}, {@code GraphHost};</li>
 * <li>messages: the {@code .msg}/{@code .srv} parser ({@code DefinitionParser}), type resolution with genmsg's MD5
 *     and full-text rules ({@code TypeResolver}), compiled codecs over little-endian buffers ({@code MessageCodec},
 *     {@code WireWriter}, {@code WireReader}), finding definitions in the jar and on disk
 *     ({@code BundledDefinitions}, {@code PackageScan}).</li>
 * </ul>
 *
 * <p>Only {@code io.codeact.bridge.transport.ros} (and its tests) may import this package; its types are public only
 * because Java has no other way to share them with the API package.
 */
package io.codeact.bridge.transport.ros.internal;
