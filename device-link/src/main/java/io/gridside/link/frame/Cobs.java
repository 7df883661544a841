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
     * Decodes one block (without its delimiter).
     *
     * @throws FrameException when the block holds a zero or a code that runs past its end
     */
    public static byte[] decode(byte[] data, int offset, int length) {
        byte[] out = new byte[length];
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
            for (int i = read; i < read + run; i++) {
                if (data[i] == 0) {
                    throw new FrameException(FrameException.Rule.COBS, "a zero byte inside an encoded frame");
                }
            }
            System.arraycopy(data, read, out, write, run);
            write += run;
            read += run;
            if (code < 0xFF && read < end) {
                out[write++] = 0;
            }
        }
        return Arrays.copyOf(out, write);
    }
}
