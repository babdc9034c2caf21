package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark run reports what its enrich children warned about, since their logs go with its folder. */
class BenchProblemsTest {

    @TempDir
    Path dir;

    @Test
    void warningsAndErrorsAreReportedAndTheRestIsNot() throws Exception {
        Path log = dir.resolve("enrich-2-0.log");
        Files.write(log, List.of(
                "enrich: running bench-enrich-1 on 127.0.0.1:9092 (a -> b, dead letters to c); Ctrl-C to stop",
                "12:07:21.637 WARN  BoundedThreadReplacement - stream thread failed; replacing it (1 of 5)",
                "org.apache.kafka.common.errors.TimeoutException: Timeout expired after 60000ms",
                "12:07:22.001 ERROR DeadLetterHandler - bad record at raw-0@7 (decode): wrong magic byte",
                "[0.730s][info][jfr,startup] Started recording 1."));

        assertThat(Bench.problems(log, 10)).containsExactly(
                "12:07:21.637 WARN  BoundedThreadReplacement - stream thread failed; replacing it (1 of 5)",
                "12:07:22.001 ERROR DeadLetterHandler - bad record at raw-0@7 (decode): wrong magic byte");
    }

    @Test
    void manyAreCountedNotAllPrinted() throws Exception {
        Path log = dir.resolve("enrich-1-0.log");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add("12:00:00.000 WARN  Deduplicate - warning " + i);
        }
        Files.write(log, lines);

        List<String> shown = Bench.problems(log, 10);
        assertThat(shown).hasSize(11).startsWith("12:00:00.000 WARN  Deduplicate - warning 0");
        assertThat(shown.get(10)).isEqualTo("and 15 more warnings or errors");
        assertThat(Bench.problems(dir.resolve("enrich-9-0.log"), 10)).isEmpty();
    }
}
