package io.gridside.link.session;

/**
 * Frame numbers on the wire are 16 bits and wrap; inside the link they are counted without end. These turn one
 * into the other: a wire number is read as the count nearest to a reference the receiver already knows.
 */
final class Sequences {

    static final int MODULUS = 1 << 16;

    private Sequences() {
    }

    /** The 16-bit wire form of a count. */
    static int wire(long count) {
        return (int) (count & 0xFFFF);
    }

    /** The count whose wire form is {@code wire}, nearest to {@code reference} (within half the space). */
    static long nearest(int wire, long reference) {
        int delta = ((wire - wire(reference) + MODULUS / 2) & 0xFFFF) - MODULUS / 2;
        return reference + delta;
    }
}
