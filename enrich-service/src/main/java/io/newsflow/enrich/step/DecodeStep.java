package io.newsflow.enrich.step;

import io.newsflow.enrich.EnrichConfig.ErrorPolicy;
import io.newsflow.schema.RawArticle;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a raw record's bytes into a RawArticle and validates it (id and body present, a content type
 * we can enrich). Bad records become {@link Decoded.Rejected} under the dead-letter policy, or stop the
 * application under the fail policy.
 */
public final class DecodeStep implements FixedKeyProcessor<byte[], byte[], Decoded> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeStep.class);
    static final String SUPPORTED_CONTENT_TYPE = "text/plain";

    private final Deserializer<RawArticle> deserializer;
    private final ErrorPolicy policy;
    private FixedKeyProcessorContext<byte[], Decoded> context;

    public DecodeStep(Deserializer<RawArticle> deserializer, ErrorPolicy policy) {
        this.deserializer = deserializer;
        this.policy = policy;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Decoded> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        Decoded decoded = decode(topic, record.value());
        if (decoded instanceof Decoded.Rejected rejected) {
            String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
            if (policy == ErrorPolicy.FAIL) {
                throw new StreamsException("bad record at " + where + " (" + rejected.stage() + "): " + rejected.reason()
                        + "; NEWSFLOW_ERROR_POLICY=fail stops here", rejected.cause());
            }
            LOG.warn("dead-lettering record at {} ({}): {}", where, rejected.stage(), rejected.reason());
        }
        context.forward(record.withValue(decoded));
    }

    Decoded decode(String topic, byte[] value) {
        if (value == null) {
            return new Decoded.Rejected(null, "decode", "null value (tombstone): a raw article needs a body", null);
        }
        RawArticle article;
        try {
            article = deserializer.deserialize(topic, value);
        } catch (RuntimeException e) {
            return new Decoded.Rejected(value, "decode", "undecodable value: " + e.getMessage(), e);
        }
        if (article.getId() == null || article.getId().isBlank()) {
            return new Decoded.Rejected(value, "validate", "missing id: a raw article needs a non-blank id", null);
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            return new Decoded.Rejected(value, "validate", "empty body in article " + article.getId(), null);
        }
        if (!SUPPORTED_CONTENT_TYPE.equalsIgnoreCase(article.getContentType())) {
            return new Decoded.Rejected(value, "validate", "unsupported contentType " + article.getContentType()
                    + " in article " + article.getId() + ": only " + SUPPORTED_CONTENT_TYPE + " is enriched", null);
        }
        return new Decoded.Valid(article);
    }
}
