package io.newsflow.ingest.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * newsflow's own series for the ingest service: {@code newsflow_articles_ingested_total{source}},
 * {@code newsflow_articles_rejected_total{reason}}, {@code newsflow_feed_polls_total{feed,outcome}},
 * {@code newsflow_feed_items_total{feed,outcome}} (published or already seen) and
 * {@code newsflow_http_requests_total{status}}.
 */
final class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ingested(String source, int count) {
        Counter.builder("newsflow.articles.ingested").description("Articles published to the raw topic")
                .tag("source", source).register(registry).increment(count);
    }

    /** {@code reason}: a short, bounded word (invalid, too_large, bad_json, no_body), never the free text of one rejection. */
    void rejected(String reason) {
        Counter.builder("newsflow.articles.rejected").description("Articles refused before publishing, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    void feedPoll(String feed, String outcome) {
        Counter.builder("newsflow.feed.polls").description("Feed polls by outcome (ok, not_modified, error)")
                .tag("feed", feed).tag("outcome", outcome).register(registry).increment();
    }

    void feedItems(String feed, String outcome, int count) {
        Counter.builder("newsflow.feed.items").description("Feed items by outcome (published, seen, rejected)")
                .tag("feed", feed).tag("outcome", outcome).register(registry).increment(count);
    }

    void http(int status) {
        Counter.builder("newsflow.http.requests").description("POST /v1/articles answers by status")
                .tag("status", String.valueOf(status)).register(registry).increment();
    }

    MeterRegistry registry() {
        return registry;
    }
}
