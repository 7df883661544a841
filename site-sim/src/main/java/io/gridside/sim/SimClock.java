package io.gridside.sim;

import java.time.Duration;
import java.time.Instant;

/** The simulated site's clock, which may run faster than real time or be stepped by hand in tests. */
public interface SimClock {

    Instant now();

    /** A clock that starts at {@code start} and runs {@code speed} times faster than real time. */
    static SimClock scaled(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        long startNanos = System.nanoTime();
        return () -> start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    /** A clock that moves only when told to. */
    static Manual manual(Instant start) {
        return new Manual(start);
    }

    /** A clock for tests, moved only by {@link #advance}. */
    final class Manual implements SimClock {

        private volatile Instant now;

        private Manual(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        public synchronized void advance(Duration step) {
            now = now.plus(step);
        }
    }
}
