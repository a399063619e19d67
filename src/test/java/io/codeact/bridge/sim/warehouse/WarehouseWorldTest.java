package io.codeact.bridge.sim.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimCommandException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WarehouseWorldTest {

    /** A 10 × 10 m room with one wall segment in the middle and a robot at (3, 5) facing +x. */
    private static WarehouseWorld room(long seed) {
        return WarehouseWorld.create(WarehouseScenario.builder().size(10, 10)
                .wall("divider", 6, 5, 0.2, 4)
                .dock("home", 1, 1, Math.PI)
                .robot("r1", 3, 5, 0, 100)
                .build(), seed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> r1(WarehouseWorld w) {
        return (Map<String, Object>) ((Map<String, Object>) w.state().get("robots")).get("r1");
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void neverPassesThroughWallsOverManyRandomDrives() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.standard(), 11);
        SplittableRandom random = new SplittableRandom(5);
        Robot robot = w.robots.get(0);
        for (int i = 0; i < 300; i++) {
            w.start("base.drive", args("linear", random.nextDouble(-1, 1), "angular", random.nextDouble(-1.5, 1.5),
                    "duration", random.nextDouble(0.2, 3), "lease", 10.0));
            for (int k = 0; k < 100; k++) {
                w.step(0.01);
                assertThat(w.map.blockedBy(robot.x, robot.y, robot.spec.radius() - 1e-6))
                        .as("robot at (%s, %s) after drive %d", robot.x, robot.y, i).isNull();
            }
        }
        assertThat(robot.collisions).isPositive();
    }

    @Test
    void stopsAtContactAndReportsTheCollision() {
        WarehouseWorld w = room(1);
        Map<String, Object> r = w.command("base.drive", args("linear", 1.0, "duration", 10.0));
        assertThat(r).containsEntry("status", "collision").containsEntry("collision", true).containsEntry("collided_with", "divider");
        double x = (double) r1(w).get("x");
        assertThat(x).isLessThanOrEqualTo(6 - 0.1 - 0.3).isGreaterThan(6 - 0.1 - 0.3 - 0.02);
        assertThat(r1(w)).containsEntry("collisions", 1).containsEntry("linear", 0.0);
        assertThat(w.command("base.status", Map.of()).get("last_collision")).isEqualTo(Map.of("with", "divider", "t", 3.1));
    }

    @Test
    void lidarRangesMatchTheKnownWallDistances() {
        WarehouseWorld w = room(2);
        @SuppressWarnings("unchecked")
        List<Double> ranges = (List<Double>) w.command("lidar.scan", Map.of()).get("ranges");
        assertThat(ranges).hasSize(360);
        // beam i points at -π + i·(2π/360) from the heading (+x): 0 behind, 90 right, 180 ahead, 270 left
        assertThat(ranges.get(0)).isCloseTo(3.0, within(0.05));
        assertThat(ranges.get(90)).isCloseTo(5.0, within(0.05));
        assertThat(ranges.get(180)).isCloseTo(6 - 0.1 - 3, within(0.05));
        assertThat(ranges.get(270)).isCloseTo(5.0, within(0.05));
        // 45° to the left the divider (y 3..7) is missed and the north wall is 5 m up: 5·√2
        assertThat(ranges.get(225)).isCloseTo(5 * Math.sqrt(2), within(0.05));
    }

    @Test
    void lidarRasterisationAgreesWithBruteForceRayCasting() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.fromMap(Map.of("random_obstacles", 6)), 3);
        Robot robot = w.robots.get(0);
        SplittableRandom random = new SplittableRandom(9);
        for (int pose = 0; pose < 40; pose++) {
            do {
                robot.x = random.nextDouble(0.5, 19.5);
                robot.y = random.nextDouble(0.5, 11.5);
            } while (w.map.blockedBy(robot.x, robot.y, 0.3) != null);
            robot.theta = random.nextDouble(-Math.PI, Math.PI);
            double[] fast = robot.lidar.trueRanges(robot, w.map, w.robots);
            for (int i = 0; i < fast.length; i++) {
                double angle = robot.theta + robot.lidar.angleMin + i * robot.lidar.increment;
                assertThat(fast[i]).as("pose %d beam %d", pose, i).isCloseTo(bruteForce(w, robot.x, robot.y, angle), within(1e-6));
            }
        }
    }

    private static double bruteForce(WarehouseWorld w, double sx, double sy, double angle) {
        double best = 10;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (WarehouseScenario.Solid solid : w.map.solids()) {
            List<double[]> p = solid.polygon();
            for (int i = 0; i < p.size(); i++) {
                double[] a = p.get(i);
                double[] b = p.get((i + 1) % p.size());
                double ex = b[0] - a[0];
                double ey = b[1] - a[1];
                double denom = c * ey - s * ex;
                if (Math.abs(denom) < 1e-12) {
                    continue;
                }
                double px = a[0] - sx;
                double py = a[1] - sy;
                double t = (px * ey - py * ex) / denom;
                double u = (px * s - py * c) / denom;
                if (t > 0 && u >= 0 && u <= 1) {
                    best = Math.min(best, t);
                }
            }
        }
        return best;
    }

    @Test
    void odometryDriftsButStaysClose() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.builder().size(100, 100).robot("r1", 50, 50, 0, 100).build(), 4);
        Robot r = w.robots.get(0);
        for (int i = 0; i < 20; i++) {
            w.command("base.drive", args("linear", 0.5, "angular", i % 2 == 0 ? 0.6 : -0.6, "duration", 3.0));
        }
        double error = Math.hypot(r.x - r.odom.x(), r.y - r.odom.y());
        assertThat(r.collisions).as("collision with %s at %s, %s", r.lastCollisionWith, r.x, r.y).isZero();
        assertThat(r.distance).isGreaterThan(25);
        assertThat(error).isGreaterThan(1e-4).isLessThan(0.05 * r.distance);
    }

    @Test
    void batteryDrainsWithTimeAndMotionAndChargesOnTheDock() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.builder().size(10, 10).dock("home", 1, 1, Math.PI)
                .robot("r1", 3, 5, 0, 50).build(), 5);
        Robot r = w.robots.get(0);
        w.step(100);
        double idle = 50 - r.battery;
        assertThat(idle).isCloseTo(100 * 0.005, within(1e-6));
        double before = r.battery;
        w.command("base.go_to", args("x", 1.2, "y", 1.2));
        assertThat(before - r.battery).isGreaterThan(0.2 * r.distance);
        w.command("dock.dock", Map.of());
        assertThat(r.dockedAt).isEqualTo("home");
        double docked = r.battery;
        w.step(10);
        assertThat(r.battery).isCloseTo(docked + 10 * (0.5 - 0.005), within(1e-6));
        assertThat(w.command("battery.level", Map.of())).containsEntry("charging", true).containsEntry("docked_at", "home");
    }

    @Test
    void anEmptyBatteryRefusesMotionButNotStop() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.builder().size(10, 10).robot("r1", 3, 5, 0, 0).build(), 1);
        assertThatThrownBy(() -> w.command("base.drive", args("linear", 0.5, "duration", 1.0)))
                .isInstanceOf(SimCommandException.class)
                .hasMessage("base.drive: the battery of r1 is empty (0 %), so it cannot move; a robot charges only while it rests on a dock")
                .extracting(e -> ((SimCommandException) e).reason()).isEqualTo(SimCommandException.Reason.NOT_POSSIBLE);
        assertThat(w.command("base.stop", Map.of())).containsEntry("status", "stopped");
    }

    @Test
    void batteryRunningOutMidDriveStopsTheRobot() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.builder().size(30, 10).robot("r1", 1, 5, 0, 0.5).build(), 1);
        Map<String, Object> r = w.command("base.drive", args("linear", 1.0, "duration", 20.0));
        assertThat(r).containsEntry("status", "battery_empty").containsEntry("battery", 0.0);
        assertThat(w.robots.get(0).moving()).isFalse();
    }

    @Test
    void stopsTheRobotWhenTheLeaseExpires() {
        WarehouseWorld w = room(6);
        Activity drive = w.start("base.drive", args("linear", 0.5, "duration", 10.0, "lease", 0.5));
        w.step(3);
        assertThat(drive.done()).isTrue();
        assertThat(drive.result()).containsEntry("status", "lease_expired");
        assertThat((double) drive.result().get("distance")).isLessThan(0.5);
        assertThat(w.robots.get(0).moving()).isFalse();
    }

    @Test
    void keepsDrivingWhileTheLeaseIsRenewed() {
        WarehouseWorld w = room(6);
        Activity drive = w.start("base.set_velocity", args("linear", 0.2, "lease", 0.5));
        assertThat(drive.result()).containsEntry("status", "accepted").containsEntry("lease_expires_at", 0.5);
        for (int i = 0; i < 10; i++) {
            w.step(0.3);
            assertThat(w.command("motion.renew", Map.of())).containsEntry("status", "renewed");
        }
        assertThat(w.robots.get(0).moving()).isTrue();
        w.step(1.5);
        assertThat(w.robots.get(0).moving()).isFalse();
        assertThat(w.command("motion.renew", Map.of())).containsEntry("status", "no_motion");
    }

    @Test
    void respectsSpeedAndAccelerationLimits() {
        WarehouseWorld w = room(7);
        assertThatThrownBy(() -> w.command("base.drive", args("linear", 3.5, "duration", 1.0)))
                .hasMessage("base.drive: linear must be within -1.0..1.0 m/s, got 3.5");
        w.start("base.drive", args("linear", 1.0, "duration", 2.0));
        w.step(0.1);
        assertThat(w.robots.get(0).linear).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void goToReachesItsGoalAndStopsThere() {
        WarehouseWorld w = room(8);
        Map<String, Object> r = w.command("base.go_to", args("x", 2.0, "y", 8.0, "theta", Math.PI));
        assertThat(r).containsEntry("status", "reached").containsEntry("collision", false);
        Robot robot = w.robots.get(0);
        assertThat(Math.hypot(robot.x - 2, robot.y - 8)).isLessThan(0.1);
        assertThat(Math.abs(FloorMap.wrapPi(robot.theta - Math.PI))).isLessThan(0.05);
        assertThat(robot.moving()).isFalse();
    }

    @Test
    void goToThroughAWallReportsTheCollision() {
        WarehouseWorld w = room(9);
        Map<String, Object> r = w.command("base.go_to", args("x", 8.0, "y", 5.0));
        assertThat(r).containsEntry("status", "collision").containsEntry("collided_with", "divider");
    }

    @Test
    void refusesAGoalInsideAShelf() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.standard(), 1);
        assertThatThrownBy(() -> w.command("base.go_to", args("x", 6.0, "y", 4.0)))
                .hasMessage("base.go_to: goal (6.0, 4.0) is blocked by shelf_a for a robot of radius 0.3 m; "
                        + "choose a free point (map.places() lists reachable spots)");
    }

    @Test
    void visitsTheThreeChargingBays() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.standard(), 2);
        // the controller is obstacle-unaware: the route to bay_3 goes through the aisle between the shelves
        Map<String, List<double[]>> routes = Map.of(
                "bay_1", List.of(new double[] {1.6, 10.0}),
                "bay_2", List.of(new double[] {1.6, 2.0}),
                "bay_3", List.of(new double[] {1.6, 6.5}, new double[] {18.4, 6.5}, new double[] {18.4, 6.0}));
        for (String bay : List.of("bay_1", "bay_2", "bay_3")) {
            for (double[] p : routes.get(bay)) {
                assertThat(w.command("base.go_to", args("x", p[0], "y", p[1]))).containsEntry("status", "reached");
            }
            assertThat(w.command("dock.dock", Map.of("name", bay))).containsEntry("status", "docked").containsEntry("dock", bay);
            w.command("dock.undock", Map.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> visited = (Map<String, Object>) r1(w).get("visited");
        assertThat(visited).containsKeys("bay_1", "bay_2", "bay_3");
        assertThat(r1(w).get("collisions")).isEqualTo(0);
    }

    @Test
    void dockingNeedsTheDockNearby() {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.standard(), 1);
        assertThatThrownBy(() -> w.command("dock.dock", Map.of()))
                .hasMessage("dock.dock: r1 is 4.238 m from bay_1; docking needs the dock's beacon within 1.5 m, so go_to(0.6, 10.0) first");
    }

    @Test
    void dockingCorrectsOdometryDrift() {
        WarehouseWorld w = room(10);
        Robot r = w.robots.get(0);
        w.command("base.go_to", args("x", 1.5, "y", 1.5));
        w.command("dock.dock", Map.of());
        assertThat(r.odom.x()).isEqualTo(r.x);
        assertThat(r.odom.y()).isEqualTo(r.y);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        assertThat(scriptedRun(42)).isEqualTo(scriptedRun(42));
        assertThat(scriptedRun(42)).isNotEqualTo(scriptedRun(43));
    }

    private static Map<String, Object> scriptedRun(long seed) {
        WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.fromMap(Map.of("random_obstacles", 3)), seed);
        w.command("base.drive", args("linear", 0.8, "angular", 0.3, "duration", 4.0));
        w.command("lidar.scan", Map.of());
        w.command("base.go_to", args("x", 3.0, "y", 9.0));
        Map<String, Object> state = w.state();
        state.put("telemetry", w.telemetry());
        return state;
    }

    @Test
    void resetReturnsToTheStartOfTheRun() {
        WarehouseWorld w = room(12);
        Map<String, Object> start = w.state();
        w.command("base.drive", args("linear", 0.5, "duration", 2.0));
        w.reset();
        assertThat(w.state()).isEqualTo(start);
        assertThat(w.clock().seconds()).isZero();
    }

    @Test
    void slicingTimeDifferentlyGivesTheSameState() {
        WarehouseWorld a = room(13);
        WarehouseWorld b = room(13);
        a.start("base.drive", args("linear", 0.7, "angular", 0.2, "duration", 5.0, "lease", 10.0));
        b.start("base.drive", args("linear", 0.7, "angular", 0.2, "duration", 5.0, "lease", 10.0));
        a.step(3.0);
        for (int i = 0; i < 200; i++) {
            b.step(0.015);
        }
        assertThat(a.state()).isEqualTo(b.state());
    }

    @Test
    void aNewMotionPreemptsTheRunningOne() {
        WarehouseWorld w = room(14);
        Activity first = w.start("base.drive", args("linear", 0.3, "duration", 5.0, "lease", 10.0));
        w.step(1);
        w.start("base.drive", args("linear", -0.3, "duration", 1.0));
        assertThat(first.result()).containsEntry("status", "preempted");
    }

    @Test
    void stopEndsTheMotionAndWaitsForRest() {
        WarehouseWorld w = room(15);
        Activity drive = w.start("base.drive", args("linear", 0.8, "duration", 5.0, "lease", 10.0));
        w.step(1.5);
        Map<String, Object> stop = w.command("base.stop", Map.of());
        assertThat(stop).containsEntry("status", "stopped");
        assertThat(drive.result()).containsEntry("status", "stopped");
        assertThat(w.robots.get(0).moving()).isFalse();
    }

    @Test
    void severalRobotsNeedToBeNamed() {
        WarehouseWorld w = WarehouseWorld.fromScenario(1, Map.of("robots", List.of(
                Map.of("name", "r1", "x", 2, "y", 6), Map.of("name", "r2", "x", 2, "y", 9))));
        assertThatThrownBy(() -> w.command("odom.pose", Map.of()))
                .hasMessage("odom.pose: this warehouse has 2 robots (r1, r2); say which one with robot=");
        assertThat(w.command("odom.pose", Map.of("robot", "r2"))).containsEntry("x", 2.0).containsEntry("y", 9.0);
        // robots see and block each other
        Map<String, Object> r = w.command("base.go_to", args("robot", "r1", "x", 2.0, "y", 10.5));
        assertThat(r).containsEntry("status", "collision").containsEntry("collided_with", "r2");
    }

    @Test
    void unknownApisAndArgumentsAreNamed() {
        WarehouseWorld w = room(1);
        assertThatThrownBy(() -> w.command("base.fly", Map.of()))
                .hasMessageStartingWith("base.fly: the warehouse world has no such API; known APIs: base.drive, base.set_velocity, base.go_to,");
        assertThatThrownBy(() -> w.command("base.drive", Map.of("speed", 1.0)))
                .hasMessage("base.drive: unknown argument 'speed'; it takes linear, angular, duration, lease, robot");
        assertThatThrownBy(() -> w.command("base.drive", Map.of("linear", "fast", "duration", 1.0)))
                .hasMessage("base.drive: argument 'linear' must be a number, got 'fast'");
        assertThatThrownBy(() -> w.command("base.drive", Map.of("linear", 0.5)))
                .hasMessage("base.drive: missing argument 'duration'");
    }

    @Test
    void randomObstaclesAreNotOnTheSavedMapButTheLidarSeesThem() {
        WarehouseWorld w = WarehouseWorld.fromScenario(21, Map.of("random_obstacles", 4));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> known = (List<Map<String, Object>>) w.command("map.info", Map.of()).get("obstacles");
        assertThat(known).extracting(o -> o.get("name")).containsExactly("pillar", "pallet");
        assertThat(w.map.solids()).extracting(WarehouseScenario.Solid::name).contains("box_1", "box_4");
    }
}
