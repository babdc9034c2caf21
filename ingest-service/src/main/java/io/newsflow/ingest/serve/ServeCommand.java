package io.newsflow.ingest.serve;

import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.ConnectionOptions;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.runtime.Preflight;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.StopSignals;
import java.io.PrintWriter;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow serve}: the ingest service, until SIGTERM or Ctrl-C (then in-flight requests finish,
 * producers flush, exit 0). HTTP API and RSS/Atom feeds -> news.articles.raw.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the ingest service: POST /v1/articles (JSON, JSON array or NDJSON), RSS/Atom feeds polled on a schedule,",
                "GET /healthz, /readyz and /metrics. Prints 'ingest.url=http://HOST:PORT' on stdout once it is ready.",
                "Set NEWSFLOW_INGEST_TOKEN to require 'Authorization: Bearer <token>' on the API."},
        exitCodeListHeading = "%nExit codes:%n",
        modelTransformer = ServeCommand.SettingOptions.class,
        exitCodeList = {"0:stopped by SIGTERM / Ctrl-C", "1:could not start (Kafka, registry or topic not usable, port taken)",
                "64:wrong command line (a bad feed URL, interval or feeds file names the problem)"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable; more in --feeds FILE).")
    List<String> feeds = new ArrayList<>();

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    /** Makes a flag for every setting in {@link ServeSettings#SETTINGS} that has one. */
    public static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            Settings.addOptions(commandSpec, ServeSettings.SETTINGS);
            return commandSpec;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IngestService.Config config;
        try {
            config = ServeSettings.config(Settings.overlay(spec, ServeSettings.SETTINGS, connection.overlay(System.getenv())), feeds);
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String topic = config.topic();
        int maxBytes = config.maxArticleBytes();
        ClientSettings settings = connection.resolve(System.getenv());
        int limit;
        try {
            limit = Preflight.check(settings, config.connectTimeout(), List.of(topic), Map.of(topic, RawArticle.getClassSchema()))
                    .articleLimit(maxBytes, List.of(topic));
        } catch (Preflight.Failed e) {
            err.println("serve: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        if (limit < maxBytes) {
            err.println("serve: topic " + topic + " takes smaller records (max.message.bytes): articles over " + limit + " bytes will be rejected");
        }
        IngestService service;
        try {
            service = IngestService.start(config.withMaxArticleBytes(limit), settings, Clock.systemUTC());
        } catch (Exception e) {
            err.println("serve: cannot start: " + Cli.oneLine(e));
            return ExitCodes.FATAL;
        }
        StopSignals stop = StopSignals.install();
        out.println("ingest.url=" + service.url());
        out.flush();
        err.println("serve: ready; POST " + service.url() + "/v1/articles, " + config.feeds().size() + " feeds; Ctrl-C to stop");
        stop.await();
        err.println("serve: stopping: finishing requests in flight, flushing");
        service.close();
        err.println("serve: stopped");
        return ExitCodes.OK;
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new ServeCommand()).execute(args));
    }
}
