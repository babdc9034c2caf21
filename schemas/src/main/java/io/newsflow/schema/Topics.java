package io.newsflow.schema;

/** The topics newsflow reads and writes. Keys on all three are the article id as a UTF-8 string. */
public final class Topics {
    /** RawArticle values, published by ingest-service. */
    public static final String RAW = "news.articles.raw";
    /** EnrichedArticle values, written by enrich-service. */
    public static final String ENRICHED = "news.articles.enriched";
    /** The original bytes of every rejected record, with headers saying why (see DeadLetterHeaders). */
    public static final String DLQ = "news.articles.dlq";

    private Topics() {
    }
}
