package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.Ingester;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files -> ingest -> real broker + registry -> enrich (KafkaStreams, EOS) -> consume. */
@ExtendWith(SharedStack.class)
class IngestEnrichConsumeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyIngestedArticleIsEnrichedOnceCleanAndTaggedAndIdsAreStable() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in/nested"));
        Files.writeString(dir.resolve("in/council.txt"), """
                The city council in Warsaw voted on Thursday to close the old tram depot.
                Advert
                Residents said the advert campaign for the new depot had promised quieter streets.
                ADVERTISEMENT
                The mayor of Warsaw said work would start in spring.
                Topics: Poland, Warsaw, Transport
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("summit.txt"),
                "Leaders met in Paris on Monday.\r\n[Advert]\r\nEmmanuel Macron hosted the talks.\r\nTopics: France, Paris\r\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("in/wire.jsonl"), """
                {"id":"w-1","url":"https://example.org/w-1","title":"Tokyo votes","body":"Voters in Tokyo went to the polls.\\nAdvert\\nTopics: Japan, Tokyo","publishedAt":"2026-11-20T10:00:00Z","language":"en"}
                {"id":"w-2","title":"Kyiv talks","body":"Officials in Kiev met on Friday.\\n- Advertisement -\\nNo deal was reached."}
                """, StandardCharsets.UTF_8);
        SharedStack.Topics topics = SharedStack.topics("flow", 2);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-flow-" + topics.raw(), dir);
        try {
            Ingester.Result first = Pipeline.ingest(topics.raw(), List.of(dir.resolve("in").toString()));
            assertThat(first.published()).isEqualTo(4);
            assertThat(first.rejected()).isZero();

            List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 4);

            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(first.ids());
            Map<String, EnrichedArticle> byId = out.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            String councilId = ArticleIds.stable(null, dir.resolve("in/council.txt").toAbsolutePath().toUri().toString(), null);
            EnrichedArticle council = byId.get(councilId);
            assertThat(council.getBody()).isEqualTo("""
                    The city council in Warsaw voted on Thursday to close the old tram depot.
                    Residents said the advert campaign for the new depot had promised quieter streets.
                    The mayor of Warsaw said work would start in spring.
                    """);
            assertThat(council.getTags()).extracting(Tag::getName).startsWith("Poland", "Warsaw", "Transport");
            assertThat(council.getTags()).filteredOn(t -> t.getName().equals("Warsaw")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.getOrigin()).isEqualTo(TagOrigin.FOOTER);
                        assertThat(t.getMentions()).isEqualTo(2);
                    });
            assertThat(council.getNoise().getByRule()).containsEntry("ad-marker", 2).containsEntry("footer-tags", 1);
            EnrichedArticle summit = out.stream().map(ConsumerRecord::value).filter(a -> a.getUrl() != null && a.getUrl().endsWith("summit.txt"))
                    .findFirst().orElseThrow();
            assertThat(summit.getBody()).isEqualTo("Leaders met in Paris on Monday.\r\nEmmanuel Macron hosted the talks.\r\n");
            assertThat(summit.getTags()).extracting(Tag::getName).contains("France", "Paris", "Emmanuel Macron");
            assertThat(byId.get("w-1").getPublishedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T10:00:00Z"));
            assertThat(byId.get("w-1").getLanguage()).isEqualTo("en");
            assertThat(byId.get("w-2").getBody()).isEqualTo("Officials in Kiev met on Friday.\nNo deal was reached.");
            assertThat(byId.get("w-2").getTags()).filteredOn(t -> t.getType() != io.newsflow.schema.TagType.TOPIC)
                    .extracting(Tag::getName).containsExactly("Kyiv");

            Ingester.Result again = Pipeline.ingest(topics.raw(), List.of(dir.resolve("in").toString()));
            assertThat(again.ids()).containsExactlyElementsOf(first.ids());

            // the same ids again within the dedup window are re-deliveries: not emitted a second time (DedupIT counts them)
            List<ConsumerRecord<String, EnrichedArticle>> after = Pipeline.readEnriched(topics.enriched(), java.time.Duration.ofSeconds(10),
                    seen -> seen.size() >= 5);
            assertThat(after.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())))
                    .hasSize(4).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        } finally {
            enricher.close();
        }
    }

    @Test
    void htmlPagesAndFragmentsComeOutAsTheirMainTextCleanAndTagged() throws Exception {
        Files.createDirectories(dir.resolve("pages"));
        Files.write(dir.resolve("pages/berlin.html"), ("<!DOCTYPE html><html lang=\"de-DE\"><head><meta charset=\"windows-1252\">"
                + "<title>Streik in Berlin | Stadtblatt</title><meta property=\"article:published_time\" content=\"2026-11-20T08:00:00+01:00\">"
                + "</head><body><nav><a href=/>Start</a> <a href=/politik>Politik</a></nav><article><h1>Streik in Berlin</h1>"
                + "<p>In Berlin streiken am Montag die Beschäftigten der Verkehrsbetriebe, Busse und Bahnen stehen still.</p>"
                + "<div class=\"ad-container\"><p>Anzeige</p></div>"
                + "<p>Die Gewerkschaft fordert mehr Lohn und kürzere Schichten für das Fahrpersonal.</p></article>"
                + "<div class=\"comments\"><p>Schon wieder ein Streik, das ist unglaublich ärgerlich für alle Pendler.</p></div></body></html>")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.writeString(dir.resolve("pages/feed.jsonl"), "{\"id\":\"rss-1\",\"title\":\"Lisbon trams\",\"contentType\":\"text/html\","
                + "\"body\":\"<p>Trams in Lisbon will run all night at the weekend.</p><p>ADVERTISEMENT</p><ul><li>Line 28</li><li>Line 15</li></ul>\"}\n",
                StandardCharsets.UTF_8);
        SharedStack.Topics topics = SharedStack.topics("html", 1);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-html-" + topics.raw(), dir);
        try {
            Ingester.Result ingested = Pipeline.ingest(topics.raw(), List.of(dir.resolve("pages").toString()));
            assertThat(ingested.published()).isEqualTo(2);

            Map<String, EnrichedArticle> byId = Pipeline.readEnriched(topics.enriched(), DEADLINE, seen -> seen.size() >= 2).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));

            EnrichedArticle page = byId.values().stream().filter(a -> !a.getId().equals("rss-1")).findFirst().orElseThrow();
            assertThat(page.getBody()).isEqualTo("In Berlin streiken am Montag die Beschäftigten der Verkehrsbetriebe, Busse und Bahnen stehen still.\n"
                    + "Die Gewerkschaft fordert mehr Lohn und kürzere Schichten für das Fahrpersonal.");
            assertThat(page.getTitle()).isEqualTo("Streik in Berlin");
            assertThat(page.getLanguage()).isEqualTo("de");
            assertThat(page.getPublishedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T07:00:00Z"));
            assertThat(page.getAttributes()).containsEntry("file.charset", "windows-1252");
            assertThat(page.getTags()).extracting(Tag::getName).contains("Berlin");
            EnrichedArticle item = byId.get("rss-1");
            assertThat(item.getBody()).isEqualTo("Trams in Lisbon will run all night at the weekend.\nLine 28\nLine 15");
            assertThat(item.getTitle()).isEqualTo("Lisbon trams");
            assertThat(item.getTags()).extracting(Tag::getName).contains("Lisbon");
        } finally {
            enricher.close();
        }
    }

    @Test
    void consumeCommandPrintsEnrichedArticlesAsJsonLines() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Putin spoke in Moscow.\nAdvert\nTopics: Russia\n", StandardCharsets.UTF_8);
        SharedStack.Topics topics = SharedStack.topics("consume", 1);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-consume-" + topics.raw(), dir);
        try {
            Ingester.Result ingested = Pipeline.ingest(topics.raw(), List.of(dir.resolve("a.txt").toString()));
            List<String> lines = Pipeline.consumeLines(topics.enriched(), 1);

            assertThat(lines).hasSize(1);
            JsonNode json = new ObjectMapper().readTree(lines.get(0));
            assertThat(json.get("id").asText()).isEqualTo(ingested.ids().get(0));
            assertThat(json.get("body").asText()).isEqualTo("Putin spoke in Moscow.\n");
            assertThat(json.get("url").asText()).startsWith("file:/");
            List<String> names = new java.util.ArrayList<>();
            json.get("tags").forEach(tag -> {
                if (!tag.get("type").asText().equals("TOPIC")) {
                    names.add(tag.get("name").asText());
                }
            });
            assertThat(names).containsExactly("Russia", "Moscow", "Vladimir Putin");
            assertThat(json.get("noise").get("byRule").get("ad-marker").asInt()).isEqualTo(1);
            assertThat(json.get("wordCount").asInt()).isEqualTo(4);
        } finally {
            enricher.close();
        }
    }
}
