package io.newsflow.enrich.step;

import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.text.RejectedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The {@code decode} step: a raw record's value as a {@link RawArticle}, each one counted as read. Bytes that are not a
 * registry-framed RawArticle (or name a schema id the registry does not have) are rejected with the deserializer's
 * reason. A registry that cannot be asked is {@link RegistryUnavailable}, not a bad record.
 */
public final class Decode {

    private final Deserializer<RawArticle> deserializer;
    private final String topic;
    private final EnrichMetrics metrics;

    public Decode(Deserializer<RawArticle> deserializer, String topic, EnrichMetrics metrics) {
        this.deserializer = deserializer;
        this.topic = topic;
        this.metrics = metrics;
    }

    public RawArticle apply(byte[] value) {
        metrics.read();
        if (value == null) {
            throw new RejectedArticle("null value (tombstone): a raw article needs a body");
        }
        try {
            return deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.kind() != SchemaRegistryException.Kind.NOT_FOUND) {
                throw new RegistryUnavailable("cannot decode: " + e.getMessage(), e);
            }
            throw new RejectedArticle("undecodable value: " + e.getMessage(), e);
        }
    }
}
