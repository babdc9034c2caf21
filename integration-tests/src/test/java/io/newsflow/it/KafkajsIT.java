package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own Node client, default options: kafkajs with @kafkajs/confluent-schema-registry registers
 * RawArticle.avsc against the local stack's registry and sends an article; enrich enriches it; kafkajs
 * (with the lz4 codec docs/configuration.md names) reads and decodes the enriched article. Needs node and npm
 * (the npm registry for the pinned packages in src/test/node); skipped where node is not installed.
 */
@ExtendWith(SharedStack.class)
class KafkajsIT {

    private static final Path SCRIPTS = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aKafkajsProducerAndConsumerWithDefaultRegistryOptionsJustWork() throws Exception {
        Assumptions.assumeTrue(available("node") && available("npm"), "node and npm are not installed");
        Path work = Path.of("target/kafkajs").toAbsolutePath();
        Files.createDirectories(work);
        for (String file : List.of("package.json", "produce.js", "consume.js")) {
            Files.copy(SCRIPTS.resolve(file), work.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/kafkajs-lz4"))) {
            assertThat(run(work, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error").code()).isZero();
        }
        SharedStack.Topics topics = SharedStack.topics("kafkajs", 1);
        Map<String, String> env = Map.of("BROKERS", Pipeline.settings().bootstrapServers(), "REGISTRY", Pipeline.settings().schemaRegistryUrl(),
                "RAW_TOPIC", topics.raw(), "ENRICHED_TOPIC", topics.enriched(), "ARTICLE_ID", "kafkajs-" + topics.raw(),
                "SCHEMA_FILE", Path.of("../schemas/src/main/avro/RawArticle.avsc").toAbsolutePath().toString());
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-kafkajs-" + topics.raw(), dir);
        try {
            Run produced = run(work, env, "node", "produce.js");
            assertThat(produced.code()).as(produced.output()).isZero();
            Run consumed = run(work, env, "node", "consume.js");
            assertThat(consumed.code()).as(consumed.output()).isZero();

            JsonNode article = new ObjectMapper().readTree(consumed.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            assertThat(article.get("key").asText()).isEqualTo("kafkajs-" + topics.raw());
            assertThat(article.get("body").asText()).isEqualTo("Ministers met in Madrid on Monday.\nThe talks went on late.\n");
            assertThat(article.get("tags").toString()).contains("Madrid");
            assertThat(article.get("noise").get("byRule").get("ad-marker").asInt()).isEqualTo(1);
        } finally {
            enricher.close();
        }
    }

    private record Run(int code, String output) {
    }

    private Run run(Path work, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve(command[0] + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + " (timed out)");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
