package io.gridside.sim;

import java.time.Duration;
import java.time.Instant;

/** The simulated site's clock, which may run faster than real time or be stepped by hand in tests. */
public interface SimClock {

    Instant now();

    /**
     * A clock that starts at {@code start} and runs {@code speed} times faster than real time; an infinite speed
     * gives an {@link #unthrottled} clock.
     */
    static SimClock scaled(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        if (Double.isInfinite(speed)) {
            return unthrottled(start);
        }
        long startNanos = System.nanoTime();
        return () -> start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    /**
     * A clock that runs as fast as its site can simulate: a {@link SimulatedSite} started on it moves it a quarter
     * hour at a time, each as soon as the site has read and billed the one before.
     */
    static Unthrottled unthrottled(Instant start) {
        return new Unthrottled(start);
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

    /** A clock that its site steps as fast as it can; see {@link #unthrottled}. */
    final class Unthrottled implements SimClock {

        private final Manual steps;

        private Unthrottled(Instant start) {
            this.steps = new Manual(start);
        }

        @Override
        public Instant now() {
            return steps.now();
        }

        void step(Duration step) {
            steps.advance(step);
        }
    }
}
