package io.newsflow.cli;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.StopSignals;
import io.newsflow.schema.DeadLetterHeaders;
import io.newsflow.schema.Topics;
import io.newsflow.serde.KafkaAvroDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow consume}: prints a topic's records as JSON lines on stdout. Avro values print as
 * their plain JSON; dead letters (and anything not Confluent-framed Avro) print as an envelope with
 * coordinates, headers and the raw value. Reads committed records only.
 */
@Command(name = "consume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print records of the enriched topic (or --topic) as JSON lines on stdout.",
                "Dead letters print with their reason headers. Only committed records are read (read_committed)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (--max reached, --timeout passed, or Ctrl-C)", "1:fatal error (broker unreachable, no such topic)",
                "64:wrong command line"})
public final class ConsumeCommand implements Callable<Integer> {

    @Option(names = "--topic", defaultValue = Topics.ENRICHED, description = "Topic to read (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the earliest record instead of only new ones.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop when no record arrives for this long.")
    Integer timeoutSeconds;

    @Option(names = "--group", description = "Consumer group to join and commit offsets in (default: none, read every partition).")
    String group;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClientSettings settings = connection.resolve(System.getenv());
        return consume(settings, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int consume(ClientSettings settings, PrintWriter out, PrintWriter err) throws InterruptedException {
        Properties props = settings.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-consume");
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        } else {
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        }
        List<TopicPartition> partitions;
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("consume: topic " + topic + " on " + settings.bootstrapServers() + ": " + e.getCause().getMessage());
            return ExitCodes.FATAL;
        } catch (java.util.concurrent.TimeoutException e) {
            err.println("consume: cannot reach Kafka at " + settings.bootstrapServers() + " within 15 s");
            return ExitCodes.FATAL;
        }
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(settings.serdeConfig(), false);
        long printed = 0;
        AtomicBoolean stopping = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            StopSignals.install().onStop(() -> {
                stopping.set(true);
                consumer.wakeup();
            });
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
            }
            long idleSince = System.nanoTime();
            while (max == null || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (timeoutSeconds != null && System.nanoTime() - idleSince > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                        break;
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    out.println(format(record, avro));
                    printed++;
                    if (max != null && printed >= max) {
                        break;
                    }
                }
                out.flush();
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        }
        err.println("consume: printed " + printed + " records from " + topic);
        return ExitCodes.OK;
    }

    private static String format(ConsumerRecord<byte[], byte[]> record, KafkaAvroDeserializer avro) {
        if (record.headers().lastHeader(DeadLetterHeaders.REASON) == null && record.value() != null) {
            try {
                if (avro.deserialize(record.topic(), record.value()) instanceof IndexedRecord value) {
                    return RecordJson.value(value).toString();
                }
            } catch (SerializationException notAvro) {
                // printed as an envelope below
            }
        }
        return RecordJson.envelope(record).toString();
    }
}
