package io.newsflow.enrich.step;

import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.text.RejectedArticle;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@code encode} step: an EnrichedArticle becomes the bytes written to the enriched topic (registry-framed Avro, the
 * output topic's subject), once. What follows (the dedup hop, the dedup step, the write) moves those bytes and never
 * decodes them again, except to mark a near-duplicate. An article over the enriched size limit is rejected here, under
 * this step's name; a registry that cannot be asked is {@link RegistryUnavailable}, not a bad record (a schema it refuses is the record's
 * dead letter). The article's tag
 * and noise figures are recorded here, where the article is still an object.
 */
public final class Encode {

    /** How an oversized article's dead letter reason starts. */
    public static final String TOO_LARGE = "enriched article too large: ";

    private final Serializer<EnrichedArticle> serializer;
    private final String topic;
    private final EnrichMetrics metrics;

    /** @param serializer the output's serializer, size-limited; {@code topic} the enriched topic (its subject) */
    public Encode(Serializer<EnrichedArticle> serializer, String topic, EnrichMetrics metrics) {
        this.serializer = serializer;
        this.topic = topic;
        this.metrics = metrics;
    }

    public byte[] apply(EnrichedArticle article) {
        byte[] bytes = encode(serializer, topic, article);
        metrics.encoded(article);
        return bytes;
    }

    /** {@code article} as {@code serializer} writes it for {@code topic}, with the errors of a step. */
    static byte[] encode(Serializer<EnrichedArticle> serializer, String topic, EnrichedArticle article) {
        try {
            return serializer.serialize(topic, article);
        } catch (RecordTooLargeException e) {
            throw new RejectedArticle(TOO_LARGE + e.getMessage(), e);
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.kind() != SchemaRegistryException.Kind.INCOMPATIBLE
                    && registry.kind() != SchemaRegistryException.Kind.INVALID) {
                throw new RegistryUnavailable("cannot encode: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
