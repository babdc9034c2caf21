package io.newsflow.enrich;

import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.step.Cleaned;
import io.newsflow.enrich.step.DeadLetterStep;
import io.newsflow.enrich.step.DecodeStep;
import io.newsflow.enrich.step.Decoded;
import io.newsflow.enrich.step.Tagged;
import io.newsflow.enrich.step.ToEnrichedArticle;
import io.newsflow.enrich.tag.EntityTagger;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrichment topology, all of it.
 *
 * <pre>
 * news.articles.raw (String id, RawArticle as bytes)
 *   -> decode-and-validate -> route-rejected -> to-dead-letter -> news.articles.dlq (original bytes + reason headers)
 *                          -> route-valid -> strip-noise -> extract-footer -> tag-entities -> detect-language
 *                          -> to-enriched-article -> key-by-id -> news.articles.enriched (String id, EnrichedArticle)
 * </pre>
 *
 * Raw values are read as bytes and decoded in a step of their own, so an undecodable record is routed
 * to the dead-letter topic like any other bad record instead of stopping the stream. Stateless: scale
 * out by running more instances with the same application id.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(EnrichConfig config, TextSteps steps, Serde<RawArticle> rawSerde,
                                 Serde<EnrichedArticle> enrichedSerde, Clock clock) {
        NoiseStripper stripper = steps.stripper();
        FooterTags footer = steps.footer();
        EntityTagger tagger = steps.tagger();
        ToEnrichedArticle toAvro = new ToEnrichedArticle(clock, EnricherVersion.get());
        StreamsBuilder builder = new StreamsBuilder();

        Map<String, KStream<byte[], Decoded>> routes = builder
                .stream(config.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw"))
                .processValues(() -> new DecodeStep(rawSerde.deserializer(), config.errorPolicy()), Named.as("decode-and-validate"))
                .split(Named.as("route-"))
                .branch((key, decoded) -> decoded instanceof Decoded.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("valid"));

        routes.get("route-rejected")
                .processValues(DeadLetterStep::new, Named.as("to-dead-letter"))
                .to(config.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-dead-letter"));

        routes.get("route-valid")
                .mapValues(decoded -> {
                    RawArticle raw = ((Decoded.Valid) decoded).article();
                    return new Cleaned(raw, stripper.strip(raw.getBody()), List.of());
                }, Named.as("strip-noise"))
                .mapValues(cleaned -> {
                    FooterTags.Result result = footer.extract(cleaned.clean());
                    return new Cleaned(cleaned.raw(), result.clean(), result.tags());
                }, Named.as("extract-footer"))
                .mapValues(cleaned -> new Tagged(cleaned, tagger.tag(cleaned.clean().text(), cleaned.footerTags()),
                        cleaned.raw().getLanguage()), Named.as("tag-entities"))
                .mapValues(tagged -> tagged.language() != null || steps.languages().isEmpty() ? tagged
                        : tagged.withLanguage(steps.languages().get().guess(tagged.cleaned().clean().text()).orElse(null)),
                        Named.as("detect-language"))
                .mapValues(toAvro::apply, Named.as("to-enriched-article"))
                .selectKey((key, article) -> article.getId(), Named.as("key-by-id"))
                .to(config.outputTopic(), Produced.with(Serdes.String(), enrichedSerde).withName("write-enriched"));

        return builder.build();
    }
}
