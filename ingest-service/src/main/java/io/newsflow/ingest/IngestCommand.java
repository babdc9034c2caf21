package io.newsflow.ingest;

import io.newsflow.runtime.Preflight;
import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.ArticleSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow ingest}: files, folders, stdin and JSON Lines -> news.articles.raw (String id,
 * RawArticle). Exit 0 when every input was published, 2 when some were rejected, 1 on a fatal error.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish articles to Kafka as RawArticle records keyed by article id.",
                "Text files are one article each (the whole file is the body); .html/.htm files are one HTML article each",
                "(published as text/html in the charset the page declares; enrich extracts the text); .jsonl files hold one JSON article per line",
                "(fields: id, url, title, body, source, publishedAt, language, contentType, attributes). Folders are walked",
                "recursively, skipping hidden files. '-' reads stdin. Re-ingesting a file gives the same article id."},
        exitCodeListHeading = "%nExit codes:%n",
        modelTransformer = IngestCommand.SettingOptions.class,
        exitCodeList = {"0:every input published", "1:fatal error (broker or registry unreachable, send failed)",
                "2:some inputs rejected (each named on stderr), the rest published", "64:wrong command line"})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for stdin.")
    List<String> inputs;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    /** Makes a flag for every setting in {@link IngestSettings#SETTINGS} that has one. */
    public static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            Settings.addOptions(commandSpec, IngestSettings.SETTINGS);
            return commandSpec;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        IngestSettings.Config config;
        try {
            config = IngestSettings.config(Settings.overlay(spec, IngestSettings.SETTINGS, connection.overlay(System.getenv())));
        } catch (IllegalArgumentException e) {
            err.println("ingest: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ClientSettings settings = connection.resolve(System.getenv());
        int maxBytes = config.maxArticleBytes();
        try (Ingester ingester = new Ingester(settings, config.topic(), config.connectTimeout(), err)) {
            int limit;
            try {
                limit = ingester.checkReachable(maxBytes);
            } catch (Preflight.Failed e) {
                err.println("ingest: " + e.getMessage());
                return ExitCodes.FATAL;
            }
            if (limit < maxBytes) {
                err.println("ingest: topic " + config.topic() + " takes smaller records (max.message.bytes): articles over " + limit
                        + " bytes will be rejected; raise its max.message.bytes to " + ArticleSize.topicMaxMessageBytes(maxBytes)
                        + " to take " + maxBytes);
            }
            ArticleSources sources = new ArticleSources(config.format(), config.source(), limit, Clock.systemUTC());
            Ingester.Result result;
            try {
                result = ingester.ingest(inputs, System.in, sources);
            } catch (IOException e) {
                err.println("ingest: " + Cli.oneLine(e));
                return ExitCodes.FATAL;
            }
            err.println("ingest: published " + result.published() + ", rejected " + result.rejected());
            if (result.fatal() != null) {
                err.println("ingest: " + result.fatal());
                return ExitCodes.FATAL;
            }
            return result.rejected() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new IngestCommand()).execute(args));
    }
}
