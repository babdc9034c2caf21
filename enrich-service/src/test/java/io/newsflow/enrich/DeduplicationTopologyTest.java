package io.newsflow.enrich;

import io.newsflow.enrich.text.TextChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.step.Fingerprint;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dedup step in the real topology (TopologyTestDriver, real RocksDB window stores): exact re-delivery
 * within the window is not emitted again, a near-duplicate under another id gets duplicateOf = the first
 * copy's id (or is suppressed), different stories on one topic are left alone, and the window bounds it all.
 * The texts are the golden pairs of src/test/resources/dedup.
 */
class DeduplicationTopologyTest {

    /** Built from the settings, as enrich builds it; loading the models takes a moment: once for all tests. */
    private static final TextChain CHAIN = TextChain.from(EnrichConfig.fromEnv(Map.of()).text());

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final String scope = "dedup-" + System.nanoTime();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    /** Calls to the topology's EnrichedArticle serde, by the topology itself (the test reads with its own). */
    private final java.util.concurrent.atomic.AtomicInteger encodes = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger decodes = new java.util.concurrent.atomic.AtomicInteger();

    private void open(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        EnrichConfig config = EnrichConfig.fromEnv(env);
        EnrichMetrics metrics = new EnrichMetrics(registry);
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        Properties props = TestDrivers.properties(config);
        props.put(EnrichMetrics.CONFIG, metrics);
        org.apache.kafka.common.serialization.Serde<EnrichedArticle> counted = Serdes.serdeFrom(
                (topic, article) -> {
                    encodes.incrementAndGet();
                    return enrichedSerde.serializer().serialize(topic, article);
                },
                (topic, bytes) -> {
                    decodes.incrementAndGet();
                    return enrichedSerde.deserializer().deserialize(topic, bytes);
                });
        driver = new TopologyTestDriver(EnrichTopology.build(config, CHAIN, rawSerde, counted,
                Clock.fixed(T0, ZoneOffset.UTC), metrics), props);
        raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), rawSerde.serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, Serdes.String().deserializer(), enrichedSerde.deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void theSameIdAgainWithinTheWindowIsNotEmittedAgain() {
        open(Map.of());
        send("a-1", golden("01-a"), T0);
        send("a-1", golden("01-a"), T0.plus(Duration.ofHours(1)));
        send("a-1", golden("02-a"), T0.plus(Duration.ofDays(6)));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).extracting(EnrichedArticle::getId).containsExactly("a-1");
        assertThat(count("exact", false)).isEqualTo(2.0);
    }

    @Test
    void anArticleIsEncodedOnceAndOnlyAMarkedCopyIsDecodedAgain() {
        open(Map.of());
        send("site-a/1", golden("02-a"), T0);
        send("site-a/1", golden("02-a"), T0.plus(Duration.ofMinutes(1)));
        send("other/9", golden("03-a"), T0.plus(Duration.ofMinutes(2)));
        send("site-b/77", golden("02-b"), T0.plus(Duration.ofMinutes(5)));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getDuplicateOf).containsExactly(null, null, "site-a/1");
        assertThat(encodes.get()).as("once per article, once more for the copy marked duplicateOf").isEqualTo(4 + 1);
        assertThat(decodes.get()).as("the dedup hop moves bytes: only the copy marked is decoded").isEqualTo(1);
    }

    @Test
    void theSameIdAfterTheWindowIsEmittedAgain() {
        open(Map.of(EnrichConfig.DEDUP_WINDOW, "1h"));
        send("a-1", golden("01-a"), T0);
        send("a-1", golden("01-a"), T0.plus(Duration.ofMinutes(90)));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("a-1", "a-1");
    }

    @Test
    void withDedupOffEveryArticleIsEmittedAndTheTopologyHasNoDedupHop() {
        open(Map.of(EnrichConfig.DEDUP_WINDOW, "off"));
        send("a-1", golden("01-a"), T0);
        send("a-1", golden("01-a"), T0.plus(Duration.ofHours(1)));
        send("site-b/77", golden("02-b"), T0.plus(Duration.ofMinutes(5)));
        send("site-a/1", golden("02-a"), T0.plus(Duration.ofMinutes(6)));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("a-1", "a-1", "site-b/77", "site-a/1");
        assertThat(out).extracting(r -> r.value().getDuplicateOf()).containsOnlyNulls();
        EnrichConfig off = EnrichConfig.fromEnv(Map.of(EnrichConfig.DEDUP_WINDOW, "off", EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
        String described = EnrichTopology.build(off, CHAIN, SpecificAvroSerde.forValues(off.serdeConfig()),
                SpecificAvroSerde.forValues(off.serdeConfig()), Clock.fixed(T0, ZoneOffset.UTC)).describe().toString();
        assertThat(described).doesNotContain("dedup").doesNotContain("fingerprint").contains("write-enriched");
    }

    @Test
    void aDedupWindowThatIsNeitherADurationNorOffIsRefused() {
        assertThatThrownBy(() -> EnrichConfig.fromEnv(Map.of(EnrichConfig.DEDUP_WINDOW, "never")))
                .hasMessageContaining(EnrichConfig.DEDUP_WINDOW).hasMessageContaining("or off");
    }

    @Test
    void aSyndicatedCopyUnderAnotherIdIsEmittedMarkedWithTheFirstCopysId() {
        open(Map.of());
        send("site-a/1", golden("02-a"), T0);
        send("site-b/77", golden("02-b"), T0.plus(Duration.ofMinutes(5)));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("site-a/1", "site-b/77");
        assertThat(out.get(0).value().getDuplicateOf()).isNull();
        assertThat(out.get(1).value().getDuplicateOf()).isEqualTo("site-a/1");
        assertThat(out).allSatisfy(record -> {
            assertThat(record.headers().lastHeader(Fingerprint.HEADER)).as("the signature header stays inside").isNull();
            assertThat(record.headers().lastHeader(io.newsflow.enrich.step.TagEvents.HEADER)).as("the tags' headers stay inside").isNull();
        });
        assertThat(count("near", true)).isEqualTo(1.0);
    }

    @Test
    void everyLaterCopyPointsAtTheFirstCopyNotAtTheCopyItMatched() {
        open(Map.of());
        send("first", golden("06-a"), T0);
        send("second", golden("06-b"), T0.plusSeconds(60));
        send("third", golden("06-b") + "\nThe council will publish its report in spring.", T0.plusSeconds(120));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId, EnrichedArticle::getDuplicateOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", null), org.assertj.core.groups.Tuple.tuple("second", "first"),
                        org.assertj.core.groups.Tuple.tuple("third", "first"));
    }

    @Test
    void differentStoriesOnTheSameTopicAreNotMarked() {
        open(Map.of());
        for (String pair : List.of("11", "12", "13", "14")) {
            send("x-" + pair, golden(pair + "-a"), T0);
            send("y-" + pair, golden(pair + "-b"), T0.plusSeconds(30));
        }

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).hasSize(8);
        assertThat(out).extracting(EnrichedArticle::getDuplicateOf).containsOnlyNulls();
    }

    @Test
    void suppressModeDoesNotEmitTheCopyAndCountsIt() {
        open(Map.of(EnrichConfig.NEAR_DUPLICATES, "suppress"));
        send("site-a/1", golden("03-a"), T0);
        send("site-b/1", golden("03-b"), T0.plusSeconds(10));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("site-a/1");
        assertThat(count("near", false)).isEqualTo(1.0);
    }

    @Test
    void aCopyAfterTheWindowIsAnOriginalAgain() {
        open(Map.of(EnrichConfig.DEDUP_WINDOW, "2h"));
        send("old", golden("08-a"), T0);
        send("new", golden("08-b"), T0.plus(Duration.ofHours(3)));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getDuplicateOf).containsOnlyNulls().hasSize(2);
    }

    private void send(String id, String body, Instant time) {
        raw.pipeInput(id, RawArticle.newBuilder().setId(id).setSource("test").setIngestedAt(time).setBody(body).build(), time);
    }

    private double count(String kind, boolean emitted) {
        return registry.get("newsflow.duplicates").tag("kind", kind).tag("emitted", String.valueOf(emitted)).counter().count();
    }

    private static String golden(String name) {
        try (InputStream in = DeduplicationTopologyTest.class.getResourceAsStream("/dedup/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
