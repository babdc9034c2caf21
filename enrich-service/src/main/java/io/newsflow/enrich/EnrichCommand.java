package io.newsflow.enrich;

import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.Preflight;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.StopSignals;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.EnrichedArticle;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow enrich}: runs the enrichment topology (news.articles.raw -> news.articles.enriched,
 * bad records to news.articles.dlq) until SIGTERM or Ctrl-C, then closes cleanly.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the enrichment topology until SIGTERM or Ctrl-C, which close it cleanly.",
                "Instances with the same --application-id share the raw topic's partitions.",
                "Every flag has an environment variable (see docs/configuration.md); flags win."},
        exitCodeListHeading = "%nExit codes:%n",
        modelTransformer = EnrichCommand.SettingOptions.class,
        exitCodeList = {"0:stopped cleanly", "1:could not start (Kafka or registry unreachable, topic missing), or stopped after an error", "64:wrong command line",
                "78:invalid configuration, or the state directory is in use by another instance"})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        EnrichConfig config;
        Duration connectTimeout;
        try {
            config = config(System.getenv());
            List<String> problems = new ArrayList<>();
            connectTimeout = connection.connectTimeout(System.getenv(), problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid enrich-service configuration: " + String.join("; ", problems));
            }
        } catch (IllegalArgumentException e) {
            err.println("enrich: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            Preflight.Findings found = Preflight.check(config.client(), connectTimeout,
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(config.inputTopic(), config.outputTopic(), config.deadLetterTopic()),
                            config.trending().topic().stream()).toList(),
                    Map.of(config.outputTopic(), EnrichedArticle.getClassSchema()));
            int limit = found.articleLimit(config.maxArticleBytes(), List.of(config.deadLetterTopic()));
            if (limit < config.maxArticleBytes()) {
                err.println("enrich: " + config.deadLetterTopic() + " takes smaller records than NEWSFLOW_MAX_ARTICLE_BYTES="
                        + config.maxArticleBytes() + " (max.message.bytes): dead letters over " + limit + " bytes will be truncated; "
                        + "raise its max.message.bytes to " + ArticleSize.topicMaxMessageBytes(config.maxArticleBytes()) + " to keep them whole");
                config = config.withMaxArticleBytes(limit);
            }
            int enrichedLimit = found.articleLimit(config.maxEnrichedBytes(), List.of(config.outputTopic()));
            if (enrichedLimit < config.maxEnrichedBytes()) {
                err.println("enrich: " + config.outputTopic() + " takes smaller records than NEWSFLOW_MAX_ENRICHED_BYTES="
                        + config.maxEnrichedBytes() + " (max.message.bytes): enriched articles over " + enrichedLimit
                        + " bytes will be dead-lettered; raise its max.message.bytes to "
                        + ArticleSize.topicMaxMessageBytes(config.maxEnrichedBytes()) + " to keep them");
                config = config.withMaxEnrichedBytes(enrichedLimit);
            }
        } catch (Preflight.Failed e) {
            err.println("enrich: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        EnrichApp app;
        try {
            app = new EnrichApp(config);
        } catch (IllegalStateException e) {
            err.println("enrich: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        StopSignals.install().onStop(app::close);
        try {
            app.start();
        } catch (IllegalStateException e) {
            err.println("enrich: " + e.getMessage());
            app.close();
            return ExitCodes.CONFIG;
        } catch (KafkaException | UncheckedIOException e) {
            err.println("enrich: " + e.getMessage());
            app.close();
            return ExitCodes.FATAL;
        }
        app.opsUrl().ifPresent(url -> err.println("enrich: metrics on " + url + "/metrics, health on /healthz and /readyz"));
        err.println("enrich: running " + config.applicationId() + " on " + config.client().bootstrapServers()
                + " (" + config.inputTopic() + " -> " + config.outputTopic() + ", dead letters to " + config.deadLetterTopic()
                + "); Ctrl-C to stop");
        app.awaitStop();
        return app.state() == KafkaStreams.State.ERROR ? ExitCodes.FATAL : ExitCodes.OK;
    }

    /** The environment with the flags laid over it. */
    EnrichConfig config(Map<String, String> env) throws java.io.IOException {
        return EnrichConfig.fromEnv(Settings.overlay(spec, EnrichConfig.SETTINGS, connection.overlay(env)), connection.resolve(env));
    }

    /** Makes a flag for every setting in {@link EnrichConfig#SETTINGS} that has one. */
    public static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            Settings.addOptions(commandSpec, EnrichConfig.SETTINGS);
            return commandSpec;
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new EnrichCommand()).execute(args));
    }
}
