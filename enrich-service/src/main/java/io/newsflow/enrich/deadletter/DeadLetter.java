package io.newsflow.enrich.deadletter;

import io.newsflow.schema.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the one kind of dead-letter record newsflow writes: the original key and value bytes and
 * headers, plus headers saying why, at which step and where from (see {@link DeadLetterHeaders}). A
 * value over the size limit is cut to the limit and marked, so the dead letter itself always fits.
 */
public final class DeadLetter {

    /** Longest header text kept (reasons and exception messages can quote a lot). */
    static final int MAX_HEADER_CHARS = 1_000;

    /** Where the rejected record was read from; {@code topic} null when unknown. */
    public record Source(String topic, int partition, long offset) {
        static final Source UNKNOWN = new Source(null, -1, -1);
    }

    private DeadLetter() {
    }

    /**
     * @param maxValueBytes the largest value the dead-letter topic takes (the article-size limit)
     * @param cause         the exception behind the rejection, or null
     */
    public static ProducerRecord<byte[], byte[]> of(String topic, byte[] key, byte[] value, Headers original, Source source,
                                                    String stage, String reason, Throwable cause, int maxValueBytes) {
        Headers headers = new RecordHeaders();
        if (original != null) {
            for (org.apache.kafka.common.header.Header header : original) {
                if (!io.newsflow.enrich.step.TagEvents.INTERNAL.contains(header.key())) {
                    headers.add(header); // not the headers enrich's own steps add on the way (tags, signature)
                }
            }
        }
        put(headers, DeadLetterHeaders.REASON, reason);
        put(headers, DeadLetterHeaders.STAGE, stage);
        if (cause != null) {
            put(headers, DeadLetterHeaders.EXCEPTION_CLASS, cause.getClass().getName());
            put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, String.valueOf(cause.getMessage()));
        }
        if (source.topic() != null) {
            put(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
            put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(source.partition()));
            put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(source.offset()));
        }
        byte[] kept = value;
        if (value != null && value.length > maxValueBytes) {
            kept = Arrays.copyOf(value, maxValueBytes);
            put(headers, DeadLetterHeaders.TRUNCATED_FROM, String.valueOf(value.length));
        }
        return new ProducerRecord<>(topic, null, null, key, kept, headers);
    }

    private static void put(Headers headers, String key, String value) {
        String text = value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "..." : value;
        headers.remove(key);
        headers.add(key, text.getBytes(StandardCharsets.UTF_8));
    }
}
