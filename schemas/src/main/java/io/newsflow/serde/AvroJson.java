package io.newsflow.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * A plain JSON view of an Avro record, for people and command-line tools: unions unwrapped (no
 * {@code {"string": ...}} wrappers), timestamp-millis as ISO-8601, enums as their symbol, bytes as
 * base64. Works on specific and generic records alike.
 */
public final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Resolves unions for generic values (epoch longs) and specific ones (java.time) alike. */
    private static final GenericData DATA = new GenericData();

    static {
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.DateConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    }

    private AvroJson() {
    }

    public static ObjectNode toJson(IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(field.schema(), record.get(field.pos())));
        }
        return node;
    }

    private static JsonNode value(Schema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema.getType() == Schema.Type.UNION) {
            int branch = DATA.resolveUnion(schema, value);
            return value(schema.getTypes().get(branch), value);
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            Instant instant = value instanceof Instant i ? i : Instant.ofEpochMilli((Long) value);
            return NODES.textNode(instant.toString());
        }
        return switch (schema.getType()) {
            case RECORD -> toJson((IndexedRecord) value);
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(value(schema.getElementType(), item));
                }
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    map.set(entry.getKey().toString(), value(schema.getValueType(), entry.getValue()));
                }
                yield map;
            }
            case INT -> NODES.numberNode(((Number) value).intValue());
            case LONG -> NODES.numberNode(((Number) value).longValue());
            case FLOAT -> NODES.numberNode(((Number) value).floatValue());
            case DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes()));
            default -> NODES.textNode(value.toString()); // STRING, ENUM
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
