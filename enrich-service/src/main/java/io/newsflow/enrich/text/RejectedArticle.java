package io.newsflow.enrich.text;

/**
 * Thrown by a step for an article that cannot become an enriched article (no id, an empty body, nothing left after
 * cleaning). Kafka Streams hands it to the processing exception handler, which dead-letters the record under the name
 * of the step that threw and with the message as the reason. It carries no stack trace: it is an outcome, not a bug.
 */
public final class RejectedArticle extends RuntimeException {

    public RejectedArticle(String reason) {
        this(reason, null);
    }

    /** @param cause the exception behind the rejection (its class and message go into the dead letter's headers) */
    public RejectedArticle(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
