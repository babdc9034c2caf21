package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseRules;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A stream thread that dies is replaced, and its group membership goes with it: its partitions do not wait. */
@ExtendWith(SharedStack.class)
class ThreadReplacementIT {

    /** Far longer than the test's deadline: output that waited out the session would fail the test. */
    private static final String SESSION_TIMEOUT_MS = "180000";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aReplacedThreadLeavesTheGroupSoItsPartitionResumesBeforeTheSessionTimeoutExactlyOnce() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("replace", 1);
        AtomicBoolean crashed = new AtomicBoolean();
        TextChain crashingOnce = new TextChain(new HtmlExtractor(), new NoiseStripper(NoiseRules.bundled()), new FooterTags(),
                new Tagger(Gazetteer.bundled()), Optional.of(text -> {
            if (text.contains("CRASH") && crashed.compareAndSet(false, true)) {
                throw new StackOverflowError("simulated: an Error no exception handler may catch");
            }
            return Optional.of("en");
        }));
        EnrichApp enricher = new EnrichApp(Pipeline.enrichConfig(topics, "it-replace-" + topics.raw(), dir,
                Map.of("KAFKA_CONSUMER_SESSION_TIMEOUT_MS", SESSION_TIMEOUT_MS)), crashingOnce);
        enricher.start();
        try {
            send(topics.raw(), "before-1", "Rain in Oslo.");
            assertThat(Pipeline.readEnriched(topics.enriched(), DEADLINE, seen -> !seen.isEmpty())).hasSize(1);

            send(topics.raw(), "crash-1", "A CRASH in Oslo.");
            send(topics.raw(), "after-1", "Sun in Oslo.");
            List<ConsumerRecord<String, EnrichedArticle>> out = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 3);

            assertThat(crashed).as("the thread did die once").isTrue();
            assertThat(out).extracting(ConsumerRecord::key).containsExactly("before-1", "crash-1", "after-1");
            assertThat(enricher.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            enricher.close();
        }
    }

    private static void send(String topic, String id, String body) throws Exception {
        RawArticle article = RawArticle.newBuilder().setId(id).setSource("it").setBody(body).setIngestedAt(Instant.now()).build();
        Pipeline.sendBytes(topic, id, Pipeline.avro().serialize(topic, article));
    }
}
