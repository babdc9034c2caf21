package io.newsflow.ingest;

import io.newsflow.cli.Preflight;
import io.newsflow.cli.Cli;
import io.newsflow.cli.ClientSettings;
import io.newsflow.cli.ConnectionOptions;
import io.newsflow.cli.ExitCodes;
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
                "Text files are one article each (the whole file is the body); .jsonl files hold one JSON article per line",
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
            description = "auto (by file name: .jsonl/.ndjson are JSON Lines), text, or jsonl. Applies to stdin too (auto = text).")
    String format;

    @Option(names = "--source", description = "Source name for text inputs (default: file, or stdin).")
    String source;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Largest article accepted, in bytes (default ${DEFAULT-VALUE}).")
    long maxBytes;

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
            System.err.println("ingest: --format " + format + ": expected auto, text or jsonl");
            return ExitCodes.USAGE;
        }
        ClientSettings settings = connection.resolve(System.getenv());
        ArticleSources sources = new ArticleSources(inputFormat, source, maxBytes, Clock.systemUTC());
        try (Ingester ingester = new Ingester(settings, topic, Duration.ofSeconds(connectTimeoutSeconds), System.err)) {
            try {
                ingester.checkReachable();
            } catch (Preflight.Failed e) {
                System.err.println("ingest: " + e.getMessage());
                return ExitCodes.FATAL;
            }
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
