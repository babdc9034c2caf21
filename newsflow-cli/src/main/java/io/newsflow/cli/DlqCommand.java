package io.newsflow.cli;

import io.newsflow.deadletter.DeadLetterGroups;
import io.newsflow.deadletter.DeadLetterRecord;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.DeadLetterHeaders;
import io.newsflow.schema.Topics;
import io.newsflow.serde.KafkaAvroDeserializer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow dlq}: what failed, and trying it again once the cause is fixed. {@code summary} counts the dead
 * letters by stage and reason with when each was first and last seen; {@code show} prints some whole, headers
 * included; {@code replay} writes a selection back to the raw topic, key and value byte for byte, exactly once: the
 * dead letters replayed are recorded, in the same transaction as the records written, in a compacted topic beside
 * the dead-letter topic ({@code <dlq>.replayed}), and a second run of the same replay writes nothing. A record that
 * fails again comes back to the dead-letter topic with its replay count; after {@link DeadLetterHeaders#MAX_REPLAYS}
 * replays it is left alone.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarize, show and replay dead letters (news.articles.dlq, or --topic)."},
        subcommands = {DlqCommand.Summary.class, DlqCommand.Show.class, DlqCommand.Replay.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:fatal error (broker unreachable, no such topic)", "64:wrong command line"})
public final class DlqCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    /** The dead-letter topic and the cluster, on every subcommand. */
    static final class Common {
        @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.DLQ, description = "Dead-letter topic (default ${DEFAULT-VALUE}).")
        String topic;

        @Mixin
        ConnectionOptions connection;

        List<DeadLetterRecord> read(ClientSettings settings) throws Fatal {
            return read(settings, true);
        }

        List<DeadLetterRecord> read(ClientSettings settings, boolean values) throws Fatal {
            try {
                return DeadLetters.readAll(settings.kafkaProperties(), topic, TIMEOUT, values).stream().map(DeadLetterRecord::new).toList();
            } catch (org.apache.kafka.common.errors.TimeoutException | IllegalStateException e) {
                throw new Fatal("dlq: cannot read " + topic + " on " + settings.bootstrapServers() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The selection options shared by show and replay. */
    static final class Select {
        @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (repeatable).")
        List<String> stages;

        @Option(names = "--reason", paramLabel = "REGEX", description = "Only dead letters whose reason matches (a regular expression, found anywhere).")
        String reason;

        @Option(names = "--since", paramLabel = "TIME", description = "Only dead letters written at or after this time (ISO-8601, e.g. 2026-12-03T10:00:00Z).")
        Instant since;

        @Option(names = "--until", paramLabel = "TIME", description = "Only dead letters written before this time.")
        Instant until;

        @Option(names = "--id", paramLabel = "ID", description = "Only the dead letters of this article id (the record key; repeatable).")
        List<String> ids;

        @Option(names = "--at", paramLabel = "PARTITION:OFFSET", description = "Only the dead letter at this position (repeatable).")
        List<String> at;

        DeadLetters.Selection selection() {
            Pattern pattern;
            try {
                pattern = reason == null ? null : Pattern.compile(reason);
            } catch (PatternSyntaxException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new DlqCommand()),
                        "--reason " + reason + ": not a regular expression: " + e.getDescription());
            }
            return new DeadLetters.Selection(stages == null ? null : Set.copyOf(stages), pattern, since, until,
                    ids == null ? null : Set.copyOf(ids), at == null ? null : Set.copyOf(at));
        }
    }

    private static final class Fatal extends Exception {
        Fatal(String message) {
            super(message);
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = {"Count the dead letters by stage and reason, with when each was first and last written."})
    static final class Summary implements Callable<Integer> {
        @Mixin
        Common parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<DeadLetterRecord> letters;
            try {
                letters = parent.read(parent.connection.resolve(System.getenv()), false);
            } catch (Fatal e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.FATAL;
            }
            DeadLetterGroups groups = new DeadLetterGroups();
            for (DeadLetterRecord letter : letters) {
                groups.add(letter.stage(), letter.reasonKind(), letter.record().timestamp());
            }
            out.printf("%d dead letters in %s%n", letters.size(), parent.topic);
            if (groups.total() > 0) {
                out.printf("%7s  %-18s  %-20s  %-20s  %s%n", "count", "stage", "first", "last", "reason");
                for (DeadLetterGroups.Group g : groups.groups()) {
                    out.printf("%7d  %-18s  %-20s  %-20s  %s%n", g.count(), g.stage(), g.first().toString().replaceFirst("\\.\\d+Z$", "Z"),
                            g.last().toString().replaceFirst("\\.\\d+Z$", "Z"), g.reason());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print dead letters as JSON lines: position, key, headers, and the value (decoded when it is Avro)."})
    static final class Show implements Callable<Integer> {
        @Mixin
        Common parent;

        @Mixin
        Select select;

        @Option(names = "--max", paramLabel = "N", defaultValue = "20", description = "Print at most N (default ${DEFAULT-VALUE}).")
        int max;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ClientSettings settings = parent.connection.resolve(System.getenv());
            List<DeadLetterRecord> letters;
            try {
                letters = parent.read(settings);
            } catch (Fatal e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.FATAL;
            }
            KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
            avro.configure(settings.serdeConfig(), false);
            DeadLetters.Selection selection = select.selection();
            PrintWriter out = spec.commandLine().getOut();
            int shown = 0;
            for (DeadLetterRecord letter : letters) {
                if (!selection.test(letter) || shown >= max) {
                    continue;
                }
                var node = RecordJson.envelope(letter.record());
                if (!letter.truncated() && letter.record().value() != null) {
                    try {
                        if (avro.deserialize(letter.record().topic(), letter.record().value()) instanceof IndexedRecord value) {
                            node.set("decoded", RecordJson.value(value));
                        }
                    } catch (RuntimeException notAvro) {
                        // the envelope has the bytes
                    }
                }
                out.println(node);
                shown++;
            }
            out.flush();
            spec.commandLine().getErr().println("dlq: showed " + shown + " of " + letters.size() + " dead letters in " + parent.topic);
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Write dead letters back to the raw topic, key and value byte for byte, with a replay count header;",
                    "exactly once: a dead letter replayed is recorded (<dlq>.replayed) and never replayed again.",
                    "A selection (or --all) is required. Truncated dead letters, and those replayed "
                            + DeadLetterHeaders.MAX_REPLAYS + " times already, are left alone."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        Common parent;

        @Mixin
        Select select;

        @Option(names = "--all", description = "Replay every dead letter (no selection).")
        boolean all;

        @Option(names = "--to", paramLabel = "TOPIC", defaultValue = Topics.RAW, description = "Topic to write to (default ${DEFAULT-VALUE}).")
        String to;

        @Option(names = "--dry-run", description = "Say what would be replayed; write nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DeadLetters.Selection selection = select.selection();
            if (selection.everything() && !all) {
                err.println("dlq replay: say which dead letters (--stage, --reason, --since, --until, --id, --at) or --all");
                return ExitCodes.USAGE;
            }
            ClientSettings settings = parent.connection.resolve(System.getenv());
            String marks = parent.topic + ".replayed";
            List<DeadLetterRecord> letters;
            Set<String> replayed = new HashSet<>();
            KafkaProducer<byte[], byte[]> producer = null;
            try {
                letters = parent.read(settings);
                if (!dryRun) {
                    ensureMarkTopic(settings, marks);
                    // first fence any other replay of this topic and settle its last transaction, then read the marks
                    producer = producer(settings);
                    producer.initTransactions();
                }
                try {
                    for (ConsumerRecord<byte[], byte[]> mark : DeadLetters.readAll(settings.kafkaProperties(), marks, TIMEOUT)) {
                        replayed.add(new String(mark.key(), StandardCharsets.UTF_8));
                    }
                } catch (IllegalStateException noMarksYet) {
                    if (!dryRun) {
                        throw new Fatal("dlq replay: cannot read " + marks + ": " + noMarksYet.getMessage());
                    }
                }
            } catch (Fatal e) {
                if (producer != null) {
                    producer.close();
                }
                err.println(e.getMessage());
                return ExitCodes.FATAL;
            }
            List<DeadLetterRecord> chosen = new ArrayList<>();
            Map<String, Integer> skipped = new LinkedHashMap<>();
            for (DeadLetterRecord letter : letters) {
                if (!selection.test(letter)) {
                    continue;
                }
                if (replayed.contains(letter.at())) {
                    skipped.merge("replayed before", 1, Integer::sum);
                } else if (letter.truncated()) {
                    skipped.merge("truncated (the original was over the size limit)", 1, Integer::sum);
                } else if ("write".equals(letter.stage())) {
                    skipped.merge("not raw articles (stage write: the enriched record the broker refused)", 1, Integer::sum);
                } else if (letter.replays() >= DeadLetterHeaders.MAX_REPLAYS) {
                    skipped.merge("replayed " + DeadLetterHeaders.MAX_REPLAYS + " times already", 1, Integer::sum);
                } else {
                    chosen.add(letter);
                }
            }
            int done = 0;
            String failure = null;
            if (dryRun) {
                for (DeadLetterRecord letter : chosen) {
                    out.printf("would replay %s key=%s stage=%s reason=%s%n", letter.at(), letter.key(), letter.stage(), letter.reason());
                }
                done = chosen.size();
            } else {
                try (KafkaProducer<byte[], byte[]> replaying = producer) {
                    done = publish(replaying, chosen, marks);
                } catch (Failed e) {
                    done = e.done;
                    failure = e.getMessage();
                }
            }
            out.flush();
            StringBuilder line = new StringBuilder("dlq replay: ").append(dryRun ? "would replay " : "replayed ").append(done)
                    .append(" to ").append(to);
            skipped.forEach((why, count) -> line.append("; skipped ").append(count).append(" ").append(why));
            if (failure != null) {
                line.append("; then failed: ").append(failure).append(" (").append(chosen.size() - done)
                        .append(" not replayed; run again once fixed)");
            }
            err.println(line);
            return failure == null ? ExitCodes.OK : ExitCodes.FATAL;
        }

        /** A replay that stopped: how many were replayed (and marked) before. */
        private static final class Failed extends Exception {
            final int done;

            Failed(int done, String message) {
                super(message);
                this.done = done;
            }
        }

        /** Most bytes of dead letters in one transaction (and at most {@link #BATCH} letters). */
        private static final long BATCH_BYTES = 32L << 20;
        private static final int BATCH = 500;

        private KafkaProducer<byte[], byte[]> producer(ClientSettings settings) {
            Properties props = settings.articleProducerProperties(ArticleSize.DEFAULT_MAX_BYTES);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-dlq-replay-" + parent.topic);
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-dlq-replay");
            return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        /** Writes the letters and their marks, a transaction per batch; the letters replayed, or {@link Failed}. */
        private int publish(KafkaProducer<byte[], byte[]> producer, List<DeadLetterRecord> chosen, String marks) throws Failed {
            int done = 0;
            while (done < chosen.size()) {
                int end = done;
                long bytes = 0;
                while (end < chosen.size() && end - done < BATCH && (end == done || bytes < BATCH_BYTES)) {
                    byte[] value = chosen.get(end).record().value();
                    bytes += value == null ? 0 : value.length;
                    end++;
                }
                try {
                    producer.beginTransaction();
                    for (DeadLetterRecord letter : chosen.subList(done, end)) {
                        producer.send(new ProducerRecord<>(to, null, null, letter.record().key(), letter.record().value(), replayHeaders(letter)));
                        producer.send(new ProducerRecord<>(marks, letter.at().getBytes(StandardCharsets.UTF_8),
                                (to + " " + Instant.now()).getBytes(StandardCharsets.UTF_8)));
                    }
                    producer.commitTransaction();
                } catch (org.apache.kafka.common.KafkaException e) {
                    try {
                        producer.abortTransaction();
                    } catch (RuntimeException alsoFailed) {
                        // the producer is fenced or closed: nothing of this batch was committed either way
                    }
                    throw new Failed(done, e.getMessage());
                }
                done = end;
            }
            return done;
        }

        /** The original record's headers (the dead letter's own taken off), a replay count one up, and where from. */
        private RecordHeaders replayHeaders(DeadLetterRecord letter) {
            RecordHeaders headers = new RecordHeaders();
            for (Header header : letter.record().headers()) {
                if (!header.key().startsWith("newsflow.error.") && !header.key().startsWith("newsflow.replay.")) {
                    headers.add(header);
                }
            }
            headers.add(DeadLetterHeaders.REPLAY_COUNT, String.valueOf(letter.replays() + 1).getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.REPLAY_OF, (parent.topic + "/" + letter.record().partition() + "/" + letter.record().offset())
                    .getBytes(StandardCharsets.UTF_8));
            return headers;
        }

        /** Creates the marks topic, compacted, or checks that the one there is compacted (else marks would expire). */
        private static void ensureMarkTopic(ClientSettings settings, String marks) throws Fatal {
            try (Admin admin = Admin.create(settings.kafkaProperties())) {
                NewTopic topic = new NewTopic(marks, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new Fatal("dlq replay: cannot create " + marks + ": " + e.getCause().getMessage());
                    }
                    var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, marks);
                    var policy = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG);
                    if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                        throw new Fatal("dlq replay: " + marks + " has cleanup.policy=" + (policy == null ? "?" : policy.value())
                                + ": its marks would expire and dead letters be replayed again; set cleanup.policy=compact");
                    }
                }
            } catch (ExecutionException e) {
                throw new Fatal("dlq replay: cannot check " + marks + ": " + e.getCause().getMessage());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new Fatal("dlq replay: cannot reach Kafka at " + settings.bootstrapServers() + " within " + TIMEOUT.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Fatal("dlq replay: interrupted");
            }
        }
    }
}
