package io.newsflow.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as it stands: its committed records ({@code read_committed}, no group, nothing committed) from the
 * beginning up to the end offsets taken at the start. For a compacted topic read back at start (the feed ids already
 * published) and the dead letters a command looks at.
 */
public final class TopicReader {

    /** The topic could not be read to its end: it does not exist, or the deadline passed. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private TopicReader() {
    }

    /**
     * Hands each record of {@code topic} to {@code each}, in the order polled; records written after the start (at or
     * above the end offsets then) may come too. Waits at most four times {@code timeout} for the end.
     *
     * @param mustExist whether a topic with no partitions is an error (one just created may not be known yet: then
     *                  there is nothing to read)
     * @throws Failed when the topic has no partitions and {@code mustExist}, or its end is not reached in time
     */
    public static void readToEnd(Properties kafka, String topic, Duration timeout, boolean mustExist,
                                 Consumer<ConsumerRecord<byte[], byte[]>> each) {
        readToEnd(kafka, topic, timeout, mustExist, (record, end) -> each.accept(record));
    }

    /** The same, with the end offset of the record's partition taken at the start handed along. */
    public static void readToEnd(Properties kafka, String topic, Duration timeout, boolean mustExist,
                                 java.util.function.BiConsumer<ConsumerRecord<byte[], byte[]>, Long> each) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty() && mustExist) {
                throw new Failed("no such topic");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 4;
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new Failed("could not read " + topic + " to its end within " + timeout.multipliedBy(4).toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(record, end.get(new TopicPartition(topic, record.partition())));
                }
            }
        }
    }
}
