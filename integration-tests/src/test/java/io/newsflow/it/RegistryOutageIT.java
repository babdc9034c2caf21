package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Cli;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.ingest.IngestCommand;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The schema registry goes away: ingest says so in one line; a running enrich keeps going on cached schemas. */
@ExtendWith(SharedStack.class)
class RegistryOutageIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void ingestFailsFastWithOneLineWhileTheRegistryIsDown() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("outage-ingest", 1);
        Path article = Files.writeString(dir.resolve("a.txt"), "Rain in Bergen.\n", StandardCharsets.UTF_8);
        SharedStack.stack().registry().suspend();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        long started = System.nanoTime();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Cli.commandLine(new IngestCommand()).execute("--bootstrap-servers", Pipeline.settings().bootstrapServers(),
                    "--schema-registry-url", Pipeline.settings().schemaRegistryUrl(), "--connect-timeout", "5",
                    "--topic", topics.raw(), article.toString());
        } finally {
            System.setErr(original);
            SharedStack.stack().registry().resume();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(code).isEqualTo(1);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("ingest: schema registry: ").contains("unreachable at [" + Pipeline.settings().schemaRegistryUrl()));
        assertThat(seconds).as("fails fast, not after the producer's own timeouts").isLessThan(30);
    }

    @Test
    void aRunningEnrichKeepsGoingOnCachedSchemasAndCatchesUpWhenTheRegistryIsBack() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("outage-enrich", 1);
        KafkaAvroSerializer avro = Pipeline.avro();
        byte[] first = avro.serialize(topics.raw(), article("cached-1", "Rain in Bergen."));
        byte[] second = avro.serialize(topics.raw(), article("cached-2", "Wind in Bergen."));
        byte[] newSchema = avro.serialize(topics.raw(), withNewWriterSchema(article("new-schema-1", "Snow in Bergen.")));
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-outage-" + topics.raw(), dir);
        try {
            Pipeline.sendBytes(topics.raw(), "cached-1", first);
            assertThat(Pipeline.readEnriched(topics.enriched(), DEADLINE, seen -> !seen.isEmpty())).hasSize(1);

            SharedStack.stack().registry().suspend();
            try {
                Pipeline.sendBytes(topics.raw(), "cached-2", second);
                // read as bytes: this test's own reader has no registry to ask either
                List<ConsumerRecord<byte[], byte[]>> during = Pipeline.readBytes(topics.enriched(), DEADLINE, seen -> seen.size() >= 2);
                assertThat(during).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("cached-1", "cached-2");
                java.util.Set<String> threads = enricher.streamThreads();
                Pipeline.sendBytes(topics.raw(), "new-schema-1", newSchema);
                long until = System.nanoTime() + DEADLINE.toNanos();
                while (enricher.streamThreads().equals(threads) && System.nanoTime() < until) {
                    Thread.sleep(50); // polling a condition against the deadline, not waiting for a result
                }
                assertThat(enricher.streamThreads()).as("the record met the outage: its thread was replaced to try again")
                        .isNotEqualTo(threads);
            } finally {
                SharedStack.stack().registry().resume();
            }

            List<ConsumerRecord<String, EnrichedArticle>> after = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.size() >= 3);
            assertThat(after).extracting(ConsumerRecord::key).containsExactly("cached-1", "cached-2", "new-schema-1");
            assertThat(Pipeline.readBytes(topics.dlq(), Duration.ofSeconds(2), seen -> false))
                    .as("an outage is not the record's fault: nothing dead-lettered").isEmpty();
            assertThat(enricher.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            enricher.close();
        }
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("it").setBody(body).setIngestedAt(Instant.now()).build();
    }

    /** The same article written with a newer writer schema (one more optional field): an id the enricher has not cached. */
    private static GenericRecord withNewWriterSchema(RawArticle article) {
        Schema schema = new Schema.Parser().parse(RawArticle.getClassSchema().toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"probe\",\"type\":[\"null\",\"string\"],\"default\":null},"));
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : RawArticle.getClassSchema().getFields()) {
            Object value = article.get(field.name());
            record.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
        }
        return record;
    }
}
