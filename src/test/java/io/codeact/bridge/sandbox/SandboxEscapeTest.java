package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of escape attempts. Each runs in a fresh session and must end in the stated Python error
 * (the context's denial, not just the import gate's), with the controller alive and a bystander
 * session still working afterwards.
 */
class SandboxEscapeTest {
    private static Session bystander;
    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "codeact-escape-marker");

    @BeforeAll
    static void openBystander() throws Exception {
        Files.deleteIfExists(MARKER);
        bystander = SharedEngine.get().openSession("bystander");
        bystander.execute("counter = 0");
    }

    @AfterAll
    static void closeBystander() throws Exception {
        bystander.close();
        assertThat(MARKER).as("no escape attempt may create files on the host").doesNotExist();
    }

    /** The gate's bypass: the unguarded import function kept inside the prelude module. */
    private static final String RAW = "import sys\nraw = sys.modules['_codeact']._real_import\n";

    static Stream<Arguments> attempts() {
        String marker = MARKER.toString();
        return Stream.of(
                Arguments.of("read a host file", "open('/etc/passwd').read()", "PermissionError", "/etc/passwd"),
                Arguments.of("write a host file", "open('" + marker + "', 'w').write('x')", "PermissionError", ""),
                Arguments.of("list the root directory", "import os\nos.listdir('/')", "PermissionError", ""),
                Arguments.of("import socket", "import socket", "ImportError", "not available in the robot sandbox"),
                Arguments.of("__import__ socket", "__import__('socket')", "ImportError", "not available in the robot sandbox"),
                Arguments.of("open a socket past the gate", RAW + "s = raw('socket').socket()\ns.connect(('127.0.0.1', 22))", null, "socket"),
                Arguments.of("run a process past the gate", RAW + "raw('subprocess').run(['touch', '" + marker + "'])", "PermissionError", ""),
                Arguments.of("os.system", "import os\nos.system('touch " + marker + "')", null, "Process creation is not allowed"),
                Arguments.of("os.fork", "import os\nos.fork()", null, ""),
                Arguments.of("os.execv", "import os\nos.execv('/bin/sh', ['sh'])", null, ""),
                Arguments.of("import ctypes", "import ctypes", "ImportError", "not available in the robot sandbox"),
                Arguments.of("ctypes past the gate", RAW + "raw('ctypes').CDLL(None)", null, ""),
                Arguments.of("start a thread", RAW + "raw('threading').Thread(target=print).start()", null, "threads is not allowed"),
                Arguments.of("start a low-level thread", RAW + "raw('_thread').start_new_thread(print, ())", null, "threads is not allowed"),
                Arguments.of("signal.alarm", RAW + "raw('signal').alarm(1)", "PermissionError", "not available in the robot sandbox"),
                Arguments.of("_signal.setitimer", RAW + "s = raw('_signal')\ns.setitimer(s.ITIMER_REAL, 0.1)", "PermissionError", "not available"),
                Arguments.of("import java", "import java", "ImportError", "not available in the robot sandbox"),
                Arguments.of("java.type past the gate", RAW + "raw('java').type('java.lang.Runtime')", "KeyError", "access has been denied"),
                Arguments.of("polyglot eval", RAW + "raw('polyglot').eval(language='python', string='1')", "RuntimeError", "polyglot access is not allowed"),
                Arguments.of("subclass walk to os.system",
                        "import os\nwc = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]\n"
                                + "wc.__init__.__globals__['system']('touch " + marker + "')",
                        null, "Process creation is not allowed"),
                Arguments.of("read the host environment",
                        "import os\nassert 'PATH' not in os.environ and 'HOME' not in os.environ, os.environ\nraise LookupError('no host variables')",
                        "LookupError", "no host variables"),
                Arguments.of("native module load", RAW + "raw('_ctypes').dlopen('libc.so.6')", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isContained(String name, String code, String expectedType, String expectedMessagePart) {
        try (Session attacker = SharedEngine.get().openSession("attacker")) {
            ActionResult r = attacker.execute(code, Duration.ofSeconds(20));
            assertThat(r.status()).as(name + " must fail, got stdout %s", r.stdout()).isEqualTo(ActionStatus.ERROR);
            if (expectedType != null) {
                assertThat(r.error().type()).as(r.error().traceback()).isEqualTo(expectedType);
            }
            assertThat(r.error().summary()).contains(expectedMessagePart);
            assertThat(attacker.execute("'usable'").stdout()).isEqualTo("'usable'\n");
        }
        assertThat(bystander.execute("counter += 1\ncounter > 0").stdout()).isEqualTo("True\n");
    }
}
