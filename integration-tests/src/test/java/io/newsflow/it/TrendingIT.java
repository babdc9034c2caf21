package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.TrendingConfig;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.TagType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trending tags on two enrich instances (one application id, each its own HTTP port) on the real broker and registry: the
 * instance that does not hold a type forwards the query to the one that does, and both give the same answer; the lists
 * reach the compacted trending topic.
 */
@ExtendWith(SharedStack.class)
class TrendingIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Six different stories (not near-duplicates of each other), each in Berlin. */
    private static final List<String> STORIES = List.of(
            "Ministers met in Berlin on Monday to discuss the budget for next year.\nTalks continue on Tuesday.\n",
            "A new tram line opened in Berlin, linking the eastern districts with the main station.\n",
            "The orchestra in Berlin announced its winter season, with three premieres and a tour of Asia.\n",
            "Flooding closed two underground stations in Berlin after a night of heavy rain.\n",
            "Berlin airport reported record passenger numbers for November, up twelve percent.\n",
            "A football club from Berlin signed a young goalkeeper from Denmark on a four-year contract.\n");

    @TempDir
    Path dir;

    private static HttpResponse<String> get(URI base, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theInstanceThatDoesNotHoldATypeForwardsItsQueryAndBothAnswerTheSame() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("trending", 4);
        String trendingTopic = "trending-" + UUID.randomUUID().toString().substring(0, 8);
        SharedStack.stack().kafka().createTopics(Map.of(trendingTopic, 1), Map.of("cleanup.policy", "compact"));
        String applicationId = "it-trending-" + topics.raw();
        Map<String, String> env = Map.of(EnrichConfig.METRICS_PORT, "0", TrendingConfig.TOPIC_ENV, trendingTopic,
                TrendingConfig.EMIT_INTERVAL_ENV, "1s", TrendingConfig.MIN_COUNT_ENV, "1");
        Path articles = Files.createDirectories(dir.resolve("articles"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < STORIES.size(); i++) {
            Path file = articles.resolve("story-" + i + ".txt");
            Files.writeString(file, STORIES.get(i), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        try (EnrichApp first = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, env));
             EnrichApp second = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, env))) {
            first.start();
            second.start();
            Pipeline.awaitRunning(DEADLINE, first, second);

            assertThat(Pipeline.ingest(topics.raw(), files).published()).isEqualTo(STORIES.size());
            List<ConsumerRecord<String, EnrichedArticle>> enriched = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= STORIES.size());
            long berlin = enriched.stream().filter(r -> r.value().getDuplicateOf() == null)
                    .filter(r -> r.value().getTags().stream().anyMatch(t -> t.getName().equals("Berlin") && t.getType() == TagType.PLACE)).count();
            assertThat(berlin).as("the tagger finds Berlin, a place, in the stories").isEqualTo(STORIES.size());

            long events = enriched.stream().filter(r -> r.value().getDuplicateOf() == null)
                    .mapToLong(r -> r.value().getTags().stream().map(t -> t.getType() + "|" + t.getName()).distinct().count()).sum();
            URI one = first.opsUrl().orElseThrow();
            URI other = second.opsUrl().orElseThrow();
            awaitCounted(events, one, other);
            HttpResponse<String> fromOne = awaitCount(one, "Berlin", berlin);
            String holder = fromOne.headers().firstValue("X-Newsflow-Answered-By").orElseThrow();
            URI holderUrl = holder.endsWith(":" + one.getPort()) ? one : other;
            URI notHolder = holderUrl == one ? other : one;
            assertThat(holder).as("one of the two instances holds PLACE").isIn(host(one), host(other));

            HttpResponse<String> direct = get(holderUrl, "/v1/trending?type=PLACE&window=1h&limit=20");
            HttpResponse<String> forwarded = get(notHolder, "/v1/trending?type=PLACE&window=1h&limit=20");

            assertThat(direct.statusCode()).isEqualTo(200);
            assertThat(direct.headers().firstValue("X-Newsflow-Forwarded-To")).as("the holder answers itself").isEmpty();
            assertThat(forwarded.statusCode()).isEqualTo(200);
            assertThat(forwarded.headers().firstValue("X-Newsflow-Forwarded-To")).as("the other forwards to the holder").contains(holder);
            assertThat(forwarded.body()).isEqualTo(direct.body());
            JsonNode answer = JSON.readTree(direct.body());
            assertThat(answer.path("type").asText()).isEqualTo("PLACE");
            assertThat(answer.path("window").asText()).isEqualTo("1h");
            assertThat(answer.path("asOf").asText()).isNotEmpty();
            JsonNode top = answer.path("tags").get(0);
            assertThat(top.path("name").asText()).isEqualTo("Berlin");
            assertThat(top.path("count").asLong()).isEqualTo(berlin);
            assertThat(top.has("baseline") && top.has("score")).isTrue();
            assertThat(top.path("series")).hasSize(12);

            HttpResponse<String> allFromOne = get(one, "/v1/trending?type=ALL&window=1h&limit=5");
            HttpResponse<String> allFromOther = get(other, "/v1/trending?window=1h&limit=5");
            assertThat(allFromOne.statusCode()).isEqualTo(200);
            assertThat(allFromOther.body()).isEqualTo(allFromOne.body());
            assertThat(JSON.readTree(allFromOne.body()).path("type").asText()).isEqualTo("ALL");

            HttpResponse<String> bad = get(notHolder, "/v1/trending?type=PLACE&window=2h");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("detail").asText()).contains("window=2h").contains("1h, 6h, 24h");

            List<ConsumerRecord<byte[], byte[]>> lists = Pipeline.readBytes(trendingTopic, DEADLINE,
                    seen -> seen.stream().anyMatch(r -> key(r).equals("PLACE|1h") && value(r).contains("\"Berlin\"")));
            assertThat(lists).extracting(TrendingIT::key).contains("PLACE|1h", "PLACE|6h", "PLACE|24h");
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String host(URI url) {
        return url.getHost() + ":" + url.getPort();
    }

    /** Until the two instances together have counted {@code events} tag events (committed: in the stores too). */
    private static void awaitCounted(long events, URI... instances) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        double counted = 0;
        while (System.nanoTime() < end) {
            counted = 0;
            for (URI instance : instances) {
                counted += get(instance, "/metrics").body().lines().filter(l -> l.startsWith("newsflow_trending_tags_total{counted=\"true\"}"))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            }
            if (counted == events) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("counted " + counted + " tag events of " + events + " within " + DEADLINE);
    }

    /** The PLACE list from {@code url} once {@code name} has been counted {@code count} times. */
    private static HttpResponse<String> awaitCount(URI url, String name, long count) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = get(url, "/v1/trending?type=PLACE&window=1h");
            if (last.statusCode() == 200) {
                for (JsonNode tag : JSON.readTree(last.body()).path("tags")) {
                    if (tag.path("name").asText().equals(name) && tag.path("count").asLong() == count) {
                        return last;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not counted " + count + " times within " + DEADLINE + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }
}
