package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Cli;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.ingest.IngestCommand;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.DeadLetterHeaders;
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
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article-size limits on a real broker: ingest rejects per input over the raw limit, enrich dead-letters what it
 * cannot write under the enriched limit, and a page between the two (real sites send HTML over 1 MiB) goes through.
 */
@ExtendWith(SharedStack.class)
class ArticleSizeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /**
     * The reproduction: a producer of its own sends a 9 MB article gzip-compressed (so the broker takes it, over the
     * raw limit). Enriching it gives a record over the enriched limit; it used to kill the stream thread on every
     * replay. The dead letter keeps the raw record's first NEWSFLOW_MAX_ARTICLE_BYTES.
     */
    @Test
    void anArticleTooLargeToEnrichIsDeadLetteredTruncatedAndTheStreamGoesOn() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("size", 1);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-size-" + topics.raw(), dir);
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Pipeline.settings().serdeConfig(), false);
        String prose = "The council met again on Tuesday and the mayor of Warsaw spoke about the budget for trams.\n";
        RawArticle big = RawArticle.newBuilder().setId("big-1").setSource("it").setIngestedAt(Instant.now())
                .setBody(prose.repeat(9_000_000 / prose.length())).build();
        RawArticle small = RawArticle.newBuilder().setId("small-1").setSource("it").setIngestedAt(Instant.now())
                .setBody("Rain in Warsaw.\nAdvert\n").build();
        byte[] bigBytes = avro.serialize(topics.raw(), big);
        Properties props = Pipeline.settings().kafkaProperties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw(), "big-1", bigBytes)).get();
            producer.send(new ProducerRecord<>(topics.raw(), "small-1", avro.serialize(topics.raw(), small))).get();
        }
        try {
            List<ConsumerRecord<String, EnrichedArticle>> enriched = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> !seen.isEmpty());
            List<ConsumerRecord<byte[], byte[]>> dead = Pipeline.readBytes(topics.dlq(), DEADLINE, seen -> !seen.isEmpty());

            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly("small-1");
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("big-1");
                assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith("enriched article too large: ");
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("encode");
                assertThat(header(letter, DeadLetterHeaders.TRUNCATED_FROM)).isEqualTo(String.valueOf(bigBytes.length));
                assertThat(letter.value()).hasSize(ArticleSize.DEFAULT_MAX_BYTES)
                        .isEqualTo(java.util.Arrays.copyOf(bigBytes, ArticleSize.DEFAULT_MAX_BYTES));
                assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            });
            assertThat(enricher.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            enricher.close();
        }
    }

    @Test
    void aPageOverOneMebibyteIsIngestedAndEnriched() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("big-page", 1);
        String filler = "<div class=\"related\"><a href=\"/story\">Related story about the harbour</a></div>\n".repeat(30_000);
        String page = "<!doctype html><html><head><title>Harbour reopens</title><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\"}</script></head><body><nav>" + filler + "</nav>"
                + "<article><h1>Harbour reopens</h1><p>The harbour in Gdansk reopened on Monday after the storm, the port authority said."
                + "</p><p>Ferries to Sweden will run again from Tuesday, Anna Nowak, a spokeswoman, said.</p></article></body></html>";
        Path file = Files.writeString(dir.resolve("page.html"), page, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(2L << 20);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-big-page-" + topics.raw(), dir.resolve("state"));
        try {
            Commands run = ingest("--topic", topics.raw(), file.toString());
            assertThat(run.code()).as(run.err()).isZero();

            List<ConsumerRecord<String, EnrichedArticle>> enriched = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> !seen.isEmpty());
            assertThat(enriched).singleElement().satisfies(record -> {
                assertThat(record.value().getBody()).contains("The harbour in Gdansk reopened on Monday");
                assertThat(record.value().getBody()).doesNotContain("Related story");
                assertThat(record.value().getTitle()).isEqualTo("Harbour reopens");
            });
        } finally {
            enricher.close();
        }
    }

    @Test
    void ingestRejectsAnInputOverTheLimitNamingItAndPublishesTheOthers() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("ingest-size", 1);
        Path big = Files.writeString(dir.resolve("big.txt"), "Word in Oslo. ".repeat(700_000), StandardCharsets.UTF_8);
        Path small = Files.writeString(dir.resolve("small.txt"), "Snow in Oslo.\n", StandardCharsets.UTF_8);

        Commands run = ingest("--topic", topics.raw(), big.toString(), small.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("ingest: rejected " + big + ": over the size limit: " + Files.size(big) + " bytes > "
                + ArticleSize.DEFAULT_MAX_BYTES + " (--max-article-bytes)");
        assertThat(run.err()).contains("ingest: published 1, rejected 1").doesNotContain("Exception");
        assertThat(Pipeline.readBytes(topics.raw(), DEADLINE, seen -> !seen.isEmpty())).hasSize(1);
    }

    @Test
    void ingestWithALimitAboveWhatTheTopicTakesLowersItAndSaysSo() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("ingest-topic-size", 1);
        Path big = Files.writeString(dir.resolve("big.txt"), "Word in Oslo. ".repeat(700_000), StandardCharsets.UTF_8);

        Commands run = ingest("--topic", topics.raw(), "--max-article-bytes", String.valueOf(16 << 20), big.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("ingest: topic " + topics.raw() + " takes smaller records (max.message.bytes): articles over "
                + ArticleSize.DEFAULT_MAX_BYTES + " bytes will be rejected");
        assertThat(run.err()).contains("over the size limit: " + Files.size(big) + " bytes > " + ArticleSize.DEFAULT_MAX_BYTES);
    }

    private static Commands ingest(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "ingest";
        System.arraycopy(args, 0, all, 1, args.length);
        return Commands.run(Pipeline.settings(), all);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
