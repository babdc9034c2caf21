package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** Work that waits and does not move for longer than the stall timeout makes the instance not ready, and says what is stuck. */
class EnrichHealthTest {

    private static final long SECOND = 1_000_000_000L;

    private final Map<MetricName, Metric> metrics = new HashMap<>();
    private final AtomicLong deduplicated = new AtomicLong();
    private final AtomicLong uncommitted = new AtomicLong();
    private KafkaStreams.State state = KafkaStreams.State.RUNNING;
    private final EnrichHealth health = new EnrichHealth(() -> state, () -> metrics, "news.articles.raw", "app-dedup-repartition",
            deduplicated::get, now -> uncommitted.get(), Duration.ofSeconds(60));

    @Test
    void anIdleInstanceIsReady() {
        lag("news_articles_raw", 0);
        processed(10);

        assertThat(health.sample(0).stalls()).isEmpty();
        assertThat(health.sample(600 * SECOND).stalls()).isEmpty();
        assertThat(health.readiness().ready()).isTrue();
    }

    @Test
    void recordsWaitingInTheDedupHopWithTheStepTakingNoneIsAStall() {
        lag("app-dedup-repartition", 0);
        health.sample(0);
        lag("app-dedup-repartition", 27);
        health.sample(100 * SECOND);

        assertThat(health.sample(150 * SECOND).stalls()).as("waiting 50 s").isEmpty();
        assertThat(health.sample(161 * SECOND).stalls()).singleElement().asString().startsWith("dedup: 27 records wait");
        assertThat(health.readiness().ready()).isFalse();
        assertThat(health.readiness().detail()).contains("dedup hop");

        deduplicated.set(5);
        lag("app-dedup-repartition", 22);
        assertThat(health.sample(162 * SECOND).stalls()).as("the step moved").isEmpty();
        assertThat(health.readiness().ready()).isTrue();
    }

    @Test
    void inputWaitingWhileTheThreadsProcessNothingIsAStall() {
        processed(100);
        lag("news_articles_raw", 3);
        health.sample(0);

        assertThat(health.sample(61 * SECOND).stalls()).singleElement().asString().startsWith("input: 3 records wait");
        processed(103);
        assertThat(health.sample(62 * SECOND).stalls()).isEmpty();
    }

    @Test
    void aSteadyFlowIsNotAStallEvenIfRecordsAlwaysWait() {
        for (int s = 0; s <= 300; s++) {
            processed(s * 1000);
            deduplicated.set(s * 1000L);
            lag("news_articles_raw", 500);
            lag("app-dedup-repartition", 500);
            assertThat(health.sample(s * SECOND).stalls()).isEmpty();
        }
    }

    @Test
    void processedRecordsThatWaitTooLongForTheirCommitAreAStall() {
        uncommitted.set(30 * SECOND);
        assertThat(health.sample(0).stalls()).isEmpty();
        uncommitted.set(61 * SECOND);

        assertThat(health.sample(SECOND).stalls()).singleElement().asString().startsWith("commit: processed records have waited 61 s");
    }

    @Test
    void anInstanceThatIsNotRunningIsNotReady() {
        state = KafkaStreams.State.REBALANCING;

        assertThat(health.readiness().ready()).isFalse();
        assertThat(health.readiness().detail()).isEqualTo("Kafka Streams is REBALANCING");
    }

    private void lag(String topic, double value) {
        put(new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", "c-StreamThread-1-consumer", "topic", topic, "partition", "0")), value);
    }

    private void processed(double value) {
        put(new MetricName("process-total", "stream-thread-metrics", "", Map.of("thread-id", "c-StreamThread-1")), value);
    }

    private void put(MetricName name, double value) {
        metrics.put(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
