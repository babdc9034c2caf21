package io.newsflow.schema;

/**
 * The article-size limits every part of newsflow agrees on. They bound the serialized value of an article
 * record (Avro in the registry's wire format), which is what Kafka stores. The raw limit
 * ({@link #ENV}) bounds a RawArticle, a whole web page as sites send it: ingest rejects larger inputs, and the raw
 * and dead-letter topics take it (a dead letter keeps the raw record). The enriched limit ({@link #ENRICHED_ENV})
 * bounds an EnrichedArticle, which holds the clean text rather than the page: enrich dead-letters an article whose
 * enriched record would be larger. Producers and topics allow a limit plus {@link #HEADROOM_BYTES} for the key,
 * headers and record overhead, so a record within the limit is never refused by Kafka.
 */
public final class ArticleSize {

    /** Environment variable of the raw limit, read by ingest and enrich alike. */
    public static final String ENV = "NEWSFLOW_MAX_ARTICLE_BYTES";
    /** 8 MiB: the HTML of the largest news pages real sites send (a few are over 1 MiB), with room to spare. */
    public static final int DEFAULT_MAX_BYTES = 8 << 20;
    /** Environment variable of the enriched limit, read by enrich. */
    public static final String ENRICHED_ENV = "NEWSFLOW_MAX_ENRICHED_BYTES";
    /** 1 MiB: about 150,000 words of clean text with its tags, far above any news article. */
    public static final int DEFAULT_MAX_ENRICHED_BYTES = 1 << 20;
    /** Smallest limit accepted: below this even a short article with its tags does not fit. */
    public static final int MIN_BYTES = 16 * 1024;
    /** Room above the value limit for the key, headers (dead-letter reasons included) and batch overhead. */
    public static final int HEADROOM_BYTES = 64 * 1024;

    private ArticleSize() {
    }

    /** {@code max.request.size} for a producer of articles under {@code maxArticleBytes}. */
    public static int maxRequestSize(int maxArticleBytes) {
        return maxArticleBytes + HEADROOM_BYTES;
    }

    /** {@code max.message.bytes} an article topic needs for {@code maxArticleBytes}. */
    public static int topicMaxMessageBytes(int maxArticleBytes) {
        return maxArticleBytes + HEADROOM_BYTES;
    }

    /** The largest article value a topic with this {@code max.message.bytes} takes with our headroom. */
    public static int articleLimitFor(long topicMaxMessageBytes) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, topicMaxMessageBytes - HEADROOM_BYTES));
    }
}
