package io.codeact.bridge.sim.inprocess;

import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import java.util.Map;
import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.sim.World;

/**
 * The in-process binding: a tool call becomes the simulator command named by the declaration's
 * {@code binding.sim}, run in sim time until it ends. Refusals become the Python exceptions the model
 * can catch: a bad argument a {@code ValueError}, an impossible request a {@code RobotError}. Calls are
 * serialised (a world is single-threaded).
 */
public final class SimToolInvoker implements ToolInvoker {
    private final World world;

    public SimToolInvoker(World world) {
        this.world = world;
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        JsonNode binding = tool.bindings().get("sim");
        if (binding == null || !binding.isTextual()) {
            throw RobotException.robotError(tool.qualifiedName() + " has no simulator binding (declared at "
                    + tool.source() + "); it cannot run in the " + world.name() + " simulator");
        }
        synchronized (world) {
            try {
                return world.command(binding.asText(), args);
            } catch (SimCommandException e) {
                throw switch (e.reason()) {
                    case BAD_ARGUMENT -> RobotException.badValue(e.getMessage());
                    case NOT_POSSIBLE -> RobotException.robotError(e.getMessage());
                    case UNKNOWN_API -> RobotException.robotError(e.getMessage() + " (the declaration at "
                            + tool.source() + " names a command the " + world.name() + " simulator does not have)");
                };
            } catch (IllegalStateException e) {
                throw RobotException.timeout(e.getMessage());
            }
        }
    }
}
