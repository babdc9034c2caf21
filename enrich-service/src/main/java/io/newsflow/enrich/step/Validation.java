package io.newsflow.enrich.step;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import java.util.TreeMap;

/** Decoding, the checks before enrichment, and after cleaning; each failure is a {@link RejectedArticle}. */
public final class Validation {

    private Validation() {
    }

    /**
     * Decodes a raw record's value; bytes that are not a registry-framed RawArticle (or name a schema id
     * the registry does not have) are rejected with the deserializer's reason. A registry that cannot
     * be asked is {@link RegistryUnavailable}, not a bad record.
     */
    public static RawArticle decode(Deserializer<RawArticle> deserializer, String topic, byte[] value) {
        if (value == null) {
            throw new RejectedArticle("decode", "null value (tombstone): a raw article needs a body");
        }
        try {
            return deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.kind() != SchemaRegistryException.Kind.NOT_FOUND) {
                throw new RegistryUnavailable("cannot decode: " + e.getMessage(), e);
            }
            throw new RejectedArticle("decode", "undecodable value: " + e.getMessage(), e);
        }
    }

    /** A raw article we can enrich: present, with an id, a body, and a content type we handle. */
    public static RawArticle requireEnrichable(RawArticle article) {
        if (article.getId() == null || article.getId().isBlank()) {
            throw new RejectedArticle("validate", "missing id: a raw article needs a non-blank id");
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            throw new RejectedArticle("validate", "empty body in article " + article.getId());
        }
        if (ContentTypes.supported(article.getContentType()) == null) {
            throw new RejectedArticle("validate", "unsupported contentType " + article.getContentType()
                    + " in article " + article.getId() + ": only " + ContentTypes.TEXT + " and " + ContentTypes.HTML + " are enriched");
        }
        return article;
    }

    /**
     * An article whose every line was noise (or footer) is not emitted as an empty article: it is
     * dead-lettered, so a scraper that captured only ad slots is noticed and nothing is lost.
     */
    public static Cleaned requireContent(Cleaned cleaned) {
        CleanText clean = cleaned.clean();
        if (clean.text().isBlank()) {
            Map<String, Integer> byRule = new TreeMap<>(clean.removedByRule());
            throw new RejectedArticle("clean", "nothing left after cleaning article " + cleaned.raw().getId() + ": all "
                    + clean.linesRemoved() + " non-blank lines were noise or footer " + byRule);
        }
        return cleaned;
    }
}
