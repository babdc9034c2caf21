package io.newsflow.enrich.step;

/**
 * Thrown by a step for a record that cannot become an enriched article (no id, empty body, nothing left
 * after cleaning). Kafka Streams hands it to the processing exception handler, which dead-letters the
 * record with {@link #stage()} and the message as the reason. It carries no stack trace: it is an
 * outcome, not a bug.
 */
public final class RejectedArticle extends RuntimeException {

    private final String stage;

    public RejectedArticle(String stage, String reason) {
        this(stage, reason, null);
    }

    /** @param cause the exception behind the rejection (its class and message go into the dead letter's headers) */
    public RejectedArticle(String stage, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.stage = stage;
    }

    /** The step that rejected it, e.g. "validate" or "clean". */
    public String stage() {
        return stage;
    }
}
