package io.gridside.sim;

/**
 * Deterministic randomness: a value from a few integers, the same on every run and every machine, so the
 * simulator needs no stored state to give the same reading for the same meter and interval.
 */
final class Noise {

    private Noise() {
    }

    /** A well-mixed 64-bit hash of the inputs (SplitMix64's finaliser over a running combination). */
    static long hash(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = mix(h ^ part) + 0x9E3779B97F4A7C15L;
        }
        return mix(h);
    }

    /** {@link #hash(long...)} of four parts, without an array: the loads call it for every meter and interval. */
    static long hash(long a, long b, long c, long d) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h ^ a) + 0x9E3779B97F4A7C15L;
        h = mix(h ^ b) + 0x9E3779B97F4A7C15L;
        h = mix(h ^ c) + 0x9E3779B97F4A7C15L;
        h = mix(h ^ d) + 0x9E3779B97F4A7C15L;
        return mix(h);
    }

    /** A uniform double in [0, 1). */
    static double unit(long... parts) {
        return (hash(parts) >>> 11) * 0x1.0p-53;
    }

    /** {@link #unit(long...)} of four parts, without an array. */
    static double unit(long a, long b, long c, long d) {
        return (hash(a, b, c, d) >>> 11) * 0x1.0p-53;
    }

    /** {@link #between(double, double, long...)} of four parts, without an array. */
    static double between(double low, double high, long a, long b, long c, long d) {
        return low + (high - low) * unit(a, b, c, d);
    }

    /** A uniform double in [low, high). */
    static double between(double low, double high, long... parts) {
        return low + (high - low) * unit(parts);
    }

    /** A standard normal value, by Box-Muller over two hashes. */
    static double gaussian(long... parts) {
        double u1 = Math.max(unit(parts), 1e-12);
        double u2 = unit(hash(parts), 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
