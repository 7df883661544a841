package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Priority;
import io.gridside.link.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open link over a transport, used by both the console and the gateway: messages in, messages out,
 * delivered whole, in order and once, whatever the line loses or garbles.
 *
 * <p>Messages are cut into fragments and sent as numbered frames in a sliding window. The receiver
 * acknowledges cumulatively and selectively and advertises how many more frames it will take; the sender
 * resends a frame when its adaptive timer runs out, or at once when three later frames were acknowledged
 * before it. The next frame to send is always taken from the most urgent priority class with one waiting.
 * Three threads serve a link: a writer that alone writes to the transport, a reader, and a dispatcher that
 * hands complete messages to the {@link Handler}.
 */
public final class LinkConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Receives what arrives on the link, on the link's dispatcher thread. */
    public interface Handler {

        void onMessage(long requestId, Message message);

        /**
         * The link ended: closed here, closed by the peer, or broken ({@code cause} is then not null). Called
         * once, after every message that arrived before the end has been handed over.
         */
        void onClosed(IOException cause);

        /**
         * The peer started a new session on this link (a new console on a serial line, a restarted gateway).
         * Called between the last message of the former session and the first of the new one.
         */
        default void onPeerReset() {
        }
    }

    private final Transport transport;
    private final OutputStream out;
    private final FrameReader reader;
    private final LinkOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Sender sender;
    private final Receiver receiver;
    private final Reassembly reassembly = new Reassembly();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private boolean ackDue;
    /** The peer started a new session and the dispatcher has not yet said so to the handler. */
    private boolean resetToReport;
    /** Why the link ended, when the other end or the transport ended it; null for a close from this side. */
    private volatile IOException closeCause;

    public LinkConnection(Transport transport) throws IOException {
        this(transport, LinkOptions.forTransport(transport.kind()));
    }

    public LinkConnection(Transport transport, LinkOptions options) throws IOException {
        this.transport = transport;
        this.options = options;
        this.out = transport.output();
        this.reader = new FrameReader(transport.input());
        this.sender = new Sender(options, RANDOM.nextInt(0x10000));
        this.receiver = new Receiver(options.window());
    }

    public Transport transport() {
        return transport;
    }

    /**
     * Starts the link's threads; call once. A lone delimiter goes out first, so that a peer holding half a
     * frame from an earlier session (a serial line does not know when its other end changed) drops it at once.
     */
    public void start(Handler handler, String threadName) throws IOException {
        out.write(FrameCodec.DELIMITER);
        out.flush();
        startThread(() -> writeLoop(handler), threadName + "-writer");
        startThread(() -> dispatchLoop(handler), threadName + "-dispatcher");
        startThread(this::readLoop, threadName);
    }

    private static void startThread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a message in its catalogue priority class. */
    public void send(long requestId, Message message) throws IOException {
        send(requestId, message, MessageCatalogue.priorityOf(message));
    }

    /**
     * Queues a message, waiting while too much is queued already: a producer can never outrun the line.
     *
     * @throws IOException when the link is or becomes closed before the message is queued
     */
    public void send(long requestId, Message message, Priority priority) throws IOException {
        byte[] payload = MessageCodec.encode(message);
        if (payload.length > LinkOptions.MAX_MESSAGE) {
            throw new IllegalArgumentException("A " + message.getClass().getSimpleName() + " of " + payload.length
                    + " bytes is larger than a link carries (" + LinkOptions.MAX_MESSAGE + ").");
        }
        int type = MessageCatalogue.codeOf(message);
        lock.lock();
        try {
            while (!closed.get() && !sender.hasRoomFor(priority.channel(), payload.length)) {
                changed.await();
            }
            if (closed.get()) {
                throw new IOException("The link to " + transport.address() + " is closed.");
            }
            for (Sender.Fragment fragment : fragments(type, priority, requestId, payload)) {
                sender.enqueue(fragment);
            }
            changed.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to send on the link.");
        } finally {
            lock.unlock();
        }
        LOG.debug(">> queued {} for request {} ({} bytes)", message.getClass().getSimpleName(), requestId,
                payload.length);
    }

    private java.util.List<Sender.Fragment> fragments(int type, Priority priority, long requestId, byte[] payload) {
        java.util.List<Sender.Fragment> fragments = new java.util.ArrayList<>();
        int size = options.fragmentPayload();
        int offset = 0;
        do {
            int length = Math.min(size, payload.length - offset);
            int flags = (offset == 0 ? Frame.FIRST : 0) | (offset + length == payload.length ? Frame.LAST : 0);
            fragments.add(new Sender.Fragment(type, flags, priority.channel(), requestId,
                    java.util.Arrays.copyOfRange(payload, offset, offset + length)));
            offset += length;
        } while (offset < payload.length);
        return fragments;
    }

    private void writeLoop(Handler handler) {
        try {
            while (!closed.get()) {
                Frame frame = nextFrame();
                if (frame == null) {
                    return;
                }
                byte[] wire = FrameCodec.encode(frame);
                out.write(wire);
                out.flush();
                framesSent.incrementAndGet();
                bytesSent.addAndGet(wire.length);
                LOG.debug(">> {}", frame);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("Writing to {} failed: {}", transport.address(), e.getMessage());
                recordCause(e);
            }
            closeQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a frame is due (data, a retransmission or an acknowledgement); null once closed. */
    private Frame nextFrame() throws InterruptedException {
        lock.lock();
        try {
            while (!closed.get()) {
                long now = System.nanoTime();
                Sender.Outgoing outgoing = sender.next(now);
                if (outgoing != null) {
                    changed.signalAll();
                    return stamp(outgoing);
                }
                if (ackDue && receiver.knowsPeer()) {
                    return stamp(null);
                }
                long deadline = sender.nextDeadline();
                if (deadline < 0) {
                    changed.await();
                } else {
                    changed.awaitNanos(Math.max(1, deadline - now));
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** A random epoch other than {@code former}, which the peer may still hold frames of. */
    private static int newEpoch(int former) {
        int epoch;
        do {
            epoch = RANDOM.nextInt(0x10000);
        } while (epoch == former);
        return epoch;
    }

    /** Builds the frame with this side's current acknowledgement in it; a null outgoing gives a bare ack. */
    private Frame stamp(Sender.Outgoing outgoing) {
        ackDue = false;
        int ack = receiver.ack();
        int window = receiver.window();
        long sack = receiver.sack();
        if (outgoing == null) {
            return new Frame(Frame.ACK, 0, 0, sender.epoch(), 0, ack, window, sack, 0, new byte[0]);
        }
        Sender.Fragment fragment = outgoing.fragment();
        int flags = fragment.flags() | (outgoing.reset() ? Frame.RESET : 0);
        return new Frame(fragment.type(), flags, fragment.channel(), sender.epoch(),
                Sequences.wire(outgoing.seq()), ack, window, sack, fragment.requestId(), fragment.payload());
    }

    private void readLoop() {
        try {
            Frame frame;
            while ((frame = reader.next()) != null) {
                LOG.debug("<< {}", frame);
                receive(frame);
            }
            if (!closed.get()) {
                recordCause(new EOFException("the other end closed the link"));
            }
        } catch (IOException e) {
            if (!closed.get()) {
                recordCause(e);
            }
        } finally {
            closeQuietly();
        }
    }

    private void receive(Frame frame) {
        boolean peerReset = false;
        boolean restarted = false;
        lock.lock();
        try {
            if (!frame.isAck()) {
                int knownEpoch = receiver.peerEpoch();
                Receiver.Outcome outcome = receiver.accept(frame);
                if (outcome == Receiver.Outcome.PEER_RESET) {
                    peerReset = true;
                    resetToReport = true;
                    restarted = restartFor(frame);
                }
                if (receiver.peerEpoch() != knownEpoch) {
                    sender.listenTo(receiver.peerEpoch());
                }
                ackDue = true;
            }
            if (!restarted) {
                sender.acknowledge(frame.epoch(), frame.ack(), frame.window(), frame.sack(), System.nanoTime());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (peerReset) {
            LOG.info("The peer on {} started a new session.", transport.address());
        }
    }

    /**
     * Restarts this side's numbering in a new epoch when the peer's new session does not know the current one:
     * its first frame acknowledges nothing this side sent. A peer whose first frame does acknowledge this
     * epoch's frames is tracking it already (it started over only because it had taken a stale frame of this
     * side's for a session start), and restarting then would make it start over in turn, without end.
     *
     * @return whether the numbering restarted, so that the frame's acknowledgement belongs to the former epoch
     */
    private boolean restartFor(Frame frame) {
        if (sender.isTrackedBy(frame.ack())) {
            return false;
        }
        sender.reset(newEpoch(sender.epoch()));
        return true;
    }

    /** Keeps the first reason the link broke, whichever of the reader and the writer met it first. */
    private synchronized void recordCause(IOException cause) {
        if (closeCause == null) {
            closeCause = cause;
        }
    }

    /**
     * Hands over every message in order, those that arrived before the link closed included, and only then
     * reports the close: a listener never hears of a drop before the last message that came ahead of it.
     */
    private void dispatchLoop(Handler handler) {
        try {
            Frame frame;
            while ((frame = nextDelivery(handler)) != null) {
                deliver(handler, frame);
            }
        } finally {
            handler.onClosed(closeCause);
        }
    }

    /**
     * Waits for the next frame in order; null once the link is closed and nothing is left to deliver. A new
     * session of the peer is reported first, here on the dispatcher, so the handler hears of it after every
     * message of the former session it was given and before any of the new one.
     */
    private Frame nextDelivery(Handler handler) {
        while (true) {
            boolean reset;
            Frame frame = null;
            lock.lock();
            try {
                while (!resetToReport && (frame = receiver.take()) == null && !closed.get()) {
                    changed.await();
                }
                reset = resetToReport;
                resetToReport = false;
                if (frame != null) {
                    ackDue = true;
                    changed.signalAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                lock.unlock();
            }
            if (!reset) {
                return frame;
            }
            reassembly.clear();
            handler.onPeerReset();
            if (frame != null) {
                return frame;
            }
        }
    }

    private void deliver(Handler handler, Frame frame) {
        byte[] payload = reassembly.add(frame);
        if (payload == null) {
            return;
        }
        try {
            handler.onMessage(frame.requestId(), MessageCodec.decode(frame.type(), payload));
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            LOG.debug("<< {}", e.getMessage());
        }
    }

    public LinkStats stats() {
        lock.lock();
        try {
            return new LinkStats(framesSent.get(), reader.received(), reader.dropped(),
                    malformed.get() + reassembly.broken(), receiver.outOfOrder(), bytesSent.get(),
                    sender.retransmissions(), sender.smoothedRoundTripNanos());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether this side owes nothing: no message waiting or unacknowledged, no acknowledgement due. Its writer
     * then waits without a timer, so until a frame arrives or a message is sent it writes nothing more.
     */
    boolean isQuiet() {
        lock.lock();
        try {
            return sender.idle() && !(ackDue && receiver.knowsPeer());
        } finally {
            lock.unlock();
        }
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
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                transport.close();
            } catch (IOException e) {
                LOG.debug("Closing the transport to {} failed; it is abandoned.", transport.address(), e);
            }
        }
    }

    /** Puts each priority class's fragments back into whole messages. Used by the dispatcher thread only. */
    private static final class Reassembly {

        private final ByteArrayOutputStream[] partial = new ByteArrayOutputStream[Frame.CHANNELS];
        private long broken;

        /** Adds a fragment; returns the whole payload when it was the last one, else null. */
        synchronized byte[] add(Frame frame) {
            int channel = frame.channel();
            if (frame.has(Frame.FIRST)) {
                if (partial[channel] != null) {
                    broken++;
                }
                partial[channel] = new ByteArrayOutputStream();
            } else if (partial[channel] == null) {
                broken++;
                return null;
            }
            partial[channel].writeBytes(frame.payload());
            if (partial[channel].size() > LinkOptions.MAX_MESSAGE) {
                broken++;
                partial[channel] = null;
                return null;
            }
            if (!frame.has(Frame.LAST)) {
                return null;
            }
            byte[] payload = partial[channel].toByteArray();
            partial[channel] = null;
            return payload;
        }

        synchronized void clear() {
            java.util.Arrays.fill(partial, null);
        }

        synchronized long broken() {
            return broken;
        }
    }
}
