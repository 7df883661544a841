package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Priority;
import io.gridside.link.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
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
 * hands complete messages to the {@link LinkHandler}.
 *
 * <p>A link made {@linkplain #setResumable resumable} outlives its transport. When the transport breaks, the
 * link is <em>suspended</em>: the reader and writer stop, but what is queued, in flight and received stays, and
 * sending goes on queueing. The console then {@linkplain #resumeOver resumes} it over a new transport (a new
 * socket, or the serial device the gateway came back on), and the gateway {@linkplain #takeOver takes} that
 * transport over for the same link; each side sends again at once what the other has not acknowledged, so
 * every message still arrives once, whole and in order.
 */
public final class LinkConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a close waits for its farewell to reach the wire. */
    private static final long FAREWELL_WAIT_NANOS = 300_000_000L;

    private final LinkOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when anything changes that a sender, the dispatcher or a resume waits for. */
    private final Condition changed = lock.newCondition();
    /** Signalled when the writer may have a frame to send; the writer alone waits for it. */
    private final Condition writable = lock.newCondition();
    /** How many callers of {@link #send} wait for room in their priority class. Guarded by {@link #lock}. */
    private int waitingForRoom;
    private final Sender sender;
    private final Receiver receiver;
    private final Reassembly reassembly = new Reassembly();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private boolean ackDue;
    /** The window this side last told the peer. Guarded by {@link #lock}. */
    private int advertisedWindow;
    /** The peer started a new session and the dispatcher has not yet said so to the handler. */
    private boolean resetToReport;
    /** Why the link ended, when the other end or the transport ended it; null for a close from this side. */
    private volatile IOException closeCause;
    /** The transport frames flow over, or null while suspended. Guarded by {@link #lock}. */
    private Binding binding;
    /** The transport bound last, for names in messages; never null. */
    private volatile Transport lastTransport;
    private LinkPhase state = LinkPhase.OPEN;
    private volatile boolean resumable;
    private LinkHandler handler;
    private String threadName;
    /** Counters of the readers of transports the link no longer runs over. */
    private final Binding.Totals former = new Binding.Totals();
    private final AtomicLong suspensions = new AtomicLong();
    /** A console's resume in progress: the session id it names, when to send it (again), and the answer. */
    private byte[] resumeId;
    private long resumeDueAt;
    private Boolean resumeAnswer;
    private final Farewell farewell = new Farewell();
    private volatile int foreignVersion = -1;
    /** The peer said farewell: the link closes once the frame's acknowledgement is taken in. */
    private boolean peerEnded;
    /** A gateway's answer to a resume that is due on the wire: {@link Frame#RESUMED} or a refusal; 0 for none. */
    private int controlReplyDue;

    public LinkConnection(Transport transport) throws IOException {
        this(transport, LinkOptions.forTransport(transport.kind()));
    }

    public LinkConnection(Transport transport, LinkOptions options) throws IOException {
        this(transport, new FrameReader(transport.input()), null, options);
    }

    /**
     * A link over a transport whose first frame was read already, by a gateway that looked at it to tell a new
     * session from a resumed one; the link handles {@code first} before anything else it reads from {@code reader}.
     */
    public LinkConnection(Transport transport, FrameReader reader, Frame first, LinkOptions options)
            throws IOException {
        this.options = options;
        this.binding = new Binding(transport, reader, first);
        reader.onForeignVersion(version -> foreignVersion = version);
        this.lastTransport = transport;
        this.sender = new Sender(options, RANDOM.nextInt(0x10000));
        this.receiver = new Receiver(options.window());
    }

    /** The transport the link runs over, or last ran over while it is suspended. */
    public Transport transport() {
        return lastTransport;
    }

    /**
     * Starts the link's threads; call once. A lone delimiter goes out first, so that a peer holding half a
     * frame from an earlier session (a serial line does not know when its other end changed) drops it at once.
     */
    public void start(LinkHandler handler, String threadName) throws IOException {
        Binding first;
        lock.lock();
        try {
            this.handler = handler;
            this.threadName = threadName;
            first = binding;
        } finally {
            lock.unlock();
        }
        Binding.startThread(() -> dispatchLoop(handler), threadName + "-dispatcher");
        startBinding(first);
    }

    private void startBinding(Binding bound) throws IOException {
        bound.writeDelimiter();
        Binding.startThread(() -> writeLoop(bound), threadName + "-writer");
        Binding.startThread(() -> readLoop(bound), threadName);
    }

    /**
     * From now on a broken transport suspends the link instead of closing it; see the class comment. Each side
     * makes its link resumable once the session is established (the gateway has accepted the hello).
     */
    public void setResumable(boolean resumable) {
        this.resumable = resumable;
    }

    /** Whether the link is suspended: its transport broke and it waits to be resumed or closed. */
    public boolean isSuspended() {
        lock.lock();
        try {
            return !closed.get() && state != LinkPhase.OPEN;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the link has been suspended; a timer that closes a suspended link checks it is the same. */
    public long suspensions() {
        return suspensions.get();
    }

    /**
     * The console's side of resuming: binds {@code transport}, sends a {@link Frame#RESUME} naming
     * {@code sessionId} (again after each retransmission timeout, since a serial line may garble it), and waits
     * for the gateway's answer. Nothing else goes out until the gateway has answered.
     *
     * @return true when the gateway carries on the session, which then flows over {@code transport}; false when
     *     it holds no such session, and {@code transport} is closed
     * @throws IOException when the transport broke or nothing answered within {@code timeout}; the link stays
     *     suspended and {@code transport} is closed
     * @throws IllegalStateException when the link is not suspended
     */
    public boolean resumeOver(Transport transport, byte[] sessionId, java.time.Duration timeout) throws IOException {
        Binding bound = new Binding(transport, new FrameReader(transport.input()), null);
        lock.lock();
        try {
            if (closed.get() || state != LinkPhase.SUSPENDED) {
                throw new IllegalStateException("Only a suspended link is resumed.");
            }
            bind(bound);
            state = LinkPhase.RESUMING;
            resumeId = sessionId.clone();
            resumeDueAt = System.nanoTime();
            resumeAnswer = null;
        } finally {
            lock.unlock();
        }
        startBinding(bound);
        return awaitResumeAnswer(bound, timeout);
    }

    private boolean awaitResumeAnswer(Binding bound, java.time.Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (resumeAnswer == null && binding == bound && !closed.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            if (Boolean.TRUE.equals(resumeAnswer) && binding == bound) {
                return true;
            }
            boolean refused = Boolean.FALSE.equals(resumeAnswer);
            if (binding == bound) {
                unbind(bound);
                state = LinkPhase.SUSPENDED;
            }
            if (closed.get()) {
                throw new IOException("The link to " + transport().address() + " was closed while it resumed.");
            }
            if (!refused) {
                throw new IOException("Nothing answered the resume at " + bound.transport.address() + ".");
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (binding == bound) {
                unbind(bound);
                state = LinkPhase.SUSPENDED;
            }
            throw new InterruptedIOException("Interrupted while resuming the link.");
        } finally {
            resumeAnswer = null;
            lock.unlock();
            if (binding != bound) {
                Binding.closeTransport(bound.transport);
            }
        }
    }

    /**
     * The gateway's side of resuming: the link carries on over {@code transport}, whose {@link Frame#RESUME} it
     * has read already and judged to name this link's session. A transport the link still runs over is closed
     * (the gateway may not have noticed that the console's old socket died). The gateway answers
     * {@link Frame#RESUMED} first, then sends again at once whatever the console has not acknowledged.
     *
     * @return false when the link was closed meanwhile
     */
    public boolean takeOver(Transport transport, FrameReader reader, Frame resume) throws IOException {
        Binding bound = new Binding(transport, reader, null);
        Binding former;
        lock.lock();
        try {
            if (closed.get()) {
                return false;
            }
            former = binding;
            bind(bound);
            state = LinkPhase.OPEN;
            long now = System.nanoTime();
            sender.rewind(now);
            sender.acknowledge(resume.epoch(), resume.ack(), resume.window(), resume.sack(), now);
            controlReplyDue = Frame.RESUMED;
            ackDue = true;
            signalAll();
        } finally {
            lock.unlock();
        }
        if (former != null) {
            Binding.closeTransport(former.transport);
        }
        LOG.info("The link resumed over {} {}.", transport.kind(), transport.address());
        startBinding(bound);
        return true;
    }

    /** Breaks the transport the link runs over, as a pulled cable does; a resumable link is then suspended. */
    public void dropTransport() {
        Transport current = boundTransport();
        if (current != null) {
            Binding.closeTransport(current);
        }
    }

    /** The transport frames flow over now, or null while suspended. */
    private Transport boundTransport() {
        lock.lock();
        try {
            signalAll();
            return binding == null ? null : binding.transport;
        } finally {
            lock.unlock();
        }
    }

    /** The frame version of the peer when it speaks another than this build: the last such intact frame; or -1. */
    public int foreignVersion() {
        return foreignVersion;
    }

    /** Makes {@code bound} the link's transport; called under the lock. */
    private void bind(Binding bound) {
        bound.reader.onForeignVersion(version -> foreignVersion = version);
        binding = bound;
        lastTransport = bound.transport;
        signalAll();
    }

    /** Lets go of {@code bound}, keeping its reader's counts; called under the lock. */
    private void unbind(Binding bound) {
        former.add(bound.reader);
        if (binding == bound) {
            binding = null;
        }
        signalAll();
    }

    /**
     * The transport under {@code bound} broke or ended. A resumable link is suspended; any other is closed. A
     * transport the link no longer runs over is of no account.
     */
    private void lost(Binding bound, IOException cause) {
        boolean suspended = false;
        boolean keep = resumable;
        boolean saidFarewell;
        lock.lock();
        try {
            if (closed.get() || binding != bound) {
                return;
            }
            // After this side said farewell, the peer closing its end is the answer, not a break.
            saidFarewell = farewell.said();
            keep &= !saidFarewell;
            if (keep) {
                unbind(bound);
                if (state == LinkPhase.OPEN) {
                    suspended = true;
                    suspensions.incrementAndGet();
                }
                state = LinkPhase.SUSPENDED;
            }
        } finally {
            lock.unlock();
        }
        if (!keep) {
            if (!saidFarewell) {
                recordCause(cause);
            }
            closeQuietly();
            return;
        }
        Binding.closeTransport(bound.transport);
        if (suspended) {
            LOG.info("The link over {} broke and waits to be resumed: {}", bound.transport.address(),
                    cause.getMessage());
            handler.onSuspended(cause);
        }
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
        var payload = io.gridside.link.frame.Payload.of(MessageCodec.encodeInPieces(message));
        if (payload.length() > LinkOptions.MAX_MESSAGE) {
            throw new IllegalArgumentException("A " + message.getClass().getSimpleName() + " of " + payload.length()
                    + " bytes is larger than a link carries (" + LinkOptions.MAX_MESSAGE + ").");
        }
        int type = MessageCatalogue.codeOf(message);
        lock.lock();
        try {
            while (!closed.get() && !sender.hasRoomFor(priority.channel(), payload.length())) {
                waitingForRoom++;
                changed.await();
                waitingForRoom--;
            }
            if (closed.get()) {
                throw new IOException("The link to " + transport().address() + " is closed.");
            }
            int size = options.fragmentPayload();
            for (Sender.Fragment fragment : Sender.fragments(type, priority.channel(), requestId, payload, size)) {
                sender.enqueue(fragment);
            }
            writable.signalAll();
        } catch (InterruptedException e) {
            waitingForRoom--;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to send on the link.");
        } finally {
            lock.unlock();
        }
        LOG.debug(">> queued {} for request {} ({} bytes)", message.getClass().getSimpleName(), requestId,
                payload.length());
    }

    /** Writes frames as they fall due; on a stream, those due at once go out together in one write. */
    private void writeLoop(Binding bound) {
        try {
            for (Frame frame = nextFrame(bound, true); frame != null; frame = nextFrame(bound, true)) {
                for (; frame != null; frame = bound.hasRoom() ? nextFrame(bound, false) : null) {
                    bytesSent.addAndGet(bound.add(frame));
                    framesSent.incrementAndGet();
                    LOG.debug(">> {}", frame);
                    if (frame.type() == Frame.CLOSE) {
                        bound.writeBatch();
                        farewell.written();
                        return;
                    }
                }
                bound.writeBatch();
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("Writing to {} failed: {}", bound.transport.address(), e.getMessage());
            }
            lost(bound, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits, when {@code wait}, until a frame is due (data, a retransmission, an acknowledgement or a resume
     * frame); null once the link is closed or no longer runs over {@code bound}, or when none is due and not
     * {@code wait}.
     */
    private Frame nextFrame(Binding bound, boolean wait) throws InterruptedException {
        lock.lock();
        try {
            while (!closed.get() && binding == bound) {
                long now = System.nanoTime();
                if (controlReplyDue != 0) {
                    int type = controlReplyDue;
                    controlReplyDue = 0;
                    return control(type, new byte[0]);
                }
                if (state == LinkPhase.OPEN && farewell.take()) {
                    return control(Frame.CLOSE, new byte[0]);
                }
                if (state == LinkPhase.RESUMING) {
                    if (now - resumeDueAt >= 0) {
                        resumeDueAt = now + sender.retransmissionTimeoutNanos();
                        return control(Frame.RESUME, resumeId);
                    }
                    if (!wait) {
                        return null;
                    }
                    writable.awaitNanos(resumeDueAt - now);
                    continue;
                }
                int framing = bound.framingDue();
                if (framing != 0) {
                    return control(Frame.FRAMING, new byte[] {(byte) framing});
                }
                Sender.Outgoing outgoing = sender.next(now);
                if (outgoing != null) {
                    wakeSenders(outgoing);
                    return stamp(outgoing);
                }
                if (ackDue && receiver.knowsPeer()) {
                    return stamp(null);
                }
                long deadline = sender.nextDeadline();
                if (!wait) {
                    return null;
                }
                if (deadline < 0) {
                    writable.await();
                } else {
                    writable.awaitNanos(Math.max(1, deadline - now));
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every thread waiting on the link; under the lock. */
    private void signalAll() {
        changed.signalAll();
        writable.signalAll();
    }

    /** Wakes the callers of {@link #send} that wait for room once the frame taken leaves its class half empty. */
    private void wakeSenders(Sender.Outgoing outgoing) {
        if (waitingForRoom > 0 && sender.isHalfEmpty(outgoing.fragment().channel())) {
            changed.signalAll();
        }
    }

    /** A link control frame of {@code type}, with this side's current acknowledgement in it. */
    private Frame control(int type, byte[] payload) {
        ackDue = false;
        advertisedWindow = receiver.window();
        return new Frame(type, 0, 0, sender.epoch(), 0, receiver.ack(), advertisedWindow, receiver.sack(), 0,
                payload);
    }

    /** Builds the frame with this side's current acknowledgement in it; a null outgoing gives a bare ack. */
    private Frame stamp(Sender.Outgoing outgoing) {
        ackDue = false;
        int ack = receiver.ack();
        int window = receiver.window();
        advertisedWindow = window;
        long sack = receiver.sack();
        if (outgoing == null) {
            return new Frame(Frame.ACK, 0, 0, sender.epoch(), 0, ack, window, sack, 0, new byte[0]);
        }
        Sender.Fragment fragment = outgoing.fragment();
        int flags = fragment.flags() | (outgoing.reset() ? Frame.RESET : 0);
        return new Frame(fragment.type(), flags, fragment.channel(), sender.epoch(),
                Sequences.wire(outgoing.seq()), ack, window, sack, fragment.requestId(), fragment.payload());
    }

    private void readLoop(Binding bound) {
        IOException cause;
        try {
            if (bound.first != null) {
                receive(bound, bound.first, true);
            }
            Frame frame;
            while ((frame = bound.reader.next()) != null) {
                LOG.debug("<< {}", frame);
                receive(bound, frame, !bound.reader.hasFrameBuffered());
            }
            cause = new EOFException("the other end closed the link");
        } catch (IOException e) {
            cause = e;
        }
        lost(bound, cause);
    }

    /** Takes in one frame; wakes the writer and the dispatcher when {@code wake}, once for a read's frames. */
    private void receive(Binding bound, Frame frame, boolean wake) {
        boolean ended = false;
        boolean peerReset = false;
        boolean restarted = false;
        lock.lock();
        try {
            if (binding != bound) {
                return;
            }
            bound.heard(frame);
            if (frame.type() >= Frame.RESUME) {
                ended = receiveControlFrame(frame);
            } else if (!frame.isAck()) {
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
            if (wake) {
                signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (peerReset) {
            LOG.info("The peer on {} started a new session.", bound.transport.address());
        }
        if (ended) {
            LOG.info("The peer on {} ended the session.", bound.transport.address());
            if (handler.onPeerEnded()) {
                recordCause(new EOFException("the other end ended the session"));
                closeQuietly();
            } else {
                resumable = false;
            }
        }
    }

    /**
     * A resume frame on the bound transport. A gateway that meets a resume on a transport it still runs over
     * answers it in place: the console lost sight of the link (a serial device it closed and opened again), not
     * the gateway. Link control types this build does not know are dropped.
     */
    private boolean receiveControlFrame(Frame frame) {
        long now = System.nanoTime();
        switch (frame.type()) {
            case Frame.RESUME -> {
                if (handler != null && handler.isOwnSession(frame.payload())) {
                    sender.rewind(now);
                    controlReplyDue = Frame.RESUMED;
                } else {
                    controlReplyDue = Frame.RESUME_REFUSED;
                }
            }
            case Frame.RESUMED -> {
                if (state == LinkPhase.RESUMING) {
                    state = LinkPhase.OPEN;
                    resumeAnswer = Boolean.TRUE;
                    sender.rewind(now);
                    ackDue = true;
                }
            }
            case Frame.CLOSE -> {
                // Only the peer's own session may end it: a stray or stale farewell is dropped.
                if (!receiver.knowsPeer() || frame.epoch() != receiver.peerEpoch()) {
                    return false;
                }
                peerEnded = true;
                sender.acknowledge(frame.epoch(), frame.ack(), frame.window(), frame.sack(), now);
                return true;
            }
            case Frame.RESUME_REFUSED -> {
                if (state == LinkPhase.RESUMING) {
                    resumeAnswer = Boolean.FALSE;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
        sender.acknowledge(frame.epoch(), frame.ack(), frame.window(), frame.sack(), now);
        return false;
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
        sender.reset(Sender.newEpoch(sender.epoch(), RANDOM));
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
    private void dispatchLoop(LinkHandler handler) {
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
    private Frame nextDelivery(LinkHandler handler) {
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
                if (frame != null && advertisedWindow <= options.window() / 2) {
                    // The peer may wait for room; a wide window needs no word, as what it lets come is acknowledged.
                    ackDue = true;
                    writable.signalAll();
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

    private void deliver(LinkHandler handler, Frame frame) {
        byte[] payload = reassembly.add(frame);
        if (payload == null) {
            return;
        }
        try {
            handler.onMessage(frame.requestId(), MessageCodec.decodeTakingOver(frame.type(), payload));
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            LOG.debug("<< {}", e.getMessage());
        }
    }

    public LinkStats stats() {
        lock.lock();
        try {
            FrameReader reader = binding == null ? null : binding.reader;
            long received = former.received + (reader == null ? 0 : reader.received());
            long dropped = former.dropped + (reader == null ? 0 : reader.dropped());
            return new LinkStats(framesSent.get(), received, dropped,
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
    public boolean isQuiet() {
        lock.lock();
        try {
            return sender.idle() && !(ackDue && receiver.knowsPeer());
        } finally {
            lock.unlock();
        }
    }

    /** Bytes that arrived from the peer, whether they made frames or not, over every transport of the link. */
    public long bytesReceived() {
        lock.lock();
        try {
            return former.bytes + (binding == null ? 0 : binding.reader.bytesRead());
        } finally {
            lock.unlock();
        }
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /**
     * Ends the link on purpose. When frames flow, a {@link Frame#CLOSE} goes out first (waiting at most a moment
     * for it), so the peer ends the session at once instead of keeping it for a resume that will not come.
     */
    @Override
    public void close() {
        sayFarewell();
        closeQuietly();
    }

    /** Ends the link at once, without a farewell, as a crash or a pulled plug would. */
    public void abort() {
        closeQuietly();
    }

    private void sayFarewell() {
        lock.lock();
        try {
            if (closed.get() || binding == null || state != LinkPhase.OPEN || peerEnded) {
                return;
            }
            farewell.ask();
            signalAll();
        } finally {
            lock.unlock();
        }
        farewell.awaitWritten(FAREWELL_WAIT_NANOS);
    }

    private void closeQuietly() {
        if (closed.compareAndSet(false, true)) {
            Transport current = boundTransport();
            if (current != null) {
                Binding.closeTransport(current);
            }
        }
    }
}
