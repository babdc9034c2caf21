package io.newsflow.ingest.serve;

import io.newsflow.cli.Cli;
import io.newsflow.cli.ClientSettings;
import io.newsflow.cli.ConnectionOptions;
import io.newsflow.cli.ExitCodes;
import io.newsflow.cli.Preflight;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Topics;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow serve}: the ingest service, until SIGTERM or Ctrl-C (then in-flight requests finish,
 * producers flush, exit 0). HTTP API and RSS/Atom feeds -> news.articles.raw.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the ingest service: POST /v1/articles (JSON, JSON array or NDJSON), RSS/Atom feeds polled on a schedule,",
                "GET /healthz, /readyz and /metrics. Prints 'ingest.url=http://HOST:PORT' on stdout once it is ready.",
                "Set NEWSFLOW_INGEST_TOKEN to require 'Authorization: Bearer <token>' on the API."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by SIGTERM / Ctrl-C", "1:could not start (Kafka, registry or topic not usable, port taken)",
                "64:wrong command line (a bad feed URL, interval or feeds file names the problem)"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:NEWSFLOW_INGEST_PORT:-8080}",
            description = "HTTP port, 0 for any free one (env NEWSFLOW_INGEST_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:NEWSFLOW_INGEST_HOST:-0.0.0.0}",
            description = "Address to listen on (env NEWSFLOW_INGEST_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feeds", paramLabel = "FILE", description = "A file of feeds, one per line: URL [interval]; # starts a comment.")
    Path feedsFile;

    @Option(names = "--poll-interval", defaultValue = "${env:NEWSFLOW_POLL_INTERVAL:-5m}",
            description = "How often to poll a feed: 30s, 5m, 2h or ISO-8601 (env NEWSFLOW_POLL_INTERVAL; default ${DEFAULT-VALUE}).")
    String pollInterval;

    @Option(names = "--topic", defaultValue = Topics.RAW, description = "Topic to publish to (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--max-bytes", defaultValue = "${env:NEWSFLOW_MAX_ARTICLE_BYTES:-" + ArticleSize.DEFAULT_MAX_BYTES + "}",
            description = "Largest article, as a record (env NEWSFLOW_MAX_ARTICLE_BYTES; default ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--max-request-bytes", defaultValue = "${env:NEWSFLOW_MAX_REQUEST_BYTES:-16777216}",
            description = "Largest HTTP request body; larger ones get 413 (env NEWSFLOW_MAX_REQUEST_BYTES; default ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--instance-id", defaultValue = "${env:NEWSFLOW_INSTANCE_ID}",
            description = "This instance's stable name, in its transactional ids (env NEWSFLOW_INSTANCE_ID; default: the host name).")
    String instanceId;

    @Option(names = "--connect-timeout", defaultValue = "15", description = "Seconds to wait for Kafka and the registry (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        IngestService.Config config;
        try {
            Duration interval = Durations.parse(pollInterval);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port " + port + ": expected 0 to 65535");
            }
            if (maxBytes < 1 || maxRequestBytes < 1) {
                throw new IllegalArgumentException("--max-bytes and --max-request-bytes must be positive");
            }
            config = new IngestService.Config(host, port, topic, Topics.SEEN, FeedList.of(feeds, feedsFile, interval), maxBytes,
                    maxRequestBytes, System.getenv("NEWSFLOW_INGEST_TOKEN"), instanceId == null || instanceId.isBlank() ? hostName() : instanceId,
                    Duration.ofSeconds(connectTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            System.err.println("serve: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.io.IOException e) {
            System.err.println("serve: --feeds " + feedsFile + ": " + Cli.oneLine(e));
            return ExitCodes.USAGE;
        }
        ClientSettings settings = connection.resolve(System.getenv());
        int limit;
        try {
            limit = Preflight.check(settings, config.connectTimeout(), List.of(topic), Map.of(topic, RawArticle.getClassSchema()))
                    .articleLimit(maxBytes, List.of(topic));
        } catch (Preflight.Failed e) {
            System.err.println("serve: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        if (limit < maxBytes) {
            System.err.println("serve: topic " + topic + " takes smaller records (max.message.bytes): articles over " + limit + " bytes will be rejected");
        }
        IngestService service;
        try {
            service = IngestService.start(new IngestService.Config(config.host(), config.port(), config.topic(), config.seenTopic(), config.feeds(),
                    limit, config.maxRequestBytes(), config.token(), config.instanceId(), config.connectTimeout()), settings, Clock.systemUTC());
        } catch (Exception e) {
            System.err.println("serve: cannot start: " + Cli.oneLine(e));
            return ExitCodes.FATAL;
        }
        // SIGTERM and Ctrl-C end the wait below instead of the JVM, so the service closes in order and the exit code is 0
        CountDownLatch stop = new CountDownLatch(1);
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> stop.countDown());
        }
        System.out.println("ingest.url=" + service.url());
        System.out.flush();
        System.err.println("serve: ready; POST " + service.url() + "/v1/articles, " + config.feeds().size() + " feeds; Ctrl-C to stop");
        stop.await();
        System.err.println("serve: stopping: finishing requests in flight, flushing");
        service.close();
        System.err.println("serve: stopped");
        return ExitCodes.OK;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "local";
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new ServeCommand()).execute(args));
    }
}
