package io.newsflow.cli.soak;

import io.newsflow.cli.DownstreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the enriched and dead-letter topics as a downstream consumer would (read_committed), from the
 * beginning, on its own thread: how many ids came out where, how often each, and when output arrived.
 */
final class OutputWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String enrichedTopic;
    private final Thread thread;
    private final Map<String, Integer> enriched = new HashMap<>();
    private final Map<String, Integer> deadLettered = new HashMap<>();
    private final List<Long> arrivals = new ArrayList<>();
    private volatile boolean running = true;

    /** How often each id is in the enriched and the dead-letter topic. */
    record Counts(Map<String, Integer> enriched, Map<String, Integer> deadLettered) {
    }

    OutputWatch(String bootstrapServers, String enrichedTopic, String dlqTopic) {
        this.consumer = DownstreamReader.open(client(bootstrapServers), true, enrichedTopic, dlqTopic);
        this.enrichedTopic = enrichedTopic;
        this.thread = new Thread(this::run, "soak-output-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The final check, apart from the live watch: both topics read from the beginning to their last
     * stable offsets, read_committed, once every writer has stopped.
     */
    static Counts readCommitted(String bootstrapServers, String enrichedTopic, String dlqTopic, Duration timeout) throws java.io.IOException {
        Map<String, Integer> enriched = new HashMap<>();
        Map<String, Integer> dead = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = DownstreamReader.open(client(bootstrapServers), true, enrichedTopic, dlqTopic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new java.io.IOException("could not read " + enrichedTopic + " and " + dlqTopic + " to the end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    (record.topic().equals(enrichedTopic) ? enriched : dead).merge(id, 1, Integer::sum);
                }
            }
        }
        return new Counts(enriched, dead);
    }

    private static Properties client(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                long now = System.nanoTime();
                synchronized (this) {
                    (record.topic().equals(enrichedTopic) ? enriched : deadLettered).merge(id, 1, Integer::sum);
                    arrivals.add(now);
                }
            }
        }
    }

    /** Distinct ids seen in either topic. */
    synchronized int distinctIds() {
        Map<String, Integer> all = new HashMap<>(enriched);
        deadLettered.forEach((id, n) -> all.merge(id, n, Integer::sum));
        return all.size();
    }

    synchronized int enrichedIds() {
        return enriched.size();
    }

    synchronized int deadLetteredIds() {
        return deadLettered.size();
    }

    /** Arrival times (System.nanoTime) of every output record, in order. */
    synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The first arrival at or after {@code nanos}, if any. */
    synchronized Long firstArrivalAfter(long nanos) {
        for (long arrival : arrivals) {
            if (arrival >= nanos) {
                return arrival;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        consumer.close();
    }
}
