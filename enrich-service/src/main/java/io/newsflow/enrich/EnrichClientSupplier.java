package io.newsflow.enrich;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * The Kafka clients of an enrich instance, as Kafka Streams' would be, with two differences for its
 * exactly-once producers:
 * <ul>
 *   <li>a transactional id that survives a restart, {@code <application id>-<instance id>-<thread number>}
 *       instead of {@code <application id>-<random process id>-<thread number>}: a restarted instance's producer
 *       fences the killed one's open transaction at once, instead of read_committed consumers waiting for it to
 *       time out (transaction.timeout.ms) before they see anything written after it;</li>
 *   <li>each producer carries the {@link TransactionCounts} of its stream thread, so newsflow's article counts land
 *       when a transaction commits and are dropped when it aborts.</li>
 * </ul>
 */
final class EnrichClientSupplier implements KafkaClientSupplier {

    private final String applicationId;
    private final String instanceId;
    private final List<TransactionCounts> transactions = new CopyOnWriteArrayList<>();

    EnrichClientSupplier(String applicationId, String instanceId) {
        this.applicationId = applicationId;
        this.instanceId = instanceId;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        Map<String, Object> stable = withStableTransactionalId(config);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stable, new ByteArraySerializer(), new ByteArraySerializer());
        if (stable.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) == null) {
            return producer;
        }
        TransactionCounts counts = new TransactionCounts();
        transactions.add(counts);
        return new CountingProducer(producer, counts, () -> transactions.remove(counts));
    }

    /** Nanoseconds the oldest increment still waiting for a commit has waited, over every producer; 0 when none waits. */
    long uncommittedNanos(long nowNanos) {
        return transactions.stream().mapToLong(counts -> counts.uncommittedNanos(nowNanos)).max().orElse(0);
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

    /**
     * A transactional producer that tells its {@link TransactionCounts} when a transaction commits or aborts. The
     * stream thread calls {@link #initTransactions()} and {@link #beginTransaction()}, which bind the counts to it.
     */
    static final class CountingProducer implements Producer<byte[], byte[]> {
        private final Producer<byte[], byte[]> delegate;
        private final TransactionCounts counts;
        private final Runnable onClose;

        CountingProducer(Producer<byte[], byte[]> delegate, TransactionCounts counts, Runnable onClose) {
            this.delegate = delegate;
            this.counts = counts;
            this.onClose = onClose;
        }

        @Override
        public void initTransactions() {
            counts.bindToCurrentThread();
            delegate.initTransactions();
        }

        @Override
        public void beginTransaction() {
            counts.bindToCurrentThread();
            delegate.beginTransaction();
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
            delegate.sendOffsetsToTransaction(offsets, groupMetadata);
        }

        @Override
        public void commitTransaction() {
            delegate.commitTransaction();
            counts.committed();
        }

        @Override
        public void abortTransaction() {
            counts.aborted();
            delegate.abortTransaction();
        }

        @Override
        public void registerMetricForSubscription(KafkaMetric metric) {
            delegate.registerMetricForSubscription(metric);
        }

        @Override
        public void unregisterMetricFromSubscription(KafkaMetric metric) {
            delegate.unregisterMetricFromSubscription(metric);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            return delegate.send(record);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            return delegate.send(record, callback);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return delegate.partitionsFor(topic);
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return delegate.metrics();
        }

        @Override
        public Uuid clientInstanceId(Duration timeout) {
            return delegate.clientInstanceId(timeout);
        }

        @Override
        public void close() {
            close(Duration.ofMillis(Long.MAX_VALUE));
        }

        @Override
        public void close(Duration timeout) {
            counts.aborted();
            counts.unbindFromCurrentThread();
            onClose.run();
            delegate.close(timeout);
        }
    }
}
