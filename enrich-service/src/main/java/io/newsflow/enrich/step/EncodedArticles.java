package io.newsflow.enrich.step;

import io.newsflow.schema.EnrichedArticle;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** The dedup step's view of encoded articles: decoded only for a body to fingerprint or a near-duplicate to mark. */
public final class EncodedArticles implements Deduplicate.Articles {

    private final Deserializer<EnrichedArticle> deserializer;
    private final Serializer<EnrichedArticle> serializer;
    private final String topic;

    /** @param serializer the output's serializer, size-limited; {@code topic} the enriched topic */
    public EncodedArticles(Deserializer<EnrichedArticle> deserializer, Serializer<EnrichedArticle> serializer, String topic) {
        this.deserializer = deserializer;
        this.serializer = serializer;
        this.topic = topic;
    }

    @Override
    public String body(byte[] article) {
        return deserializer.deserialize(topic, article).getBody();
    }

    @Override
    public byte[] markDuplicate(byte[] article, String duplicateOf) {
        EnrichedArticle decoded = deserializer.deserialize(topic, article);
        decoded.setDuplicateOf(duplicateOf);
        return Encode.encode(serializer, topic, decoded);
    }
}
