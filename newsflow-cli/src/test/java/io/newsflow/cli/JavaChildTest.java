package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaChildTest {

    private static final Path LOG = Path.of("enrich.log");

    @Test
    void enrichRunsWithTheThroughputCollectorByDefault() {
        List<String> command = JavaChild.enrich("256m", List.of("--instance-id", "x"), LOG).command();

        assertThat(command).contains("-Xmx256m", JavaChild.ENRICH_GC);
        assertThat(command.indexOf(JavaChild.ENRICH_GC)).isLessThan(command.indexOf(NewsflowCommand.class.getName()));
        assertThat(command.subList(command.indexOf(NewsflowCommand.class.getName()), command.size()))
                .containsExactly(NewsflowCommand.class.getName(), "enrich", "--instance-id", "x");
    }

    @Test
    void aCollectorChosenByTheCallerIsTheOnlyOne() {
        List<String> command = JavaChild.enrich("256m", List.of(), LOG, "-XX:+UseSerialGC").command();

        assertThat(command).contains("-XX:+UseSerialGC").doesNotContain(JavaChild.ENRICH_GC);
    }

    @Test
    void onlyCollectorSwitchesCountAsChoosingOne() {
        assertThat(JavaChild.choosesCollector("-XX:+UseG1GC")).isTrue();
        assertThat(JavaChild.choosesCollector("-XX:+UseParallelGC")).isTrue();
        assertThat(JavaChild.choosesCollector("-XX:+UseZGC")).isTrue();
        assertThat(JavaChild.choosesCollector("-XX:+UseStringDeduplication")).isFalse();
        assertThat(JavaChild.choosesCollector("-Xlog:gc:file=gc.log")).isFalse();
        assertThat(JavaChild.choosesCollector("-XX:StartFlightRecording=filename=x.jfr")).isFalse();
    }

    @Test
    void aChildStillRunningIsKilledWithItsParent(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        JavaChild child = new JavaChild(List.of("-Xmx32m"), Sleeper.class.getName(), List.of(), dir.resolve("sleeper.log"));
        child.start();
        Thread.sleep(1500); // long enough for a child that could not start to have exited
        assertThat(child.alive()).as("the sleeper is running; its log: %s", dir.resolve("sleeper.log")).isTrue();

        JavaChild.killAll(); // what the parent's shutdown hook runs

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (child.alive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.alive()).as("the sleeper was killed").isFalse();
    }
}
