package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable article id rule: the id the source gave, else one derived from the url, else one derived
 * from the body. Derived ids are SHA-256 based, so re-ingesting the same file or URL gives the same id
 * and downstream consumers can de-duplicate on it.
 */
public final class ArticleIds {

    /** Hex characters kept from the digest: 128 bits. */
    private static final int HEX_CHARS = 32;

    private ArticleIds() {
    }

    public static String stable(String givenId, String url, String body) {
        if (givenId != null && !givenId.isBlank()) {
            return givenId.strip();
        }
        if (url != null && !url.isBlank()) {
            return "url-" + sha256(url.strip());
        }
        if (body == null) {
            throw new IllegalArgumentException("an article needs an id, a url or a body to derive its id from");
        }
        return "body-" + sha256(body);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
