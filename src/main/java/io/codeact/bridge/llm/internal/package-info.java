/**
 * The machinery behind {@code io.codeact.bridge.llm}: the OpenAI and Anthropic wire codecs, the
 * server-sent-events reader, the HTTP exchange on OkHttp with its retry loop and interrupt watchdog,
 * stop-sequence cutting, and the classification and wording of failures. Only {@code io.codeact.bridge.llm} may import it.
 */
package io.codeact.bridge.llm.internal;
