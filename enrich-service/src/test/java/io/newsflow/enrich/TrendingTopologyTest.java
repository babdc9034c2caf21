package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.step.CountTags;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.enrich.trend.TrendingList;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
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
 * The trending sub-topology in the real topology (TopologyTestDriver, real RocksDB store, record time advanced by the
 * records, wall-clock time by the driver): what is counted, when windows and buckets close, and the lists written to
 * news.tags.trending.
 */
class TrendingTopologyTest {

    private static final TextChain CHAIN = TextChain.from(EnrichConfig.fromEnv(Map.of()).text());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 14:00 UTC: a bucket and an hour start here. */
    private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");

    private final String scope = "trending-" + System.nanoTime();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, String> trending;
    private int ids;

    @BeforeEach
    void open() {
        Map<String, String> env = new HashMap<>();
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
        enriched = driver.createInputTopic(Topics.ENRICHED, Serdes.String().serializer(), enrichedSerde.serializer());
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
                article(hour.plus(Duration.ofMinutes(10L * i)), null, person("Steady Name"));
            }
        }
        for (int i = 0; i < 4; i++) {
            article(T0.plus(Duration.ofMinutes(10L * i)), null, person("Steady Name"));
        }
        for (int i = 0; i < 3; i++) {
            article(T0.plus(Duration.ofMinutes(30 + i)), null, person("Sudden Name"), place("Faenza"));
        }

        TrendingList hour = latest("PERSON|1h");

        assertThat(hour.tags()).extracting(TrendingList.Tag::name).containsExactly("Sudden Name", "Steady Name");
        assertThat(hour.tags().get(0).count()).isEqualTo(3);
        assertThat(hour.tags().get(0).baseline()).isZero();
        assertThat(hour.tags().get(1).count()).isEqualTo(4);
        assertThat(hour.tags().get(1).baseline()).isEqualTo(4.0);
        assertThat(hour.tags().get(1).score()).isZero();
        assertThat(hour.asOf()).isEqualTo("2026-12-03T14:35:00Z");
        assertThat(latest("PLACE|1h").tags()).extracting(TrendingList.Tag::name).containsExactly("Faenza");
    }

    @Test
    void aNearDuplicateCopyAndATagTwiceInOneArticleCountOnce() {
        article(T0, null, person("Ada Name"), person("Ada Name"));
        article(T0.plusSeconds(60), "copy-of-" + ids, person("Ada Name"));
        article(T0.plusSeconds(120), null, person("Ada Name"));

        assertThat(latest("PERSON|1h").tags()).singleElement().satisfies(tag -> assertThat(tag.count()).isEqualTo(2));
        assertThat(counted(true)).isEqualTo(2.0);
    }

    @Test
    void aLateRecordWithinTheGraceIsCountedAndOneAfterItIsNotButMetered() {
        article(T0.plusSeconds(30), null, person("Ada Name"));
        article(T0.plus(Duration.ofMinutes(12)), null, person("Other Name"));
        article(T0.plusSeconds(60), null, person("Ada Name")); // bucket 14:00-14:05 ended 7 min ago: within the 10 min grace
        assertThat(count(latest("PERSON|1h"), "Ada Name")).isEqualTo(2);

        article(T0.plus(Duration.ofMinutes(15)), null, person("Other Name"));
        article(T0.plusSeconds(90), null, person("Ada Name")); // its bucket ended 10 min ago: closed

        assertThat(count(latest("PERSON|1h"), "Ada Name")).isEqualTo(2);
        assertThat(counted(false)).isEqualTo(1.0);
        assertThat(counted(true)).isEqualTo(4.0);
    }

    @Test
    void countsLeaveTheWindowAsTheStreamTimeMovesOnAndStayInTheLongerOnes() {
        article(T0, null, person("Ada Name"));
        article(T0.plusSeconds(60), null, person("Ada Name"));
        assertThat(count(latest("PERSON|1h"), "Ada Name")).isEqualTo(2);

        article(T0.plus(Duration.ofMinutes(65)), null, place("Faenza")); // the stream time, not the type's own records, moves the window

        assertThat(latest("PERSON|1h").tags()).isEmpty();
        assertThat(latest("PERSON|1h").asOf()).isEqualTo("2026-12-03T15:10:00Z");
        assertThat(count(latest("PERSON|6h"), "Ada Name")).isEqualTo(2);
        assertThat(count(latest("PERSON|24h"), "Ada Name")).isEqualTo(2);
    }

    @Test
    void listsAreWrittenOnTheScheduleAndOnlyWhenTheyChanged() {
        article(T0, null, person("Ada Name"));
        article(T0.plusSeconds(60), null, person("Ada Name"));
        assertThat(trending.isEmpty()).as("nothing before the first emit").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        Map<String, String> first = trending.readKeyValuesToMap();
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        assertThat(first).containsOnlyKeys("PERSON|1h", "PERSON|6h", "PERSON|24h");
        assertThat(trending.isEmpty()).as("nothing changed, nothing written").isTrue();
    }

    @Test
    void theStoreHoldsNoCountOlderThanTheBaselineHorizon() {
        article(T0, null, person("Ada Name"));
        article(T0.plus(Duration.ofDays(9)), null, person("Other Name"));
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

    private void article(Instant at, String duplicateOf, Tag... tags) {
        String id = "a-" + (++ids);
        enriched.pipeInput(id, EnrichedArticle.newBuilder().setId(id).setSource("test").setIngestedAt(at).setBody("text").setTags(List.of(tags))
                .setNoise(NoiseReport.newBuilder().setLinesRemoved(0).setByRule(Map.of()).build()).setWordCount(1).setEnrichedAt(at)
                .setEnricherVersion("test").setDuplicateOf(duplicateOf).build(), at);
    }

    private static Tag person(String name) {
        return tag(name, TagType.PERSON);
    }

    private static Tag place(String name) {
        return tag(name, TagType.PLACE);
    }

    private static Tag tag(String name, TagType type) {
        return Tag.newBuilder().setName(name).setType(type).setOrigin(TagOrigin.GAZETTEER).setMentions(1).setScore(1f).build();
    }
}
