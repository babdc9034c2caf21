package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Duplicates on a real broker, end to end through the ingest CLI code: a re-run ingest of the same file
 * is not emitted again, a syndicated copy (ads moved, another footer, a word edited) comes out with
 * duplicateOf = the first copy's id, and both still hold after the enrich instance is replaced by one
 * with an empty state directory (the dedup stores come back from their changelogs).
 */
@ExtendWith(SharedStack.class)
class DedupIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String STORY = """
            The harbour authority in Tallinn said on Thursday that the new ferry terminal will open in March, two months later than planned.
            Advert
            Engineers found cracks in two of the mooring posts during a final inspection last week, the authority said in a statement.
            Passengers on the Helsinki route will keep using the old terminal until then, and timetables will not change.
            The repair is covered by the builder's warranty, according to the authority, and will not add to the project's cost.
            Topics: Tallinn, Ferries, Transport
            """;
    private static final String COPY = """
            The harbour authority in Tallinn said on Thursday that the new ferry terminal will open in March, two months later than it planned.
            Engineers found cracks in two of the mooring posts during a final inspection last week, the authority said in a statement.
            ADVERTISEMENT
            Passengers on the Helsinki route will keep using the old terminal until then, and timetables will not change.
            The repair is covered by the builder's warranty, according to the authority, and will not add to the project's cost.
            Tags: Estonia, Shipping
            """;
    private static final String OTHER = """
            The city council in Tartu voted on Wednesday to extend the river tram line by three stops towards the university campus.
            Work is due to begin next spring and take about eighteen months, the council said, with buses replacing trams at weekends.
            Topics: Tartu, Transport
            """;

    @TempDir
    Path dir;

    @Test
    void reDeliveryIsDroppedAndACopyIsMarkedAcrossARestart() throws Exception {
        Path story = write("story.txt", STORY);
        Path copy = write("copy.txt", COPY);
        Path copyOfCopy = write("late-copy.txt", COPY.replace("two months", "eight weeks"));
        Path other = write("other.txt", OTHER);
        SharedStack.Topics topics = SharedStack.topics("dedup", 3);
        String applicationId = "it-dedup-" + topics.raw();
        Map<String, String> settings = Map.of(EnrichConfig.METRICS_PORT, "0");

        try (EnrichApp first = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, settings))) {
            first.start();
            Pipeline.ingest(topics.raw(), List.of(story.toString()));
            Pipeline.readEnriched(topics.enriched(), Duration.ofSeconds(90), seen -> seen.size() >= 1);
            Pipeline.ingest(topics.raw(), List.of(story.toString(), copy.toString()));
            awaitMetric(first, "newsflow_duplicates_total{emitted=\"true\",kind=\"near\"} 1.0");
            awaitMetric(first, "newsflow_duplicates_total{emitted=\"false\",kind=\"exact\"} 1.0");
        }
        // a new instance with an empty state directory: the stores are restored from their changelogs
        try (EnrichApp second = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, settings))) {
            second.start();
            Pipeline.ingest(topics.raw(), List.of(story.toString(), copyOfCopy.toString(), other.toString()));
            awaitMetric(second, "newsflow_duplicates_total{emitted=\"false\",kind=\"exact\"} 1.0");
            awaitMetric(second, "newsflow_duplicates_total{emitted=\"true\",kind=\"near\"} 1.0");
            Pipeline.readEnriched(topics.enriched(), Duration.ofSeconds(90), seen -> seen.size() >= 4);
        }

        List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(topics.enriched(), Duration.ofSeconds(5), seen -> false);
        assertThat(out).as("the story once, its two copies, the other story").hasSize(4);
        assertThat(out).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        ConsumerRecord<String, EnrichedArticle> original = out.stream()
                .filter(r -> r.value().getBody().contains("two months later than planned")).findFirst().orElseThrow();
        String storyId = original.key();
        assertThat(original.value().getDuplicateOf()).isNull();
        assertThat(out.stream().filter(r -> r.value().getBody().contains("later than it planned")).map(r -> r.value().getDuplicateOf()))
                .as("the copy and the late copy (read after the restart) both point at the story").containsExactly(storyId, storyId);
        assertThat(out.stream().filter(r -> r.value().getBody().startsWith("The city council in Tartu")).map(r -> r.value().getDuplicateOf()))
                .as("a different story on the same topic").containsExactly((String) null);
        assertThat(out).allSatisfy(r -> assertThat(r.headers().lastHeader("newsflow.minhash")).isNull());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void awaitMetric(EnrichApp app, String line) throws Exception {
        URI url = app.opsUrl().orElseThrow().resolve("/metrics");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String metrics = "";
        while (!metrics.contains(line)) {
            assertThat(System.nanoTime()).as("%s within 90 s; last scrape:%n%s", line, metrics).isLessThan(deadline);
            Thread.sleep(200);
            metrics = HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
