package io.newsflow.cli;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.TrendingConfig;
import io.newsflow.enrich.step.InRange;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.StopSignals;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow reprocess}: the raw topic enriched again by this version of the enricher, into a topic of its own,
 * under an application id of its own, so the output in use keeps serving while the new one is made and compared.
 * Runs enrich's own topology (the same steps, dedup included, in a fresh state of its own, so an article is not taken
 * for a re-delivery of its first enrichment, and near-duplicates link as they did), over the input records of a time
 * range when one is given, and stops once it has read up to the end offsets the input had at its start and the dedup
 * hop has drained. Run again with the same application id, it picks up where it stopped.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Enrich the raw topic (all of it, or --since/--until) again with this version of the enricher into",
                "a versioned topic (--output) under its own application id, then stop. The topic in use keeps serving."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reached the end offsets taken at the start", "1:could not start, or stopped on an error", "64:wrong command line",
                "78:invalid configuration", "130:interrupted (Ctrl-C); run again to go on"})
public final class ReprocessCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Option(names = "--output", paramLabel = "TOPIC", required = true,
            description = "Topic for the new enriched articles, e.g. news.articles.enriched.v2 (created when missing, partitioned as the input).")
    String output;

    @Option(names = "--input", paramLabel = "TOPIC", defaultValue = Topics.RAW, description = "Raw topic (default ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", description = "Dead letters of this run (default: the output topic + .dlq; created when missing).")
    String deadLetterTopic;

    @Option(names = "--application-id", paramLabel = "ID", description = "Its Kafka Streams application id (default newsflow-reprocess-<output>).")
    String applicationId;

    @Option(names = "--since", paramLabel = "TIME", description = "Only input records written at or after this time (ISO-8601).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only input records written before this time (ISO-8601).")
    Instant until;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (default: java.io.tmpdir/newsflow-reprocess).")
    Path stateDir;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (since != null && until != null && !since.isBefore(until)) {
            err.println("reprocess: --since " + since + " is not before --until " + until + ": the range holds nothing");
            return ExitCodes.USAGE;
        }
        if (output.equals(input) || output.equals(Topics.ENRICHED) || output.equals(System.getenv(EnrichConfig.OUTPUT_TOPIC))) {
            err.println("reprocess: --output " + output + " is the " + (output.equals(input) ? "input" : "enriched topic in use")
                    + "; name a topic of its own, e.g. " + Topics.ENRICHED + ".v2");
            return ExitCodes.USAGE;
        }
        ClientSettings settings = connection.resolve(System.getenv());
        String appId = applicationId != null ? applicationId : "newsflow-reprocess-" + output;
        String dlq = deadLetterTopic != null ? deadLetterTopic : output + ".dlq";
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove(EnrichConfig.METRICS_PORT);
        env.remove(EnrichConfig.INSTANCE_ID);
        env.put(TrendingConfig.TOPIC_ENV, "off"); // the trending lists stay those of the enriched topic in use
        env.put(EnrichConfig.APPLICATION_ID, appId);
        env.put(EnrichConfig.INPUT_TOPIC, input);
        env.put(EnrichConfig.OUTPUT_TOPIC, output);
        env.put(EnrichConfig.DLQ_TOPIC, dlq);
        env.put(EnrichConfig.STATE_DIR, (stateDir != null ? stateDir : Path.of(System.getProperty("java.io.tmpdir"), "newsflow-reprocess")).toString());
        EnrichConfig config;
        try {
            config = EnrichConfig.fromEnv(env, settings);
        } catch (IllegalArgumentException e) {
            err.println("reprocess: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Map<TopicPartition, Long> start;
        Map<TopicPartition, Long> end;
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            int partitions = admin.describeTopics(List.of(input)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(input)
                    .partitions().size();
            create(admin, output, partitions, ArticleSize.topicMaxMessageBytes(config.maxEnrichedBytes()));
            create(admin, dlq, 1, ArticleSize.topicMaxMessageBytes(config.maxArticleBytes()));
            List<TopicPartition> inputPartitions = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                inputPartitions.add(new TopicPartition(input, p));
            }
            start = offsets(admin, inputPartitions, OffsetSpec.earliest());
            end = offsets(admin, inputPartitions, OffsetSpec.latest());
        } catch (ExecutionException e) {
            err.println("reprocess: " + input + " on " + settings.bootstrapServers() + ": " + e.getCause().getMessage());
            return ExitCodes.FATAL;
        } catch (java.util.concurrent.TimeoutException e) {
            err.println("reprocess: cannot reach Kafka at " + settings.bootstrapServers() + " within " + TIMEOUT.toSeconds() + " s");
            return ExitCodes.FATAL;
        }
        long total = 0;
        for (TopicPartition tp : end.keySet()) {
            total += end.get(tp) - start.get(tp);
        }
        err.printf("reprocess: %s -> %s (application id %s, enricher %s), %,d records up to the end offsets now%s%n", input, output, appId,
                EnrichApp.enricherVersion(), total, range());
        err.flush();
        AtomicBoolean interrupted = new AtomicBoolean();
        Properties checkerProps = settings.kafkaProperties();
        checkerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        checkerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        checkerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-reprocess-check");
        checkerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // the hop's records below its purge point are read
        EnrichApp enricher;
        try {
            enricher = new EnrichApp(config, TextChain.from(config.text()), new InRange.Range(Optional.ofNullable(since), Optional.ofNullable(until)));
        } catch (IllegalStateException e) {
            err.println("reprocess: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (EnrichApp app = enricher;
             Admin admin = Admin.create(settings.kafkaProperties());
             KafkaConsumer<byte[], byte[]> checker = new KafkaConsumer<>(checkerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            StopSignals.install().onStop(() -> interrupted.set(true));
            app.start();
            long lastLine = 0;
            Map<TopicPartition, Long> hopEnd = null;
            boolean interactive = System.console() != null;
            while (true) {
                if (interrupted.get()) {
                    err.println();
                    err.println("reprocess: interrupted; run the same command again to go on from where it stopped");
                    return ExitCodes.INTERRUPTED;
                }
                KafkaStreams.State state = app.state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_ERROR) {
                    err.println();
                    err.println("reprocess: enrich stopped (" + state + "); see the log above");
                    return ExitCodes.FATAL;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                long read = 0;
                Map<TopicPartition, Long> positions = new HashMap<>();
                for (TopicPartition tp : end.keySet()) {
                    OffsetAndMetadata at = committed.get(tp);
                    long position = at == null ? start.get(tp) : at.offset();
                    positions.put(tp, position);
                    read += Math.max(0, Math.min(position, end.get(tp)) - start.get(tp));
                }
                boolean inputDone = nothingLeft(checker, positions, end);
                long now = System.nanoTime();
                if (interactive || now - lastLine > TimeUnit.SECONDS.toNanos(5)) {
                    err.printf(interactive ? "\rreprocess: %,d of %,d records read (%d%%)" : "reprocess: %,d of %,d records read (%d%%)%n",
                            read, total, total == 0 ? 100 : read * 100 / total);
                    err.flush();
                    lastLine = now;
                }
                if (inputDone && hopEnd == null) {
                    // everything made from the input up to its end was committed with those input offsets: it lies
                    // below the dedup hop's end offsets now, whatever arrives later
                    hopEnd = hopEnds(admin, app);
                }
                if (inputDone && drained(checker, hopEnd, committed)) {
                    if (interactive) {
                        err.println();
                    }
                    err.printf("reprocess: done: %,d records read from %s, enriched articles in %s, dead letters in %s%n", total, input, output, dlq);
                    err.flush();
                    return ExitCodes.OK;
                }
                Thread.sleep(500);
            }
        }
    }

    private String range() {
        if (since == null && until == null) {
            return "";
        }
        return " (enriching those written " + (since == null ? "" : "from " + since) + (since != null && until != null ? " " : "")
                + (until == null ? "" : "before " + until) + ")";
    }

    /**
     * Whether no record is left between each partition's committed position and its end: only transaction markers
     * (which take offsets of their own), or nothing.
     */
    private static boolean nothingLeft(KafkaConsumer<byte[], byte[]> checker, Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : from.keySet()) {
            long position = from.get(tp);
            long last = end.get(tp);
            if (position >= last) {
                continue;
            }
            checker.assign(List.of(tp));
            checker.seek(tp, position);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (checker.position(tp) < last) {
                for (var record : checker.poll(Duration.ofMillis(100))) {
                    if (record.offset() < last) {
                        return false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The end offsets of the dedup hop (none when Kafka Streams has not made it: nothing went through it). */
    private static Map<TopicPartition, Long> hopEnds(Admin admin, EnrichApp app) throws Exception {
        List<TopicPartition> internal = new ArrayList<>();
        for (String topic : app.sourceTopics().subList(1, app.sourceTopics().size())) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
                description.partitions().forEach(p -> internal.add(new TopicPartition(topic, p.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return internal.isEmpty() ? Map.of() : offsets(admin, internal, OffsetSpec.latest());
    }

    /** Whether the dedup hop holds nothing unread below {@code hopEnd}. */
    private static boolean drained(KafkaConsumer<byte[], byte[]> checker, Map<TopicPartition, Long> hopEnd,
                                   Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : hopEnd.keySet()) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null && hopEnd.get(tp) > 0) {
                return false; // records wait in the hop and its reader has committed nothing yet
            }
            positions.put(tp, at == null ? 0L : at.offset());
        }
        return nothingLeft(checker, positions, hopEnd);
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static void create(Admin admin, String topic, int partitions, int maxMessageBytes) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)))))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
