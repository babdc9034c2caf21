package io.newsflow.cli.bench;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.stack.Folders;
import io.newsflow.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow bench}: the pipeline's throughput against Kafka's own, its latency and its memory, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the pipeline's throughput, latency and memory against Kafka itself.",
                "One run on generated seed-shaped articles: the ingest path",
                "against a plain producer of the same bytes; enrich (a child process) against a pass-through Kafka Streams app with",
                "the same settings; ingest-to-enriched latency at a fixed rate; enrich's peak RSS and heap. Runs on an embedded",
                "stack unless --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS) names a cluster; its topics are deleted after.",
                "Prints one table on stdout, progress on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:a step failed or timed out", "64:wrong command line"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "50000", description = "Articles per throughput phase (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--latency-rate", defaultValue = "1000", description = "Articles/s offered in the latency phase (default ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-seconds", defaultValue = "60", description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--enrich-heap", defaultValue = "256m", description = "-Xmx of the enrich and pass-through processes (default ${DEFAULT-VALUE}).")
    String enrichHeap;

    @Option(names = "--enrich-threads", defaultValue = "1", description = "Stream threads per enrich process (default ${DEFAULT-VALUE}).")
    int enrichThreads;

    @Option(names = "--enrich-instances", defaultValue = "1", description = "Enrich processes sharing the work (default ${DEFAULT-VALUE}).")
    int enrichInstances;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the benchmark's topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", description = "Keep the stack's data and the child processes' logs here (default: a temporary folder).")
    Path dataDir;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles < 10 || latencyRate < 1 || latencySeconds < 1 || partitions < 1 || enrichThreads < 1 || enrichInstances < 1) {
            spec.commandLine().getErr().println("bench: --articles must be at least 10; --latency-rate, --latency-seconds, --partitions at least 1");
            return ExitCodes.USAGE;
        }
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("newsflow-bench-");
        Bench.Plan plan = new Bench.Plan(articles, latencyRate, Duration.ofSeconds(latencySeconds), enrichHeap, partitions,
                enrichThreads, enrichInstances);
        try {
            Bench.Report report;
            String where;
            if (connection.namesACluster(System.getenv())) {
                ClientSettings settings = connection.resolve(System.getenv());
                where = "cluster " + settings.bootstrapServers();
                report = new Bench(plan, settings, dir, spec.commandLine().getErr()).run();
            } else {
                spec.commandLine().getErr().println("bench: starting an embedded broker and schema registry (data in " + dir + ")");
                try (LocalStack stack = LocalStack.start(dir, 0, 0)) {
                    where = "embedded single-broker stack";
                    report = new Bench(plan, stack.clientSettings(), dir, spec.commandLine().getErr()).run();
                }
            }
            spec.commandLine().getOut().print(Bench.table(report, where));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } finally {
            if (dataDir == null) {
                Folders.deleteQuietly(dir);
            }
        }
    }
}
