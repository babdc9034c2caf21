package io.newsflow.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.serde.AvroJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** How the command line prints records: an Avro value as its plain JSON, anything else as an envelope. */
final class RecordJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /** A decoded Avro value, as one JSON object. */
    static ObjectNode value(IndexedRecord value) {
        return AvroJson.toJson(value);
    }

    /**
     * A record with its coordinates, headers and raw value: how dead letters print. The value is text
     * when it is valid UTF-8, else base64 under {@code valueBase64}.
     */
    static ObjectNode envelope(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = NODES.objectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", java.time.Instant.ofEpochMilli(record.timestamp()).toString());
        node.put("key", record.key() == null ? null : text(record.key()));
        ObjectNode headers = node.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : text(header.value()));
        }
        if (record.value() != null) {
            String text = utf8(record.value());
            if (text != null) {
                node.put("value", text);
            } else {
                node.put("valueBase64", Base64.getEncoder().encodeToString(record.value()));
            }
        }
        return node;
    }

    private static String text(byte[] bytes) {
        String text = utf8(bytes);
        return text != null ? text : "base64:" + Base64.getEncoder().encodeToString(bytes);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
