package io.newsflow.it;


import io.newsflow.stack.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.ArticleSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest -> enrich -> consume against a broker that takes only SASL_PLAINTEXT (PLAIN), every service
 * configured through KAFKA_* variables alone, and no log line (at INFO and above, Kafka's clients
 * included) shows the password or an article's text.
 */
@ExtendWith(SharedStack.class)
class SaslIT {

    private static final String PASSWORD = "s3cret-" + java.util.UUID.randomUUID();
    private static final String BODY_MARKER = "Quokkas gathered outside the harbour office in Oslo at dawn";

    @TempDir
    Path dir;

    @Test
    void thePipelineRunsOverSaslConfiguredByEnvironmentAloneAndLogsNoSecretOrBody() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        try (EmbeddedKafka broker = EmbeddedKafka.start(Files.createDirectories(dir.resolve("kafka")), 0, Map.of("newsflow", PASSWORD));
             AutoCloseable ignored = captureLogs(logged)) {
            broker.createTopics(Map.of("raw", 2, "enriched", 2, "dlq", 1));
            Map<String, String> env = new HashMap<>(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", SharedStack.stack().schemaRegistryUrl(),
                    "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "KAFKA_SASL_MECHANISM", "PLAIN",
                    "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"newsflow\" "
                            + "password=\"" + PASSWORD + "\";"));
            ClientSettings settings = ClientSettings.fromEnv(env);
            env.putAll(Map.of(EnrichConfig.INPUT_TOPIC, "raw", EnrichConfig.OUTPUT_TOPIC, "enriched", EnrichConfig.DLQ_TOPIC, "dlq",
                    EnrichConfig.APPLICATION_ID, "it-sasl", EnrichConfig.STATE_DIR, dir.resolve("streams").toString(),
                    io.newsflow.enrich.TrendingConfig.TOPIC_ENV, "off")); // this broker has only the three topics
            Path article = Files.writeString(dir.resolve("harbour.txt"), BODY_MARKER + ".\nAdvert\nThe mayor said the birds were welcome.\n",
                    StandardCharsets.UTF_8);

            EnrichApp enricher = new EnrichApp(EnrichConfig.fromEnv(env));
            enricher.start();
            try (Ingester ingester = new Ingester(settings, "raw", Duration.ofSeconds(30), new java.io.PrintWriter(java.io.Writer.nullWriter()))) {
                int limit = ingester.checkReachable(ArticleSize.DEFAULT_MAX_BYTES);
                Ingester.Result result = ingester.ingest(List.of(article.toString()), new ByteArrayInputStream(new byte[0]),
                        new ArticleSources(InputFormat.AUTO, null, limit, Clock.systemUTC()));
                assertThat(result.published()).isEqualTo(1);
            }
            Commands consume = Commands.run(settings, "consume", "--topic", "enriched", "--from-beginning", "--max", "1",
                    "--timeout", "60");
            enricher.close();

            assertThat(consume.code()).as(consume.err()).isZero();
            assertThat(consume.out()).contains(BODY_MARKER).doesNotContain("Advert\\n");
        }
        assertThat(logged).as("the clients' config dumps were captured, where a password would show")
                .anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"));
        assertThat(logged).noneMatch(line -> line.contains(PASSWORD));
        assertThat(logged).noneMatch(line -> line.contains("Quokkas gathered"));
    }

    /** Every log event at INFO and above, Kafka's included, into {@code lines}, until closed. */
    private static AutoCloseable captureLogs(List<String> lines) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender appender = new AbstractAppender("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        config.addAppender(appender);
        Map<String, Level> before = new HashMap<>();
        for (LoggerConfig logger : List.of(config.getRootLogger(), config.getLoggerConfig("org.apache.kafka"), config.getLoggerConfig("kafka"))) {
            before.put(logger.getName(), logger.getLevel());
            logger.setLevel(Level.INFO);
            logger.addAppender(appender, Level.INFO, null);
        }
        context.updateLoggers();
        return () -> {
            for (LoggerConfig logger : List.of(config.getRootLogger(), config.getLoggerConfig("org.apache.kafka"), config.getLoggerConfig("kafka"))) {
                logger.removeAppender(appender.getName());
                logger.setLevel(before.get(logger.getName()));
            }
            context.updateLoggers();
            appender.stop();
        };
    }
}
