package io.gridside.sim.rf;

/**
 * What stands between two radios, beyond distance: a wall or a hill shades both directions alike (the common
 * part); reflections near each receiver shade one direction only (the directional part); and leaves, moisture and
 * parked lorries change slowly through the day (the drift, common to both directions, smooth in time).
 */
final class Shadowing {

    static final double COMMON_SIGMA_DB = 5;
    static final double DIRECTIONAL_SIGMA_DB = 2;
    static final double DRIFT_SIGMA_DB = 3;
    /** The drift takes a new course every few hours and glides between them. */
    static final long DRIFT_PERIOD_SECONDS = 6 * 3600;

    private static final long COMMON = 0x5EED_0003L;
    private static final long DIRECTIONAL = 0x5EED_0004L;
    private static final long DRIFT = 0x5EED_0005L;

    private Shadowing() {
    }

    /** Loss in dB shared by both directions between {@code a} and {@code b}. */
    static double common(long seed, int a, int b) {
        return COMMON_SIGMA_DB * Draw.gaussian(seed, COMMON, Math.min(a, b), Math.max(a, b));
    }

    /** Loss in dB on the way from {@code from} to {@code to} only. */
    static double directional(long seed, int from, int to) {
        return DIRECTIONAL_SIGMA_DB * Draw.gaussian(seed, DIRECTIONAL, from, to);
    }

    /**
     * Extra loss in dB between {@code a} and {@code b} at {@code epochSecond}: normal with the drift's sigma at
     * every instant, and continuous, so a link worsens over hours rather than jumping.
     */
    static double drift(long seed, int a, int b, long epochSecond) {
        long knot = knotOf(epochSecond);
        return blend(knotValue(seed, a, b, knot), knotValue(seed, a, b, knot + 1), epochSecond);
    }

    /** The drift period that {@code epochSecond} falls in. */
    static long knotOf(long epochSecond) {
        return Math.floorDiv(epochSecond, DRIFT_PERIOD_SECONDS);
    }

    /** The drift's course, as a standard normal value, at the start of period {@code knot}. */
    static double knotValue(long seed, int a, int b, long knot) {
        long pair = (long) Math.min(a, b) << 32 | Math.max(a, b);
        return Draw.gaussian(seed, DRIFT, pair, knot);
    }

    /** The drift in dB between the courses at the start and the end of {@code epochSecond}'s period. */
    static double blend(double before, double after, long epochSecond) {
        long knot = knotOf(epochSecond);
        double t = (double) (epochSecond - knot * DRIFT_PERIOD_SECONDS) / DRIFT_PERIOD_SECONDS;
        double w = t * t * (3 - 2 * t);
        double mixed = (before * (1 - w) + after * w) / StrictMath.sqrt((1 - w) * (1 - w) + w * w);
        return DRIFT_SIGMA_DB * mixed;
    }
}
