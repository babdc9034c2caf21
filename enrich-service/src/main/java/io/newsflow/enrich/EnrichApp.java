package io.newsflow.enrich;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.SpecificAvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ops.OpsServer;
import java.util.Map;
import java.util.Properties;
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
    private static final Duration DEAD_THREAD_WAIT = Duration.ofSeconds(60);

    private final EnrichConfig config;
    private final StateDirLock stateDirLock;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry prometheus;
    private KafkaStreamsMetrics streamsMetrics;
    private OpsServer ops;

    /** @throws IllegalStateException when another instance uses the same state directory */
    public EnrichApp(EnrichConfig config) {
        this(config, TextSteps.from(config));
    }

    /** With the given text steps (tests). */
    public EnrichApp(EnrichConfig config, TextSteps steps) {
        this.config = config;
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        prometheus = config.metricsPort().isPresent() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        EnrichMetrics metrics = prometheus == null ? EnrichMetrics.none() : new EnrichMetrics(prometheus);
        Topology topology = EnrichTopology.build(config, steps, rawSerde, enrichedSerde, Clock.systemUTC(), metrics);
        Properties props = config.streamsProperties();
        props.put(EnrichMetrics.CONFIG, metrics);
        stateDirLock = StateDirLock.acquire(config.effectiveStateDir(), config.applicationId());
        try {
            streams = new KafkaStreams(topology, props,
                    new StableTransactionalIds(config.applicationId(), config.groupInstanceId()));
        } catch (RuntimeException e) {
            stateDirLock.close();
            throw e;
        }
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacement(config.maxThreadReplacements(),
                config.errorPolicy() == EnrichConfig.ErrorPolicy.FAIL, this::removeFromGroupOnceDead));
        streams.setStateListener((now, before) -> {
            LOG.info("enrich-service state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    /**
     * Starts processing, and the operator endpoints when a metrics port is set: {@code /metrics}
     * (newsflow's series, Kafka Streams' and clients' metrics, the JVM's), {@code /healthz},
     * {@code /readyz} (ready while the Streams state is RUNNING).
     */
    public void start() {
        streams.start();
        if (prometheus != null) {
            streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(prometheus);
            Gauge.builder("newsflow.consumer.lag", streams, EnrichApp::inputLag).baseUnit("records")
                    .description("Records of the input topic not yet read by this instance, summed over its partitions")
                    .register(prometheus);
            try {
                ops = OpsServer.start("0.0.0.0", config.metricsPort().get(), prometheus, () -> streams.state() == KafkaStreams.State.RUNNING
                        ? OpsServer.Readiness.yes() : OpsServer.Readiness.notReady("Kafka Streams is " + streams.state()), Map.of());
            } catch (Exception e) {
                close();
                throw new IllegalStateException("cannot serve metrics on port " + config.metricsPort().get() + ": " + e.getMessage(), e);
            }
            LOG.info("metrics, health and readiness on {}", ops.url());
        }
    }

    /** The consumer's {@code records-lag} of the input topic's partitions this instance reads, summed (0 before any is assigned). */
    private static double inputLag(KafkaStreams streams) {
        double lag = 0;
        for (var entry : streams.metrics().entrySet()) {
            var name = entry.getKey();
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && name.tags().containsKey("partition") && entry.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                lag += value;
            }
        }
        return lag;
    }

    /** Where {@code /metrics}, {@code /healthz} and {@code /readyz} are served; empty without a metrics port. */
    public java.util.Optional<java.net.URI> opsUrl() {
        return java.util.Optional.ofNullable(ops).map(OpsServer::url);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Names of this instance's live stream threads (a replaced thread comes back under a new name). */
    public java.util.Set<String> streamThreads() {
        return streams.metadataForLocalThreads().stream().map(org.apache.kafka.streams.ThreadMetadata::threadName)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Blocks until the streams instance stops (closed, or shut down after errors). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * A replaced stream thread does not leave the group on its own (Kafka Streams keeps members in the
     * group on close), and with static membership its replacement joins under a new thread number, so
     * the dead member would hold its partitions until the session timeout. Once the thread has stopped,
     * remove its static member ({@code group.instance.id} + "-" + thread number) so they move at once.
     */
    private void removeFromGroupOnceDead(Thread dead) {
        String name = dead.getName();
        String member = config.groupInstanceId() + "-" + name.substring(name.lastIndexOf('-') + 1);
        Thread remover = new Thread(() -> {
            try {
                dead.join(DEAD_THREAD_WAIT.toMillis());
                try (Admin admin = Admin.create(config.client().kafkaProperties())) {
                    admin.removeMembersFromConsumerGroup(config.applicationId(),
                            new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(member))))
                            .all().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                LOG.info("removed the replaced stream thread's member {} from group {}", member, config.applicationId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("could not remove member {} of a replaced stream thread from group {}; its partitions move after the "
                        + "session timeout: {}", member, config.applicationId(), e.getMessage());
            }
        }, "enrich-leave-group-" + member);
        remover.setDaemon(true);
        remover.start();
    }

    /**
     * Stops processing, commits, and leaves the consumer group, so the remaining instances take over
     * this instance's partitions at once instead of after the session timeout.
     */
    @Override
    public void close() {
        if (ops != null) {
            ops.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        try {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
        } finally {
            stateDirLock.close();
            stopped.countDown();
        }
    }
}
