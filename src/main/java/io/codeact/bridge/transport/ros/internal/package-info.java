/**
 * Wire machinery behind {@link io.codeact.bridge.transport.ros}: the {@code .msg}/{@code .srv} parser
 * ({@code DefinitionParser}), type resolution with genmsg's MD5 and full-text rules ({@code TypeResolver}),
 * compiled per-type codecs over little-endian buffers ({@code MessageCodec}, {@code WireWriter},
 * {@code WireReader}), and finding definitions in the jar and on disk ({@code BundledDefinitions},
 * {@code PackageScan}).
 *
 * <p>Only {@code io.codeact.bridge.transport.ros} may import this package; its types are public only because
 * Java has no other way to share them with the API package.
 */
package io.codeact.bridge.transport.ros.internal;
