package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. With {@code specific.avro.reader=true} it returns the generated class of
 * the writer's record (resolved against that class's schema, so old and new writers both read);
 * otherwise a {@code GenericRecord}. A drop-in for {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {
    }

    /** For tests and embedding: a deserializer over a given client, configured from {@code configs}. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this.client = client;
        this.config = AvroSerdeConfig.from(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        if (client == null) {
            client = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        WireFormat.Framed framed = WireFormat.parse(data);
        DatumReader<Object> reader = readers.computeIfAbsent(framed.schemaId(), id -> readerFor(topic, id));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                framed.body().array(), framed.body().arrayOffset() + framed.body().position(), framed.body().remaining(), null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            String problem = e instanceof java.io.EOFException || e instanceof ArrayIndexOutOfBoundsException
                    ? "truncated payload: the Avro body ended before the record did"
                    : "corrupt Avro body: " + e;
            throw new SerializationException(problem + " (topic " + topic + ", schema id " + framed.schemaId()
                    + ", " + data.length + " bytes)", e);
        }
    }

    private DatumReader<Object> readerFor(String topic, int id) {
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (SchemaRegistryException e) {
            String what = e.kind() == SchemaRegistryException.Kind.NOT_FOUND ? "unknown schema id " + id : "cannot fetch schema id " + id;
            throw new SerializationException(what + " (topic " + topic + "): " + e.getMessage(), e);
        }
        if (!config.specificReader() || writer.getType() != Schema.Type.RECORD) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("specific.avro.reader is true but no generated class "
                    + writer.getFullName() + " is on the classpath (topic " + topic + ", schema id " + id + ")");
        }
        SpecificData model = SpecificData.getForClass(generated);
        return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
    }
}
