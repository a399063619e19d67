package io.codeact.bridge.transport.mqtt;

import java.util.Map;

/**
 * A device's side of a command: applies it and returns the device's new state. Throwing refuses the
 * command; the exception's message is echoed to the sender as {@code error}.
 */
@FunctionalInterface
public interface CommandHandler {
    /**
     * @param command the command's fields, including {@code cmd_id} and {@code ts}
     * @return the state after applying it ({@code cmd_id} and {@code ts} are added)
     */
    Map<String, ?> apply(Map<String, Object> command) throws Exception;
}
