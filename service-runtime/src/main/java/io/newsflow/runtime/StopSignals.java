package io.newsflow.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and Ctrl-C (SIGINT) as an event, the one way every long-running newsflow command stops: the command waits
 * for it ({@link #await}) or registers what to do ({@link #onStop}), then closes what it runs in order and returns its
 * own exit code. The JVM is not torn down under it, as it would be with a shutdown hook (exit 143 whatever the command
 * returns, and no say in the order things close).
 */
public final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final CountDownLatch received = new CountDownLatch(1);
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    private StopSignals() {
    }

    /** Handles SIGTERM and SIGINT from now on, in this JVM. */
    public static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> signals.stop());
            } catch (IllegalArgumentException unsupported) {
                LOG.warn("cannot handle SIG{} here: the command stops only by itself", name);
            }
        }
        return signals;
    }

    /** Runs {@code action} on the first stop (on the thread that delivers it), or now if one has come already. */
    public StopSignals onStop(Runnable action) {
        actions.add(action);
        if (received()) {
            action.run();
        }
        return this;
    }

    /** Stops as a signal would (the first call only). */
    public void stop() {
        if (received.getCount() == 0) {
            return;
        }
        received.countDown();
        actions.forEach(Runnable::run);
    }

    public boolean received() {
        return received.getCount() == 0;
    }

    /** Blocks until a stop signal arrives. */
    public void await() throws InterruptedException {
        received.await();
    }

    /** Blocks until a stop signal arrives or {@code millis} pass; true if one arrived. */
    public boolean await(long millis) throws InterruptedException {
        return received.await(millis, TimeUnit.MILLISECONDS);
    }
}
