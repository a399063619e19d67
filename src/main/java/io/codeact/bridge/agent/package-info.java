/**
 * The agent: the CodeAct loop that turns a goal into Python code actions, and everything it reads and
 * writes on the way.
 *
 * <p>This package owns
 * <ul>
 * <li><b>the loop</b>, as a chain of small steps: build the prompt, call the model, parse the action,
 *     execute it in the session, build the observation, repeat until a solution, max turns or a budget
 *     (not built yet);</li>
 * <li><b>prompts</b>: the system prompt from the tools' declarations, the goal and the action format
 *     ({@link io.codeact.bridge.agent.ActionParser#formatInstructions()});</li>
 * <li><b>action parsing</b> of model replies, one {@link io.codeact.bridge.agent.ActionParser} per mode:
 *     {@link io.codeact.bridge.agent.CodeActionParser} ({@code <execute>} code, CodeAct itself) and the
 *     paper's baselines {@link io.codeact.bridge.agent.JsonActionParser} and
 *     {@link io.codeact.bridge.agent.TextActionParser}, all read into a
 *     {@link io.codeact.bridge.agent.ParsedReply};</li>
 * <li><b>observations</b>: stdout, errors, telemetry changes and safety events, shortened to fit the
 *     model's context (not built yet);</li>
 * <li><b>the episode record</b>: {@link io.codeact.bridge.agent.EpisodeLog}, one JSONL file per episode,
 *     flushed record by record, read back by {@link io.codeact.bridge.agent.EpisodeLog#read}, re-printed
 *     by {@link io.codeact.bridge.agent.EpisodeReplayPrinter} and exported as fine-tuning data by
 *     {@link io.codeact.bridge.agent.ChatExporter}.</li>
 * </ul>
 *
 * <p>The agent knows the model, the session and the transports only through their interfaces; it never
 * imports HTTP, GraalPy or wire-protocol classes.
 */
package io.codeact.bridge.agent;
