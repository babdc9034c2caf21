package io.newsflow.ingest.serve;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS 0.9x/1.0/2.0 and Atom feeds (parsed by Rome) on their own schedules and publishes each
 * item not published before as a {@code text/html} RawArticle. HTTP the polite way: conditional GET
 * (ETag / If-None-Match, Last-Modified / If-Modified-Since), gzip, redirects, a timeout, a User-Agent
 * naming newsflow, and a back-off that doubles the wait after each failure (up to an hour). A failing
 * feed only delays itself. A feed's validators are kept only once its new items are published, so a
 * poll whose publishing failed is fetched whole again next time. Feeds are fetched and parsed in parallel, but
 * their new items are checked against the ids seen and published one feed at a time, so an item that two feeds
 * carry (the same id) is published once.
 */
final class FeedPoller implements AutoCloseable {

    static final String USER_AGENT = "newsflow-ingest/0.1 (+https://github.com/newsflow; feed reader)";
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** What one poll did. */
    record Poll(String outcome, int published, int seen, int rejected, String error) {
    }

    /** A feed's conditional-GET validators and failure count between polls. */
    static final class State {
        final Feed feed;
        String etag;
        String lastModified;
        int failures;

        State(Feed feed) {
            this.feed = feed;
        }

        Duration nextDelay() {
            if (failures == 0) {
                return feed.interval();
            }
            Duration backoff = feed.interval().multipliedBy(1L << Math.min(failures, 10));
            return backoff.compareTo(MAX_BACKOFF.plus(feed.interval())) > 0 ? MAX_BACKOFF.plus(feed.interval()) : backoff;
        }
    }

    private final List<State> states = new ArrayList<>();
    private final TransactionalPublisher publisher;
    private final SeenIds seen;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    /** Held from checking a poll's items against the ids seen until they are published and marked seen. */
    private final Object publishing = new Object();

    FeedPoller(List<Feed> feeds, TransactionalPublisher publisher, SeenIds seen, IngestMetrics metrics, Clock clock) {
        feeds.forEach(feed -> states.add(new State(feed)));
        this.publisher = publisher;
        this.seen = seen;
        this.metrics = metrics;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(4, feeds.size())), runnable -> {
            Thread thread = new Thread(runnable, "newsflow-feeds");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        for (State state : states) {
            scheduler.schedule(() -> pollAndReschedule(state), 0, TimeUnit.SECONDS);
        }
    }

    private void pollAndReschedule(State state) {
        try {
            poll(state);
        } catch (RuntimeException e) {
            LOG.error("feed {}: unexpected failure: {}", state.feed.url(), e.toString());
            state.failures++;
        }
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> pollAndReschedule(state), state.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One poll of one feed: fetch (conditionally), parse, publish what is new. */
    Poll poll(State state) {
        String feed = state.feed.url().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(state.feed.url()).timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
                .header("Accept-Encoding", "gzip");
        if (state.etag != null) {
            request.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            request.header("If-Modified-Since", state.lastModified);
        }
        SyndFeed parsed;
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 304) {
                response.body().close();
                state.failures = 0;
                metrics.feedPoll(feed, "not_modified");
                return new Poll("not_modified", 0, 0, 0, null);
            }
            if (response.statusCode() != 200) {
                response.body().close();
                return failed(state, "HTTP " + response.statusCode());
            }
            try (InputStream body = gunzipped(response)) {
                parsed = FeedItems.parse(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(state, "interrupted");
        } catch (IOException | com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            return failed(state, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String source = parsed.getTitle() != null && !parsed.getTitle().isBlank() ? parsed.getTitle().strip() : state.feed.url().getHost();
        List<RawArticle> items = new ArrayList<>();
        int rejected = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            RawArticle article = FeedItems.article(entry, source, feed, clock.instant());
            if (article == null) {
                rejected++;
                metrics.rejected("no_body");
                continue;
            }
            items.add(article);
        }
        List<TransactionalPublisher.Serialized> batch = new ArrayList<>();
        int already = 0;
        synchronized (publishing) {
            Map<String, RawArticle> fresh = new LinkedHashMap<>();
            for (RawArticle article : items) {
                if (seen.contains(article.getId()) || fresh.containsKey(article.getId())) {
                    already++;
                    continue;
                }
                fresh.put(article.getId(), article);
            }
            try {
                for (RawArticle article : fresh.values()) {
                    try {
                        batch.add(publisher.prepare(article));
                    } catch (InvalidArticleException e) {
                        rejected++;
                        metrics.rejected("too_large");
                        LOG.warn("feed {}: item {} not published: {}", feed, article.getId(), e.getMessage());
                    }
                }
                if (!batch.isEmpty()) {
                    List<String> ids = batch.stream().map(TransactionalPublisher.Serialized::id).toList();
                    publisher.publish(batch, seen.markers(ids, feed));
                    seen.addAll(ids);
                    metrics.ingested(source, batch.size());
                }
            } catch (Unavailable e) {
                return failed(state, "publishing: " + e.getMessage());
            }
        }
        state.etag = response.headers().firstValue("ETag").orElse(null);
        state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        state.failures = 0;
        metrics.feedPoll(feed, "ok");
        metrics.feedItems(feed, "published", batch.size());
        metrics.feedItems(feed, "seen", already);
        metrics.feedItems(feed, "rejected", rejected);
        if (!batch.isEmpty()) {
            LOG.info("feed {}: published {} new items ({} seen before)", feed, batch.size(), already);
        }
        return new Poll("ok", batch.size(), already, rejected, null);
    }

    private Poll failed(State state, String why) {
        state.failures++;
        metrics.feedPoll(state.feed.url().toString(), "error");
        LOG.warn("feed {}: poll failed ({}); next try in {} s", state.feed.url(), why, state.nextDelay().toSeconds());
        return new Poll("error", 0, 0, 0, why);
    }

    private static InputStream gunzipped(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        return gzip ? new GZIPInputStream(response.body()) : response.body();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
