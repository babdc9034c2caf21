package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * newsflow's own enrich series: {@code newsflow_articles_enriched_total},
 * {@code newsflow_articles_dead_lettered_total{stage}}, {@code newsflow_duplicates_total{kind,emitted}}, {@code newsflow_tags_per_article} (summary),
 * {@code newsflow_noise_lines_removed_total{rule}} and {@code newsflow_step_seconds{step}} (histogram),
 * next to {@code newsflow_consumer_lag_records} and the Kafka Streams, client and JVM metrics that
 * {@link EnrichApp} binds. Handed to the dead-letter handler through the
 * Streams properties under {@link #CONFIG}. {@link #none()} records nothing.
 */
public final class EnrichMetrics {

    /** The Streams property that carries this object to {@link io.newsflow.enrich.deadletter.DeadLetterHandler}. */
    public static final String CONFIG = "newsflow.metrics";

    private final MeterRegistry registry;
    private final Counter enriched;
    private final DistributionSummary tags;
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.articles.enriched").description("Articles written to the enriched topic").register(registry);
        this.tags = DistributionSummary.builder("newsflow.tags.per.article").description("Tags on each enriched article")
                .publishPercentileHistogram().maximumExpectedValue(64.0).register(registry);
    }

    /** Records nothing (tests, and enrich without a metrics port). */
    public static EnrichMetrics none() {
        return new EnrichMetrics(new CompositeMeterRegistry());
    }

    /** The step, timed: each call's duration goes to {@code newsflow_step_seconds{step}}. */
    public <V, R> ValueMapper<V, R> timed(String step, ValueMapper<V, R> mapper) {
        Timer timer = steps.computeIfAbsent(step, name -> Timer.builder("newsflow.step").tag("step", name)
                .description("Time spent in each topology step, per record").publishPercentileHistogram().register(registry));
        return value -> {
            long start = System.nanoTime();
            try {
                return mapper.apply(value);
            } finally {
                timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }

    public void enriched(int tagCount, Map<String, Integer> noiseByRule) {
        enriched.increment();
        tags.record(tagCount);
        noiseByRule.forEach((rule, lines) -> Counter.builder("newsflow.noise.lines.removed").tag("rule", rule)
                .description("Noise lines removed, by rule").register(registry).increment(lines));
    }

    /** A duplicate found by the dedup step: {@code kind} is {@code exact} (not emitted) or {@code near}. */
    public void duplicate(String kind, boolean emitted) {
        Counter.builder("newsflow.duplicates").tag("kind", kind).tag("emitted", String.valueOf(emitted))
                .description("Duplicates found, by kind (exact: the same id again; near: the same story under another id) and whether emitted")
                .register(registry).increment();
    }

    public void deadLettered(String stage) {
        Counter.builder("newsflow.articles.dead.lettered").tag("stage", stage).description("Records sent to the dead-letter topic, by stage")
                .register(registry).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
