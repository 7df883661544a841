package io.gridside.link.frame;

import java.util.Arrays;

/**
 * Consistent Overhead Byte Stuffing: rewrites a block so that it holds no zero byte, letting 0x00 mark frame
 * ends. A receiver that joins mid-stream or loses bytes to line noise finds the next frame at the next zero.
 * The cost is at most one byte in 254.
 */
public final class Cobs {

    /** The longest run of non-zero bytes one code covers. */
    private static final int MAX_RUN = 0xFE;

    private Cobs() {
    }

    /** The largest encoded size of a block of {@code length} bytes, without the delimiter. */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    /** Encodes one block: each run of up to 254 non-zero bytes is found first, then copied whole. */
    public static byte[] encode(byte[] data, int offset, int length) {
        byte[] out = new byte[maxEncodedLength(length)];
        int end = offset + length;
        int read = offset;
        int write = 0;
        while (true) {
            int runEnd = read;
            int limit = Math.min(end, read + MAX_RUN);
            while (runEnd < limit && data[runEnd] != 0) {
                runEnd++;
            }
            int run = runEnd - read;
            out[write] = (byte) (run + 1);
            System.arraycopy(data, read, out, write + 1, run);
            write += run + 1;
            read = runEnd;
            if (run == MAX_RUN) {
                // A full block stands for no zero: the next block starts at once, even at the end.
                continue;
            }
            if (read == end) {
                return Arrays.copyOf(out, write);
            }
            read++;
        }
    }

    /**
     * Encodes the pieces as one block into {@code out} from {@code offset}, which must have room for
     * {@link #maxEncodedLength} of their total length; returns where the encoded block ends. Encodes as
     * {@link #encode} does, without gathering the pieces first.
     */
    public static int encodeInto(byte[] out, int offset, byte[]... pieces) {
        int codeAt = offset;
        int write = offset + 1;
        int run = 0;
        for (byte[] piece : pieces) {
            int read = 0;
            while (read < piece.length) {
                int runEnd = ZeroBytes.indexOf(piece, read, Math.min(piece.length, read + MAX_RUN - run));
                int copied = runEnd - read;
                System.arraycopy(piece, read, out, write, copied);
                write += copied;
                run += copied;
                read = runEnd;
                if (run == MAX_RUN || read < piece.length && piece[read] == 0) {
                    // A full block stands for no zero; a shorter one stands for the zero that ends it.
                    read += run == MAX_RUN ? 0 : 1;
                    out[codeAt] = (byte) (run + 1);
                    codeAt = write++;
                    run = 0;
                }
            }
        }
        out[codeAt] = (byte) (run + 1);
        return write;
    }

    /**
     * Decodes one block (without its delimiter).
     *
     * @throws FrameException when the block holds a zero or a code that runs past its end
     */
    public static byte[] decode(byte[] data, int offset, int length) {
        byte[] out = new byte[length];
        return Arrays.copyOf(out, decodeInto(data, offset, length, out, false));
    }

    /**
     * Decodes one block (without its delimiter) into {@code out}, which must have room for {@code length} bytes;
     * returns the decoded length. A block a reader cut at its zeros is known to hold none ({@code zeroFree}),
     * and its runs are then copied without a look at each byte.
     *
     * @throws FrameException when the block holds a zero or a code that runs past its end
     */
    public static int decodeInto(byte[] data, int offset, int length, byte[] out, boolean zeroFree) {
        int read = offset;
        int end = offset + length;
        int write = 0;
        while (read < end) {
            int code = data[read++] & 0xFF;
            if (code == 0) {
                throw new FrameException(FrameException.Rule.COBS, "a zero byte inside an encoded frame");
            }
            int run = code - 1;
            if (read + run > end) {
                throw new FrameException(FrameException.Rule.COBS, "a COBS code that runs past the frame end");
            }
            if (!zeroFree && ZeroBytes.indexOf(data, read, read + run) < read + run) {
                throw new FrameException(FrameException.Rule.COBS, "a zero byte inside an encoded frame");
            }
            System.arraycopy(data, read, out, write, run);
            write += run;
            read += run;
            if (code < 0xFF && read < end) {
                out[write++] = 0;
            }
        }
        return write;
    }
}
