package io.newsflow.ingest;

import io.newsflow.runtime.Preflight;
import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        exitCodeList = {"0:every input published", "1:fatal error (broker or registry unreachable, send failed)",
                "2:some inputs rejected (each named on stderr), the rest published", "64:wrong command line"})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for stdin.")
    List<String> inputs;

    @Option(names = "--topic", defaultValue = Topics.RAW, description = "Topic to publish to (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto (by file name: .jsonl/.ndjson are JSON Lines, .html/.htm HTML), text, html, or jsonl. "
                    + "Applies to stdin too (auto = text).")
    String format;

    @Option(names = "--source", description = "Source name for text inputs (default: file, or stdin).")
    String source;

    @Option(names = "--max-bytes", defaultValue = "${env:NEWSFLOW_MAX_ARTICLE_BYTES:-" + ArticleSize.DEFAULT_MAX_BYTES + "}",
            description = "Largest article accepted, in bytes, as a file and as a record; larger inputs are rejected "
                    + "(env NEWSFLOW_MAX_ARTICLE_BYTES; default ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--connect-timeout", defaultValue = "15", description = "Seconds to wait for Kafka and the registry (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        InputFormat inputFormat;
        try {
            inputFormat = InputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: --format " + format + ": expected auto, text, html or jsonl");
            return ExitCodes.USAGE;
        }
        if (maxBytes < 1) {
            System.err.println("ingest: --max-bytes " + maxBytes + ": expected a positive number of bytes");
            return ExitCodes.USAGE;
        }
        ClientSettings settings = connection.resolve(System.getenv());
        try (Ingester ingester = new Ingester(settings, topic, Duration.ofSeconds(connectTimeoutSeconds), System.err)) {
            int limit;
            try {
                limit = ingester.checkReachable(maxBytes);
            } catch (Preflight.Failed e) {
                System.err.println("ingest: " + e.getMessage());
                return ExitCodes.FATAL;
            }
            if (limit < maxBytes) {
                System.err.println("ingest: topic " + topic + " takes smaller records (max.message.bytes): articles over " + limit
                        + " bytes will be rejected; raise its max.message.bytes to " + ArticleSize.topicMaxMessageBytes(maxBytes)
                        + " to take " + maxBytes);
            }
            ArticleSources sources = new ArticleSources(inputFormat, source, limit, Clock.systemUTC());
            Ingester.Result result;
            try {
                result = ingester.ingest(inputs, System.in, sources);
            } catch (IOException e) {
                System.err.println("ingest: " + Cli.oneLine(e));
                return ExitCodes.FATAL;
            }
            System.err.println("ingest: published " + result.published() + ", rejected " + result.rejected());
            if (result.fatal() != null) {
                System.err.println("ingest: " + result.fatal());
                return ExitCodes.FATAL;
            }
            return result.rejected() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new IngestCommand()).execute(args));
    }
}
