package io.newsflow.enrich.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The live page's reader keeps to the latest records of the enriched topic, whatever the pipeline's rate. */
class LiveTailTest {

    private final TopicPartition busy = new TopicPartition("enriched", 0);
    private final TopicPartition quiet = new TopicPartition("enriched", 1);

    @Test
    void aPartitionFarBehindItsEndSkipsToTheBacklogAndCountsWhatItPassed() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(busy, quiet));
        consumer.updateBeginningOffsets(Map.of(busy, 0L, quiet, 0L));
        consumer.updateEndOffsets(Map.of(busy, 10_000L, quiet, 120L));
        consumer.seek(busy, 1_000L);
        consumer.seek(quiet, 100L);

        // the page started when busy ended at 1,500: the 500 records before that were there already, not new
        long passed = LiveTail.skipAhead(consumer, List.of(busy, quiet), 50, Map.of(busy, 1_500L, quiet, 0L));

        assertThat(consumer.position(busy)).isEqualTo(9_950L);
        assertThat(consumer.position(quiet)).as("within the backlog of its end: read as it is").isEqualTo(100L);
        assertThat(passed).isEqualTo(9_950L - 1_500L);
        assertThat(LiveTail.skipAhead(consumer, List.of(busy, quiet), 50, Map.of())).as("nothing new: nothing passed").isZero();
    }
}
