package io.newsflow.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema id (big-endian),
 * the rest the Avro binary encoding of the value.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** A framed payload: the schema id and a buffer positioned at the Avro body. */
    public record Framed(int schemaId, ByteBuffer body) {
    }

    /** Writes the header (magic byte, big-endian schema id); the Avro body follows it in the same stream. */
    public static void writeHeader(java.io.ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** Parses the header; throws a SerializationException that says what is wrong with the bytes. */
    public static Framed parse(byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("truncated payload: " + data.length
                    + " bytes, but a schema-registry Avro record needs at least 5 (magic byte 0x00 + 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "wrong magic byte 0x%02x: expected 0x00 (Confluent wire format); the record was not written by a schema-registry Avro serializer",
                    data[0] & 0xff));
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.get();
        int id = buffer.getInt();
        return new Framed(id, buffer.slice());
    }
}
