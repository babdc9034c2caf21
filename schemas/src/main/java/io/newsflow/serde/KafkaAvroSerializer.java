package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, registering or looking up the
 * schema under the configured subject. A drop-in for {@code io.confluent.kafka.serializers.KafkaAvroSerializer}
 * with the same config keys (see {@link AvroSerdeConfig}).
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private BinaryEncoder reusableEncoder;
    /** Grows to the largest record written; a record over 1 MiB gets a buffer of its own, so none is kept that large. */
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

    public KafkaAvroSerializer() {
    }

    /** For tests and embedding: a serializer over a given client, configured from {@code configs}. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this.client = client;
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof IndexedRecord record)) {
            throw new SerializationException("cannot serialize " + data.getClass().getName()
                    + " to topic " + topic + ": expected an Avro record (SpecificRecord or GenericRecord)");
        }
        Schema schema = record.getSchema();
        String subject = config.subjectStrategy().subject(topic, isKey, schema);
        int id;
        try {
            if (config.autoRegister()) {
                id = client.register(subject, schema);
            } else if (config.useLatestVersion()) {
                SchemaRegistryClient.RegisteredSchema latest = client.getLatest(subject);
                id = latest.id();
                schema = latest.schema();
            } else {
                id = client.lookupId(subject, schema);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " to topic " + topic
                    + " (subject " + subject + "): " + e.getMessage(), e);
        }
        return encode(id, schema, data);
    }

    /** The framed record (magic byte, schema id, Avro body) written once into a reused buffer and copied out once. */
    private synchronized byte[] encode(int id, Schema schema, Object data) {
        DatumWriter<Object> writer = writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))
                : new GenericDatumWriter<>(s, GenericData.get()));
        ByteArrayOutputStream out = buffer;
        out.reset();
        WireFormat.writeHeader(out, id);
        reusableEncoder = EncoderFactory.get().binaryEncoder(out, reusableEncoder);
        try {
            writer.write(data, reusableEncoder);
            reusableEncoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
        byte[] framed = out.toByteArray();
        if (out.size() > 1 << 20) {
            buffer = new ByteArrayOutputStream(8192);
        }
        return framed;
    }
}
