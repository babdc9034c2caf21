package io.newsflow.enrich.step;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be asked (unreachable, an error answer, refused credentials) while
 * decoding a record whose schema is not cached yet. Not the record's fault, so it is never
 * dead-lettered: the record is processed again once the stream thread is replaced, until the registry
 * answers. Records whose schemas are cached keep flowing meanwhile.
 */
public final class RegistryUnavailable extends RetriableException {

    public RegistryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
