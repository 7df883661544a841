package io.gridside.sim.rf;

/**
 * Deterministic random draws keyed by a seed and a few integers, so a link's shadowing or a beacon's fate needs no
 * stored generator state and comes out the same on every run. StrictMath keeps the values equal across machines.
 */
final class Draw {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Draw() {
    }

    static long hash(long seed, long a, long b, long c) {
        long h = mix(seed + GOLDEN);
        h = mix(h ^ a) + GOLDEN;
        h = mix(h ^ b) + GOLDEN;
        h = mix(h ^ c) + GOLDEN;
        return mix(h);
    }

    /** A uniform value in [0, 1). */
    static double unit(long seed, long a, long b, long c) {
        return (hash(seed, a, b, c) >>> 11) * 0x1.0p-53;
    }

    /** A uniform value in [low, high). */
    static double between(double low, double high, long seed, long a, long b, long c) {
        return low + (high - low) * unit(seed, a, b, c);
    }

    /** A standard normal value (Box-Muller over two draws). */
    static double gaussian(long seed, long a, long b, long c) {
        long h = hash(seed, a, b, c);
        double u1 = Math.max((h >>> 11) * 0x1.0p-53, 1e-300);
        double u2 = (mix(h + GOLDEN) >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
