package io.codeact.bridge.transport.ros;

/**
 * A message or service definition is unusable: bad syntax, an unknown or recursive field type, or a type
 * name nobody defined. The message starts with {@code file:line} when the problem is in a definition, e.g.
 * {@code /usr/share/my_msgs/msg/Goal.msg:3: unknown type geometry_msgs/Pos in field target of my_msgs/Goal; …}.
 */
public final class MessageDefinitionException extends RuntimeException {
    public MessageDefinitionException(String message) {
        super(message);
    }

    public MessageDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
