package io.gridside.console.service.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: the n-th wait in a row is drawn evenly between nothing and
 * {@code min(cap, base * 2^n)}, so that many laptops coming back online at once do not knock on the cloud together.
 */
public final class Backoff {

    /** The base of the sync's waits. */
    public static final Duration BASE = Duration.ofSeconds(1);
    /** The longest wait of the sync. */
    public static final Duration CAP = Duration.ofMinutes(5);

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the base must be positive and the cap at least the base");
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** The sync's back-off: base 1 s, cap 5 min. */
    public static Backoff standard(RandomGenerator random) {
        return new Backoff(BASE, CAP, random);
    }

    /** The most the wait after {@code failures} failures in a row may be: {@code min(cap, base * 2^(failures-1))}. */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long ceiling = baseMillis << doublings;
        return Duration.ofMillis(ceiling <= 0 || ceiling > capMillis ? capMillis : ceiling);
    }

    /** The wait after {@code failures} failures in a row (1 for the first), drawn between 0 and its ceiling. */
    public Duration delay(int failures) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }
}
