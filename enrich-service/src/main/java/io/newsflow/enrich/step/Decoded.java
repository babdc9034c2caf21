package io.newsflow.enrich.step;

import io.newsflow.schema.RawArticle;

/** The outcome of decoding and validating one raw record: a valid article, or a rejection with its reason. */
public sealed interface Decoded {

    /** A RawArticle that passed validation. */
    record Valid(RawArticle article) implements Decoded {
    }

    /**
     * A record that goes to the dead-letter topic.
     *
     * @param original the value bytes exactly as read
     * @param stage    the step that rejected it
     * @param reason   one line saying why
     * @param cause    the exception behind it, or null
     */
    record Rejected(byte[] original, String stage, String reason, Throwable cause) implements Decoded {
    }
}
