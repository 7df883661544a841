package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Hello;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open link over a transport, used by both the console and the gateway. Sends are serialised; a daemon
 * thread reads frames, drops and counts bad ones, and hands each good message to the {@link Handler}.
 *
 * <p>v1 numbers frames and acknowledges the last one seen but does not retransmit: a gap in the peer's
 * sequence is counted as missed and the request it belonged to times out. Retransmission is the next step.
 */
public final class LinkConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);

    /** Receives what arrives on the link, on the link's reader thread. */
    public interface Handler {

        void onMessage(long requestId, Message message);

        /** The link ended: closed here, closed by the peer, or broken ({@code cause} is then not null). */
        void onClosed(IOException cause);
    }

    private final Transport transport;
    private final OutputStream out;
    private final FrameReader reader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private int nextSeq;
    private volatile int lastPeerSeq = -1;

    public LinkConnection(Transport transport) throws IOException {
        this.transport = transport;
        this.out = transport.output();
        this.reader = new FrameReader(transport.input());
    }

    public Transport transport() {
        return transport;
    }

    /**
     * Starts the reader thread; call once. A lone delimiter goes out first, so that a peer holding half a
     * frame from an earlier session (a serial line does not know when its other end changed) drops it at once.
     */
    public void start(Handler handler, String threadName) throws IOException {
        synchronized (this) {
            out.write(FrameCodec.DELIMITER);
            out.flush();
        }
        Thread thread = new Thread(() -> readLoop(handler), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends one message as one frame. */
    public void send(long requestId, Message message) throws IOException {
        byte[] payload = MessageCodec.encode(message);
        synchronized (this) {
            if (closed.get()) {
                throw new IOException("The link to " + transport.address() + " is closed.");
            }
            Frame frame = new Frame(MessageCatalogue.codeOf(message), nextSeq, Math.max(lastPeerSeq, 0),
                    requestId, payload);
            nextSeq = (nextSeq + 1) & 0xFFFF;
            byte[] wire = FrameCodec.encode(frame);
            out.write(wire);
            out.flush();
            framesSent.incrementAndGet();
            bytesSent.addAndGet(wire.length);
            LOG.debug(">> {} {}", frame, message.getClass().getSimpleName());
        }
    }

    private void readLoop(Handler handler) {
        IOException cause = null;
        try {
            Frame frame;
            while ((frame = reader.next()) != null) {
                dispatch(handler, frame);
            }
            if (!closed.get()) {
                cause = new EOFException("the other end closed the link");
            }
        } catch (IOException e) {
            if (!closed.get()) {
                cause = e;
            }
        } finally {
            closeQuietly();
            handler.onClosed(cause);
        }
    }

    private void dispatch(Handler handler, Frame frame) {
        Message message;
        try {
            message = MessageCodec.decode(frame.type(), frame.payload());
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            countGap(frame.seq());
            LOG.debug("<< {} {}", frame, e.getMessage());
            return;
        }
        if (message instanceof Hello) {
            // A hello starts a new session whose frames count from zero again.
            lastPeerSeq = -1;
        }
        countGap(frame.seq());
        LOG.debug("<< {} {}", frame, message.getClass().getSimpleName());
        handler.onMessage(frame.requestId(), message);
    }

    private void countGap(int seq) {
        int last = lastPeerSeq;
        if (last >= 0) {
            int gap = (seq - last - 1) & 0xFFFF;
            if (gap > 0 && gap < 0x8000) {
                missed.addAndGet(gap);
            }
        }
        lastPeerSeq = seq;
    }

    public LinkStats stats() {
        return new LinkStats(framesSent.get(), reader.received(), reader.dropped(), malformed.get(), missed.get(),
                bytesSent.get());
    }

    /** Bytes that arrived from the peer, whether they made frames or not. */
    public long bytesReceived() {
        return reader.bytesRead();
    }

    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (closed.compareAndSet(false, true)) {
            try {
                transport.close();
            } catch (IOException e) {
                LOG.debug("Closing the transport to {} failed; it is abandoned.", transport.address(), e);
            }
        }
    }
}
