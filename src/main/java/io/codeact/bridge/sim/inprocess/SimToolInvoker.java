package io.codeact.bridge.sim.inprocess;

import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import java.util.Map;
import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.sim.World;

/**
 * The in-process binding: a tool call becomes the simulator command named by the declaration's
 * {@code binding.sim}, run in sim time until it ends. Refusals become the Python exceptions the model
 * can catch: a bad argument a {@code ValueError}, an impossible request a {@code RobotError}. Calls are
 * serialised (a world is single-threaded). With a realtime factor above 0 a motion takes wall time
 * (sim seconds / factor) and holds the world's lock one tick at a time, so {@link World#halt} from another
 * thread ends it mid-way; interrupting the caller ends the wait with a {@code RobotError} and the motion,
 * no longer renewed, stops when its lease runs out.
 */
public final class SimToolInvoker implements ToolInvoker {
    private final World world;
    private final Pacing pacing;

    /** Runs each call as fast as the CPU allows. */
    public SimToolInvoker(World world) {
        this(world, 0);
    }

    /**
     * Runs each call paced to the wall clock: {@code realtimeFactor} sim seconds per wall second (0 = as fast as possible).
     *
     * @throws IllegalArgumentException for a negative or non-finite factor
     */
    public SimToolInvoker(World world, double realtimeFactor) {
        this.world = world;
        this.pacing = new Pacing(realtimeFactor);
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        JsonNode binding = tool.bindings().get("sim");
        if (binding == null || !binding.isTextual()) {
            throw RobotException.robotError(tool.qualifiedName() + " has no simulator binding (declared at "
                    + tool.source() + "); it cannot run in the " + world.name() + " simulator");
        }
        if (pacing.paced()) {
            return paced(tool, binding.asText(), args);
        }
        synchronized (world) {
            try {
                return world.command(binding.asText(), args);
            } catch (SimCommandException e) {
                throw refusal(tool, e);
            } catch (IllegalStateException e) {
                throw RobotException.timeout(e.getMessage());
            }
        }
    }

    private Object paced(ToolDeclaration tool, String api, Map<String, Object> args) {
        Activity activity;
        synchronized (world) {
            try {
                activity = world.start(api, args);
            } catch (SimCommandException e) {
                throw refusal(tool, e);
            }
        }
        try {
            // the world's own timeout ends the activity; one more second is the bug margin World.await uses too
            if (!pacing.run(world, activity::done, activity.timeoutSeconds() + 1.0, activity::renewLease)) {
                throw RobotException.timeout(world.name() + ": " + api + " is still running past its timeout of "
                        + activity.timeoutSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RobotException.robotError(tool.qualifiedName() + " was interrupted by the controller; the motion is no"
                    + " longer renewed and stops");
        }
        synchronized (world) {
            return activity.result();
        }
    }

    private RuntimeException refusal(ToolDeclaration tool, SimCommandException e) {
        return switch (e.reason()) {
            case BAD_ARGUMENT -> RobotException.badValue(e.getMessage());
            case NOT_POSSIBLE -> RobotException.robotError(e.getMessage());
            case UNKNOWN_API -> RobotException.robotError(e.getMessage() + " (the declaration at "
                    + tool.source() + " names a command the " + world.name() + " simulator does not have)");
        };
    }
}
