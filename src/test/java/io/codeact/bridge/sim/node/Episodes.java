package io.codeact.bridge.sim.node;

import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The code actions the binding tests run, and how they run them: one sandbox engine per test JVM. */
final class Episodes {
    static final Path TOOLS = Path.of("robot-tools");

    static final List<String> WAREHOUSE = List.of("""
            import math
            near = robot.dock.nearest()
            print('nearest', near)
            r = robot.base.go_to(near['x'] - math.cos(near['theta']), near['y'] - math.sin(near['theta']))
            print('approach', r)
            scan = robot.lidar.scan()
            print(len(scan['ranges']), min(scan['ranges']), sum(scan['ranges']))
            print(robot.dock.dock(near['name']))
            """, """
            for call in (lambda: robot.map.place('nowhere'), lambda: robot.base.go_to(0.0, 0.0), lambda: robot.dock.dock('bay_3')):
                try:
                    print(call())
                except Exception as e:
                    print(type(e).__name__, e)
            print(robot.dock.undock())
            print(robot.base.drive(0.3, 0.2, 2.0))
            print(wait(3.5))
            print(robot.battery.level(), robot.odom.pose(), robot.base.status())
            """);

    static final List<String> TABLETOP = List.of("""
            SAFE = 0.15
            seen = robot.camera.detect()
            print(seen)
            red = [b for b in seen['blocks'] if b['color'] == 'red'][0]
            target = [b for b in seen['bins'] if b['color'] == 'red'][0]
            robot.arm.move_to(red['x'], red['y'], SAFE)
            print(robot.arm.move_to(red['x'], red['y'], red['z']))
            print(robot.gripper.close())
            try:
                robot.gripper.close()
            except Exception as e:
                print(type(e).__name__, e)
            robot.arm.move_to(red['x'], red['y'], SAFE)
            robot.arm.move_to(target['x'], target['y'], SAFE)
            robot.arm.move_to(target['x'], target['y'], red['size'] / 2 + 0.01)
            print(robot.gripper.open())
            """, """
            try:
                robot.arm.move_to(0.95, 0.9, 0.1)
            except Exception as e:
                print(type(e).__name__, e)
            print(robot.arm.home(), robot.arm.pose(), robot.gripper.holding())
            """);

    static final List<String> SMART_HOME = List.of("""
            for room in home.rooms()['rooms']:
                home.light.set(room, on=False)
            home.light.set('kitchen', on=True, brightness=35)
            print(home.light.state())
            print(home.thermostat.set(setpoint=22, mode='heat'))
            print(wait(600))
            print(home.thermostat.state())
            """, """
            print(home.lock.unlock())
            print(home.lock.lock())
            print(home.garage.open())
            print(home.garage.state())
            for call in (lambda: home.light.set('attic', on=True), lambda: home.sensor.read('nowhere.motion')):
                try:
                    print(call())
                except Exception as e:
                    print(type(e).__name__, e)
            print(wait(120), home.presence.who_is_home(), home.sensor.read('kitchen.temperature'))
            """);

    static final Map<String, List<String>> BY_WORLD = Map.of("warehouse", WAREHOUSE, "tabletop", TABLETOP, "smart_home", SMART_HOME);

    private static SandboxEngine engine;

    private Episodes() {}

    static synchronized SandboxEngine engine() {
        if (engine == null) {
            engine = SandboxEngine.create(c -> {
                c.actionTimeout = Duration.ofSeconds(60);
                c.warmSessions = 0;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** Each action's status, output and error, one string per action. */
    static List<String> run(SimWorldSession sim, List<String> actions) {
        List<String> out = new ArrayList<>();
        try (Session session = engine().openSession("binding-test")) {
            sim.exposeIn(session);
            for (String code : actions) {
                ActionResult r = session.execute(code, Duration.ofSeconds(60));
                out.add(r.status() + "\n" + r.stdout() + (r.error() == null ? "" : "\n" + r.error().summary()));
            }
        }
        return out;
    }

    /** A topic prefix no other test uses, so retained messages of earlier tests do not interfere. */
    static String freshPrefix() {
        return "test/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
