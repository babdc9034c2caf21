package io.newsflow.enrich.step;

import io.newsflow.schema.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a rejection into a dead-letter record: the original key and value bytes, the original headers,
 * and headers saying why and where from (see {@link DeadLetterHeaders}).
 */
public final class DeadLetterStep implements FixedKeyProcessor<byte[], Decoded, byte[]> {

    private FixedKeyProcessorContext<byte[], byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Decoded> record) {
        Decoded.Rejected rejected = (Decoded.Rejected) record.value();
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, DeadLetterHeaders.REASON, rejected.reason());
        put(headers, DeadLetterHeaders.STAGE, rejected.stage());
        if (rejected.cause() != null) {
            put(headers, DeadLetterHeaders.EXCEPTION_CLASS, rejected.cause().getClass().getName());
            put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, String.valueOf(rejected.cause().getMessage()));
        }
        context.recordMetadata().ifPresent((RecordMetadata m) -> {
            put(headers, DeadLetterHeaders.SOURCE_TOPIC, m.topic());
            put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(m.partition()));
            put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(m.offset()));
        });
        context.forward(record.withValue(rejected.original()).withHeaders(headers));
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
