package io.newsflow.enrich;

import io.newsflow.cli.Cli;
import io.newsflow.cli.ConnectionOptions;
import io.newsflow.cli.ExitCodes;
import io.newsflow.cli.Preflight;
import io.newsflow.schema.EnrichedArticle;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow enrich}: runs the enrichment topology (news.articles.raw -> news.articles.enriched,
 * bad records to news.articles.dlq) until SIGTERM or Ctrl-C, then closes cleanly.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the enrichment topology until SIGTERM or Ctrl-C, which close it cleanly.",
                "Instances with the same --application-id share the raw topic's partitions.",
                "Every flag has an environment variable (see README, Configuration); flags win."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:could not start (Kafka or registry unreachable, topic missing), or stopped after an error", "64:wrong command line",
                "78:invalid configuration, or the state directory is in use by another instance"})
public final class EnrichCommand implements Callable<Integer> {

    @Option(names = "--application-id", description = "Kafka Streams application id (env NEWSFLOW_APPLICATION_ID; default newsflow-enrich).")
    String applicationId;

    @Option(names = "--input-topic", description = "Raw articles (env NEWSFLOW_INPUT_TOPIC; default news.articles.raw).")
    String inputTopic;

    @Option(names = "--output-topic", description = "Enriched articles (env NEWSFLOW_OUTPUT_TOPIC; default news.articles.enriched).")
    String outputTopic;

    @Option(names = "--dlq-topic", description = "Dead letters (env NEWSFLOW_DLQ_TOPIC; default news.articles.dlq).")
    String dlqTopic;

    @Option(names = "--error-policy", description = "dead-letter or fail (env NEWSFLOW_ERROR_POLICY; default dead-letter).")
    String errorPolicy;

    @Option(names = "--threads", description = "Stream threads (env NEWSFLOW_STREAM_THREADS; default 1).")
    String threads;

    @Option(names = "--state-dir", description = "Kafka Streams state directory (env NEWSFLOW_STATE_DIR).")
    String stateDir;

    @Option(names = "--gazetteer", description = "Your own gazetteer TSV (env NEWSFLOW_GAZETTEER; default: bundled).")
    String gazetteer;

    @Option(names = "--noise-rules", description = "Your own noise catalogue TSV (env NEWSFLOW_NOISE_RULES; default: bundled).")
    String noiseRules;

    @Option(names = "--max-tags", description = "Most tags per article; footer tags are always kept (env NEWSFLOW_MAX_TAGS; default 15).")
    String maxTags;

    @Option(names = "--max-article-bytes", description = "Largest enriched article record; larger ones are dead-lettered "
            + "(env NEWSFLOW_MAX_ARTICLE_BYTES; default 1048576).")
    String maxArticleBytes;

    @Option(names = "--instance-id", description = "Stable identity of this instance in the consumer group (static membership), "
            + "so a restart takes its partitions back at once (env NEWSFLOW_INSTANCE_ID; default: host name + state directory).")
    String instanceId;

    @Option(names = "--connect-timeout", defaultValue = "15",
            description = "Seconds to wait for Kafka and the registry before starting (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config;
        try {
            config = config(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("enrich: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            Preflight.Findings found = Preflight.check(config.client(), java.time.Duration.ofSeconds(connectTimeoutSeconds),
                    List.of(config.inputTopic(), config.outputTopic(), config.deadLetterTopic()),
                    Map.of(config.outputTopic(), EnrichedArticle.getClassSchema()));
            int limit = found.articleLimit(config.maxArticleBytes(), List.of(config.outputTopic(), config.deadLetterTopic()));
            if (limit < config.maxArticleBytes()) {
                System.err.println("enrich: " + config.outputTopic() + " or " + config.deadLetterTopic() + " takes smaller records "
                        + "than NEWSFLOW_MAX_ARTICLE_BYTES=" + config.maxArticleBytes() + " (max.message.bytes): articles over " + limit
                        + " bytes will be dead-lettered; raise the topics' max.message.bytes to "
                        + io.newsflow.schema.ArticleSize.topicMaxMessageBytes(config.maxArticleBytes()) + " to keep them");
                config = config.withMaxArticleBytes(limit);
            }
        } catch (Preflight.Failed e) {
            System.err.println("enrich: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        EnrichApp app;
        try {
            app = new EnrichApp(config);
        } catch (IllegalStateException e) {
            System.err.println("enrich: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "enrich-shutdown"));
        app.start();
        System.err.println("enrich: running " + config.applicationId() + " on " + config.client().bootstrapServers()
                + " (" + config.inputTopic() + " -> " + config.outputTopic() + ", dead letters to " + config.deadLetterTopic()
                + "); Ctrl-C to stop");
        app.awaitStop();
        return app.state() == KafkaStreams.State.ERROR ? ExitCodes.FATAL : ExitCodes.OK;
    }

    /** The environment with the flags laid over it. */
    EnrichConfig config(Map<String, String> env) throws java.io.IOException {
        Map<String, String> merged = new HashMap<>(env);
        put(merged, EnrichConfig.APPLICATION_ID, applicationId);
        put(merged, EnrichConfig.INPUT_TOPIC, inputTopic);
        put(merged, EnrichConfig.OUTPUT_TOPIC, outputTopic);
        put(merged, EnrichConfig.DLQ_TOPIC, dlqTopic);
        put(merged, EnrichConfig.ERROR_POLICY, errorPolicy);
        put(merged, EnrichConfig.STREAM_THREADS, threads);
        put(merged, EnrichConfig.STATE_DIR, stateDir);
        put(merged, EnrichConfig.GAZETTEER, gazetteer);
        put(merged, EnrichConfig.NOISE_RULES, noiseRules);
        put(merged, EnrichConfig.MAX_TAGS, maxTags);
        put(merged, EnrichConfig.MAX_ARTICLE_BYTES, maxArticleBytes);
        put(merged, EnrichConfig.INSTANCE_ID, instanceId);
        return EnrichConfig.fromEnv(merged, connection.resolve(env));
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new EnrichCommand()).execute(args));
    }
}
