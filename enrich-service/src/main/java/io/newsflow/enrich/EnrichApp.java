package io.newsflow.enrich;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.SpecificAvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrichment topology: news.articles.raw (String, RawArticle) -> news.articles.enriched
 * (String, EnrichedArticle), bad records to news.articles.dlq. Wires config -> topology -> KafkaStreams;
 * {@link EnrichCommand} is the command line around it.
 */
public final class EnrichApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public EnrichApp(EnrichConfig config) {
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        Topology topology = EnrichTopology.build(config, TextSteps.from(config), rawSerde, enrichedSerde, Clock.systemUTC());
        streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacement(config.maxThreadReplacements(),
                config.errorPolicy() == EnrichConfig.ErrorPolicy.FAIL));
        streams.setStateListener((now, before) -> {
            LOG.info("enrich-service state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the streams instance stops (closed, or shut down after errors). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops processing, commits, and leaves the consumer group, so the remaining instances take over
     * this instance's partitions at once instead of after the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        stopped.countDown();
    }
}
