package io.newsflow.enrich;

import io.newsflow.enrich.live.LivePage;
import io.newsflow.enrich.step.InRange;
import io.newsflow.enrich.text.TextChain;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
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
    private final Topology topology;
    private final Properties props;
    private final EnrichMetrics metrics;
    private final EnrichClientSupplier clients;
    private final List<String> stateTopics;
    private volatile KafkaStreams streams;
    private volatile EnrichHealth health;
    private volatile TrendingRoute trending;
    private volatile boolean originRecorded;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry prometheus;
    private KafkaStreamsMetrics streamsMetrics;
    private OpsServer ops;
    private LivePage live;

    /** @throws IllegalStateException when another instance uses the same state directory */
    public EnrichApp(EnrichConfig config) {
        this(config, TextChain.from(config.text()));
    }

    /** With the given text chain (tests). Contacts no broker: {@link #start()} does. */
    public EnrichApp(EnrichConfig config, TextChain chain) {
        this(config, chain, InRange.Range.ALL);
    }

    /** Over the input records of a time range only ({@code newsflow reprocess}). */
    public EnrichApp(EnrichConfig config, TextChain chain, InRange.Range range) {
        this.config = config;
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        prometheus = config.metricsPort().isPresent() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        metrics = prometheus == null ? EnrichMetrics.none() : new EnrichMetrics(prometheus);
        topology = EnrichTopology.build(config, chain, rawSerde, enrichedSerde, Clock.systemUTC(), metrics, range);
        props = config.streamsProperties();
        props.put(EnrichMetrics.CONFIG, metrics);
        clients = new EnrichClientSupplier(config.applicationId(), config.groupInstanceId());
        stateTopics = stateTopics(topology);
        stateDirLock = StateDirLock.acquire(config.effectiveStateDir(), config.applicationId());
    }

    /**
     * Kafka Streams on this instance's state directory, once local state of another origin is gone: Kafka Streams opens the
     * stores of existing task directories as it is created.
     */
    private KafkaStreams createStreams() {
        claimLocalState();
        KafkaStreams streams = new KafkaStreams(topology, props, clients);
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacement(config.maxThreadReplacements(),
                config.errorPolicy() == EnrichConfig.ErrorPolicy.FAIL, this::removeFromGroupOnceDead));
        streams.setStateListener((now, before) -> {
            LOG.info("enrich-service state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING && !originRecorded) {
                originRecorded = true;
                recordOriginInBackground();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        return streams;
    }

    /**
     * The topics whose incarnation the local state belongs to: the input topic and the changelog of every store
     * (all of this topology's stores are changelogged).
     */
    private List<String> stateTopics(Topology topology) {
        List<String> topics = new java.util.ArrayList<>(List.of(config.inputTopic()));
        topology.describe().subtopologies().forEach(subtopology -> subtopology.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                processor.stores().forEach(store -> topics.add(config.applicationId() + "-" + store + "-changelog"));
            }
        }));
        return List.copyOf(topics);
    }

    /** Deletes local state that belongs to another cluster or another incarnation of its topics ({@link LocalStateOrigin}). */
    private void claimLocalState() {
        java.nio.file.Path appDir = config.effectiveStateDir().resolve(config.applicationId());
        try (Admin admin = Admin.create(config.client().kafkaProperties())) {
            LocalStateOrigin.claim(appDir, LocalStateOrigin.current(admin, stateTopics), stateTopics)
                    .ifPresent(why -> LOG.warn("deleted the local state in {} because {}; it is restored from the changelog topics", appDir, why));
        }
    }

    /**
     * Once running, Kafka Streams has created the changelog topics: their ids join the record of the state's origin. Until
     * then the record lacks them, and a restart in between deletes the local state (safe, it is restored).
     */
    private void recordOriginInBackground() {
        Thread recorder = new Thread(() -> {
            try (Admin admin = Admin.create(config.client().kafkaProperties())) {
                LocalStateOrigin.record(config.effectiveStateDir().resolve(config.applicationId()),
                        LocalStateOrigin.current(admin, stateTopics));
            } catch (RuntimeException e) {
                LOG.warn("could not record which cluster the local state belongs to ({}); the next start restores it from the "
                        + "changelog topics", e.getMessage());
            }
        }, "enrich-state-origin");
        recorder.setDaemon(true);
        recorder.start();
    }

    /**
     * Checks the local state's origin, starts processing, and the operator endpoints when a metrics port is set:
     * {@code /metrics} (newsflow's series, Kafka Streams' and clients' metrics, the JVM's), {@code /healthz},
     * {@code /readyz} (ready while the Streams state is RUNNING and nothing is stalled), and {@code /v1/trending}
     * ({@link TrendingRoute}), the server's address being Kafka Streams' {@code application.server}.
     *
     * @throws IllegalStateException when the metrics port cannot be served
     * @throws org.apache.kafka.common.KafkaException when Kafka cannot say which cluster this is
     */
    public void start() {
        if (prometheus != null) {
            // before Kafka Streams: its application.server (where trending queries are forwarded) is this server's port
            HostInfo advertised = config.trending().advertised().map(HostInfo::buildFromEndpoint).orElse(null);
            Map<String, OpsServer.Route> routes = new java.util.HashMap<>();
            config.trending().topic().ifPresent(topic -> routes.put(TrendingRoute.PATH, call -> {
                TrendingRoute route = trending; // set once the port is known, just below
                if (route == null) {
                    call.error(503, "unavailable", "enrich is starting: retry in a few seconds", Map.of("Retry-After", "5"));
                } else {
                    route.handle(call);
                }
            }));
            try {
                live = LivePage.start(config);
                routes.putAll(live.routes()); // the live page: /, /live.js, /live.css, /v1/live/state
                ops = OpsServer.start(config.http(), config.metricsPort().get(), prometheus,
                        () -> health == null ? OpsServer.Readiness.notReady("starting") : health.readiness(), routes);
            } catch (Exception e) {
                close();
                throw new IllegalStateException("cannot serve metrics on " + config.http().host() + ":" + config.metricsPort().get() + ": "
                        + e.getMessage(), e);
            }
            HostInfo self = advertised != null ? advertised : new HostInfo(ops.url().getHost(), ops.port());
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            trending = new TrendingRoute(() -> streams, self, config.trending().ranking());
            LOG.info("metrics, health, readiness, trending and the live page on {}/", ops.url());
        }
        streams = createStreams();
        health = new EnrichHealth(streams, config.inputTopic(), config.dedupWindow().isZero() ? null
                : EnrichTopology.dedupTopic(config.applicationId()), metrics::deduplicatedSoFar, clients::uncommittedNanos,
                config.stallTimeout());
        streams.start();
        health.start();
        if (prometheus != null) {
            streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(prometheus);
            health.bindTo(prometheus);
        }
    }

    /** Where {@code /metrics}, {@code /healthz} and {@code /readyz} are served; empty without a metrics port. */
    public java.util.Optional<java.net.URI> opsUrl() {
        return java.util.Optional.ofNullable(ops).map(OpsServer::url);
    }

    /** Kafka Streams' state; CREATED before {@link #start()}. */
    /** The topics this instance reads: the input, then its internal ones (the dedup hop), by their full names. */
    public List<String> sourceTopics() {
        List<String> topics = new java.util.ArrayList<>(List.of(config.inputTopic()));
        topology.describe().subtopologies().forEach(subtopology -> subtopology.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                source.topicSet().stream().filter(t -> !t.equals(config.inputTopic()) && !t.equals(config.outputTopic()))
                        .forEach(t -> topics.add(t.startsWith(config.applicationId() + "-") ? t : config.applicationId() + "-" + t));
            }
        }));
        return List.copyOf(topics);
    }

    /** The version written on every record as {@code enricherVersion}. */
    public static String enricherVersion() {
        return EnricherVersion.get();
    }

    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.CREATED : running.state();
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
        if (live != null) {
            live.close();
        }
        if (health != null) {
            health.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        try {
            if (streams != null) {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(CLOSE_TIMEOUT));
            }
        } finally {
            stateDirLock.close();
            stopped.countDown();
        }
    }
}
