package io.newsflow.it;

import io.newsflow.cli.bench.Bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline benchmark, tiny, so it cannot rot: every phase runs and reports; no figure is judged. */
@ExtendWith(SharedStack.class)
class BenchIT {

    @TempDir
    Path dir;

    @Test
    void everyPhaseRunsAndTheTableHasEveryRow() throws Exception {
        StringWriter progress = new StringWriter();
        Bench.Report report = new Bench(new Bench.Plan(300, 100, Duration.ofSeconds(3), "256m", 2, 1, 1),
                SharedStack.stack().clientSettings(), dir, new PrintWriter(progress, true)).run();
        String table = Bench.table(report, "test");
        System.err.print(table);

        assertThat(report.articles()).isEqualTo(300);
        assertThat(report.plainProducer()).isPositive();
        assertThat(report.ingest()).isPositive();
        assertThat(report.coldPlainProducer()).as("the warm-up rounds ran and were timed").isPositive();
        assertThat(report.coldIngest()).isPositive();
        assertThat(report.passThrough()).isPositive();
        assertThat(report.enrich()).isPositive();
        assertThat(report.latencySamples()).as("every latency article came out enriched").isEqualTo(300);
        assertThat(report.p99()).isGreaterThanOrEqualTo(report.p50()).isPositive();
        assertThat(report.enrichPeakRss()).isPositive();
        assertThat(report.enrichPeakHeap()).isPositive();
        assertThat(report.dedupStep()).as("the dedup step alone drained all 300").isPositive();
        assertThat(table).contains("plain producer", "ingest path", "pass-through", "newsflow enrich", "latency", "peak RSS", "dedup step alone");
        assertThat(progress.toString()).contains("bench: enrich draining into", "bench: pass-through draining 600 records",
                "bench: dedup step alone: draining bench-dedup-",
                "bench: warming up: plain producer and ingest path, 300 articles each, untimed");
        assertThat(table).contains("warm-up rounds");
    }
}
