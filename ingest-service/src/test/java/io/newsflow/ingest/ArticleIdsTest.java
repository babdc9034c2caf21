package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void aGivenIdWinsAndIsTrimmed() {
        assertThat(ArticleIds.stable("  feed-123 ", "https://example.org/a", "body")).isEqualTo("feed-123");
    }

    @Test
    void withoutAnIdTheUrlDecidesAndTheBodyDoesNot() {
        String first = ArticleIds.stable(null, "https://example.org/a", "one body");
        String second = ArticleIds.stable("", "https://example.org/a", "an edited body");

        assertThat(first).startsWith("url-").hasSize(36).isEqualTo(second);
        assertThat(ArticleIds.stable(null, "https://example.org/b", "one body")).isNotEqualTo(first);
    }

    @Test
    void withoutIdOrUrlTheBodyDecides() {
        String id = ArticleIds.stable(null, null, "Some text\n");

        assertThat(id).startsWith("body-").isEqualTo(ArticleIds.stable(" ", " ", "Some text\n"));
        assertThat(ArticleIds.stable(null, null, "Some text")).isNotEqualTo(id);
    }

    @Test
    void derivedIdsAreStableAcrossRunsAndMachines() {
        // the rule is part of the contract: changing it would break every downstream de-duplication
        assertThat(ArticleIds.stable(null, "https://example.org/a", null))
                .isEqualTo("url-" + java.util.HexFormat.of().formatHex(sha256("https://example.org/a")).substring(0, 32));
    }

    @Test
    void nothingToDeriveFromIsRefused() {
        assertThatThrownBy(() -> ArticleIds.stable(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
