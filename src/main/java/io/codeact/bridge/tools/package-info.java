/**
 * The tool registry: one declaration per robot API, in {@code robot-tools/*.yaml}, drives the Python
 * object ({@link io.codeact.bridge.tools.ToolSet#toPyApi}), the prompt docs, the JSON-mode schema, the
 * declared limits (ranges, choices, risk tier) and the transport binding. Declarations are validated
 * when loaded; errors name the file, line and field.
 */
package io.codeact.bridge.tools;
