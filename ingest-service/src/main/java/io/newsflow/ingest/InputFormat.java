package io.newsflow.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** How an input is read: one article per text or HTML file, or one JSON article per line. */
public enum InputFormat {
    /** Pick by file name: {@code .jsonl} / {@code .ndjson} are JSON Lines, {@code .html} / {@code .htm} / {@code .xhtml} HTML, anything else text. */
    AUTO,
    /** The whole input is one article body, exactly as scraped. */
    TEXT,
    /** The whole input is one HTML page (or fragment), published as {@code text/html}; a folder gives its HTML files. */
    HTML,
    /** One JSON article object per line. */
    JSONL;

    InputFormat resolve(Path file) {
        if (this != AUTO) {
            return this;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        return isHtmlName(name) ? HTML : TEXT;
    }

    /** Whether a file met while walking a folder is an input in this format ({@link #HTML} takes only HTML files). */
    boolean takes(Path file) {
        return this != HTML || isHtmlName(String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT));
    }

    private static boolean isHtmlName(String name) {
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml");
    }
}
