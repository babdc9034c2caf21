package io.newsflow.cli;

import io.newsflow.stack.Folders;
import io.newsflow.stack.LocalStack;

import io.newsflow.runtime.Preflight;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.StopSignals;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.DeadLetterHeaders;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow demo}: the whole pipeline on this machine. Starts a broker and a schema registry,
 * runs the enrich topology, ingests the given articles (default: the samples the project ships),
 * prints each enriched article as one JSON line on stdout, a summary on stderr, and shuts it all down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline once on an embedded broker and schema registry.",
                "Ingests PATHs (default: the samples folder), enriches them, prints each enriched article as one JSON line",
                "on stdout and a summary on stderr, then stops everything."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article enriched or dead-lettered", "1:fatal error, or not every article came through in time",
                "2:some inputs rejected (named on stderr), the rest went through", "64:wrong command line"})
public final class DemoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders of articles (default: the samples folder).")
    List<String> inputs = new ArrayList<>();

    /** How long to wait for the stack the demo itself started. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--keep-running", description = {"Leave the stack and the enricher up afterwards, and print how to connect;",
            "serves the live page on 127.0.0.1 (its address is printed)."})
    boolean keepRunning;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Longest wait for every article to come through (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> paths = inputs.isEmpty() ? List.of(samplesFolder().toString()) : inputs;
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory("newsflow-demo-");
        err.println("demo: starting Kafka and the schema registry (data in " + dir + ")");
        Resources resources = new Resources(dir);
        StopSignals stop = StopSignals.install().onStop(resources::close);
        try {
            LocalStack stack = LocalStack.start(dir, 0, 0);
            resources.stack = stack;
            ClientSettings settings = stack.clientSettings();
            Map<String, String> env = new java.util.HashMap<>(Map.of(EnrichConfig.APPLICATION_ID, "newsflow-demo",
                    EnrichConfig.STATE_DIR, dir.resolve("streams").toString()));
            if (keepRunning) {
                // the live page (and /metrics) on a free port of 127.0.0.1: NEWSFLOW_HTTP_HOST's default, this machine only
                env.put(EnrichConfig.METRICS_PORT, "0");
            }
            EnrichConfig config = EnrichConfig.fromEnv(env, settings);
            resources.enrich = new EnrichApp(config);
            resources.enrich.start();
            err.println("demo: stack up in " + seconds(started) + " s; ingesting " + String.join(" ", paths));
            resources.enrich.opsUrl().ifPresent(url -> err.println("demo: live page at " + url + "/"));

            int published = 0;
            int rejected = 0;
            int enriched = 0;
            int deadLettered = 0;
            int marked = 0;
            try (Ingester ingester = new Ingester(settings, Topics.RAW, CONNECT_TIMEOUT, err)) {
                int limit = ingester.checkReachable(config.maxArticleBytes());
                for (Batch batch : batches(paths)) {
                    if (batch.note() != null) {
                        err.println("demo: " + batch.note());
                    }
                    Ingester.Result ingested = ingester.ingest(batch.paths(), System.in,
                            new ArticleSources(InputFormat.AUTO, null, limit, Clock.systemUTC()));
                    if (ingested.fatal() != null) {
                        err.println("demo: " + ingested.fatal());
                        return ExitCodes.FATAL;
                    }
                    Outcome outcome = awaitResults(settings, new HashSet<>(ingested.ids()), Duration.ofSeconds(timeoutSeconds), stop, out, err);
                    if (stop.received()) {
                        err.println("demo: stopped");
                        return ExitCodes.INTERRUPTED;
                    }
                    published += ingested.published();
                    rejected += ingested.rejected();
                    enriched += outcome.enriched();
                    deadLettered += outcome.deadLettered();
                    marked += outcome.marked();
                    if (outcome.missing() > 0) {
                        err.println("demo: " + outcome.missing() + " articles did not come through within " + timeoutSeconds + " s");
                        return ExitCodes.FATAL;
                    }
                }
            }
            err.printf("demo: ingested %d, enriched %d (%d marked duplicateOf an earlier article), dead-lettered %d, rejected %d inputs in %s s%n",
                    published, enriched, marked, deadLettered, rejected, seconds(started));
            if (keepRunning) {
                err.println("demo: still running; connect with");
                err.println("  ./newsflow consume --from-beginning --bootstrap-servers " + stack.bootstrapServers()
                        + " --schema-registry-url " + stack.schemaRegistryUrl());
                err.println("  ./newsflow ingest --bootstrap-servers " + stack.bootstrapServers()
                        + " --schema-registry-url " + stack.schemaRegistryUrl() + " PATH...");
                err.println("demo: Ctrl-C to stop");
                stop.await();
            }
            return rejected > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (IOException | Preflight.Failed e) {
            err.println("demo: " + e.getMessage());
            return ExitCodes.FATAL;
        } finally {
            resources.close();
        }
    }

    private record Outcome(int enriched, int deadLettered, int marked, int missing) {
    }

    /** Paths ingested together, and what to say first. */
    private record Batch(List<String> paths, String note) {
    }

    /**
     * The user's paths in one batch; by default the samples, then (once they are through) the copy of one
     * of them in {@code samples/syndicated/}, so the demo shows what a near-duplicate looks like.
     */
    private List<Batch> batches(List<String> paths) throws IOException {
        if (!inputs.isEmpty()) {
            return List.of(new Batch(paths, null));
        }
        Path samples = samplesFolder();
        Path syndicated = samples.resolve("syndicated");
        List<String> originals;
        try (var files = Files.list(samples)) {
            originals = files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
        if (!Files.isDirectory(syndicated)) {
            return List.of(new Batch(originals, null));
        }
        return List.of(new Batch(originals, null), new Batch(List.of(syndicated.toString()),
                "feeding " + syndicated + " (the harbour strike as another site ran it: ads moved, a dateline, a word edited, "
                        + "another footer): it comes out with duplicateOf = the first copy's id"));
    }

    /** Prints enriched articles as they arrive until every id is enriched or dead-lettered, or the deadline. */
    private static Outcome awaitResults(ClientSettings settings, Set<String> pending, Duration timeout, StopSignals stop, PrintWriter out,
                                        PrintWriter err) {
        Properties props = settings.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        SpecificAvroSerde<EnrichedArticle> serde = SpecificAvroSerde.forValues(settings.serdeConfig());
        int enriched = 0;
        int deadLettered = 0;
        int marked = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < LocalStack.DATA_PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.ENRICHED, p));
            }
            partitions.add(new TopicPartition(Topics.DLQ, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!pending.isEmpty() && System.nanoTime() < deadline && !stop.received()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    if (record.topic().equals(Topics.DLQ)) {
                        if (!pending.remove(key)) {
                            continue; // an earlier batch's record
                        }
                        deadLettered++;
                        Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                        err.println("demo: dead-lettered " + key + ": "
                                + (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8)));
                    } else {
                        if (!pending.remove(key)) {
                            continue; // an earlier batch's record
                        }
                        enriched++;
                        EnrichedArticle article = serde.deserializer().deserialize(record.topic(), record.value());
                        marked += article.getDuplicateOf() == null ? 0 : 1;
                        out.println(RecordJson.value(article));
                    }
                }
                out.flush();
            }
        }
        return new Outcome(enriched, deadLettered, marked, pending.size());
    }

    private static Path samplesFolder() {
        String home = System.getProperty("newsflow.home", System.getenv().getOrDefault("NEWSFLOW_HOME", "."));
        return Path.of(home).resolve("samples").normalize();
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    /** What the demo started, closed once in reverse order whichever way the demo ends. */
    private static final class Resources {
        private final Path dir;
        private volatile LocalStack stack;
        private volatile EnrichApp enrich;
        private boolean closed;

        Resources(Path dir) {
            this.dir = dir;
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (enrich != null) {
                enrich.close();
            }
            if (stack != null) {
                stack.close();
            }
            Folders.deleteQuietly(dir);
        }
    }
}
