package io.gridside.link.frame;

import java.util.Arrays;

/**
 * Consistent Overhead Byte Stuffing: rewrites a block so that it holds no zero byte, letting 0x00 mark frame
 * ends. A receiver that joins mid-stream or loses bytes to line noise finds the next frame at the next zero.
 * The cost is at most one byte in 254.
 */
public final class Cobs {

    private Cobs() {
    }

    /** The largest encoded size of a block of {@code length} bytes, without the delimiter. */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    public static byte[] encode(byte[] data, int offset, int length) {
        byte[] out = new byte[maxEncodedLength(length)];
        int codeIndex = 0;
        int write = 1;
        int code = 1;
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == 0) {
                out[codeIndex] = (byte) code;
                codeIndex = write++;
                code = 1;
                continue;
            }
            out[write++] = data[i];
            code++;
            if (code == 0xFF) {
                out[codeIndex] = (byte) code;
                codeIndex = write++;
                code = 1;
            }
        }
        out[codeIndex] = (byte) code;
        return Arrays.copyOf(out, write);
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
            if (read + code - 1 > end) {
                throw new FrameException(FrameException.Rule.COBS, "a COBS code that runs past the frame end");
            }
            for (int i = 1; i < code; i++) {
                if (data[read] == 0) {
                    throw new FrameException(FrameException.Rule.COBS, "a zero byte inside an encoded frame");
                }
                out[write++] = data[read++];
            }
            if (code < 0xFF && read < end) {
                out[write++] = 0;
            }
        }
        return Arrays.copyOf(out, write);
    }
}
