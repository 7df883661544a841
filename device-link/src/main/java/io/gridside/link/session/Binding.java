package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One transport a link runs over, with its reader; a resumed link gets a new one. */
final class Binding {

    private static final Logger LOG = LoggerFactory.getLogger(Binding.class);
    /** The most a stream's writer gathers into one write: room for four of the largest frames, about 64 KiB. */
    private static final int BATCH_BYTES = 4 * (FrameCodec.MAX_ENCODED_LENGTH + 1);

    final Transport transport;
    final OutputStream out;
    final FrameReader reader;
    /** A frame the gateway read before it knew which link the transport belonged to; handled first. */
    final Frame first;
    /** Whether this transport may switch to the plain form of frames: a stream (TCP), never a serial line. */
    private final boolean stream;
    /** Whether a frame came from the peer on this transport; then this side offers the plain form. */
    private boolean heard;
    private boolean offered;
    /** The peer offered the plain form: this side switches to it. */
    private boolean peerOffered;
    private boolean switched;
    /** Frames this side writes go in the plain form; only the writer touches it. */
    private boolean writesPlain;
    /** Frames encoded and not yet written, and how many bytes of them; only the writer touches them. */
    private final byte[] batch;
    private int batched;

    Binding(Transport transport, FrameReader reader, Frame first) throws IOException {
        this.transport = transport;
        this.out = transport.output();
        this.reader = reader;
        this.first = first;
        this.stream = transport.kind() == TransportKind.TCP;
        this.batch = new byte[stream ? BATCH_BYTES : FrameCodec.MAX_ENCODED_LENGTH + 1];
    }

    /**
     * Takes note of a frame from the peer, under the link's lock: the first one makes this side offer the plain
     * form (never before it, so that a gateway still reads the console's first frame, a hello or a resume, as an
     * old gateway would), and the peer's offer makes this side switch (protocol section 6.37).
     */
    void heard(Frame frame) {
        heard = true;
        if (frame.type() == Frame.FRAMING && frame.payload().length == 1
                && frame.payload()[0] == Frame.PLAIN_OFFER) {
            peerOffered = true;
        }
    }

    /** The payload byte of the framing frame this side owes now, under the link's lock; 0 when none. */
    int framingDue() {
        if (!stream || !heard) {
            return 0;
        }
        if (!offered) {
            offered = true;
            reader.expectPlain();
            return Frame.PLAIN_OFFER;
        }
        if (peerOffered && !switched) {
            switched = true;
            return Frame.PLAIN_SWITCH;
        }
        return 0;
    }

    /**
     * Whether another frame fits the batch the writer is gathering. A stream takes several frames in one write, so
     * that a burst costs few system calls and wake-ups on either side; a serial line takes one at a time, as the
     * line paces it anyway. Only the writer calls it.
     */
    boolean hasRoom() {
        return stream ? batched + FrameCodec.MAX_ENCODED_LENGTH + 1 <= batch.length : batched == 0;
    }

    /** Encodes a frame as this transport carries it now at the end of the batch; returns its length on the wire. */
    int add(Frame frame) {
        int end = writesPlain ? FrameCodec.encodePlainInto(frame, batch, batched)
                : FrameCodec.encodeInto(frame, batch, batched);
        int length = end - batched;
        batched = end;
        if (frame.type() == Frame.FRAMING && frame.payload()[0] == Frame.PLAIN_SWITCH) {
            writesPlain = true;
        }
        return length;
    }

    /** Writes a lone delimiter, which makes a peer holding half a frame of an earlier session drop it. */
    void writeDelimiter() throws IOException {
        out.write(FrameCodec.DELIMITER);
        out.flush();
    }

    /** Writes the frames gathered, if any, in one write. */
    void writeBatch() throws IOException {
        if (batched > 0) {
            out.write(batch, 0, batched);
            out.flush();
            batched = 0;
        }
    }

    /** Starts one of a link's threads, which never keeps the program running. */
    static void startThread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes a transport the link lets go of; a failure to close it leaves it abandoned. */
    static void closeTransport(Transport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the transport to {} failed; it is abandoned.", transport.address(), e);
        }
    }

    /** What the readers of former bindings counted, so a link's counters run on across resumes. */
    static final class Totals {
        long received;
        long dropped;
        long bytes;

        void add(FrameReader reader) {
            received += reader.received();
            dropped += reader.dropped();
            bytes += reader.bytesRead();
        }
    }
}
