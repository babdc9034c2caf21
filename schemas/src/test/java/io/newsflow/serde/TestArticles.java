package io.newsflow.serde;

import io.newsflow.schema.RawArticle;
import java.time.Instant;
import java.util.Map;

/** Small RawArticle instances for serde tests. */
final class TestArticles {
    private TestArticles() {
    }

    static RawArticle raw(String id, String body) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("test")
                .setUrl("https://example.org/" + id)
                .setTitle("Title of " + id)
                .setBody(body)
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2026-01-02T03:04:05Z"))
                .setIngestedAt(Instant.parse("2026-01-02T03:05:00.123Z"))
                .setAttributes(Map.of("feed", "unit"))
                .build();
    }
}
