package io.newsflow.enrich.text;

import io.newsflow.schema.RawArticle;
import java.time.Instant;

/** Raw articles for tests of the text chain. */
public final class TestArticles {

    private TestArticles() {
    }

    /** A text article with this body, as ingest makes one from a file (no title: the first line is the title). */
    public static RawArticle text(String body) {
        return RawArticle.newBuilder().setId("test").setSource("test").setBody(body).setIngestedAt(Instant.EPOCH).build();
    }
}
