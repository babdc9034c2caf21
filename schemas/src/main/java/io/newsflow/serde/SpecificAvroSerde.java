package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams serde for generated Avro classes; {@code specific.avro.reader} is always on. */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    public SpecificAvroSerde() {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
    }

    /** A serde bound to a given client (tests, embedding); still call {@link #configure}. */
    public SpecificAvroSerde(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = withSpecificReader(configs);
        this.serializer = new KafkaAvroSerializer(client, specific, isKey);
        this.deserializer = new KafkaAvroDeserializer(client, specific, isKey);
    }

    /** A configured value serde for the given registry settings. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(Map<String, ?> configs) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = withSpecificReader(configs);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    private static Map<String, Object> withSpecificReader(Map<String, ?> configs) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        return specific;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> serializer.serialize(topic, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (topic, data) -> (T) deserializer.deserialize(topic, data);
    }
}
