package io.gridside.link.frame;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames off a byte stream, resynchronising at the next delimiter after anything it cannot use.
 *
 * <p>Bytes that break a rule are dropped and counted; an overlong run without a delimiter is discarded as it
 * arrives, so line noise can never make the reader buffer without bound.
 */
public final class FrameReader {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);

    private final InputStream in;
    private final byte[] chunk = new byte[4096];
    private byte[] pending = new byte[1024];
    private int pendingLength;
    private int chunkPosition;
    private int chunkLength;
    private boolean discarding;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    private volatile int foreignVersion = -1;
    private volatile java.util.function.IntConsumer foreignVersionListener = version -> { };

    public FrameReader(InputStream in) {
        this.in = in;
    }

    /**
     * Blocks for the next good frame.
     *
     * @return the frame, or null at the end of the stream
     */
    public Frame next() throws IOException {
        while (true) {
            if (chunkPosition == chunkLength && !fill()) {
                return null;
            }
            byte b = chunk[chunkPosition++];
            if (b != FrameCodec.DELIMITER) {
                append(b);
                continue;
            }
            Frame frame = completeFrame();
            if (frame != null) {
                received.incrementAndGet();
                return frame;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n < 0) {
            return false;
        }
        chunkPosition = 0;
        chunkLength = n;
        bytesRead.addAndGet(n);
        return true;
    }

    private void append(byte b) {
        if (discarding) {
            return;
        }
        if (pendingLength == FrameCodec.MAX_ENCODED_LENGTH) {
            discarding = true;
            return;
        }
        if (pendingLength == pending.length) {
            pending = Arrays.copyOf(pending, Math.min(pending.length * 2, FrameCodec.MAX_ENCODED_LENGTH));
        }
        pending[pendingLength++] = b;
    }

    private Frame completeFrame() {
        try {
            if (discarding) {
                throw new FrameException(FrameException.Rule.TOO_LONG, "no delimiter within the largest frame");
            }
            if (pendingLength == 0) {
                return null;
            }
            return FrameCodec.decode(pending, 0, pendingLength);
        } catch (FrameException e) {
            dropped.incrementAndGet();
            LOG.debug("<< {}", e.getMessage());
            if (e.version() >= 0) {
                foreignVersion = e.version();
                foreignVersionListener.accept(e.version());
            }
            return null;
        } finally {
            pendingLength = 0;
            discarding = false;
        }
    }

    /**
     * The version of the last intact frame of another frame version: the peer speaks another version of the
     * protocol. -1 when none came.
     */
    public int foreignVersion() {
        return foreignVersion;
    }

    /** Tells {@code listener}, on the reading thread, the version of each intact frame of another version. */
    public void onForeignVersion(java.util.function.IntConsumer listener) {
        this.foreignVersionListener = listener;
    }

    /** Frames dropped because they broke a framing rule. */
    public long dropped() {
        return dropped.get();
    }

    /** Bytes read off the stream, good or not. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Good frames read. */
    public long received() {
        return received.get();
    }
}
