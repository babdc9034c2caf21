package io.newsflow.enrich;

import io.newsflow.enrich.step.CountTags;
import io.newsflow.enrich.step.Decode;
import io.newsflow.enrich.step.Deduplicate;
import io.newsflow.enrich.step.Encode;
import io.newsflow.enrich.step.EncodedArticles;
import io.newsflow.enrich.step.Fingerprint;
import io.newsflow.enrich.step.InRange;
import io.newsflow.enrich.step.TagEvents;
import io.newsflow.enrich.step.ToEnrichedArticle;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.SizeLimitedSerializer;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * The enrichment topology, all of it.
 *
 * <pre>
 * news.articles.raw (String id, RawArticle as bytes)
 *   -> decode -> validate -> extract-html -> strip-noise -> extract-footer -> require-content -> detect-language -> tag
 *   -> to-enriched-article -> key-by-id -> carry-tags (the tags as trending events, in headers)   (not with NEWSFLOW_TRENDING_TOPIC=off)
 *   -> fingerprint -> encode (the EnrichedArticle as bytes, once)
 *   -> dedup-repartition (one partition, bytes) -> dedup [store dedup-signatures]    (not with NEWSFLOW_DEDUP_WINDOW=off)
 *   -> strip-tags (the internal headers off) -> count-enriched
 *   -> news.articles.enriched (String id, EnrichedArticle bytes, at most the enriched size limit)
 *   \-> tag-events (tag type, its tag names; originals only) -> trending-repartition (by type, one partition)
 *       -> count-tags [store trending-counts] -> news.tags.trending (TYPE|window, trending list as JSON)
 *                                                                         (these three not with NEWSFLOW_TRENDING_TOPIC=off)
 * </pre>
 *
 * The text steps are the methods of {@link TextChain}, called one named step at a time (each timed in
 * {@code newsflow_step_seconds{step}}). A record that cannot be decoded, that a step rejects or fails on, or whose output
 * is over the enriched size limit or cannot be written goes to news.articles.dlq with its original bytes and the reason, under
 * the name of the step: not by a branch here, but through Kafka Streams' processing and production exception handlers
 * ({@link io.newsflow.enrich.deadletter.DeadLetterHandler}), so no step needs a try/catch and no single record can stop
 * the stream. The text steps are stateless and spread over the input partitions: scale them out by running more
 * instances with the same application id. The dedup step ({@link Deduplicate}) is the one stateful step: it sees every
 * article through one partition, so "the first copy seen" means one thing, and its state (bounded by the dedup window)
 * is changelogged. Trending ({@link #trending}) counts what the dedup step lets through: the tags ride with the article in
 * headers ({@link TagEvents}), so the dedup step, which only moves bytes, need not decode an article to count it, and
 * nothing reads the enriched topic back.
 */
public final class EnrichTopology {

    /** The name of the dedup hop: its repartition topic is {@code <application id>-dedup-repartition}. */
    static final String DEDUP_HOP = "dedup";

    /** The name of the trending hop: its repartition topic is {@code <application id>-trending-repartition}. */
    static final String TRENDING_HOP = "trending";

    /**
     * The trending hop's partitions: one. The counts are a few records an article, so one task (one store) holds them all,
     * whatever the number of input partitions; a type's events all go to one partition in any case.
     */
    static final int TRENDING_PARTITIONS = 1;

    private final EnrichMetrics metrics;

    private EnrichTopology(EnrichMetrics metrics) {
        this.metrics = metrics;
    }

    /** The dedup hop's repartition topic for {@code applicationId}. */
    static String dedupTopic(String applicationId) {
        return applicationId + "-" + DEDUP_HOP + "-repartition";
    }

    public static Topology build(EnrichConfig config, TextChain chain, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock) {
        return build(config, chain, rawSerde, enrichedSerde, clock, EnrichMetrics.none());
    }

    /** The topology, each step timed and every article counted in {@code metrics}. */
    public static Topology build(EnrichConfig config, TextChain chain, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock, EnrichMetrics metrics) {
        return build(config, chain, rawSerde, enrichedSerde, clock, metrics, InRange.Range.ALL);
    }

    /** The topology over the input records of a time range only ({@code newsflow reprocess}); the whole input for {@link InRange.Range#ALL}. */
    public static Topology build(EnrichConfig config, TextChain chain, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock, EnrichMetrics metrics, InRange.Range range) {
        EnrichTopology steps = new EnrichTopology(metrics);
        Decode decode = new Decode(rawSerde.deserializer(), config.inputTopic(), metrics);
        ToEnrichedArticle toAvro = new ToEnrichedArticle(clock, EnricherVersion.get());
        Serializer<EnrichedArticle> limited = new SizeLimitedSerializer<>(enrichedSerde.serializer(), config.maxEnrichedBytes(),
                ArticleSize.ENRICHED_ENV);
        Encode encode = new Encode(limited, config.outputTopic(), metrics);
        StreamsBuilder builder = new StreamsBuilder();

        KStream<byte[], byte[]> raw = builder.stream(config.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw"));
        if (!range.all()) {
            raw = raw.processValues(() -> new InRange<>(range), Named.as("in-range"));
        }
        var decoded = steps.step(raw, "decode", decode::apply);
        var valid = steps.step(decoded, "validate", chain::validate);
        var text = steps.step(valid, "extract-html", chain::extractHtml);
        var stripped = steps.step(text, "strip-noise", chain::stripNoise);
        var withoutFooter = steps.step(stripped, "extract-footer", chain::extractFooter);
        var withContent = steps.step(withoutFooter, "require-content", chain::requireContent);
        var withLanguage = steps.step(withContent, "detect-language", chain::detectLanguage);
        var tagged = steps.step(withLanguage, "tag", chain::tag);
        KStream<String, EnrichedArticle> article = steps.step(tagged, "to-enriched-article", toAvro::apply)
                .selectKey((key, value) -> value.getId(), Named.as("key-by-id"));
        boolean trending = config.trending().topic().isPresent();
        if (trending) {
            article = article.processValues(TagEvents.Carry::new, Named.as("carry-tags"));
        }
        KStream<String, byte[]> encoded;
        if (config.dedupWindow().isZero()) {
            encoded = steps.step(article, "encode", encode::apply);
        } else {
            builder.addStateStore(Deduplicate.store(config.dedupWindow()));
            Deduplicate.Articles articles = new EncodedArticles(enrichedSerde.deserializer(), limited, config.outputTopic());
            encoded = steps.step(article.processValues(Fingerprint::new, Named.as("fingerprint")), "encode", encode::apply)
                    .repartition(Repartitioned.<String, byte[]>as(DEDUP_HOP).withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray())
                            .withNumberOfPartitions(1))
                    .processValues(() -> new Deduplicate(config.dedupWindow(), config.nearDuplicates(), metrics, articles), Named.as("dedup"),
                            Deduplicate.SIGNATURES);
        }
        if (trending) {
            steps.trending(builder, config, encoded, config.trending().topic().orElseThrow());
        }
        // always: a record can come in with internal headers (a replayed dead letter), trending on or off
        encoded.processValues(TagEvents.Strip::new, Named.as("strip-tags"))
                .peek((id, bytes) -> metrics.enriched(), Named.as("count-enriched"))
                .to(config.outputTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-enriched"));

        return builder.build();
    }

    /**
     * Trending tags: the events of each article the dedup step lets through (an original, once), keyed by tag type and
     * moved to the trending hop (so that one instance holds all of a type's counts and answers its queries), counted per
     * bucket, the lists written to {@code topic}.
     */
    private void trending(StreamsBuilder builder, EnrichConfig config, KStream<String, byte[]> articles, String topic) {
        TrendingConfig trending = config.trending();
        builder.addStateStore(CountTags.store());
        articles.process(TagEvents.Emit::new, Named.as("tag-events"))
                .repartition(Repartitioned.<String, String>as(TRENDING_HOP).withKeySerde(Serdes.String()).withValueSerde(Serdes.String())
                        .withNumberOfPartitions(TRENDING_PARTITIONS))
                .process(() -> new CountTags(trending.grace(), trending.ranking(), trending.emitInterval(), metrics), Named.as("count-tags"),
                        CountTags.STORE)
                .to(topic, Produced.with(Serdes.String(), Serdes.String()).withName("write-trending"));
    }

    /** One text step: {@code step} applied to each value, under {@code name} (the processor's name, its timer's, and a dead letter's stage). */
    private <K, V, R> KStream<K, R> step(KStream<K, V> stream, String name, ValueMapper<V, R> step) {
        return stream.mapValues(metrics.timed(name, step), Named.as(name));
    }
}
