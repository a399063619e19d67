package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {
    private Session session;

    @BeforeEach
    void open() {
        session = SharedEngine.get().openSession("session-test");
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void keepsVariablesImportsAndFunctionsAcrossActions() {
        assertThat(session.execute("import statistics\nreadings = [3, 1, 2]\ndef spread(xs):\n    return max(xs) - min(xs)").ok()).isTrue();
        ActionResult r = session.execute("print(statistics.median(readings), spread(readings))");
        assertThat(r.status()).isEqualTo(ActionStatus.OK);
        assertThat(r.stdout()).isEqualTo("2 2\n");
        assertThat(session.actionCount()).isEqualTo(2);
    }

    @Test
    void echoesTheValueOfATrailingExpressionLikeANotebook() {
        assertThat(session.execute("x = 6\nx * 7").stdout()).isEqualTo("42\n");
        assertThat(session.execute("{'a': [1, 2]}").stdout()).isEqualTo("{'a': [1, 2]}\n");
        assertThat(session.execute("None").stdout()).isEmpty();
        assertThat(session.execute("print('once')").stdout()).isEqualTo("once\n");
        assertThat(session.execute("x == 6").stdout()).isEqualTo("True\n");
        assertThat(session.execute("d = {'k': 1}\nd['k']").stdout()).isEqualTo("1\n");
        assertThat(session.execute("d['k'] = 2").stdout()).isEmpty();
        assertThat(session.execute("dict(a=1,\n     b=2)").stdout()).isEqualTo("{'a': 1, 'b': 2}\n");
        assertThat(session.execute("x += 1\nx").stdout()).isEqualTo("7\n");
        assertThat(session.execute("if x:\n    x").stdout()).isEmpty();
    }

    @Test
    void tracebackNamesTheModelsActionsAndLinesNotTheBridge() {
        session.execute("def ratio(a, b):\n    return a / b\n");
        ActionResult r = session.execute("x = 1\nratio(x, 0)\n");
        assertThat(r.status()).isEqualTo(ActionStatus.ERROR);
        assertThat(r.error().type()).isEqualTo("ZeroDivisionError");
        assertThat(r.error().message()).isEqualTo("division by zero");
        assertThat(r.error().traceback()).isEqualTo("""
                Traceback (most recent call last):
                  File "<action 2>", line 2, in <module>
                    ratio(x, 0)
                  File "<action 1>", line 2, in ratio
                    return a / b
                           ~~^~~
                ZeroDivisionError: division by zero
                """);
        assertThat(r.error().traceback()).doesNotContain("prelude", "_codeact");
    }

    @Test
    void syntaxErrorPointsAtTheLineAndKeepsEarlierState() {
        session.execute("kept = 1");
        ActionResult r = session.execute("y = 2\nif y > 1\n    print(y)\n");
        assertThat(r.status()).isEqualTo(ActionStatus.ERROR);
        assertThat(r.error().type()).isEqualTo("SyntaxError");
        assertThat(r.error().message()).isEqualTo("expected ':'");
        assertThat(r.error().traceback()).startsWith("  File \"<action 2>\", line ").endsWith("SyntaxError: expected ':'\n")
                .doesNotContain("ast.py", "Traceback");
        assertThat(session.execute("kept").stdout()).isEqualTo("1\n");
    }

    @Test
    void chainedExceptionsShowBothTracebacks() {
        ActionResult r = session.execute("try:\n    {}['missing']\nexcept KeyError as e:\n    raise ValueError('bad config') from e\n");
        assertThat(r.error().type()).isEqualTo("ValueError");
        assertThat(r.error().traceback())
                .contains("KeyError: 'missing'")
                .contains("The above exception was the direct cause of the following exception:")
                .endsWith("ValueError: bad config\n");
    }

    @Test
    void timeoutStopsAnEndlessLoopAndKeepsVariables() {
        session.execute("before = 'kept'");
        ActionResult r = session.execute("n = 0\nwhile True:\n    n += 1\n", Duration.ofMillis(300));
        assertThat(r.status()).isEqualTo(ActionStatus.TIMEOUT);
        assertThat(r.error().message()).isEqualTo("the action was stopped at its time limit of 0.3 s; variables set before that are kept");
        assertThat(r.sessionEnded()).isFalse();
        assertThat(session.execute("print(before, n > 0)").stdout()).isEqualTo("kept True\n");
    }

    @Test
    void timeoutInterruptsSleep() {
        ActionResult r = session.execute("import time\ntime.sleep(60)", Duration.ofMillis(200));
        assertThat(r.status()).isEqualTo(ActionStatus.TIMEOUT);
        assertThat(r.durationMillis()).isLessThan(10_000);
        assertThat(session.execute("1 + 1").stdout()).isEqualTo("2\n");
    }

    @Test
    void capsOutputAndSaysHowMuchWasDropped() {
        ActionResult r = session.execute("for i in range(20000):\n    print('x' * 9)\n");
        assertThat(r.status()).isEqualTo(ActionStatus.OK);
        assertThat(r.truncated()).isTrue();
        int cap = SharedEngine.get().config().outputCapBytes();
        assertThat(r.stdout()).startsWith("xxxxxxxxx\n")
                .endsWith("[output truncated: " + (200_000 - cap) + " more bytes dropped (cap " + cap + " bytes per action)]\n");
        assertThat(session.execute("print('next action is not truncated')").truncated()).isFalse();
    }

    @Test
    void capturesStderrSeparately() {
        ActionResult r = session.execute("import sys\nprint('out')\nprint('err', file=sys.stderr)");
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    @Test
    void sysExitEndsOnlyTheAction() {
        session.execute("v = 5");
        ActionResult r = session.execute("import sys\nprint('bye')\nsys.exit(3)\nprint('never')");
        assertThat(r.status()).isEqualTo(ActionStatus.EXIT);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("bye\n");
        assertThat(r.sessionEnded()).isFalse();
        assertThat(session.execute("quit()").status()).isEqualTo(ActionStatus.EXIT);
        assertThat(session.execute("v").stdout()).isEqualTo("5\n");
    }

    @Test
    void osExitEndsTheSessionButNotTheEngine() {
        ActionResult r = session.execute("import os\nos._exit(7)");
        assertThat(r.status()).isEqualTo(ActionStatus.EXIT);
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.sessionEnded()).isTrue();
        assertThat(session.isOpen()).isFalse();
        ActionResult after = session.execute("1");
        assertThat(after.error().type()).isEqualTo("SessionEnded");
        assertThat(after.error().message()).isEqualTo("session session-test has ended: the action called os._exit(7)");
        try (Session other = SharedEngine.get().openSession("other")) {
            assertThat(other.execute("print('alive')").stdout()).isEqualTo("alive\n");
        }
    }

    @Test
    void runawayRecursionIsARecursionErrorAndTheSessionLives() {
        ActionResult r = session.execute("def down(n):\n    return down(n + 1)\ndown(0)");
        assertThat(r.status()).isEqualTo(ActionStatus.ERROR);
        assertThat(r.error().type()).isEqualTo("RecursionError");
        assertThat(session.execute("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\ndepth(900)").stdout()).isEqualTo("900\n");
    }

    @Test
    void longTracebacksShowBothEndsAndSayHowManyFramesWereLeftOut() {
        ActionResult r = session.execute("def down(n):\n    return down(n + 1)\ndown(0)");
        assertThat(r.error().traceback())
                .startsWith("Traceback (most recent call last):\n  File \"<action 1>\", line 3, in <module>\n")
                .containsPattern("\\[\\.\\.\\. \\d+ more frames \\.\\.\\.]")
                .endsWith("RecursionError: maximum recursion depth exceeded\n");
    }

    @Test
    void raisingTheRecursionLimitStillEndsInRecursionErrorNotACrash() {
        ActionResult r = session.execute("import sys\nsys.setrecursionlimit(10**7)\ndef down(n):\n    return down(n + 1)\ndown(0)");
        assertThat(r.status()).isEqualTo(ActionStatus.ERROR);
        assertThat(r.error().type()).isEqualTo("RecursionError");
        assertThat(session.execute("'still here'").stdout()).isEqualTo("'still here'\n");
    }

    @Test
    void hugeSingleAllocationIsAMemoryResult() {
        // GraalPy caps one sequence at 2**31 elements, so ask for many of the largest kind.
        ActionResult r = session.execute("x = [bytearray(2**31 - 1) for _ in range(64)]");
        assertThat(r.status()).isEqualTo(ActionStatus.MEMORY);
        assertThat(r.error().type()).isEqualTo("MemoryError");
        assertThat(session.execute("'ok'").stdout()).isEqualTo("'ok'\n");
    }

    @Test
    void inputSeesEndOfFile() {
        ActionResult r = session.execute("input('name? ')");
        assertThat(r.error().type()).isEqualTo("EOFError");
    }
}
