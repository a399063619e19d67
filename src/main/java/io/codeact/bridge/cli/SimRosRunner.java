package io.codeact.bridge.cli;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.node.SimRosNode;
import io.codeact.bridge.tools.ros.ToolCallProtocol;
import io.codeact.bridge.transport.ros.RosMaster;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code codeact sim --ros}: a simulated world as a ROS 1 node until Ctrl-C, on the given master or an
 * embedded one. Kept apart from {@link SimCommand} so other transports add their own runner beside it.
 */
final class SimRosRunner {
    private SimRosRunner() {
    }

    /**
     * @param masterUri the master, or null for an embedded one on localhost:11311
     * @throws IllegalArgumentException for an unknown world or a scenario the node cannot serve
     */
    static int run(String worldName, long seed, String masterUri, double rate, boolean useSimTime, PrintWriter out)
            throws InterruptedException {
        World world = WorldRegistry.standard().create(worldName, seed, Map.of());
        RosMaster master = masterUri == null ? RosMaster.start("localhost", 11311) : null;
        try {
            SimRosNode.Builder b = SimRosNode.builder(world).realtimeFactor(rate).useSimTime(useSimTime)
                    .masterUri(master != null ? master.uri() : masterUri);
            try (SimRosNode sim = b.start()) {
                Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
                String uri = sim.node().masterUri();
                out.printf("%s (seed %d) running as ROS node %s at %s × real time%n", worldName, seed, sim.node().name(), rate);
                out.printf("master: %s%s%n", uri, master != null ? " (embedded)" : "");
                out.printf("topics: /odom /scan /battery /clock (out), /cmd_vel (in, %.1f s deadman)%n", 0.5);
                out.printf("services: %s (%s); heartbeat %s; emergency stop %s%n", ToolCallProtocol.CALL_SERVICE,
                        ToolCallProtocol.TOOL_CALL_TYPE, ToolCallProtocol.LEASE_TOPIC, ToolCallProtocol.STOP_TOPIC);
                out.printf("try: ROS_MASTER_URI=%s rostopic echo -n 1 /odom%n", uri);
                out.printf("     codeact exec --world %s --binding ros --master %s -%n", worldName, uri);
                out.flush();
                sim.awaitClosed();
            }
        } finally {
            if (master != null) {
                master.close();
            }
        }
        return ExitCodes.OK;
    }
}
