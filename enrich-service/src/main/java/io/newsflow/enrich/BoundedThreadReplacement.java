package io.newsflow.enrich;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies. Bad records never get here (they are dead-lettered), so a
 * death is a bug, a resource problem, or Kafka being unavailable for longer than Kafka Streams waits:
 * <ul>
 *   <li>a transient cause (a retriable Kafka error anywhere in the chain) replaces the thread, always;</li>
 *   <li>any other cause replaces it up to a bound, then shuts this instance down cleanly, so a
 *       persistent failure does not spin forever;</li>
 *   <li>under the fail error policy a non-transient cause (a bad record) shuts the instance down at once.</li>
 * </ul>
 * The dead thread's group membership is handed to {@code leaveGroup} (thread name), which removes it
 * from the consumer group once the thread has stopped, so its partitions move at once instead of
 * waiting out the session timeout.
 */
final class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedThreadReplacement.class);

    static final java.time.Duration TRANSIENT_PAUSE = java.time.Duration.ofSeconds(1);

    private final int maxReplacements;
    private final boolean failFast;
    private final Consumer<Thread> leaveGroup;
    private final java.time.Duration transientPause;
    private final AtomicInteger replaced = new AtomicInteger();

    BoundedThreadReplacement(int maxReplacements, boolean failFast, Consumer<Thread> leaveGroup) {
        this(maxReplacements, failFast, leaveGroup, TRANSIENT_PAUSE);
    }

    BoundedThreadReplacement(int maxReplacements, boolean failFast, Consumer<Thread> leaveGroup, java.time.Duration transientPause) {
        this.maxReplacements = maxReplacements;
        this.failFast = failFast;
        this.leaveGroup = leaveGroup;
        this.transientPause = transientPause;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        StreamThreadExceptionResponse response = decide(exception);
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            leaveGroup.accept(Thread.currentThread());
        }
        return response;
    }

    StreamThreadExceptionResponse decide(Throwable exception) {
        if (isTransient(exception)) {
            LOG.warn("stream thread failed on a transient error; replacing it in {} ms: {}", transientPause.toMillis(), exception.toString());
            pause();
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
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

    /** Not a hot loop while a dependency is down: each replacement after a transient failure waits this long. */
    private void pause() {
        try {
            Thread.sleep(transientPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
