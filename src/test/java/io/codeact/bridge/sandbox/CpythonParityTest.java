package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordinary code a model writes prints exactly what Debian's CPython prints for the same snippet. */
class CpythonParityTest {
    private static final Path CPYTHON = Path.of("/usr/bin/python3");
    private static Session session;

    @BeforeAll
    static void open() {
        session = SharedEngine.get().openSession("parity");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static Stream<Arguments> snippets() {
        return Stream.of(
                Arguments.of("arithmetic", "print(7 // -2, -7 % 3, 2 ** 100, 10 / 4, round(2.675, 2), 0.1 + 0.2)"),
                Arguments.of("formatting", "x = 3.14159\nprint(f'{x:.2f} {x:>10.3e} {255:#x} {1234567:,} {0.25:%}')"),
                Arguments.of("collections", "from collections import Counter, deque, defaultdict\n"
                        + "c = Counter('abracadabra')\nprint(c.most_common(3))\nd = deque(range(5), maxlen=3)\nprint(d)\n"
                        + "g = defaultdict(list)\ng['a'].append(1)\nprint(dict(g))"),
                Arguments.of("comprehensions and sorting", "pts = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]\n"
                        + "print(sorted(pts, key=lambda p: (-p[0], p[1])))\nprint({k: v for v, k in pts})\nprint(sorted({3, 1, 2} | {5}))"),
                Arguments.of("json", "import json\nprint(json.dumps({'b': [1, 2.5, None, True], 'a': 'é'}, sort_keys=True))\n"
                        + "print(json.loads('{\"x\": [1, {\"y\": 2}]}'))"),
                Arguments.of("math and statistics", "import math, statistics\nprint(math.hypot(3, 4), math.atan2(1, 1), math.isclose(0.1 + 0.2, 0.3))\n"
                        + "print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), round(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 6))"),
                Arguments.of("dataclasses", "from dataclasses import dataclass, field\n@dataclass\nclass Block:\n    color: str\n"
                        + "    size: float = 1.0\n    tags: list = field(default_factory=list)\nprint(Block('red'), Block('blue', 2) == Block('blue', 2.0))"),
                Arguments.of("itertools and heapq", "import itertools, heapq\nprint(list(itertools.permutations('ab')), list(itertools.accumulate([1, 2, 3])))\n"
                        + "h = [5, 1, 8, 3]\nheapq.heapify(h)\nprint([heapq.heappop(h) for _ in range(4)], heapq.nsmallest(2, [4, 2, 9]))"),
                Arguments.of("seeded random", "import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100), random.choice('xyz'))\n"
                        + "r = list(range(10))\nrandom.shuffle(r)\nprint(r)"),
                Arguments.of("datetime", "from datetime import datetime, timedelta\nt = datetime(2024, 2, 28, 23, 30)\n"
                        + "print(t + timedelta(hours=1), (t - datetime(2024, 1, 1)).days, t.isoformat())"),
                Arguments.of("regular expressions", "import re\nprint(re.findall(r'(\\w+)=(\\d+)', 'a=1, b=22, c=x'), re.sub(r'\\s+', ' ', ' a  b\\tc '))"),
                Arguments.of("exceptions", "for bad in ['int(\"x\")', '[][1]', '{}[\"k\"]', '1/0', 'None.x']:\n    try:\n        eval(bad)\n"
                        + "    except Exception as e:\n        print(type(e).__name__, e)"),
                Arguments.of("generators and closures", "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
                        + "    return inc\nc = counter()\nprint(c(), c(), sum(x * x for x in range(10) if x % 2), list(zip('ab', range(3))))"),
                Arguments.of("classes", "class Shape:\n    def area(self): return 0\n    def __repr__(self): return f'{type(self).__name__}({self.area():.1f})'\n"
                        + "class Square(Shape):\n    def __init__(self, s): self.s = s\n    def area(self): return self.s ** 2\n"
                        + "print([Square(2), Shape()], isinstance(Square(1), Shape))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void printsWhatCpythonPrints(String name, String code) throws Exception {
        assumeTrue(Files.isExecutable(CPYTHON), "/usr/bin/python3 is not installed");
        Process p = new ProcessBuilder(CPYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("CPython failed: " + expected).isZero();

        ActionResult r = session.execute(code);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ActionStatus.OK);
        assertThat(r.stdout()).isEqualTo(expected);
    }
}
