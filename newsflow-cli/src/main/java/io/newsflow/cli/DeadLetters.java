package io.newsflow.cli;

import io.newsflow.deadletter.DeadLetterRecord;
import io.newsflow.runtime.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The dead letters of a topic as they stand: read whole (committed records, up to the end offsets taken at the start). */
final class DeadLetters {

    /** Which letters a command works on; null fields select everything. */
    record Selection(Set<String> stages, Pattern reason, Instant since, Instant until, Set<String> ids, Set<String> at) {

        boolean test(DeadLetterRecord letter) {
            return (stages == null || stages.contains(letter.stage()))
                    && (reason == null || reason.matcher(letter.reason()).find())
                    && (since == null || !letter.time().isBefore(since))
                    && (until == null || letter.time().isBefore(until))
                    && (ids == null || ids.contains(letter.key()))
                    && (at == null || at.contains(letter.at()));
        }

        boolean everything() {
            return stages == null && reason == null && since == null && until == null && ids == null && at == null;
        }
    }

    private DeadLetters() {
    }

    /** Every committed record of {@code topic} up to its end offsets now, in partition and offset order. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(Properties kafka, String topic, Duration timeout) {
        return readAll(kafka, topic, timeout, true);
    }

    /** The same, the values left out unless {@code values} (a summary needs only the headers: pages can be megabytes). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(Properties kafka, String topic, Duration timeout, boolean values) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dlq");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try {
            TopicReader.readToEnd(props, topic, timeout, true, (record, end) -> {
                if (record.offset() < end) { // letters written since the start are for the next run
                    records.add(values ? record : new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                            record.timestamp(), record.timestampType(), record.serializedKeySize(), record.serializedValueSize(),
                            record.key(), null, record.headers(), record.leaderEpoch()));
                }
            });
        } catch (TopicReader.Failed e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return records;
    }
}
