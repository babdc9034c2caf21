package io.newsflow.ingest.serve;

/** Kafka or the schema registry cannot take articles now: nothing of the batch was published; try again later. */
public final class Unavailable extends Exception {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
