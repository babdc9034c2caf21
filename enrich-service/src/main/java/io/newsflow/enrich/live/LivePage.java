package io.newsflow.enrich.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ops.HttpCall;
import io.newsflow.ops.OpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live page on enrich's HTTP server: {@code GET /} (one HTML page with its script and style, plain files from the
 * classpath, nothing fetched from elsewhere), and {@code GET /v1/live/state}, what the page polls every 2 s: the
 * latest enriched articles, the dead letters by stage and reason with the latest few, the services' rates and lag.
 * Trending tags come from {@code /v1/trending} on the same server, where it exists. The data route is guarded by the
 * server's {@link io.newsflow.ops.Access}; the page's files are open (they hold no data).
 */
public final class LivePage implements AutoCloseable {

    /** Articles kept for the page, and read back from each partition at start. */
    static final int ARTICLES = 50;
    /** Latest dead letters shown whole. */
    static final int LATEST_DEAD_LETTERS = 10;
    static final String STATE_PATH = "/v1/live/state";
    /** Times as ISO-8601 text ({@code 2026-12-03T15:04:05.123Z}), which the page's script parses. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private final LatestArticles articles;
    private final DeadLetterBoard deadLetters;
    private final LiveTail tail;

    private LivePage(LatestArticles articles, DeadLetterBoard deadLetters, LiveTail tail) {
        this.articles = articles;
        this.deadLetters = deadLetters;
        this.tail = tail;
    }

    /** Starts the background reader of the page's data. */
    public static LivePage start(EnrichConfig config) {
        LatestArticles articles = new LatestArticles(ARTICLES);
        DeadLetterBoard deadLetters = new DeadLetterBoard(LATEST_DEAD_LETTERS);
        return new LivePage(articles, deadLetters, LiveTail.start(config, ARTICLES, articles, deadLetters));
    }

    /** The page's routes, by path, for {@link OpsServer}. */
    public Map<String, OpsServer.Route> routes() {
        Map<String, OpsServer.Route> routes = files();
        routes.put(STATE_PATH, call -> OpsServer.get(call, () -> call.send(200, "application/json", JSON.writeValueAsString(state()),
                Map.of("Cache-Control", "no-store"))));
        return routes;
    }

    /** The page's own files ({@code /}, {@code /live.js}, {@code /live.css}), open: they hold no data. */
    public static Map<String, OpsServer.Route> files() {
        Map<String, OpsServer.Route> routes = new LinkedHashMap<>();
        routes.put("/", OpsServer.Route.open(file("index.html", "text/html")));
        routes.put("/live.js", OpsServer.Route.open(file("live.js", "text/javascript")));
        routes.put("/live.css", OpsServer.Route.open(file("live.css", "text/css")));
        return routes;
    }

    /** What {@code /v1/live/state} answers. */
    public record State(Instant asOf, List<ArticleView> articles, DeadLetterBoard.Snapshot deadLetters, LiveTail.Services services,
                        String problem) {
    }

    State state() {
        return new State(Instant.now(), articles.newestFirst(), deadLetters.snapshot(), tail.services(), tail.problem());
    }

    private static OpsServer.Route file(String name, String contentType) {
        String text = resource(name);
        return call -> OpsServer.get(call, () -> call.send(200, contentType, text, Map.of("Cache-Control", "no-cache")));
    }

    static String resource(String name) {
        try (InputStream in = LivePage.class.getResourceAsStream("/live/" + name)) {
            if (in == null) {
                throw new IllegalStateException("live/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
