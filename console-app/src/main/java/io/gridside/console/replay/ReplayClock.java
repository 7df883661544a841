package io.gridside.console.replay;

import java.time.Instant;

/**
 * Where a playing replay stands: each pulse of the screen moves it on by the real time since the last pulse times
 * the speed. The first pulse after play only notes the time, so a replay never jumps by the time it was paused.
 */
public final class ReplayClock {

    /** The most real time one pulse counts. */
    static final long LONGEST_PULSE_NANOS = 1_000_000_000L;

    private long lastNanos = -1;

    /** Forgets the last pulse: after a pause, so that the next pulse only notes its time. */
    public void reset() {
        lastNanos = -1;
    }

    /**
     * The instant a pulse at {@code nowNanos} (a monotonic clock) moves {@code at} to, playing at {@code speed}.
     */
    public Instant advance(Instant at, Speed speed, long nowNanos) {
        if (lastNanos < 0 || nowNanos < lastNanos) {
            lastNanos = nowNanos;
            return at;
        }
        // A pulse that comes late (the window was hidden, the machine busy) moves on by a second at most.
        long elapsed = Math.min(nowNanos - lastNanos, LONGEST_PULSE_NANOS);
        lastNanos = nowNanos;
        long historyNanos = elapsed * speed.factor();
        return at.plusSeconds(historyNanos / 1_000_000_000L).plusNanos(historyNanos % 1_000_000_000L);
    }
}
