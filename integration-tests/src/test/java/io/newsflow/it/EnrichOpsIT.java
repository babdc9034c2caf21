package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.Ingester;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow enrich --metrics-port}: readiness follows the Streams state, /metrics shows newsflow's series and Kafka's. */
@ExtendWith(SharedStack.class)
class EnrichOpsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHealthReadinessAndTheNewsflowSeries() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Ministers met in Berlin on Monday.\nAdvert\nTalks go on.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.txt"), "Advert\nADVERTISEMENT\n", StandardCharsets.UTF_8);
        SharedStack.Topics topics = SharedStack.topics("ops", 1);
        EnrichConfig config = Pipeline.enrichConfig(topics, "it-ops-" + topics.raw(), dir, Map.of(EnrichConfig.METRICS_PORT, "0"));
        URI url;
        try (EnrichApp app = new EnrichApp(config)) {
            app.start();
            url = app.opsUrl().orElseThrow();
            assertThat(get(url, "/healthz").statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (get(url, "/readyz").statusCode() != 200) {
                assertThat(System.nanoTime()).as("ready within 60 s").isLessThan(deadline);
                Thread.sleep(200);
            }

            // the two files, not the folder: the enrich state directory (RocksDB files of the dedup stores) is in it too
            Ingester.Result ingested = Pipeline.ingest(topics.raw(), List.of(dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString()));
            assertThat(ingested.published()).isEqualTo(2);
            Pipeline.readEnriched(topics.enriched(), Duration.ofSeconds(60), seen -> seen.size() >= 1);

            String metrics = "";
            while (!metrics.contains("newsflow_articles_dead_lettered_total{stage=\"require-content\"} 1.0")) {
                assertThat(System.nanoTime()).as("dead letter counted within 60 s").isLessThan(deadline + Duration.ofSeconds(60).toNanos());
                Thread.sleep(200);
                metrics = get(url, "/metrics").body();
            }
            assertThat(metrics).contains("newsflow_articles_enriched_total 1.0")
                    .contains("newsflow_noise_lines_removed_total{rule=\"ad-marker\"}")
                    .contains("newsflow_step_seconds_bucket{step=\"tag\"")
                    .contains("newsflow_tags_per_article_count 1")
                    .contains("kafka_consumer_fetch_manager_records_lag_max")
                    .containsPattern("newsflow_consumer_lag_records \\d")
                    .contains("kafka_stream_");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> get(url, "/healthz"))).as("closed with the app").isNotNull();
    }
}
