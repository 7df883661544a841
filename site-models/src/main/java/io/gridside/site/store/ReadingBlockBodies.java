package io.gridside.site.store;

/**
 * The raw body of a stored reading block, for sending many blocks compressed together: a stored block is a form byte
 * and a body that is raw-deflated when the form is 1; the raw body is the body inflated, and {@code 0x00} followed
 * by it is itself a valid stored block (form 0).
 */
public final class ReadingBlockBodies {

    private ReadingBlockBodies() {
    }

    /**
     * The raw body of a stored block.
     *
     * @throws IllegalArgumentException for bytes that are not a stored block's
     */
    public static byte[] rawBody(byte[] stored) {
        return ReadingBlock.body(stored);
    }

    /** The stored block (form 0) of a raw body. */
    public static byte[] plain(byte[] rawBody) {
        byte[] stored = new byte[rawBody.length + 1];
        System.arraycopy(rawBody, 0, stored, 1, rawBody.length);
        return stored;
    }

    /**
     * Whether {@code stored} is a well-formed block of {@code readings} readings.
     *
     * @throws IllegalArgumentException naming what is wrong, when it is not
     */
    public static void check(byte[] stored, int readings) {
        ReadingBlock block = ReadingBlock.decode(0, stored);
        if (block.size() != readings) {
            throw new IllegalArgumentException("a block said to hold " + readings + " readings holds "
                    + block.size());
        }
    }
}
