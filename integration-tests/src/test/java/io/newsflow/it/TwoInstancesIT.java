package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
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
        Map<String, String> withMetrics = Map.of(EnrichConfig.METRICS_PORT, "0");
        EnrichApp first = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, withMetrics));
        EnrichApp second = new EnrichApp(Pipeline.enrichConfig(topics, applicationId, dir, withMetrics));
        first.start();
        second.start();
        try {
            Pipeline.awaitRunning(DEADLINE, first, second);
            Map<String, Set<Integer>> owned = rawPartitionsByMember(applicationId, topics.raw());
            assertThat(owned).as("each instance reads its own share of the raw topic").hasSize(2)
                    .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty());
            assertThat(owned.values().stream().flatMap(Set::stream)).as("together, every partition once").containsExactlyInAnyOrder(0, 1, 2, 3);

            produce(topics.raw(), 0, 200);
            List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 200);
            Map<String, Long> perId = out.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perId).hasSize(200).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
            assertThat(out.stream().map(ConsumerRecord::partition).distinct()).hasSize(4);
            double readByFirst = read(first);
            double readBySecond = read(second);
            assertThat(readByFirst).as("the first instance did its share").isPositive();
            assertThat(readBySecond).as("the second instance did its share").isPositive();
            assertThat(readByFirst + readBySecond).isEqualTo(200.0);

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

    /** The raw topic's partitions assigned to each member of the group, as the broker sees them. */
    private static Map<String, Set<Integer>> rawPartitionsByMember(String group, String rawTopic) throws Exception {
        try (Admin admin = Admin.create(Pipeline.settings().kafkaProperties())) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            Map<String, Set<Integer>> owned = new TreeMap<>();
            for (MemberDescription member : description.members()) {
                owned.put(member.groupInstanceId().orElse(member.consumerId()), member.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(rawTopic)).map(TopicPartition::partition).collect(Collectors.toSet()));
            }
            return owned;
        }
    }

    /** The instance's {@code newsflow_articles_read_total}, once its count has landed (a commit after the last read). */
    private static double read(EnrichApp app) throws Exception {
        URI url = app.opsUrl().orElseThrow().resolve("/metrics");
        HttpClient http = HttpClient.newHttpClient();
        double last = -1;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            String metrics = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            double now = metrics.lines().filter(l -> l.startsWith("newsflow_articles_read_total ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                    .findFirst().orElse(0);
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        return last;
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
