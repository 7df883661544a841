package io.gridside.sim.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when told to, so that a test can run a wire "at 115200 baud" as fast as the machine
 * allows and still read exact line times. It starts at 0.
 *
 * <p>A {@linkplain #manual() manual} clock moves when the test calls {@link #advanceTo}. An
 * {@linkplain #autoAdvancing() auto-advancing} clock moves itself: whenever the wires on it have been quiet for a
 * settle period of real time (no thread began or ended a wait, nothing was signalled, no thread is at work
 * inside a wire) and someone waits for an instant, it jumps to the earliest such instant. It never jumps while a
 * thread it woke has not yet run.
 *
 * <p>Threads outside the wires (a gateway encoding its next batch, say) are invisible to it: one that works
 * longer than the settle period between two writes lets the clock move on, which leaves a gap in virtual time,
 * as a slow gateway leaves one in real time. The line's own arithmetic is exact regardless.
 */
public final class VirtualClock implements WireClock, AutoCloseable {

    private static final Duration DEFAULT_SETTLE = Duration.ofNanos(500_000);

    /** A thread waiting for a signal or an instant. */
    private static final class Waiter {

        private final Lock lock;
        private final Condition changed;
        private final long deadline;
        private boolean woken;

        private Waiter(Lock lock, Condition changed, long deadline) {
            this.lock = lock;
            this.changed = changed;
            this.deadline = deadline;
        }
    }

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition activity = guard.newCondition();
    private final List<Waiter> waiters = new ArrayList<>();
    private final long settleNanos;
    private final Thread scheduler;
    private volatile long now;
    private long events;
    private boolean closed;

    private VirtualClock(Duration settle) {
        this.settleNanos = settle == null ? 0 : settle.toNanos();
        if (settle == null) {
            this.scheduler = null;
            return;
        }
        this.scheduler = new Thread(this::runScheduler, "virtual-clock-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
    }

    /** A clock that moves only by {@link #advance} and {@link #advanceTo}. */
    public static VirtualClock manual() {
        return new VirtualClock(null);
    }

    /** A clock that moves itself to the next instant someone waits for, after half a millisecond of quiet. */
    public static VirtualClock autoAdvancing() {
        return autoAdvancing(DEFAULT_SETTLE);
    }

    /** A clock that moves itself to the next instant someone waits for, after {@code settle} of real quiet. */
    public static VirtualClock autoAdvancing(Duration settle) {
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("settle must be positive, was " + settle);
        }
        return new VirtualClock(settle);
    }

    @Override
    public long now() {
        return now;
    }

    /** Moves the clock on by {@code step}. */
    public void advance(Duration step) {
        advanceTo(now + step.toNanos());
    }

    /** Moves the clock to {@code instant} and wakes everyone waiting for it or an earlier one. */
    public void advanceTo(long instant) {
        List<Waiter> due;
        guard.lock();
        try {
            if (instant < now) {
                throw new IllegalArgumentException("A virtual clock never goes back: it reads " + now
                        + " ns, not " + instant + " ns.");
            }
            due = moveTo(instant);
        } finally {
            guard.unlock();
        }
        wake(due);
    }

    private List<Waiter> moveTo(long instant) {
        now = instant;
        events++;
        List<Waiter> due = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (waiter.deadline <= instant && !waiter.woken) {
                waiter.woken = true;
                due.add(waiter);
            }
        }
        return due;
    }

    /** Signals each waiter under its own lock; called holding no lock, so no lock order can invert. */
    private static void wake(List<Waiter> due) {
        for (Waiter waiter : due) {
            waiter.lock.lock();
            try {
                waiter.changed.signalAll();
            } finally {
                waiter.lock.unlock();
            }
        }
    }

    @Override
    public void await(Lock lock, Condition changed, long deadline) throws InterruptedException {
        Waiter waiter = new Waiter(lock, changed, deadline);
        guard.lock();
        try {
            if (deadline <= now) {
                return;
            }
            waiters.add(waiter);
            noteEvent();
        } finally {
            guard.unlock();
        }
        try {
            // The caller holds lock, so a wake-up sent between the registration and here waits for this await.
            changed.await();
        } finally {
            guard.lock();
            try {
                waiters.remove(waiter);
                noteEvent();
            } finally {
                guard.unlock();
            }
        }
    }

    @Override
    public void signalAll(Condition changed) {
        guard.lock();
        try {
            for (Waiter waiter : waiters) {
                if (waiter.changed == changed) {
                    waiter.woken = true;
                }
            }
            noteEvent();
        } finally {
            guard.unlock();
        }
        changed.signalAll();
    }

    private void noteEvent() {
        events++;
        activity.signalAll();
    }

    @Override
    public long pacingQuantum() {
        return NEVER;
    }

    private void runScheduler() {
        try {
            List<Waiter> due;
            while ((due = nextStep()) != null) {
                wake(due);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a quiet settle period with someone waiting for an instant, then moves there; null once closed. */
    private List<Waiter> nextStep() throws InterruptedException {
        guard.lock();
        try {
            while (!closed) {
                long next = nextDeadline();
                if (next == NEVER) {
                    activity.await();
                    continue;
                }
                long seen = events;
                long remaining = settleNanos;
                while (remaining > 0 && events == seen && !closed) {
                    remaining = activity.awaitNanos(remaining);
                }
                if (events == seen && !closed && !aWireIsBusy()) {
                    return moveTo(next);
                }
            }
            return null;
        } finally {
            guard.unlock();
        }
    }

    /** The earliest instant someone waits for; NEVER if nobody does, or if a woken thread has yet to run. */
    private long nextDeadline() {
        long next = NEVER;
        for (Waiter waiter : waiters) {
            if (waiter.woken || waiter.deadline <= now) {
                return NEVER;
            }
            next = Math.min(next, waiter.deadline);
        }
        return next;
    }

    /**
     * Whether a thread is at work inside a wire that someone waits on: it holds the wire's lock, say between
     * waking up and placing its next bytes on the line, and moving the clock now would stamp them late.
     */
    private boolean aWireIsBusy() {
        for (Waiter waiter : waiters) {
            if (waiter.lock instanceof ReentrantLock wireLock && wireLock.isLocked()) {
                return true;
            }
        }
        return false;
    }

    /** Stops an auto-advancing clock's scheduler; threads still waiting are left to their signals. */
    @Override
    public void close() {
        guard.lock();
        try {
            closed = true;
            activity.signalAll();
        } finally {
            guard.unlock();
        }
    }
}
