package io.newsflow.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** How an input is read: one article per text file, or one JSON article per line. */
public enum InputFormat {
    /** Pick by file name: {@code .jsonl} / {@code .ndjson} are JSON Lines, anything else is text. */
    AUTO,
    /** The whole input is one article body, exactly as scraped. */
    TEXT,
    /** One JSON article object per line. */
    JSONL;

    InputFormat resolve(Path file) {
        if (this != AUTO) {
            return this;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : TEXT;
    }
}
