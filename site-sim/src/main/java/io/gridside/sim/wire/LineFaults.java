package io.gridside.sim.wire;

import io.gridside.link.frame.FrameCodec;
import java.util.SplittableRandom;

/**
 * The faults of one direction, drawn in the order the bytes pass: corruption from one random stream (one draw
 * per byte that survives), frame loss from another (one draw per frame). The same seed and the same bytes
 * therefore give the same faults, however the sender splits its writes.
 *
 * <p>A frame is every byte up to and including the next 0x00 delimiter, as {@link FrameCodec} writes it.
 * A delimiter that follows another is no frame (a receiver skips it) and is never lost.
 */
final class LineFaults {

    /** Receives each run of bytes that survived, as a range of the block passed in. */
    interface Survivors {

        void run(int from, int to);
    }

    private final double corruption;
    private final double frameLoss;
    private final SplittableRandom corrupter;
    private final SplittableRandom loser;
    private boolean inFrame;
    private boolean losingFrame;
    private long bytesCorrupted;
    private long framesLost;
    private long bytesLost;

    LineFaults(LineProfile profile, SplittableRandom seeds) {
        this.corruption = profile.corruption();
        this.frameLoss = profile.frameLoss();
        this.corrupter = seeds.split();
        this.loser = seeds.split();
    }

    /** Loses and corrupts bytes of {@code block} in place, and hands the runs that survived to {@code out}. */
    void pass(byte[] block, Survivors out) {
        int runStart = 0;
        for (int i = 0; i < block.length; i++) {
            if (lose(block[i])) {
                if (runStart < i) {
                    out.run(runStart, i);
                }
                runStart = i + 1;
                continue;
            }
            if (corruption > 0 && corrupter.nextDouble() < corruption) {
                block[i] = (byte) (block[i] + 1 + corrupter.nextInt(255));
                bytesCorrupted++;
            }
        }
        if (runStart < block.length) {
            out.run(runStart, block.length);
        }
    }

    /** Whether the byte belongs to a frame being lost; a frame's fate is drawn at its first byte. */
    private boolean lose(byte b) {
        if (!inFrame && b != FrameCodec.DELIMITER) {
            inFrame = true;
            losingFrame = frameLoss > 0 && loser.nextDouble() < frameLoss;
            if (losingFrame) {
                framesLost++;
            }
        }
        boolean lost = losingFrame;
        if (b == FrameCodec.DELIMITER) {
            inFrame = false;
            losingFrame = false;
        }
        if (lost) {
            bytesLost++;
        }
        return lost;
    }

    long bytesCorrupted() {
        return bytesCorrupted;
    }

    long framesLost() {
        return framesLost;
    }

    long bytesLost() {
        return bytesLost;
    }
}
