package io.codeact.bridge.agent;

import java.time.Instant;

/** The state of one episode shared by the steps: conversation, counters, budgets. Not thread-safe. */
final class Episode {
    final AgentConfig config;
    final ActionParser parser;
    final Conversation conversation;
    final Instant start;
    int turns;
    int actions;
    int errors;
    int safetyViolations;
    int violationsBefore;
    long tokens;
    int loggedMessages;
    Turn current;

    Episode(AgentConfig config, ActionParser parser, Conversation conversation, Instant start) {
        this.config = config;
        this.parser = parser;
        this.conversation = conversation;
        this.start = start;
    }
}
