package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts that land when the stream thread's transaction commits. Under exactly-once, processing can be
 * aborted and done again (a rebalance, a corrupted task, a fenced producer): a counter bumped while
 * processing would count such a record twice, and call "written" what no read_committed consumer will
 * ever read. So an increment made on a stream thread waits in that thread's open transaction, lands when
 * its producer commits ({@link #committed()}) and is dropped when it aborts ({@link #aborted()}). Outside
 * a transaction (at_least_once, TopologyTestDriver, a producer's I/O thread) an increment lands at once.
 *
 * <p>One instance per transactional producer, bound to the stream thread that begins its transactions;
 * {@link EnrichClientSupplier} creates and binds them.
 */
public final class TransactionCounts {

    private static final ThreadLocal<TransactionCounts> OPEN = new ThreadLocal<>();

    private final Map<Counter, Double> pending = new HashMap<>();
    /** When the oldest increment still waiting was made (System.nanoTime); meaningless while none waits. */
    private long oldestPendingNanos;

    TransactionCounts() {
    }

    /** Adds {@code amount} to {@code counter} when the current thread's transaction commits, or now if it has none. */
    public static void increment(Counter counter, double amount) {
        TransactionCounts open = OPEN.get();
        if (open == null) {
            counter.increment(amount);
        } else {
            open.add(counter, amount);
        }
    }

    /** Makes this the current thread's transaction scope (the thread that begins the producer's transactions). */
    void bindToCurrentThread() {
        if (OPEN.get() != this) {
            OPEN.set(this);
        }
    }

    /** Forgets the current thread's scope if it is this one (the producer is closing). */
    void unbindFromCurrentThread() {
        if (OPEN.get() == this) {
            OPEN.remove();
        }
    }

    private synchronized void add(Counter counter, double amount) {
        if (pending.isEmpty()) {
            oldestPendingNanos = System.nanoTime();
        }
        pending.merge(counter, amount, Double::sum);
    }

    /** The transaction committed: every waiting increment lands. */
    synchronized void committed() {
        pending.forEach(Counter::increment);
        pending.clear();
    }

    /** The transaction aborted: its increments are dropped (the records are processed again and counted then). */
    synchronized void aborted() {
        pending.clear();
    }

    /** Nanoseconds the oldest waiting increment has waited for a commit, at {@code nowNanos}; 0 when none waits. */
    synchronized long uncommittedNanos(long nowNanos) {
        return pending.isEmpty() ? 0 : nowNanos - oldestPendingNanos;
    }
}
