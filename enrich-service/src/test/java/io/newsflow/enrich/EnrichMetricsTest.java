package io.newsflow.enrich;

import io.newsflow.enrich.text.TextChain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The newsflow_* series count what the topology does: enriched, dead-lettered by stage, tags, noise by rule, time per step. */
class EnrichMetricsTest {

    @Test
    void countsWhatTheTopologyDid() {
        String scope = "metrics-" + System.nanoTime();
        EnrichConfig config = EnrichConfig.fromEnv(Map.of(EnrichConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics(registry);
        SpecificAvroSerde<RawArticle> rawSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        SpecificAvroSerde<EnrichedArticle> enrichedSerde = SpecificAvroSerde.forValues(config.serdeConfig());
        Properties props = TestDrivers.properties(config);
        props.put(EnrichMetrics.CONFIG, metrics);
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(config, TextChain.from(config.text()), rawSerde, enrichedSerde,
                Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC), metrics), props)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), rawSerde.serializer());
            TestInputTopic<String, byte[]> bytes = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());

            raw.pipeInput("a-1", RawArticle.newBuilder().setId("a-1").setSource("t").setIngestedAt(Instant.EPOCH)
                    .setBody("Ministers met in Berlin on Monday.\nAdvert\nADVERTISEMENT\nTalks go on in Paris.\nTopics: Germany").build());
            bytes.pipeInput("junk", new byte[] {1, 2, 3});
            raw.pipeInput("noise", RawArticle.newBuilder().setId("noise").setSource("t").setIngestedAt(Instant.EPOCH)
                    .setBody("Advert\nADVERTISEMENT").build());
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }

        assertThat(registry.get("newsflow.articles.enriched").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("newsflow.articles.dead.lettered").tag("stage", "decode").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("newsflow.articles.dead.lettered").tag("stage", "require-content").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("newsflow.noise.lines.removed").tag("rule", "ad-marker").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("newsflow.tags.per.article").summary().count()).isEqualTo(1);
        assertThat(registry.get("newsflow.tags.per.article").summary().totalAmount()).isGreaterThanOrEqualTo(3.0);
        assertThat(registry.get("newsflow.step").tag("step", "tag").timer().count()).isEqualTo(1);
        assertThat(registry.get("newsflow.step").tag("step", "decode").timer().count()).isEqualTo(3);
    }
}
