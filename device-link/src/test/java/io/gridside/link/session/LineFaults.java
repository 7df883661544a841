package io.gridside.link.session;

import java.util.Random;

/**
 * What an in-memory line does to the frames it carries, decided by a seeded random source so that a failing
 * case can be run again: drop a whole frame, change one of its bytes, or hold it back behind the next few.
 *
 * @param seed the random source's seed
 * @param drop the chance that a frame vanishes
 * @param corrupt the chance that one byte of a frame is changed
 * @param delay the chance that a frame is held back and overtaken by up to three later ones
 */
record LineFaults(long seed, double drop, double corrupt, double delay) {

    /** A clean line. */
    static LineFaults none() {
        return new LineFaults(0, 0, 0, 0);
    }

    Random random() {
        return new Random(seed);
    }

    @Override
    public String toString() {
        return String.format("seed %d, drop %.2f, corrupt %.2f, delay %.2f", seed, drop, corrupt, delay);
    }
}
