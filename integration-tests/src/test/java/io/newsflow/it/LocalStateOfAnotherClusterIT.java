package io.newsflow.it;

import io.newsflow.stack.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schema.EnrichedArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enrich instance keeps its state directory (the default one, say) while the cluster under it is replaced by a new
 * one, as with a local stack started afresh: the articles it saw on the old cluster must still come out on the new one.
 *
 * <p>Kafka Streams finds the new cluster's changelog empty and, unless its restore consumer sees "offset out of range"
 * first, keeps the local stores as they are: the dedup step then knew every id from the old cluster and dropped the
 * articles as re-deliveries, with nothing on the enriched topic and nothing dead-lettered. On an idle machine the
 * restore consumer usually wins; under load (a busy feed poller beside it) it did not. {@code poll.ms=1} makes its
 * first poll return before the broker answers, which is the losing order, every time.
 */
@ExtendWith(SharedStack.class)
class LocalStateOfAnotherClusterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STORY = """
            The ferry between Vaasa and Umea will run twice a day from April, the operator said on Tuesday.
            Advert
            A new ship with room for 800 passengers joins the route after sea trials in the Gulf of Bothnia.
            """;

    @TempDir
    Path dir;

    @Test
    void stateFromAnotherClusterIsDroppedAndItsArticlesComeOutAgain() throws Exception {
        Path article = dir.resolve("ferry.txt");
        Files.writeString(article, STORY, StandardCharsets.UTF_8);
        SharedStack.Topics topics = SharedStack.topics("origin", 1);
        String applicationId = "it-origin-" + topics.raw();
        Map<String, String> settings = Map.of(EnrichConfig.STATE_DIR, dir.resolve("state").toString(), EnrichConfig.METRICS_PORT, "0",
                "KAFKA_POLL_MS", "1", io.newsflow.enrich.TrendingConfig.TOPIC_ENV, "off"); // the new cluster has only the three topics

        try (EnrichApp onOld = new EnrichApp(Pipeline.enrichConfig(Pipeline.settings(), topics, applicationId, settings))) {
            onOld.start();
            Pipeline.ingest(topics.raw(), List.of(article.toString()));
            assertThat(Pipeline.readEnriched(topics.enriched(), Duration.ofSeconds(90), seen -> !seen.isEmpty())).hasSize(1);
        }

        try (EmbeddedKafka newCluster = EmbeddedKafka.start(dir.resolve("new-cluster"), 0)) {
            newCluster.createTopics(Map.of(topics.raw(), 1, topics.enriched(), 1, topics.dlq(), 1));
            ClientSettings cluster = new ClientSettings(newCluster.bootstrapServers(), Pipeline.settings().schemaRegistryUrl(), Map.of());
            try (EnrichApp onNew = new EnrichApp(Pipeline.enrichConfig(cluster, topics, applicationId, settings))) {
                onNew.start();
                Pipeline.ingest(cluster, topics.raw(), List.of(article.toString()));

                List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(cluster, topics.enriched(), Duration.ofSeconds(60),
                        seen -> !seen.isEmpty());
                String metrics = awaitMetrics(onNew, "newsflow_articles_enriched_total 1.0");
                assertThat(out).as("the article on the new cluster; metrics:%n%s", metrics).hasSize(1);
                assertThat(out.get(0).value().getBody()).startsWith("The ferry between Vaasa and Umea");
                assertThat(metrics).contains("newsflow_articles_read_total 1.0").contains("newsflow_articles_enriched_total 1.0")
                        .doesNotContain("newsflow_duplicates_total{");
            }
        }
    }

    /** The metrics once they contain {@code line}, or as they are after 30 s. */
    private static String awaitMetrics(EnrichApp app, String line) throws Exception {
        URI url = app.opsUrl().orElseThrow().resolve("/metrics");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String metrics = "";
        while (!metrics.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            metrics = HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        return metrics;
    }
}
