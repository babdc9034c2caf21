package io.newsflow.enrich;

import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.step.Cleaned;
import io.newsflow.enrich.step.Deduplicate;
import io.newsflow.enrich.step.Fingerprint;
import io.newsflow.enrich.step.ExtractHtml;
import io.newsflow.enrich.step.Extracted;
import io.newsflow.enrich.step.Tagged;
import io.newsflow.enrich.step.ToEnrichedArticle;
import io.newsflow.enrich.step.Validation;
import io.newsflow.enrich.tag.EntityTagger;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.SizeLimitedSerializer;
import java.time.Clock;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The enrichment topology, all of it.
 *
 * <pre>
 * news.articles.raw (String id, RawArticle as bytes)
 *   -> decode -> validate -> extract-html -> strip-noise -> extract-footer -> require-content -> tag-entities -> detect-language
 *   -> to-enriched-article -> key-by-id -> fingerprint
 *   -> dedup-repartition (one partition) -> dedup [store dedup-signatures]    (not with NEWSFLOW_DEDUP_WINDOW=off)
 *   -> count-enriched -> news.articles.enriched (String id, EnrichedArticle, at most the article-size limit)
 * </pre>
 *
 * A record that cannot be decoded, that a step rejects or fails on, or whose output is over the size
 * limit or cannot be written goes to news.articles.dlq with its original bytes and the reason: not by
 * a branch here, but through Kafka Streams' processing and production exception handlers ({@link io.newsflow.enrich.deadletter.DeadLetterHandler}), so no step needs a try/catch and
 * no single record can stop the stream. The text steps are stateless and spread over the input
 * partitions: scale them out by running more instances with the same application id. The dedup step
 * ({@link Deduplicate}) is the one stateful step: it sees every article through one partition, so
 * "the first copy seen" means one thing, and its state (bounded by the dedup window) is changelogged.
 */
public final class EnrichTopology {

    /** The name of the dedup hop: its repartition topic is {@code <application id>-dedup-repartition}. */
    static final String DEDUP_HOP = "dedup";

    private EnrichTopology() {
    }

    /** The dedup hop's repartition topic for {@code applicationId}. */
    static String dedupTopic(String applicationId) {
        return applicationId + "-" + DEDUP_HOP + "-repartition";
    }

    public static Topology build(EnrichConfig config, TextSteps steps, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock) {
        return build(config, steps, rawSerde, enrichedSerde, clock, EnrichMetrics.none());
    }

    /** The topology, each step timed and every enriched article counted in {@code metrics}. */
    public static Topology build(EnrichConfig config, TextSteps steps, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock, EnrichMetrics metrics) {
        NoiseStripper stripper = steps.stripper();
        FooterTags footer = steps.footer();
        EntityTagger tagger = steps.tagger();
        ExtractHtml html = new ExtractHtml(steps.html());
        ToEnrichedArticle toAvro = new ToEnrichedArticle(clock, EnricherVersion.get());
        Serde<EnrichedArticle> limitedOutput = Serdes.serdeFrom(
                new SizeLimitedSerializer<>(enrichedSerde.serializer(), config.maxArticleBytes(), ArticleSize.ENV),
                enrichedSerde.deserializer());
        Deserializer<RawArticle> rawDeserializer = rawSerde.deserializer();
        StreamsBuilder builder = new StreamsBuilder();
        boolean dedup = !config.dedupWindow().isZero();
        if (dedup) {
            builder.addStateStore(Deduplicate.store(config.dedupWindow()));
        }

        KStream<String, EnrichedArticle> enriched = builder.stream(config.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw"))
                .mapValues(metrics.timed("decode", bytes -> {
                    metrics.read();
                    return Validation.decode(rawDeserializer, config.inputTopic(), bytes);
                }), Named.as("decode"))
                .mapValues(metrics.timed("validate", Validation::requireEnrichable), Named.as("validate"))
                .mapValues(metrics.timed("extract-html", html::apply), Named.as("extract-html"))
                .mapValues(metrics.timed("strip-noise", (Extracted text) -> new Cleaned(text.article(), stripper.strip(text.article().getBody()),
                        text.pageTags())), Named.as("strip-noise"))
                .mapValues(metrics.timed("extract-footer", (Cleaned cleaned) -> {
                    FooterTags.Result result = footer.extract(cleaned.clean());
                    return new Cleaned(cleaned.raw(), result.clean(), FooterTags.merge(result.tags(), cleaned.footerTags()));
                }), Named.as("extract-footer"))
                .mapValues(metrics.timed("require-content", Validation::requireContent), Named.as("require-content"))
                .mapValues(metrics.timed("tag-entities", (Cleaned cleaned) -> new Tagged(cleaned, tagger.tag(cleaned.raw().getTitle(),
                        cleaned.clean().text(), cleaned.footerTags()), cleaned.raw().getLanguage())), Named.as("tag-entities"))
                .mapValues(metrics.timed("detect-language", (Tagged tagged) -> tagged.language() != null || steps.languages().isEmpty() ? tagged
                        : tagged.withLanguage(steps.languages().get().guess(tagged.cleaned().clean().text()).orElse(null))),
                        Named.as("detect-language"))
                .mapValues(metrics.timed("to-enriched-article", (Tagged tagged) -> {
                    EnrichedArticle article = toAvro.apply(tagged);
                    metrics.tagged(article.getTags().size(), tagged.cleaned().clean().removedByRule());
                    return article;
                }), Named.as("to-enriched-article"))
                .selectKey((key, article) -> article.getId(), Named.as("key-by-id"));
        if (dedup) {
            enriched = enriched.processValues(Fingerprint::new, Named.as("fingerprint"))
                    .repartition(Repartitioned.<String, EnrichedArticle>as(DEDUP_HOP).withKeySerde(Serdes.String()).withValueSerde(limitedOutput)
                            .withNumberOfPartitions(1))
                    .processValues(() -> new Deduplicate(config.dedupWindow(), config.nearDuplicates(), metrics), Named.as("dedup"),
                            Deduplicate.SIGNATURES);
        }
        enriched.peek((id, article) -> metrics.enriched(), Named.as("count-enriched"))
                .to(config.outputTopic(), Produced.with(Serdes.String(), limitedOutput).withName("write-enriched"));

        return builder.build();
    }
}
