package io.gridside.sim.wire;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The time a wire paces its bytes by: the real clock, or a {@link VirtualClock} that tests move. The wire's
 * pacing is the same code on both; only how long a wait really takes differs.
 *
 * <p>Instants are nanoseconds on the clock's own time line, comparable only with each other (as
 * {@link System#nanoTime()} is).
 */
public interface WireClock {

    /** A deadline that never comes: wait for a signal only. */
    long NEVER = Long.MAX_VALUE;

    /** The clock that moves with real time. */
    static WireClock system() {
        return SystemClock.INSTANCE;
    }

    /** Now, in nanoseconds. */
    long now();

    /**
     * Waits until {@code changed} is signalled through {@link #signalAll} or the clock reaches {@code deadline},
     * whichever comes first; it may also return early, so callers check their state again in a loop.
     *
     * @param lock the lock of {@code changed}, held by the caller
     */
    void await(Lock lock, Condition changed, long deadline) throws InterruptedException;

    /** Wakes every thread waiting on {@code changed}; the caller holds its lock. */
    void signalAll(Condition changed);

    /**
     * How much line time a reader may gather before it is handed its bytes. On the real clock it is short, so
     * bytes arrive smoothly; on a virtual clock every wait costs real time to settle, so it is unbounded and a
     * reader takes everything that was on its way when it began to wait.
     */
    long pacingQuantum();

    /** Blocks until the clock reads {@code deadline}. */
    default void sleepUntil(long deadline) throws InterruptedException {
        Lock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        lock.lock();
        try {
            while (now() < deadline) {
                await(lock, never, deadline);
            }
        } finally {
            lock.unlock();
        }
    }
}
