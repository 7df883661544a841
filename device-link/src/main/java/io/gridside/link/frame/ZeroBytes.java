package io.gridside.link.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds zero bytes eight at a time: the delimiter a reader looks for, and the zeros COBS removes. */
final class ZeroBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private ZeroBytes() {
    }

    /** The index of the first zero byte in {@code bytes} from {@code from} up to {@code to}; {@code to} if none. */
    static int indexOf(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // A byte's high bit is set here when the byte is zero, or (only above a zero byte) when a borrow
            // from the zero below ran through it: the lowest bit set is always a zero byte.
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return to;
    }
}
