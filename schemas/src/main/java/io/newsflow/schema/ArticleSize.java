package io.newsflow.schema;

/**
 * The one article-size limit every part of newsflow agrees on. It bounds the serialized value of an
 * article record (a RawArticle or an EnrichedArticle as Avro in the registry's wire format), which is
 * what Kafka stores. Ingest rejects larger inputs, enrich dead-letters an article whose enriched record
 * would be larger, and producers and topics allow the limit plus {@link #HEADROOM_BYTES} for the key,
 * headers and record overhead, so a record within the limit is never refused by Kafka.
 */
public final class ArticleSize {

    /** Environment variable of the limit, read by ingest and enrich alike. */
    public static final String ENV = "NEWSFLOW_MAX_ARTICLE_BYTES";
    /** 1 MiB: about 150,000 words of text, far above any news article, and most pages' HTML. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;
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
