package io.newsflow.deadletter;

import io.newsflow.schema.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of the dead-letter topic as read: where it is, its key and value bytes, and what its headers
 * ({@link DeadLetterHeaders}) say about why it is there. {@code newsflow dlq} and enrich's live page read them alike.
 */
public record DeadLetterRecord(ConsumerRecord<byte[], byte[]> record) {

    /** A header's value as UTF-8 text, or null. */
    public String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The step that rejected it; {@code unknown} when the header is missing. */
    public String stage() {
        String stage = header(DeadLetterHeaders.STAGE);
        return stage == null ? "unknown" : stage;
    }

    /** Why, one line; empty when the header is missing. */
    public String reason() {
        String reason = header(DeadLetterHeaders.REASON);
        return reason == null ? "" : reason;
    }

    public String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    public Instant time() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** {@code partition:offset} in the dead-letter topic. */
    public String at() {
        return record.partition() + ":" + record.offset();
    }

    public int replays() {
        String count = header(DeadLetterHeaders.REPLAY_COUNT);
        try {
            return count == null ? 0 : Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean truncated() {
        return header(DeadLetterHeaders.TRUNCATED_FROM) != null;
    }

    /** The reason with what varies between articles taken out: see {@link DeadLetterGroups#reasonKind}. */
    public String reasonKind() {
        return DeadLetterGroups.reasonKind(reason(), key());
    }
}
