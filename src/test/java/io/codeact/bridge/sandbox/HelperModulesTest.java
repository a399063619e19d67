package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helper modules are importable and readable, but only read, and nothing outside their folder is. */
class HelperModulesTest {
    @TempDir
    static Path helpers;
    private static SandboxEngine engine;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(helpers.resolve("shapes.py"), "def area(w, h):\n    return w * h\n");
        Files.createSymbolicLink(helpers.resolve("escape"), Path.of("/etc"));
        engine = SandboxEngine.create(c -> {
            c.warmSessions = 0;
            c.helperPaths.add(helpers);
            c.helperPaths.add(Path.of("robot-tools/python"));
        });
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void helperModulesImportAndTheirFilesCanBeRead() {
        try (Session s = engine.openSession("helpers")) {
            assertThat(s.execute("import shapes\nshapes.area(2, 3)").stdout()).isEqualTo("6\n");
            assertThat(s.execute("print(open(shapes.__file__).read().splitlines()[0])").stdout()).isEqualTo("def area(w, h):\n");
        }
    }

    @Test
    void helperFolderIsReadOnlyAndSymlinksCannotLeaveIt() throws Exception {
        try (Session s = engine.openSession("helpers")) {
            ActionResult write = s.execute("import shapes\nopen(shapes.__file__, 'w').write('x')");
            assertThat(write.status()).isEqualTo(ActionStatus.ERROR);
            assertThat(write.error().type()).isEqualTo("PermissionError");
            assertThat(Files.readString(helpers.resolve("shapes.py"))).startsWith("def area");
            ActionResult escape = s.execute("import shapes, os\nopen(os.path.join(os.path.dirname(shapes.__file__), 'escape', 'passwd')).read()");
            assertThat(escape.status()).isEqualTo(ActionStatus.ERROR);
            assertThat(escape.error().type()).isEqualTo("PermissionError");
            assertThat(s.execute("open('/etc/hostname').read()").error().type()).isEqualTo("PermissionError");
        }
    }

    @Test
    void shippedHelpersPlanAPathRoundAnObstacle() {
        try (Session s = engine.openSession("helpers")) {
            ActionResult r = s.execute("""
                    import geometry, gridplan
                    info = {'width': 10, 'height': 6, 'walls': [], 'shelves': [],
                            'obstacles': [{'polygon': [[4, 0], [5, 0], [5, 4], [4, 4]]}]}
                    path = gridplan.Grid.from_map(info, cell=0.25, inflate=0.3).plan((1, 1), (8, 1))
                    print(path[-1], all(p[1] > 4 for p in path[1:-1] if 3.7 < p[0] < 5.3))
                    print(round(geometry.distance((0, 0), (3, 4)), 3), round(geometry.wrap(4.0), 3))
                    """);
            assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ActionStatus.OK);
            assertThat(r.stdout()).isEqualTo("(8.0, 1.0) True\n5.0 -2.283\n");
        }
    }
}
