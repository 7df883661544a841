package io.gridside.link.frame;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames off a byte stream, resynchronising at the next delimiter after anything it cannot use; once the peer
 * switches the stream to the plain form (protocol section 6.37), frames follow one another by their length.
 *
 * <p>Bytes that break a rule are dropped and counted; an overlong run without a delimiter is discarded as it
 * arrives, so line noise can never make the reader buffer without bound.
 */
public final class FrameReader {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);

    private final InputStream in;
    /** What one read takes off the stream: a TCP read may bring many frames at once. */
    private final byte[] chunk = new byte[256 * 1024];
    private byte[] pending = new byte[1024];
    /** Where a frame is decoded before its payload is copied out. */
    private final byte[] scratch = new byte[FrameCodec.MAX_ENCODED_LENGTH];
    private int pendingLength;
    private int chunkPosition;
    private int chunkLength;
    private boolean discarding;
    /**
     * The peer switched this stream to the plain form (protocol section 6.37): frames follow one another without
     * COBS or delimiters. Only the reading thread touches it.
     */
    private boolean plain;
    /** This side offered the plain form, so a switch from the peer is followed; before that one is not a switch. */
    private volatile boolean plainOffered;
    /** The next delimiter found in what was read, at or after {@link #chunkPosition}; -1 when not looked for. */
    private int nextDelimiter = -1;
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
        if (plain) {
            return nextPlain();
        }
        while (true) {
            if (chunkPosition == chunkLength && !fill()) {
                return null;
            }
            int delimiter = delimiterFrom(chunkPosition);
            if (delimiter < chunkLength && pendingLength == 0 && !discarding) {
                // A whole frame within one read is decoded where it lies.
                int from = chunkPosition;
                chunkPosition = delimiter + 1;
                Frame frame = completeFrame(chunk, from, delimiter - from);
                if (frame != null) {
                    return counted(frame);
                }
                continue;
            }
            append(chunkPosition, delimiter);
            chunkPosition = delimiter;
            if (delimiter == chunkLength) {
                continue;
            }
            chunkPosition++;
            Frame frame = completeFrame(pending, 0, pendingLength);
            if (frame != null) {
                return counted(frame);
            }
        }
    }

    /**
     * Follows the peer's switch to the plain form from now on: called when this side offers it on a stream (protocol
     * section 6.37), before the offer is written. A reader never armed, as on a serial line, takes a switch for an
     * ordinary frame and goes on reading COBS, so a corrupted or hostile frame cannot turn its framing off.
     */
    public void expectPlain() {
        plainOffered = true;
    }

    /** Counts a good frame; after the peer's switch, once offered, the bytes that follow are read in plain form. */
    private Frame counted(Frame frame) {
        received.incrementAndGet();
        if (plainOffered && frame.type() == Frame.FRAMING && frame.payload().length == 1
                && frame.payload()[0] == Frame.PLAIN_SWITCH) {
            plain = true;
        }
        return frame;
    }

    /**
     * The next frame of a stream in the plain form: its header's length says where it ends. A frame that breaks a
     * rule there leaves no way to find the next one, so the stream is given up (a resumable link resumes).
     */
    private Frame nextPlain() throws IOException {
        if (!buffered(Frame.HEADER_LENGTH)) {
            return null;
        }
        int length = Frame.HEADER_LENGTH + FrameCodec.plainPayloadLength(chunk, chunkPosition) + Frame.TRAILER_LENGTH;
        if (!buffered(Math.min(length, FrameCodec.MAX_PLAIN_LENGTH))) {
            return null;
        }
        try {
            Frame frame = FrameCodec.decodePlain(chunk, chunkPosition, length);
            chunkPosition += length;
            received.incrementAndGet();
            return frame;
        } catch (FrameException e) {
            dropped.incrementAndGet();
            throw new IOException("The peer's plain frames broke a rule, so the stream cannot go on: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether at least {@code length} bytes are read and not yet taken, reading more as needed; false at the end
     * of the stream. What is left of the last read moves to the front of the buffer first when it must.
     */
    private boolean buffered(int length) throws IOException {
        while (chunkLength - chunkPosition < length) {
            if (chunkPosition > 0) {
                System.arraycopy(chunk, chunkPosition, chunk, 0, chunkLength - chunkPosition);
                chunkLength -= chunkPosition;
                chunkPosition = 0;
            }
            int n = in.read(chunk, chunkLength, chunk.length - chunkLength);
            if (n < 0) {
                return false;
            }
            chunkLength += n;
            bytesRead.addAndGet(n);
        }
        return true;
    }

    /**
     * Whether a whole frame's end is in what was read already, so that {@link #next()} would not block for it: a
     * reader may then take it in before it tells anyone what arrived, and tell once for every frame of one read.
     */
    public boolean hasFrameBuffered() {
        if (plain) {
            int left = chunkLength - chunkPosition;
            return left >= Frame.HEADER_LENGTH && left >= Frame.HEADER_LENGTH
                    + FrameCodec.plainPayloadLength(chunk, chunkPosition) + Frame.TRAILER_LENGTH;
        }
        return chunkPosition < chunkLength && delimiterFrom(chunkPosition) < chunkLength;
    }

    /** The index of the next delimiter in what was read, from {@code from} on; the read's length when none. */
    private int delimiterFrom(int from) {
        if (nextDelimiter >= from) {
            return nextDelimiter;
        }
        nextDelimiter = scan(from);
        return nextDelimiter;
    }

    private int scan(int from) {
        return ZeroBytes.indexOf(chunk, from, chunkLength);
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n < 0) {
            return false;
        }
        chunkPosition = 0;
        chunkLength = n;
        nextDelimiter = -1;
        bytesRead.addAndGet(n);
        return true;
    }

    /** Adds the bytes read from {@code from} to {@code to} to the frame being read, or gives it up as overlong. */
    private void append(int from, int to) {
        int length = to - from;
        if (discarding || length == 0) {
            return;
        }
        if (length > FrameCodec.MAX_ENCODED_LENGTH - pendingLength) {
            discarding = true;
            return;
        }
        if (pendingLength + length > pending.length) {
            int grown = Math.max(pendingLength + length, pending.length * 2);
            pending = Arrays.copyOf(pending, Math.min(grown, FrameCodec.MAX_ENCODED_LENGTH));
        }
        System.arraycopy(chunk, from, pending, pendingLength, length);
        pendingLength += length;
    }

    private Frame completeFrame(byte[] encoded, int offset, int length) {
        try {
            if (discarding) {
                throw new FrameException(FrameException.Rule.TOO_LONG, "no delimiter within the largest frame");
            }
            if (length == 0) {
                return null;
            }
            return FrameCodec.decodeDelimited(encoded, offset, length, scratch);
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
