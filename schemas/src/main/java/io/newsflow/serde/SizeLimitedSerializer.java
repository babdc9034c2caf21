package io.newsflow.serde;

import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes with another serializer and refuses a value over a size limit with a
 * {@link RecordTooLargeException} naming both sizes. Checked here, before the producer sees the record,
 * so an oversized value is a serialization error (which a Kafka Streams production exception handler
 * can dead-letter) and never a failed send, which under exactly-once would abort the transaction.
 */
public final class SizeLimitedSerializer<T> implements Serializer<T> {

    private final Serializer<T> inner;
    private final int maxBytes;
    private final String limitName;

    /**
     * @param limitName how the user sets the limit, quoted in the error (e.g. "NEWSFLOW_MAX_ARTICLE_BYTES")
     */
    public SizeLimitedSerializer(Serializer<T> inner, int maxBytes, String limitName) {
        this.inner = inner;
        this.maxBytes = maxBytes;
        this.limitName = limitName;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return check(topic, inner.serialize(topic, data));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return check(topic, inner.serialize(topic, headers, data));
    }

    private byte[] check(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RecordTooLargeException(String.format(java.util.Locale.ROOT,
                    "%d bytes for %s is over the article size limit of %d bytes (%s)", bytes.length, topic, maxBytes, limitName));
        }
        return bytes;
    }

    @Override
    public void close() {
        inner.close();
    }
}
