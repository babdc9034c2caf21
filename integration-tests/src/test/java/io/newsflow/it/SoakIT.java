package io.newsflow.it;

import io.newsflow.cli.soak.Soak;
import io.newsflow.cli.soak.SoakCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak, small (what CI runs; docs/operations.md shows a 100,000-article run): 3,000 articles at 1,000/s through
 * its own stack, two kill -9s of the enrich process and one broker restart, then every id exactly once.
 */
class SoakIT {

    @TempDir
    Path dir;

    @Test
    void everyArticleComesOutExactlyOnceThroughKillsAndABrokerRestart() throws Exception {
        Soak.Report report = new Soak(new Soak.Plan(3_000, 1_000, 2, 1, "384m", Duration.ofMinutes(8)), dir,
                new PrintWriter(System.err, true)).run();
        System.err.print(SoakCommand.table(report));

        assertThat(report.kills()).isEqualTo(2);
        assertThat(report.brokerRestarts()).isEqualTo(1);
        assertThat(report.missing()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.deadLettered()).as("the undecodable ones").isEqualTo(report.undecodable()).isEqualTo(30);
        assertThat(report.enriched() + report.deadLettered()).isEqualTo(3_000);
        assertThat(report.exactlyOnce()).isTrue();
    }
}
