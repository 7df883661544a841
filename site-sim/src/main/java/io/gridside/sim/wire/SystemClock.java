package io.gridside.sim.wire;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Real time from {@link System#nanoTime()}. A pacer waits for absolute instants, so a late wake-up delays the
 * bytes it is waiting for but never the ones after them: nothing drifts.
 */
enum SystemClock implements WireClock {
    INSTANCE;

    /** Readers are woken about once a millisecond of line time: a dozen bytes at 115200 baud. */
    private static final long QUANTUM = TimeUnit.MILLISECONDS.toNanos(1);

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public void await(Lock lock, Condition changed, long deadline) throws InterruptedException {
        if (deadline == NEVER) {
            changed.await();
            return;
        }
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            changed.awaitNanos(wait);
        }
    }

    @Override
    public void signalAll(Condition changed) {
        changed.signalAll();
    }

    @Override
    public long pacingQuantum() {
        return QUANTUM;
    }
}
