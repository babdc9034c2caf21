package io.newsflow.enrich;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ops.OpsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an enrich instance is doing its work, sampled every second: Kafka Streams is RUNNING, and none of three
 * things has stopped moving for longer than the stall timeout:
 * <ul>
 *   <li><b>input</b>: records wait on the input topic's partitions of this instance and its stream threads process none;</li>
 *   <li><b>dedup</b>: records wait in the dedup hop (the one-partition repartition topic) and the dedup step takes none;</li>
 *   <li><b>commit</b>: records were processed and their transaction has not committed (exactly-once).</li>
 * </ul>
 * A stall makes {@code /readyz} answer 503 with what is stuck, sets {@code newsflow_stalled{check}} to 1 and is logged
 * once when it starts and once when it ends. Gauges: {@code newsflow_consumer_lag_records} (the input topic),
 * {@code newsflow_dedup_waiting_records}, {@code newsflow_uncommitted_seconds}.
 */
final class EnrichHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichHealth.class);
    private static final String LAG_GROUP = "consumer-fetch-manager-metrics";

    private final Supplier<KafkaStreams.State> state;
    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final String inputTopic;
    private final String dedupTopic;
    private final LongSupplier deduplicated;
    private final LongUnaryOperator uncommittedNanos;
    private final long stallNanos;
    private final Watch input = new Watch();
    private final Watch dedup = new Watch();
    private final ScheduledExecutorService sampler;
    private volatile Sample last = new Sample(0, 0, 0, List.of());

    /** What one sample saw. */
    record Sample(double inputWaiting, double dedupWaiting, double uncommittedSeconds, List<String> stalls) {
    }

    EnrichHealth(KafkaStreams streams, String inputTopic, String dedupTopic, LongSupplier deduplicated,
                 LongUnaryOperator uncommittedNanos, Duration stallTimeout) {
        this(streams::state, streams::metrics, inputTopic, dedupTopic, deduplicated, uncommittedNanos, stallTimeout);
    }

    /**
     * @param state            Kafka Streams' state now
     * @param metrics          Kafka Streams' metrics, its clients' included
     * @param dedupTopic       the dedup hop's repartition topic, or null without a dedup step
     * @param deduplicated     how many articles the dedup step has taken so far
     * @param uncommittedNanos how long processed work has waited for a commit at the given System.nanoTime
     */
    EnrichHealth(Supplier<KafkaStreams.State> state, Supplier<Map<MetricName, ? extends Metric>> metrics, String inputTopic,
                 String dedupTopic, LongSupplier deduplicated, LongUnaryOperator uncommittedNanos, Duration stallTimeout) {
        this.state = state;
        this.metrics = metrics;
        this.inputTopic = metricTopic(inputTopic);
        this.dedupTopic = dedupTopic == null ? null : metricTopic(dedupTopic);
        this.deduplicated = deduplicated;
        this.uncommittedNanos = uncommittedNanos;
        this.stallNanos = stallTimeout.toNanos();
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "enrich-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sampling once a second. */
    void start() {
        sampler.scheduleWithFixedDelay(() -> {
            try {
                sample(System.nanoTime());
            } catch (RuntimeException e) {
                LOG.warn("health sample failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Registers the gauges. */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("newsflow.consumer.lag", this, health -> health.last.inputWaiting()).baseUnit("records")
                .description("Records of the input topic not yet read by this instance, summed over its partitions").register(registry);
        Gauge.builder("newsflow.dedup.waiting", this, health -> health.last.dedupWaiting()).baseUnit("records")
                .description("Records in the dedup hop not yet taken by this instance's dedup task").register(registry);
        Gauge.builder("newsflow.uncommitted", this, health -> health.last.uncommittedSeconds()).baseUnit("seconds")
                .description("How long processed records have waited for their transaction to commit (0: none waits)").register(registry);
        for (String check : List.of("input", "dedup", "commit")) {
            Gauge.builder("newsflow.stalled", this, health -> health.last.stalls().stream().anyMatch(s -> s.startsWith(check + ":")) ? 1 : 0)
                    .tag("check", check).description("1 while this part of the pipeline has not moved for longer than the stall timeout")
                    .register(registry);
        }
    }

    /** Ready while Kafka Streams is RUNNING and nothing is stalled. */
    OpsServer.Readiness readiness() {
        KafkaStreams.State now = state.get();
        if (now != KafkaStreams.State.RUNNING) {
            return OpsServer.Readiness.notReady("Kafka Streams is " + now);
        }
        List<String> stalls = last.stalls();
        return stalls.isEmpty() ? OpsServer.Readiness.yes() : OpsServer.Readiness.notReady("stalled: " + String.join("; ", stalls));
    }

    /** Takes one sample at {@code now} (System.nanoTime). */
    Sample sample(long now) {
        double inputWaiting = 0;
        double dedupWaiting = 0;
        long processed = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
            MetricName name = entry.getKey();
            if (!(entry.getValue().metricValue() instanceof Double value) || value.isNaN()) {
                continue;
            }
            if (name.name().equals("records-lag") && name.group().equals(LAG_GROUP) && name.tags().containsKey("partition")) {
                String topic = name.tags().get("topic");
                if (inputTopic.equals(topic)) {
                    inputWaiting += value;
                } else if (topic != null && topic.equals(dedupTopic)) {
                    dedupWaiting += value;
                }
            } else if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                processed += value.longValue();
            }
        }
        long uncommitted = uncommittedNanos.applyAsLong(now);
        List<String> stalls = new ArrayList<>();
        if (input.stalled(now, processed, inputWaiting > 0, stallNanos)) {
            stalls.add("input: " + (long) inputWaiting + " records wait on the input topic and none was processed for "
                    + seconds(now - input.since()) + " s");
        }
        if (dedupTopic != null && dedup.stalled(now, deduplicated.getAsLong(), dedupWaiting > 0, stallNanos)) {
            stalls.add("dedup: " + (long) dedupWaiting + " records wait in the dedup hop and the dedup step took none for "
                    + seconds(now - dedup.since()) + " s");
        }
        if (uncommitted > stallNanos) {
            stalls.add("commit: processed records have waited " + seconds(uncommitted) + " s for their transaction to commit");
        }
        Sample sample = new Sample(inputWaiting, dedupWaiting, uncommitted / 1e9, List.copyOf(stalls));
        if (!sample.stalls().equals(last.stalls())) {
            if (sample.stalls().isEmpty()) {
                LOG.info("enrich is moving again");
            } else {
                LOG.warn("enrich is stalled: {}", String.join("; ", sample.stalls()));
            }
        }
        last = sample;
        return sample;
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    /** Kafka's consumer metrics name a topic with its dots as underscores. */
    private static String metricTopic(String topic) {
        return topic.replace('.', '_');
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** One part of the pipeline: when it last moved, and since when work has waited on it. */
    private static final class Watch {
        private long count = -1;
        private long movedAt;
        private boolean waiting;
        private long waitingSince;

        /** Whether work has waited longer than {@code limit} with the count not moving, after this sample. */
        boolean stalled(long now, long newCount, boolean workWaits, long limit) {
            if (newCount != count) {
                count = newCount;
                movedAt = now;
            }
            if (!workWaits) {
                waiting = false;
                return false;
            }
            if (!waiting) {
                waiting = true;
                waitingSince = now;
            }
            return now - since() > limit;
        }

        /** Since when work has waited without the count moving. */
        long since() {
            return Math.max(waitingSince, movedAt);
        }
    }
}
