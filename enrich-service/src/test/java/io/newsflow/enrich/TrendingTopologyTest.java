package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.step.CountTags;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.enrich.trend.TrendingList;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trending in the real topology (TopologyTestDriver, real RocksDB stores, record time advanced by the records, wall-clock
 * time by the driver), fed raw articles: what is counted, when windows and buckets close, and the lists written to
 * news.tags.trending. Each article is a story of its own (words drawn at random, so no two are near-duplicates) with its
 * tags in its footer ("Topics: ..."), and {@code NEWSFLOW_MAX_TAGS=1} keeps the enriched tags to those: made-up names are
 * tags of type OTHER, a gazetteer place ("Bergen") of type PLACE.
 */
class TrendingTopologyTest {

    private static final TextChain CHAIN = TextChain.from(EnrichConfig.fromEnv(Map.of(EnrichConfig.MAX_TAGS, "1")).text());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 14:00 UTC: a bucket and an hour start here. */
    private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");

    private final String scope = "trending-" + System.nanoTime();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private final Map<String, String> bodies = new HashMap<>();
    private TestOutputTopic<String, String> trending;
    private int ids;

    @BeforeEach
    void open() {
        open(Map.of());
    }

    private void open(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        env.put(TrendingConfig.GRACE_ENV, "10m");
        env.put(TrendingConfig.MIN_COUNT_ENV, "2");
        env.put(TrendingConfig.EMIT_INTERVAL_ENV, "1m");
        EnrichConfig config = EnrichConfig.fromEnv(env);
        EnrichMetrics metrics = new EnrichMetrics(registry);
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        Properties props = TestDrivers.properties(config);
        props.put(EnrichMetrics.CONFIG, metrics);
        driver = new TopologyTestDriver(EnrichTopology.build(config, CHAIN, rawSerde, enrichedSerde, Clock.fixed(T0, ZoneOffset.UTC), metrics),
                props, T0);
        raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), rawSerde.serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, Serdes.String().deserializer(), enrichedSerde.deserializer());
        trending = driver.createOutputTopic(Topics.TRENDING, Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aBurstRanksFirstAboveANameThatIsAlwaysThere() {
        // two days of history: "Steady Name" in 4 articles every hour
        for (Instant hour = T0.minus(Duration.ofDays(2)); hour.isBefore(T0); hour = hour.plus(Duration.ofHours(1))) {
            for (int i = 0; i < 4; i++) {
                article(hour.plus(Duration.ofMinutes(10L * i)), "Steady Name");
            }
        }
        for (int i = 0; i < 4; i++) {
            article(T0.plus(Duration.ofMinutes(10L * i)), "Steady Name");
        }
        for (int i = 0; i < 3; i++) {
            article(T0.plus(Duration.ofMinutes(30 + i)), "Sudden Name", "Bergen");
        }

        TrendingList hour = latest("OTHER|1h");

        assertThat(hour.tags()).extracting(TrendingList.Tag::name).containsExactly("Sudden Name", "Steady Name");
        assertThat(hour.tags().get(0).count()).isEqualTo(3);
        assertThat(hour.tags().get(0).baseline()).isZero();
        assertThat(hour.tags().get(1).count()).isEqualTo(4);
        assertThat(hour.tags().get(1).baseline()).isEqualTo(4.0);
        assertThat(hour.tags().get(1).score()).isZero();
        assertThat(hour.asOf()).isEqualTo("2026-12-03T14:35:00Z");
        assertThat(latest("PLACE|1h").tags()).extracting(TrendingList.Tag::name).containsExactly("Bergen");
    }

    @Test
    void aNearDuplicateCopyAndATagTwiceInOneArticleCountOnce() {
        String first = article(T0, "Ada Name", "Ada Name");
        copyOf(first, T0.plusSeconds(60), "Ada Name");
        article(T0.plusSeconds(120), "Ada Name");

        assertThat(latest("OTHER|1h").tags()).singleElement().satisfies(tag -> assertThat(tag.count()).isEqualTo(2));
        assertThat(counted(true)).isEqualTo(2.0);
    }

    @Test
    void withTheDedupStepOffEveryCopyCountsAndNoHeaderReachesTheEnrichedTopic() {
        driver.close();
        open(Map.of(EnrichConfig.DEDUP_WINDOW, "off"));
        String first = article(T0, "Ada Name");
        raw.pipeInput("again", RawArticle.newBuilder().setId("again").setSource("test").setIngestedAt(T0.plusSeconds(60))
                .setBody(bodies.get(first) + "Topics: Ada Name\n").build(), T0.plusSeconds(60));
        List<org.apache.kafka.streams.test.TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();

        assertThat(out).singleElement().satisfies(record -> {
            assertThat(record.value().getDuplicateOf()).isNull();
            assertThat(record.headers().toArray()).isEmpty();
        });
        assertThat(count(latest("OTHER|1h"), "Ada Name")).isEqualTo(2);
    }

    @Test
    void enrichsInternalHeadersOnAnIncomingRecordNeverReachTheEnrichedTopicWithTrendingOff() {
        driver.close();
        open(Map.of(TrendingConfig.TOPIC_ENV, "off"));
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(io.newsflow.enrich.step.TagEvents.HEADER, "PERSON\u0000Ada Name".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add(io.newsflow.enrich.step.Fingerprint.HEADER, new byte[] {1, 2, 3});
        headers.add("trace", new byte[] {7});
        raw.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("replayed", RawArticle.newBuilder().setId("replayed").setSource("test")
                .setIngestedAt(T0).setBody("Rain fell on the hills for most of the day, and the roads were wet.\n").build(), headers, T0));

        assertThat(enriched.readRecordsToList()).singleElement()
                .satisfies(record -> assertThat(record.headers().toArray()).extracting(h -> h.key()).containsExactly("trace"));
    }

    @Test
    void aLateRecordWithinTheGraceIsCountedAndOneAfterItIsNotButMetered() {
        article(T0.plusSeconds(30), "Ada Name");
        article(T0.plus(Duration.ofMinutes(12)), "Other Name");
        article(T0.plusSeconds(60), "Ada Name"); // bucket 14:00-14:05 ended 7 min ago: within the 10 min grace
        assertThat(count(latest("OTHER|1h"), "Ada Name")).isEqualTo(2);

        article(T0.plus(Duration.ofMinutes(15)), "Other Name");
        article(T0.plusSeconds(90), "Ada Name"); // its bucket ended 10 min ago: closed

        assertThat(count(latest("OTHER|1h"), "Ada Name")).isEqualTo(2);
        assertThat(counted(false)).isEqualTo(1.0);
        assertThat(counted(true)).isEqualTo(4.0);
    }

    @Test
    void countsLeaveTheWindowAsTheStreamTimeMovesOnAndStayInTheLongerOnes() {
        article(T0, "Ada Name");
        article(T0.plusSeconds(60), "Ada Name");
        assertThat(count(latest("OTHER|1h"), "Ada Name")).isEqualTo(2);

        article(T0.plus(Duration.ofMinutes(65)), "Bergen"); // the stream time, not the type's own records, moves the window

        assertThat(latest("OTHER|1h").tags()).isEmpty();
        assertThat(latest("OTHER|1h").asOf()).isEqualTo("2026-12-03T15:10:00Z");
        assertThat(count(latest("OTHER|6h"), "Ada Name")).isEqualTo(2);
        assertThat(count(latest("OTHER|24h"), "Ada Name")).isEqualTo(2);
    }

    @Test
    void listsAreWrittenOnTheScheduleAndOnlyWhenTheyChanged() {
        article(T0, "Ada Name");
        article(T0.plusSeconds(60), "Ada Name");
        assertThat(trending.isEmpty()).as("nothing before the first emit").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        Map<String, String> first = trending.readKeyValuesToMap();
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        assertThat(first).containsOnlyKeys("OTHER|1h", "OTHER|6h", "OTHER|24h");
        assertThat(trending.isEmpty()).as("nothing changed, nothing written").isTrue();
    }

    @Test
    void theStoreHoldsNoCountOlderThanTheBaselineHorizon() {
        article(T0, "Ada Name");
        article(T0.plus(Duration.ofDays(9)), "Other Name");
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        List<String> keys = new ArrayList<>();
        try (var all = driver.<String, Long>getKeyValueStore(CountTags.STORE).all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        assertThat(keys).noneMatch(k -> k.contains("Ada Name")).anyMatch(k -> k.contains("Other Name"));
    }

    private static long count(TrendingList list, String name) {
        return list.tags().stream().filter(t -> t.name().equals(name)).mapToLong(TrendingList.Tag::count).findFirst().orElse(0);
    }

    /** The latest list written under {@code key}, after one emit. */
    private TrendingList latest(String key) {
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        trending.readKeyValuesToMap().forEach(lastSeen::put);
        try {
            return JSON.readValue(lastSeen.get(key), TrendingList.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Map<String, String> lastSeen = new HashMap<>();

    private double counted(boolean counted) {
        Counter counter = registry.find("newsflow.trending.tags").tag("counted", String.valueOf(counted)).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A story of its own at {@code at}, tagged {@code names} by its footer; its id. */
    private String article(Instant at, String... names) {
        String id = "a-" + (++ids);
        java.util.Random random = new java.util.Random(ids);
        StringBuilder body = new StringBuilder("The");
        for (int i = 0; i < 40; i++) {
            body.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(i % 10 == 9 ? ". The" : "");
        }
        bodies.put(id, body.append(" end.\n").toString());
        return pipe(id, bodies.get(id), null, at, names);
    }

    /** Another site's copy of story {@code of} at {@code at}, the same words and footer: the dedup step marks it. */
    private String copyOf(String of, Instant at, String... names) {
        String id = "a-" + (++ids);
        return pipe(id, bodies.get(of), of, at, names);
    }

    private String pipe(String id, String body, String duplicateOf, Instant at, String... names) {
        raw.pipeInput(id, RawArticle.newBuilder().setId(id).setSource("test").setIngestedAt(at)
                .setBody(body + "Topics: " + String.join(", ", names) + "\n").build(), at);
        EnrichedArticle written = enriched.readValuesToList().get(0);
        assertThat(written.getTags()).as("the footer's tags, no other").extracting(tag -> tag.getName())
                .containsExactlyElementsOf(new java.util.LinkedHashSet<>(List.of(names)));
        assertThat(written.getDuplicateOf()).isEqualTo(duplicateOf);
        return id;
    }

    private static final String[] WORDS = ("apple pear plum cherry lemon melon grape peach olive walnut almond hazel maple cedar birch "
            + "willow aspen spruce river brook pond lake hill valley meadow field garden orchard hedge fence gate path lane road bridge "
            + "tower barn shed red blue green yellow purple orange brown grey white black silver golden amber violet crimson").split(" ");
}
