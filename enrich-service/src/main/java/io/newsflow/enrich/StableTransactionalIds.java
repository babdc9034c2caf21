package io.newsflow.enrich;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Gives each stream thread's exactly-once producer a transactional id that survives a restart:
 * {@code <application id>-<instance id>-<thread number>} instead of Kafka Streams'
 * {@code <application id>-<random process id>-<thread number>} (the process id is only kept for
 * topologies with persistent stores, and this one has none). A restarted instance's producer then
 * fences the killed one's open transaction at once, instead of read_committed consumers waiting for
 * it to time out (transaction.timeout.ms) before they see anything written after it.
 */
final class StableTransactionalIds implements KafkaClientSupplier {

    private final String applicationId;
    private final String instanceId;

    StableTransactionalIds(String applicationId, String instanceId) {
        this.applicationId = applicationId;
        this.instanceId = instanceId;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(withStableTransactionalId(config), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    Map<String, Object> withStableTransactionalId(Map<String, Object> config) {
        Object transactionalId = config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        if (transactionalId == null) {
            return config;
        }
        String id = transactionalId.toString();
        Map<String, Object> stable = new HashMap<>(config);
        stable.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-" + instanceId + id.substring(id.lastIndexOf('-')));
        return stable;
    }
}
