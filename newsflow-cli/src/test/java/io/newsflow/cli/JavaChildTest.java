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
}
