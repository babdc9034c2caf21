package io.newsflow.cli.soak;

import io.newsflow.runtime.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow soak}: exactly-once through kill -9s of enrich and a broker restart, on a private local stack. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Crash-test exactly-once: kill -9 and restart enrich while articles flow, then check every id.",
                "Runs N articles through a private local stack while enrich (a child process) is killed with SIGKILL and",
                "restarted K times and the broker is restarted on its data; then checks, reading read_committed, that every",
                "input id is in the enriched or the dead-letter topic exactly once, and reports the longest output stall."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every id exactly once", "1:an id missing or duplicated, the timeout passed, or the stack failed", "64:wrong command line"})
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "20000", description = "Articles to publish (one in a hundred undecodable; default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", defaultValue = "1000", description = "Articles published per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--kills", defaultValue = "3", description = "kill -9s of enrich, each followed by a restart (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--broker-restarts", defaultValue = "1", description = "Broker restarts on the same data (default ${DEFAULT-VALUE}).")
    int brokerRestarts;

    @Option(names = "--enrich-heap", defaultValue = "512m", description = "-Xmx of the enrich child (default ${DEFAULT-VALUE}).")
    String enrichHeap;

    @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before giving up (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--data-dir", description = "Keep the stack's data and enrich.log here (default: a temporary folder, deleted after).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles < 100 || rate < 1 || kills < 0 || brokerRestarts < 0) {
            spec.commandLine().getErr().println("soak: --articles must be at least 100, --rate at least 1, --kills and --broker-restarts at least 0");
            return ExitCodes.USAGE;
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("newsflow-soak-");
        Soak.Report report;
        try {
            report = new Soak(new Soak.Plan(articles, rate, kills, brokerRestarts, enrichHeap, Duration.ofSeconds(timeoutSeconds)), dir, err).run();
        } finally {
            if (dataDir == null) {
                io.newsflow.stack.Folders.deleteQuietly(dir);
            }
        }
        spec.commandLine().getOut().print(table(report));
        spec.commandLine().getOut().flush();
        return report.exactlyOnce() ? ExitCodes.OK : ExitCodes.FATAL;
    }

    public static String table(Soak.Report r) {
        return String.format(Locale.ROOT, """
                | soak: %,d articles (%,d undecodable) at %,d/s, %d kill -9 of enrich, %d broker restart, %.0f s | |
                |---|---|
                | enriched | %,d |
                | dead-lettered | %,d |
                | missing | %d |
                | duplicated | %d |
                | exactly once | %s |
                | longest output stall | %.1f s |
                | output resumed after each kill -9 (restart included) | %s |
                | output resumed after each broker restart (from its start) | %s |
                """, r.articles(), r.undecodable(), r.ratePerSecond(), r.kills(), r.brokerRestarts(), r.seconds(), r.enriched(), r.deadLettered(), r.missing(),
                r.duplicated(), r.exactlyOnce() ? "yes" : "NO", r.longestStallSeconds(), seconds(r.resumedAfterKill()),
                seconds(r.resumedAfterBroker()));
    }

    private static String seconds(List<Double> values) {
        return values.isEmpty() ? "-" : values.stream().map(v -> String.format(Locale.ROOT, "%.1f s", v)).collect(Collectors.joining(", "));
    }
}
