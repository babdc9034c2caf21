package io.newsflow.schema;

/** The topics newsflow reads and writes. Keys on the article topics are the article id as a UTF-8 string. */
public final class Topics {
    /** RawArticle values, published by ingest-service. */
    public static final String RAW = "news.articles.raw";
    /** EnrichedArticle values, written by enrich-service. */
    public static final String ENRICHED = "news.articles.enriched";
    /** The original bytes of every rejected record, with headers saying why (see DeadLetterHeaders). */
    public static final String DLQ = "news.articles.dlq";
    /**
     * Compacted: the ids of the feed items {@code newsflow serve} has published (value: the feed's URL),
     * written in the same transaction as the articles, so a restarted or moved service publishes none twice.
     */
    public static final String SEEN = "news.ingest.seen";
    /**
     * Compacted: the trending tags enrich computes from the enriched topic, key {@code TYPE|window} ({@code PERSON|1h}),
     * value the list as JSON (docs/trending.md), UTF-8.
     */
    public static final String TRENDING = "news.tags.trending";

    private Topics() {
    }
}
