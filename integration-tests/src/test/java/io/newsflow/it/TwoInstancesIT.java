package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scale-out: two instances with one application id share a 4-partition topic, exactly once, and fail over. */
@ExtendWith(SharedStack.class)
class TwoInstancesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void twoInstancesEnrichEveryArticleExactlyOnceAndOneTakesOverWhenTheOtherStops() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("scale", 4);
        String applicationId = "it-scale-" + topics.raw();
        EnrichApp first = Pipeline.startEnricher(topics, applicationId, dir);
        EnrichApp second = Pipeline.startEnricher(topics, applicationId, dir);
        try {
            awaitRunning(first, second);
            produce(topics.raw(), 0, 200);
            List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 200);
            Map<String, Long> perId = out.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perId).hasSize(200).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
            assertThat(out.stream().map(ConsumerRecord::partition).distinct()).hasSize(4);

            first.close();
            produce(topics.raw(), 200, 100);
            List<ConsumerRecord<String, EnrichedArticle>> after = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 300);
            Map<String, Long> afterPerId = after.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(afterPerId).hasSize(300).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
            assertThat(second.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        } finally {
            first.close();
            second.close();
        }
    }

    private static void awaitRunning(EnrichApp... apps) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            boolean all = true;
            for (EnrichApp app : apps) {
                all &= app.state() == KafkaStreams.State.RUNNING;
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("enrich instances did not reach RUNNING within " + DEADLINE);
    }

    private static void produce(String topic, int from, int count) throws Exception {
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Pipeline.settings().serdeConfig(), false);
        Properties props = Pipeline.settings().kafkaProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<RawArticle> articles = IntStream.range(from, from + count).mapToObj(i -> RawArticle.newBuilder()
                    .setId("scale-" + i).setSource("it").setBody("Article " + i + " about Berlin.\nAdvert\n")
                    .setIngestedAt(Instant.now()).build()).toList();
            for (RawArticle article : articles) {
                producer.send(new ProducerRecord<>(topic, article.getId(), avro.serialize(topic, article)));
            }
            producer.flush();
        }
    }

}
