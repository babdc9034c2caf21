package io.newsflow.enrich.live;

import io.newsflow.deadletter.DeadLetterRecord;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.serde.SpecificAvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live page shows, kept up to date by one background thread: a consumer ({@code read_committed}, no group,
 * nothing committed) tailing the enriched topic and the dead-letter topic from their last {@code backlog} records per
 * partition, and every {@link #SAMPLE_EVERY} the raw topic's end offsets and enrich's committed offsets on it (Admin
 * API) for the services' rates and lag. It only reads: whatever fails here (Kafka away, a record that does not decode)
 * is shown on the page and retried, and never touches the pipeline.
 */
public final class LiveTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTail.class);
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    /** Rates and lag of the services, as of {@code asOf}; a rate is null until two samples exist. */
    public record Services(Instant asOf, Double ingestWrittenPerSecond, Double enrichReadPerSecond, Double enrichWrittenPerSecond,
                           Double deadLettersPerSecond, Long enrichLag) {
        static final Services NONE = new Services(null, null, null, null, null, null);
    }

    private final EnrichConfig config;
    private final int backlog;
    private final LatestArticles articles;
    private final DeadLetterBoard deadLetters;
    private final Rates rates = new Rates(RATE_WINDOW);
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closed;
    private volatile Services services = Services.NONE;
    private volatile String problem;
    private long enrichedSeen;
    private long deadLettersSeen;
    private final Map<TopicPartition, Long> startOffsets = new HashMap<>();

    private LiveTail(EnrichConfig config, int backlog, LatestArticles articles, DeadLetterBoard deadLetters) {
        this.config = config;
        this.backlog = backlog;
        this.articles = articles;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::run, "enrich-live-tail");
        thread.setDaemon(true);
    }

    /** Starts tailing in the background, from the last {@code backlog} records of each partition. */
    public static LiveTail start(EnrichConfig config, int backlog, LatestArticles articles, DeadLetterBoard deadLetters) {
        LiveTail tail = new LiveTail(config, backlog, articles, deadLetters);
        tail.thread.start();
        return tail;
    }

    public Services services() {
        return services;
    }

    /** What is wrong with the tail now (one line), or null. */
    public String problem() {
        return problem;
    }

    private void run() {
        Properties props = config.client().kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // a reader: a missing topic is shown, never made
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-live");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.max(1, backlog)));
        SpecificAvroSerde<EnrichedArticle> serde = SpecificAvroSerde.forValues(config.serdeConfig());
        long nextSample = 0;
        while (!closed) {
            KafkaConsumer<byte[], byte[]> tail = null;
            Admin admin = null;
            try {
                tail = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                admin = Admin.create(config.client().kafkaProperties());
                consumer = tail;
                if (closed) {
                    return;
                }
                List<TopicPartition> raw = partitions(tail, config.inputTopic());
                List<TopicPartition> read = new ArrayList<>(partitions(tail, config.outputTopic()));
                read.addAll(partitions(tail, config.deadLetterTopic()));
                assignFromBacklog(tail, read);
                problem = null;
                while (!closed) {
                    skipAhead(tail, read);
                    for (ConsumerRecord<byte[], byte[]> record : tail.poll(Duration.ofMillis(500))) {
                        take(record, serde);
                    }
                    if (System.nanoTime() >= nextSample) {
                        nextSample = System.nanoTime() + SAMPLE_EVERY.toNanos();
                        sample(tail, admin, raw);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                problem = "cannot read the topics: " + e.getMessage();
                LOG.warn("live page: {}; trying again in 5 s", problem);
                pause(Duration.ofSeconds(5));
            } finally {
                consumer = null;
                // nothing to commit or leave: no need to wait on the broker
                if (tail != null) {
                    tail.close(CloseOptions.timeout(Duration.ZERO));
                }
                if (admin != null) {
                    admin.close(Duration.ZERO);
                }
            }
        }
    }

    private void pause(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        synchronized (this) {
            while (!closed && System.nanoTime() < until) {
                try {
                    wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> tail, String topic) {
        List<PartitionInfo> infos = tail.partitionsFor(topic, ADMIN_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " not found");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** Assigns the partitions at their end minus the backlog; records from there on count for the rates once past the end. */
    private void assignFromBacklog(KafkaConsumer<byte[], byte[]> tail, List<TopicPartition> partitions) {
        tail.assign(partitions);
        Map<TopicPartition, Long> begin = tail.beginningOffsets(partitions, ADMIN_TIMEOUT);
        Map<TopicPartition, Long> end = tail.endOffsets(partitions, ADMIN_TIMEOUT);
        for (TopicPartition partition : partitions) {
            long from = Math.max(begin.get(partition), end.get(partition) - backlog);
            tail.seek(partition, from);
            startOffsets.putIfAbsent(partition, end.get(partition));
        }
    }

    /**
     * Moves each enriched partition's position to at most {@code backlog} records before its end, the records passed over
     * counted by their offsets: the page shows the latest articles only, so the tail decodes at most a backlog of them per
     * partition and poll (of at most a backlog of records), whatever the pipeline's rate; it would otherwise decode every
     * article enrich writes.
     */
    private void skipAhead(KafkaConsumer<byte[], byte[]> tail, List<TopicPartition> partitions) {
        List<TopicPartition> enriched = partitions.stream().filter(p -> p.topic().equals(config.outputTopic())).toList();
        enrichedSeen += skipAhead(tail, enriched, backlog, startOffsets);
    }

    /**
     * Moves each of {@code partitions} to at most {@code backlog} records before its end; returns how many records it
     * passed over at or after their partition's offset in {@code counted from}.
     */
    static long skipAhead(Consumer<byte[], byte[]> tail, List<TopicPartition> partitions, int backlog,
                          Map<TopicPartition, Long> countedFrom) {
        Map<TopicPartition, Long> end = tail.endOffsets(partitions, ADMIN_TIMEOUT);
        long passed = 0;
        for (TopicPartition partition : partitions) {
            long position = tail.position(partition, ADMIN_TIMEOUT);
            long from = end.get(partition) - backlog;
            if (position < from) {
                passed += Math.max(0, from - Math.max(position, countedFrom.getOrDefault(partition, 0L)));
                tail.seek(partition, from);
            }
        }
        return passed;
    }

    private void take(ConsumerRecord<byte[], byte[]> record, SpecificAvroSerde<EnrichedArticle> serde) {
        boolean fresh = record.offset() >= startOffsets.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
        if (record.topic().equals(config.deadLetterTopic())) {
            DeadLetterRecord letter = new DeadLetterRecord(record);
            deadLetters.add(new DeadLetterBoard.Letter(letter.at(), letter.key(), letter.stage(), letter.reason(), letter.time()));
            deadLettersSeen += fresh ? 1 : 0;
            return;
        }
        if (record.value() == null) {
            return;
        }
        try {
            articles.add(ArticleView.of(serde.deserializer().deserialize(record.topic(), record.value())));
            enrichedSeen += fresh ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("live page: record {}-{}@{} does not decode as an enriched article: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** The raw topic's end offsets, enrich's committed offsets on it, and what the tail counted: rates and lag. */
    private void sample(KafkaConsumer<byte[], byte[]> tail, Admin admin, List<TopicPartition> raw) {
        Map<TopicPartition, Long> end = tail.endOffsets(raw, ADMIN_TIMEOUT);
        Map<TopicPartition, Long> begin = tail.beginningOffsets(raw, ADMIN_TIMEOUT);
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("ingest", end.values().stream().mapToLong(Long::longValue).sum());
        totals.put("enriched", enrichedSeen);
        totals.put("deadLetters", deadLettersSeen);
        Long lag = null;
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.applicationId())
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long read = 0;
            long behind = 0;
            for (TopicPartition partition : raw) {
                OffsetAndMetadata offset = committed.get(partition);
                long at = offset == null ? begin.get(partition) : offset.offset(); // nothing committed: it starts at the beginning
                read += at;
                behind += Math.max(0, end.get(partition) - at);
            }
            totals.put("read", read);
            lag = behind;
            problem = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            problem = "cannot read the offsets of group " + config.applicationId() + ": " + e.getMessage();
        }
        Map<String, Double> now = rates.sample(System.nanoTime(), totals);
        services = new Services(Instant.now(), now.get("ingest"), now.get("read"), now.get("enriched"), now.get("deadLetters"), lag);
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<byte[], byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
