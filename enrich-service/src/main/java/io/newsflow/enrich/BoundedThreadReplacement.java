package io.newsflow.enrich;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a crashed stream thread up to a bound, then shuts this instance down cleanly, so a
 * transient failure heals and a persistent one does not spin forever. Under the fail error policy a
 * bad record stops the instance at once: replaying it would fail the same way.
 */
final class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedThreadReplacement.class);

    private final int maxReplacements;
    private final boolean failFast;
    private final AtomicInteger replaced = new AtomicInteger();

    BoundedThreadReplacement(int maxReplacements, boolean failFast) {
        this.maxReplacements = maxReplacements;
        this.failFast = failFast;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (failFast) {
            LOG.error("stream thread failed and NEWSFLOW_ERROR_POLICY=fail: shutting down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        int count = replaced.incrementAndGet();
        if (count > maxReplacements) {
            LOG.error("stream thread failed {} times (limit {}): shutting down", count, maxReplacements, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.warn("stream thread failed; replacing it ({} of {})", count, maxReplacements, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
