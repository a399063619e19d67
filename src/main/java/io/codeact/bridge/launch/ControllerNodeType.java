package io.codeact.bridge.launch;

import io.codeact.bridge.node.ControllerNode;
import io.codeact.bridge.node.NodeOptions;
import io.codeact.bridge.safety.SafetyFileException;
import io.codeact.bridge.safety.SafetyPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code controller}: the controller node, as {@code codeact node} runs it ({@link ControllerNode}): goals
 * over MQTT and/or ROS, run one at a time on its simulated robot, behind the safety layer of its
 * {@code safety} file with a fixed {@code confirm} answer (a launch has no terminal). The parameters are
 * {@link NodeOptions#PARAMS}; without {@code broker} (or {@code master}) it uses the launch's
 * {@code mqtt_broker} (or {@code roscore}) node when there is one, else starts its own. Healthy while running
 * with every front up; ends only when stopped.
 */
final class ControllerNodeType implements NodeType {
    @Override
    public String name() {
        return "controller";
    }

    @Override
    public String doc() {
        return "the controller node (goals over MQTT/ROS, one at a time), as `codeact node`";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.optional("robot", NodeParam.Kind.STRING, "robot", "the robot's name in goal topics"),
                NodeParam.required("world", NodeParam.Kind.STRING, "the simulated world: warehouse, tabletop, smart_home"),
                NodeParam.optional("seed", NodeParam.Kind.INT, 7, "the world's seed"),
                NodeParam.optional("realtime", NodeParam.Kind.NUMBER, 1.0, "sim seconds per wall second during actions; 0 = as fast as possible"),
                NodeParam.required("model", NodeParam.Kind.STRING, "the model spec (docs/MODELS.md); oracle takes task goals only"),
                NodeParam.optional("base_url", NodeParam.Kind.STRING, null, "the model endpoint; empty for the provider's default"),
                NodeParam.optional("mode", NodeParam.Kind.STRING, null, "each goal's action format: code (default), json or text"),
                NodeParam.optional("max_turns", NodeParam.Kind.INT, null, "each goal's turn limit (default 12)"),
                NodeParam.optional("token_budget", NodeParam.Kind.INT, null, "each goal's token budget; 0 = none"),
                NodeParam.optional("time_budget_s", NodeParam.Kind.NUMBER, null, "each goal's wall-clock budget, s"),
                NodeParam.optional("action_timeout_s", NodeParam.Kind.NUMBER, null, "wall-clock limit per code action, s (default 10)"),
                NodeParam.optional("queue", NodeParam.Kind.INT, 4, "goals that may wait while one runs"),
                NodeParam.optional("mqtt", NodeParam.Kind.BOOL, false, "take goals over MQTT"),
                NodeParam.optional("broker", NodeParam.Kind.STRING, null,
                        "the MQTT broker URL; default the launch's mqtt_broker node, else an embedded broker on broker_port"),
                NodeParam.optional("broker_port", NodeParam.Kind.INT, 1883, "the port of the node's own embedded broker (0 = a free one)"),
                NodeParam.optional("prefix", NodeParam.Kind.STRING, "codeact", "the first level of the MQTT goal topics"),
                NodeParam.optional("ros", NodeParam.Kind.BOOL, false, "take goals over ROS"),
                NodeParam.optional("master", NodeParam.Kind.STRING, null,
                        "the ROS master URI; default the launch's roscore node, else an embedded master on master_port"),
                NodeParam.optional("master_port", NodeParam.Kind.INT, 11311, "the port of the node's own embedded master (0 = a free one)"),
                NodeParam.optional("log_dir", NodeParam.Kind.STRING, "episodes", "where each goal's episode log goes"),
                NodeParam.optional("safety", NodeParam.Kind.STRING, null,
                        "the safety file (default safety/<world>.yaml when it exists; none: the declarations' ranges only)"),
                NodeParam.optional("confirm", NodeParam.Kind.STRING, "deny", "who answers irreversible calls: deny or approve (no terminal)"));
    }

    /** The written and default values, as {@link NodeOptions#fromParams} reads them. */
    private static Map<String, Object> values(NodeParams p) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : NodeOptions.PARAMS) {
            if (p.has(name) && !((name.equals("broker") || name.equals("master")) && p.string(name).isBlank())) {
                values.put(name, p.value(name));
            }
        }
        return values;
    }

    @Override
    public void validate(NodeParams p, LaunchPlan.Source source) {
        try {
            NodeOptions.fromParams(values(p), source.home(), "");
        } catch (IllegalArgumentException | NullPointerException e) {
            p.problem(String.valueOf(e.getMessage()).replaceFirst("^: ", ""));
        }
        AgentNodeType.checkWorld(p, source, p.string("world"));
        AgentNodeType.checkModel(p, false);
        if (p.has("safety") && !p.string("safety").equals("none") && Files.isRegularFile(Path.of(p.string("safety")))) {
            try {
                SafetyPolicy.load(Path.of(p.string("safety")));
            } catch (SafetyFileException e) {
                p.problem("safety", e.getMessage());
            }
        }
    }

    @Override
    public RunningNode start(NodeParams p, NodeContext context) {
        Map<String, Object> values = values(p);
        if (p.bool("mqtt") && !values.containsKey("broker")) {
            context.directory().broker().ifPresent(url -> values.put("broker", url));
        }
        if (p.bool("ros") && !values.containsKey("master")) {
            context.directory().master().ifPresent(uri -> values.put("master", uri));
        }
        NodeOptions options = NodeOptions.fromParams(values, context.home(), p.where() + " (node " + context.node() + ")");
        ControllerNode node = ControllerNode.start(options);
        CompletableFuture<NodeExit> exit = new CompletableFuture<>();
        return new RunningNode() {
            @Override
            public boolean healthy() {
                return !exit.isDone() && node.health().healthy();
            }

            @Override
            public CompletableFuture<NodeExit> exit() {
                return exit;
            }

            @Override
            public void stop() {
                try {
                    node.close();
                } finally {
                    exit.complete(NodeExit.succeeded("stopped"));
                }
            }

            @Override
            public String describe() {
                StringBuilder b = new StringBuilder("robot " + options.robot() + " (" + node.robot().describe() + ")");
                if (node.mqttEndpoint() != null) {
                    b.append(", goals on ").append(node.mqttEndpoint()).append(' ').append(options.mqttBase()).append("/goal");
                }
                if (node.rosMasterUri() != null) {
                    b.append(", goals on ").append(options.rosBase()).append("/goal at ").append(node.rosMasterUri());
                }
                return b.append(", logs in ").append(node.logDir()).toString();
            }
        };
    }
}
