package io.newsflow.enrich;

import io.newsflow.enrich.step.InRange;
import java.util.Optional;

import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseRules;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.TextChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.schema.DeadLetterHeaders;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import io.newsflow.schema.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real topology with the real serdes on a mock:// registry, driven by TopologyTestDriver. */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    /** Loading the gazetteer and language profiles takes a moment: once for all tests. */
    private static final TextChain CHAIN = TextChain.from(EnrichConfig.fromEnv(Map.of()).text());

    private final String scope = "topology-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private SpecificAvroSerde<RawArticle> rawSerde;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void openDriver() {
        openDriver(EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)), CHAIN);
    }

    private void replaceDriver(EnrichConfig config, TextChain chain) {
        driver.close();
        openDriver(config, chain);
    }

    private void openDriver(EnrichConfig config, TextChain chain) {
        rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        driver = new TopologyTestDriver(
                EnrichTopology.build(config, chain, rawSerde, enrichedSerde,
                        Clock.fixed(NOW, ZoneOffset.UTC)),
                TestDrivers.properties(config));
        raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), rawSerde.serializer());
        rawBytes = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, Serdes.String().deserializer(), enrichedSerde.deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EnrichTopologyTest.class.getResourceAsStream("/articles/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String page(String name) throws IOException {
        try (InputStream in = EnrichTopologyTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setUrl("https://example.org/" + id)
                .setTitle("Title " + id).setBody(body).setIngestedAt(NOW.minusSeconds(5)).build();
    }

    @Test
    void enrichesASeedShapedArticle() throws IOException {
        String body = resource("pension-protest.txt");

        raw.pipeInput("pension-1", article("pension-1", body));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        EnrichedArticle article = out.value();
        assertThat(out.key()).isEqualTo("pension-1");
        assertThat(article.getId()).isEqualTo("pension-1");
        assertThat(article.getUrl()).isEqualTo("https://example.org/pension-1");
        assertThat(article.getBody().lines()).noneMatch(l -> l.strip().matches("(?i)advert(isement)?"));
        assertThat(article.getBody()).doesNotContain("Topics:");
        List<String> expectedLines = body.lines()
                .filter(l -> !l.strip().matches("(?i)advert(isement)?") && !l.startsWith("Topics:")).toList();
        assertThat(article.getBody().lines().toList()).containsExactlyElementsOf(expectedLines);
        assertThat(article.getBody()).contains("The advert on the train said our pensions were safe.");
        assertThat(article.getTags()).extracting(Tag::getName, Tag::getType, Tag::getOrigin).startsWith(
                tuple("Germany", TagType.PLACE, TagOrigin.FOOTER),
                tuple("Friedrich Merz", TagType.PERSON, TagOrigin.FOOTER),
                tuple("Berlin", TagType.PLACE, TagOrigin.FOOTER),
                tuple("Pensions", TagType.OTHER, TagOrigin.FOOTER));
        assertThat(article.getTags()).filteredOn(t -> t.getOrigin() == TagOrigin.GAZETTEER)
                .extracting(Tag::getName).contains("Hamburg", "Bundestag", "Munich", "Telegram");
        assertThat(article.getTags()).filteredOn(t -> t.getName().equals("Friedrich Merz"))
                .singleElement().extracting(Tag::getMentions).isEqualTo(2);
        assertThat(article.getTags()).extracting(Tag::getName).doesNotHaveDuplicates();
        assertThat(article.getNoise().getByRule()).containsEntry("ad-marker", 3).containsEntry("footer-tags", 1);
        assertThat(article.getNoise().getLinesRemoved()).isEqualTo(4);
        assertThat(article.getWordCount()).isEqualTo(article.getBody().trim().split("\\s+").length);
        assertThat(article.getLanguage()).as("detected, since the input had none").isEqualTo("en");
        assertThat(article.getTags()).filteredOn(t -> t.getType() == TagType.TOPIC).extracting(Tag::getName)
                .contains("politics");
        assertThat(article.getTags()).filteredOn(t -> t.getOrigin() == TagOrigin.FOOTER)
                .allSatisfy(t -> assertThat(t.getScore()).isEqualTo(1.0f));
        assertThat(article.getEnrichedAt()).isEqualTo(NOW);
        assertThat(article.getEnricherVersion()).startsWith("enrich-service/");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void crlfArticleKeepsItsLineEndings() throws IOException {
        raw.pipeInput("m-1", article("m-1", resource("ministers-crlf.txt")));

        EnrichedArticle article = enriched.readValue();

        assertThat(article.getBody()).isEqualTo("Ministers in Kyiv met their French counterparts on Tuesday.\r\n"
                + "The talks, held in the city\u2019s old town, focused on grain exports through Odesa.\r\n"
                + "France\u2019s minister said the advertised deadline would not hold.\r\n");
        assertThat(article.getTags()).extracting(Tag::getName).startsWith("Ukraine", "France", "Kyiv").contains("Odesa");
    }

    @Test
    void aLanguageTheSourceGaveIsKept() {
        raw.pipeInput("l-1", RawArticle.newBuilder(article("l-1", "Thousands marched through the capital on Saturday afternoon."))
                .setLanguage("xx").build());

        assertThat(enriched.readValue().getLanguage()).isEqualTo("xx");
    }

    @Test
    void keysTheOutputByArticleIdWhateverTheInputKey() {
        raw.pipeInput((String) null, article("no-key-1", "Text about Moscow.\n"));

        assertThat(enriched.readRecord().key()).isEqualTo("no-key-1");
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicWithReasonAndTheNextRecordStillFlows() {
        byte[] garbage = "this is not avro".getBytes(StandardCharsets.UTF_8);

        rawBytes.pipeInput("junk-1", garbage);
        raw.pipeInput("good-1", article("good-1", "Putin spoke in Moscow.\nAdvert\n"));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("junk-1");
        Headers headers = dead.headers();
        assertThat(header(headers, DeadLetterHeaders.REASON)).startsWith("undecodable value: wrong magic byte 0x74");
        assertThat(header(headers, DeadLetterHeaders.STAGE)).isEqualTo("decode");
        assertThat(header(headers, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(header(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(deadLetters.isEmpty()).isTrue();

        EnrichedArticle good = enriched.readValue();
        assertThat(good.getId()).isEqualTo("good-1");
        assertThat(good.getBody()).isEqualTo("Putin spoke in Moscow.\n");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void articleWithoutIdOrBodyIsDeadLetteredWithItsOriginalBytes() {
        RawArticle noId = article(" ", "Body without an id.");
        byte[] noIdBytes = rawSerde.serializer().serialize(Topics.RAW, noId);

        rawBytes.pipeInput(new TestRecord<>("k", noIdBytes, new org.apache.kafka.common.header.internals.RecordHeaders()
                .add("trace-id", "abc".getBytes(StandardCharsets.UTF_8))));
        raw.pipeInput("empty-1", article("empty-1", "  \n"));
        raw.pipeInput("good-2", article("good-2", "Fine."));

        TestRecord<byte[], byte[]> first = deadLetters.readRecord();
        assertThat(first.value()).isEqualTo(noIdBytes);
        assertThat(header(first.headers(), DeadLetterHeaders.REASON)).isEqualTo("missing id: a raw article needs a non-blank id");
        assertThat(header(first.headers(), DeadLetterHeaders.STAGE)).isEqualTo("validate");
        assertThat(header(first.headers(), "trace-id")).isEqualTo("abc");
        assertThat(first.headers().lastHeader(DeadLetterHeaders.EXCEPTION_CLASS)).isNull();
        TestRecord<byte[], byte[]> second = deadLetters.readRecord();
        assertThat(header(second.headers(), DeadLetterHeaders.REASON)).isEqualTo("empty body in article empty-1");
        assertThat(header(second.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good-2");
    }

    @Test
    void anHtmlPageComesOutAsItsMainTextCleanedAndTaggedWithThePagesMetadata() throws IOException {
        RawArticle page = RawArticle.newBuilder(article("h-1", page("ferry-strike.html")))
                .setTitle(null).setContentType("text/html; charset=utf-8").build();

        raw.pipeInput("h-1", page);

        EnrichedArticle article = enriched.readValue();
        assertThat(article.getBody()).isEqualTo(page("ferry-strike.txt").strip());
        assertThat(article.getTitle()).isEqualTo("Ferry crews walk out over rosters");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-03-04T06:30:00Z"));
        assertThat(article.getLanguage()).as("from <html lang=en-GB>").isEqualTo("en");
        assertThat(article.getTags()).filteredOn(t -> t.getOrigin() == TagOrigin.FOOTER).extracting(Tag::getName)
                .containsExactly("Ferries", "Labour disputes");
        assertThat(article.getTags()).extracting(Tag::getName).contains("Rotterdam");
        assertThat(article.getUrl()).isEqualTo("https://example.org/h-1");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void whatTheRecordSaysWinsOverWhatThePageSays() throws IOException {
        raw.pipeInput("h-2", RawArticle.newBuilder(article("h-2", page("ferry-strike.html")))
                .setContentType("text/html").setLanguage("nl").setPublishedAt(NOW).build());

        EnrichedArticle article = enriched.readValue();
        assertThat(article.getTitle()).isEqualTo("Title h-2");
        assertThat(article.getLanguage()).isEqualTo("nl");
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
    }

    @Test
    void anHtmlPageWithNoTextIsDeadLetteredWithTheReason() {
        raw.pipeInput("h-3", RawArticle.newBuilder(article("h-3",
                "<!doctype html><html><head><title>App</title></head><body><div id=\"root\"></div><script>boot()</script></body></html>"))
                .setContentType("text/html").build());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(header(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("extract-html");
        assertThat(header(letter.headers(), DeadLetterHeaders.REASON)).startsWith("no article text in the HTML page of article h-3");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void aContentTypeWeDoNotEnrichIsDeadLettered() {
        raw.pipeInput("p-1", RawArticle.newBuilder(article("p-1", "%PDF-1.7")).setContentType("application/pdf").build());

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .startsWith("unsupported contentType application/pdf in article p-1");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void failPolicyStopsOnTheFirstBadRecordInsteadOfDeadLettering() {
        try (TopologyTestDriver strict = failPolicyDriver()) {
            TestInputTopic<String, byte[]> input = strict.createInputTopic(Topics.RAW, Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());

            assertThatThrownBy(() -> input.pipeInput("junk", new byte[] {1, 2, 3}))
                    .isInstanceOf(StreamsException.class)
                    .hasRootCauseInstanceOf(SerializationException.class)
                    .hasStackTraceContaining("truncated payload");
            assertThat(strict.createOutputTopic(Topics.DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())
                    .isEmpty()).isTrue();
        }
    }

    @Test
    void failPolicyAlsoStopsOnAnInvalidArticle() {
        try (TopologyTestDriver strict = failPolicyDriver()) {
            TestInputTopic<String, RawArticle> input = strict.createInputTopic(Topics.RAW, Serdes.String().serializer(),
                    rawSerde.serializer());

            assertThatThrownBy(() -> input.pipeInput("e-1", article("e-1", " ")))
                    .isInstanceOf(StreamsException.class)
                    .hasStackTraceContaining("empty body in article e-1");
        }
    }

    @Test
    void aStepThatThrowsDeadLettersTheRecordWithTheStepNameAndTheNextRecordFlows() {
        TextChain exploding = new TextChain(new HtmlExtractor(), new NoiseStripper(NoiseRules.bundled()), new FooterTags(),
                new Tagger(Gazetteer.bundled()), Optional.of(text -> {
            if (text.contains("BOOM")) {
                throw new IllegalStateException("detector broke on odd text");
            }
            return Optional.of("en");
        }));
        replaceDriver(EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)), exploding);
        byte[] bad = rawSerde.serializer().serialize(Topics.RAW, article("b-1", "A BOOM in Paris.\n"));

        rawBytes.pipeInput("b-1", bad);
        raw.pipeInput("g-1", article("g-1", "Calm in Paris.\n"));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(bad);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("b-1");
        assertThat(header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("detect-language");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON))
                .isEqualTo("step detect-language failed: java.lang.IllegalStateException: detector broke on odd text");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("g-1");
    }

    @Test
    void anEnrichedArticleOverTheSizeLimitIsDeadLetteredWithItsOriginalBytes() {
        int limit = 16 * 1024;
        replaceDriver(EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                EnrichConfig.MAX_ENRICHED_BYTES, String.valueOf(limit))), CHAIN);
        String sentence = "Putin met Macron in Paris while Scholz flew to Berlin and Meloni stayed in Rome.\n";
        StringBuilder body = new StringBuilder();
        byte[] bytes = new byte[0];
        while (true) {
            byte[] longer = rawSerde.serializer().serialize(Topics.RAW, article("big-1", body + sentence));
            if (longer.length > limit) {
                break;
            }
            body.append(sentence);
            bytes = longer;
        }

        rawBytes.pipeInput("big-1", bytes);
        raw.pipeInput("small-1", article("small-1", sentence));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).as("the raw record fits, so it is kept whole").isEqualTo(bytes);
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.TRUNCATED_FROM)).isNull();
        assertThat(header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("encode");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).startsWith("enriched article too large: ")
                .contains("is over the article size limit of 16384 bytes (NEWSFLOW_MAX_ENRICHED_BYTES)");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("small-1");
    }

    @Test
    void aDeadLetterOverTheSizeLimitIsATruncatedCopySaySo() {
        int limit = 16 * 1024;
        replaceDriver(EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                EnrichConfig.MAX_ARTICLE_BYTES, String.valueOf(limit), EnrichConfig.MAX_ENRICHED_BYTES, String.valueOf(limit))), CHAIN);
        byte[] huge = rawSerde.serializer().serialize(Topics.RAW, article("huge-1", "Rain in Oslo. ".repeat(3_000)));

        rawBytes.pipeInput("huge-1", huge);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).hasSize(limit).isEqualTo(java.util.Arrays.copyOf(huge, limit));
        assertThat(header(dead.headers(), DeadLetterHeaders.TRUNCATED_FROM)).isEqualTo(String.valueOf(huge.length));
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anArticleThatIsAllNoiseIsDeadLetteredNotEmittedEmpty() {
        raw.pipeInput("ads-1", article("ads-1", "Advert\n\nADVERTISEMENT\nTopics: Oslo, Weather\n"));
        raw.pipeInput("ok-1", article("ok-1", "Snow in Oslo.\nAdvert\n"));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("require-content");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON))
                .isEqualTo("nothing left after cleaning article ads-1: all 3 non-blank lines were noise or footer {ad-marker=2, footer-tags=1}");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ok-1");
    }

    @Test
    void overATimeRangeOnlyTheInputRecordsOfTheRangeAreEnriched() {
        EnrichConfig config = EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        InRange.Range range = new InRange.Range(Optional.of(NOW.minusSeconds(60)), Optional.of(NOW));
        try (TopologyTestDriver ranged = new TopologyTestDriver(EnrichTopology.build(config, CHAIN, rawSerde, enrichedSerde,
                Clock.fixed(NOW, ZoneOffset.UTC), EnrichMetrics.none(), range), TestDrivers.properties(config))) {
            var input = ranged.createInputTopic(Topics.RAW, Serdes.String().serializer(), rawSerde.serializer());
            var output = ranged.createOutputTopic(Topics.ENRICHED, Serdes.String().deserializer(), enrichedSerde.deserializer());

            input.pipeInput("early-1", article("early-1", "Snow in Oslo.\n"), NOW.minusSeconds(120));
            input.pipeInput("in-1", article("in-1", "Rain in Bergen.\n"), NOW.minusSeconds(30));
            input.pipeInput("late-1", article("late-1", "Fog in Tromso.\n"), NOW.plusSeconds(30));

            assertThat(output.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("in-1");
        }
    }

    @Test
    void topologyNamesEveryStepInOrderAndLeavesNoneToKafkaStreams() {
        TopologyDescription description = EnrichTopology.build(EnrichConfig.fromEnv(Map.of()), CHAIN,
                rawSerde, SpecificAvroSerde.forValues(Map.of("schema.registry.url", "mock://" + scope)), Clock.systemUTC()).describe();
        List<String> names = new java.util.ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            java.util.Deque<TopologyDescription.Node> next = new java.util.ArrayDeque<>();
            next.push(subtopology.nodes().stream().filter(n -> n.predecessors().isEmpty()).findFirst().orElseThrow());
            while (!next.isEmpty()) {
                TopologyDescription.Node node = next.pop();
                names.add(node.name());
                assertThat(node.successors().size()).as("a chain of steps, one branch after dedup: " + node.name())
                        .isLessThanOrEqualTo(node.name().equals("dedup") ? 2 : 1);
                List<TopologyDescription.Node> successors = new java.util.ArrayList<>(node.successors());
                successors.sort(java.util.Comparator.comparing(TopologyDescription.Node::name));
                for (int i = successors.size() - 1; i >= 0; i--) {
                    next.push(successors.get(i));
                }
            }
        }

        assertThat(names).containsExactly("read-raw", "decode", "validate", "extract-html", "strip-noise", "extract-footer", "require-content",
                "detect-language", "tag", "to-enriched-article", "key-by-id", "carry-tags", "fingerprint", "encode", "dedup-repartition-filter",
                "dedup-repartition-sink", "dedup-repartition-source", "dedup", "strip-tags", "count-enriched", "write-enriched",
                "tag-events", "trending-repartition-filter", "trending-repartition-sink",
                "trending-repartition-source", "count-tags", "write-trending");
        assertThat(names).noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-"));
    }

    private TopologyTestDriver failPolicyDriver() {
        EnrichConfig failing = EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                EnrichConfig.ERROR_POLICY, "fail"));
        return new TopologyTestDriver(EnrichTopology.build(failing, CHAIN, rawSerde, SpecificAvroSerde.forValues(failing.serdeConfig()),
                Clock.systemUTC()), TestDrivers.properties(failing));
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
