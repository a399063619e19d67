package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact chat}: Chat with the agent: give goals, watch turns stream, correct it as it goes. Not built yet (issue #5). */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Chat with the agent: give goals, watch turns stream, correct it as it goes. (not implemented yet: issue #5)")
final class ChatCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 5;
    }
}
