package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.newsflow.schema.EnrichedArticle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * newsflow's own enrich series. Every article read is accounted for by four counters, each counted when the
 * transaction that holds it commits ({@link TransactionCounts}), so a record processed twice after an abort is
 * counted once and nothing is counted before it is readable:
 * <ul>
 *   <li>{@code newsflow_articles_read_total}: raw records taken from the input topic;</li>
 *   <li>{@code newsflow_articles_enriched_total}: articles written to the enriched topic (after the dedup step);</li>
 *   <li>{@code newsflow_articles_dead_lettered_total{stage}}: records written to the dead-letter topic;</li>
 *   <li>{@code newsflow_duplicates_total{kind,emitted}}: duplicates the dedup step found; those with
 *       {@code emitted="false"} (exact re-deliveries, suppressed near-duplicates) are not written anywhere.</li>
 * </ul>
 * What is read and not yet in one of the others waits in the dedup hop ({@code newsflow_dedup_waiting_records},
 * see {@link EnrichHealth}). Alongside: {@code newsflow_tags_per_article} (summary) and {@code newsflow_noise_lines_removed_total{rule}}
 * of the articles written, {@code newsflow_trending_tags_total{counted}} (tag events the trending counts took, and those too late
 * to count), and {@code newsflow_step_seconds{step}} (histogram), which times the work done, redone work included. Handed to the
 * dead-letter handler through the Streams properties under {@link #CONFIG}. {@link #none()} records nothing.
 */
public final class EnrichMetrics {

    /** The Streams property that carries this object to {@link io.newsflow.enrich.deadletter.DeadLetterHandler}. */
    public static final String CONFIG = "newsflow.metrics";

    private final MeterRegistry registry;
    private final Counter read;
    private final Counter enriched;
    private final DistributionSummary tags;
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();
    private final LongAdder deduplicated = new LongAdder();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.read = Counter.builder("newsflow.articles.read").description("Raw records taken from the input topic (committed)")
                .register(registry);
        this.enriched = Counter.builder("newsflow.articles.enriched").description("Articles written to the enriched topic (committed)")
                .register(registry);
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
                timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** A raw record was taken from the input topic. */
    public void read() {
        TransactionCounts.increment(read, 1);
    }

    /** An article is written to the enriched topic: counted. */
    public void enriched() {
        TransactionCounts.increment(enriched, 1);
    }

    /**
     * An article is encoded for the enriched topic: its tags and the noise lines removed from it recorded (before the
     * dedup step, which works on the encoded bytes, so an exact re-delivery it drops is recorded too).
     */
    public void encoded(EnrichedArticle article) {
        tags.record(article.getTags().size());
        article.getNoise().getByRule().forEach((rule, lines) -> Counter.builder("newsflow.noise.lines.removed").tag("rule", rule)
                .description("Noise lines removed, by rule, from the articles enriched").register(registry).increment(lines));
    }

    /** A duplicate found by the dedup step: {@code kind} is {@code exact} (not emitted) or {@code near}. */
    public void duplicate(String kind, boolean emitted) {
        TransactionCounts.increment(Counter.builder("newsflow.duplicates").tag("kind", kind).tag("emitted", String.valueOf(emitted))
                .description("Duplicates found, by kind (exact: the same id again; near: the same story under another id) and whether emitted")
                .register(registry), 1);
    }

    /** The dedup step took an article (found a duplicate or not): its progress, for {@link EnrichHealth}. */
    public void deduplicated() {
        deduplicated.increment();
    }

    long deduplicatedSoFar() {
        return deduplicated.sum();
    }

    /**
     * A (tag type, tag name) event reached the trending counts: counted, or not because it came later than the grace period
     * ({@code newsflow_trending_tags_total{counted}}).
     */
    public void trendingTag(boolean counted) {
        TransactionCounts.increment(Counter.builder("newsflow.trending.tags").tag("counted", String.valueOf(counted))
                .description("Tag events of original articles taken by the trending counts, by whether counted (false: later than the grace period)")
                .register(registry), 1);
    }

    public void deadLettered(String stage) {
        TransactionCounts.increment(Counter.builder("newsflow.articles.dead.lettered").tag("stage", stage)
                .description("Records written to the dead-letter topic, by stage (committed)").register(registry), 1);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
