package io.newsflow.ingest.serve;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running ingest service: the HTTP API ({@link ArticlesEndpoint}), the feed poller, and the
 * operator endpoints, sharing one metrics registry. Articles from HTTP and from feeds go out through
 * two transactional producers (ids {@code newsflow-ingest-<instance>-api} and {@code -feeds}), so a
 * restarted instance fences its own leftovers at once.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** What the service needs; see {@code newsflow serve --help} for each. */
    public record Config(String host, int port, String topic, String seenTopic, List<Feed> feeds, int maxArticleBytes,
                         long maxRequestBytes, String token, String instanceId, Duration connectTimeout) {

        /** The same, with the article-size limit lowered to what the topic takes. */
        public Config withMaxArticleBytes(int limit) {
            return new Config(host, port, topic, seenTopic, feeds, limit, maxRequestBytes, token, instanceId, connectTimeout);
        }
    }

    private final PrometheusMeterRegistry metrics;
    private final TransactionalPublisher api;
    private final TransactionalPublisher feedPublisher;
    private final FeedPoller poller;
    private final OpsServer server;
    private final Admin admin;
    private final List<KafkaClientMetrics> clientMetrics;

    private IngestService(PrometheusMeterRegistry metrics, TransactionalPublisher api, TransactionalPublisher feedPublisher, FeedPoller poller,
                          OpsServer server, Admin admin, List<KafkaClientMetrics> clientMetrics) {
        this.metrics = metrics;
        this.api = api;
        this.feedPublisher = feedPublisher;
        this.poller = poller;
        this.server = server;
        this.admin = admin;
        this.clientMetrics = clientMetrics;
    }

    /** Starts everything; Kafka, the registry and the seen-ids topic must be usable (checked by the caller's preflight). */
    public static IngestService start(Config config, ClientSettings settings, Clock clock) throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics ingest = new IngestMetrics(metrics);
        SeenIds seen = SeenIds.load(settings, config.seenTopic(), config.connectTimeout());
        Duration maxBlock = Duration.ofSeconds(5);
        String prefix = "newsflow-ingest-" + config.instanceId();
        TransactionalPublisher api = new TransactionalPublisher(settings, config.topic(), prefix + "-api", config.maxArticleBytes(), maxBlock);
        TransactionalPublisher feeds = new TransactionalPublisher(settings, config.topic(), prefix + "-feeds", config.maxArticleBytes(), maxBlock);
        api.start();
        feeds.start();
        List<KafkaClientMetrics> clientMetrics = List.of(new KafkaClientMetrics(api.current()), new KafkaClientMetrics(feeds.current()));
        clientMetrics.forEach(binder -> binder.bindTo(metrics));
        var adminProps = settings.kafkaProperties();
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        Admin admin = Admin.create(adminProps);
        FeedPoller poller = new FeedPoller(config.feeds(), feeds, seen, ingest, clock);
        OpsServer server = OpsServer.start(config.host(), config.port(), metrics,
                new CachedReadiness(admin, URI.create(settings.schemaRegistryUrl()))::get,
                Map.of(ArticlesEndpoint.PATH, new ArticlesEndpoint(api, ingest, clock, config.token(), config.maxRequestBytes())));
        poller.start();
        LOG.info("ingest service on {}: {} feeds, {} ids already seen, token {}", server.url(), config.feeds().size(), seen.size(),
                config.token() == null ? "not required" : "required");
        return new IngestService(metrics, api, feeds, poller, server, admin, clientMetrics);
    }

    public URI url() {
        return server.url();
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Stops polling, lets requests in flight finish, then closes the producers (everything sent is committed or aborted). */
    @Override
    public void close() {
        poller.close();
        server.close();
        clientMetrics.forEach(KafkaClientMetrics::close);
        api.close();
        feedPublisher.close();
        admin.close(Duration.ofSeconds(5));
        metrics.close();
    }

    /** Ready when the broker answers and the registry lists its subjects; asked at most every 3 s. */
    private static final class CachedReadiness {
        private final Admin admin;
        private final URI registry;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private OpsServer.Readiness last;
        private long checkedAt;

        CachedReadiness(Admin admin, URI registry) {
            this.admin = admin;
            this.registry = registry;
        }

        synchronized OpsServer.Readiness get() {
            if (last != null && System.nanoTime() - checkedAt < TimeUnit.SECONDS.toNanos(3)) {
                return last;
            }
            last = check();
            checkedAt = System.nanoTime();
            return last;
        }

        private OpsServer.Readiness check() {
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                return OpsServer.Readiness.notReady("Kafka: no answer from the cluster (" + e.getClass().getSimpleName() + ")");
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(registry.resolve("/subjects")).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    return OpsServer.Readiness.notReady("schema registry: HTTP " + answer.statusCode() + " from " + registry);
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return OpsServer.Readiness.notReady("schema registry: no answer from " + registry + " (" + e.getClass().getSimpleName() + ")");
            }
            return OpsServer.Readiness.yes();
        }
    }
}
