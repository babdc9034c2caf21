package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichClientSupplierTest {

    private final EnrichClientSupplier clients = new EnrichClientSupplier("newsflow-enrich", "host-a-1f2e");
    private final Counter counter = new SimpleMeterRegistry().counter("articles");
    private final TransactionCounts counts = new TransactionCounts();
    private final MockProducer<byte[], byte[]> kafka = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final EnrichClientSupplier.CountingProducer producer = new EnrichClientSupplier.CountingProducer(kafka, counts, () -> { });

    @AfterEach
    void unbind() {
        counts.unbindFromCurrentThread();
    }

    @Test
    void theRandomProcessIdIsReplacedByTheInstanceIdAndTheThreadNumberKept() {
        Map<String, Object> config = Map.of("transactional.id", "newsflow-enrich-3f1c2d4e-0b6a-4c1e-9d7f-2a1b3c4d5e6f-2", "acks", "all");

        assertThat(clients.withStableTransactionalId(config))
                .containsEntry("transactional.id", "newsflow-enrich-host-a-1f2e-2")
                .containsEntry("acks", "all");
    }

    @Test
    void aProducerWithoutTransactionsIsLeftAlone() {
        Map<String, Object> config = Map.of("acks", "all");

        assertThat(clients.withStableTransactionalId(config)).isSameAs(config);
    }

    @Test
    void countsMadeInATransactionLandWhenItCommits() {
        producer.initTransactions();
        producer.beginTransaction();
        TransactionCounts.increment(counter, 1);
        TransactionCounts.increment(counter, 2);

        assertThat(counter.count()).as("before the commit").isZero();
        assertThat(counts.uncommittedNanos(System.nanoTime())).isPositive();
        producer.commitTransaction();
        assertThat(counter.count()).isEqualTo(3.0);
        assertThat(counts.uncommittedNanos(System.nanoTime())).isZero();
    }

    @Test
    void countsOfAnAbortedTransactionAreDropped() {
        producer.initTransactions();
        producer.beginTransaction();
        TransactionCounts.increment(counter, 5);
        producer.abortTransaction();
        producer.beginTransaction();
        TransactionCounts.increment(counter, 1);
        producer.commitTransaction();

        assertThat(counter.count()).isEqualTo(1.0);
    }

    @Test
    void countsMadeBetweenTransactionsJoinTheNextCommit() {
        producer.initTransactions();
        producer.beginTransaction();
        producer.commitTransaction();
        TransactionCounts.increment(counter, 1); // a dropped record processed before the next send begins a transaction

        assertThat(counter.count()).isZero();
        producer.beginTransaction();
        producer.commitTransaction();
        assertThat(counter.count()).isEqualTo(1.0);
    }

    @Test
    void countsOnAThreadWithoutATransactionLandAtOnce() throws Exception {
        producer.initTransactions();
        producer.beginTransaction();
        Thread other = new Thread(() -> TransactionCounts.increment(counter, 1));
        other.start();
        other.join();

        assertThat(counter.count()).isEqualTo(1.0);
    }
}
