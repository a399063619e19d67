package io.codeact.bridge.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The controller stand-in for {@link EpisodeLogKillTest}: writes telemetry records to the episode log
 * named by {@code args[0]} as fast as it can, printing the seq of every 100th record to stdout, until it
 * is killed (or after a minute, so a lost parent never leaves it running).
 */
final class EpisodeLogWriterProcess {
    static final String PAD = "p".repeat(4000);

    private EpisodeLogWriterProcess() {}

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (EpisodeLog log = EpisodeLog.open(Path.of(args[0]))) {
            log.episodeStart("write until killed", "test:writer", "code", null, Map.of());
            for (long i = 1; System.nanoTime() < deadline; i++) {
                long seq = log.record("telemetry", Map.of("i", i, "pad", PAD));
                if (seq % 100 == 0) {
                    System.out.println(seq);
                    System.out.flush();
                }
            }
        }
    }
}
