package io.gridside.link.testing;

import io.gridside.link.auth.Role;
import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Hello;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One end of a link played by hand, speaking frame version 2 in its simplest correct form, so a test can
 * answer, stay silent, send noise or send frames out of order exactly when it wants to.
 *
 * <p>Its frames are numbered from 0 in an epoch of its own, the first with the reset flag. Every frame of the
 * other end that arrives in order is acknowledged at once with a bare acknowledgement, and every frame it
 * sends carries its acknowledgement too; a frame sent again by the other end (its acknowledgement was slow or
 * lost) is acknowledged again and otherwise ignored. It resends its own frames only when told to wait for
 * their acknowledgement ({@link #awaitAcknowledged()}) or when the other end's selective acknowledgement shows
 * a hole, so that a script decides when a loss is repaired. Numbers never wrap in a script, so they are kept
 * as plain ints. Not thread-safe: one script drives it.
 */
public final class FramePeer {

    /** A message as it arrived, with the request it belongs to. */
    public record Received(long requestId, Message message) {
    }

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    /** How long {@link #awaitAcknowledged()} lets an unacknowledged frame wait before sending it again. */
    private static final int RESEND_AFTER_MILLIS = 100;
    private static final int NOTHING = 0xFFFF;
    private static final int WINDOW = 64;

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private final int epoch;
    private final TreeMap<Integer, Frame> unacknowledged = new TreeMap<>();
    private final Set<Integer> resentForHole = new HashSet<>();
    private final ArrayDeque<Received> inbox = new ArrayDeque<>();
    private final ByteArrayOutputStream[] partial = new ByteArrayOutputStream[Frame.CHANNELS];
    private int nextSeq;
    private int peerEpoch = -1;
    private int expected;
    private long framesWritten;
    private long retransmissions;
    private long lastSack;

    public FramePeer(Socket socket) throws IOException {
        this.socket = socket;
        // A script waiting for a frame that never comes fails instead of hanging the build.
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.reader = new FrameReader(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.epoch = ThreadLocalRandom.current().nextInt(0x10000);
    }

    /** Waits for the console's hello and accepts it as the sample gateway does, for a supervisor's session. */
    public Received acceptHello() throws IOException {
        Received hello = receive(Hello.class);
        send(hello.requestId(), SampleMessages.helloReplyTo((Hello) hello.message(), Role.SUPERVISOR));
        return hello;
    }

    /** Reads, acknowledges and ignores whatever comes until the other end closes the link. */
    public void awaitClose() throws IOException {
        try {
            Frame frame;
            while ((frame = reader.next()) != null) {
                take(frame);
            }
        } catch (SocketException e) {
            // A reset is the other end going away as well.
        }
    }

    /** The next whole message, in order. */
    public Received receive() throws IOException {
        while (inbox.isEmpty()) {
            Frame frame = reader.next();
            if (frame == null) {
                throw new EOFException("The other end closed the link while a frame was awaited.");
            }
            take(frame);
        }
        return inbox.poll();
    }

    /** The next whole message, which must be of {@code type}. */
    public Received receive(Class<? extends Message> type) throws IOException {
        Received received = receive();
        if (!type.isInstance(received.message())) {
            throw new AssertionError("Expected a " + type.getSimpleName() + " but received " + received.message());
        }
        return received;
    }

    /**
     * Waits until the other end has acknowledged every frame sent so far, sending again whatever stays
     * unacknowledged for a while: a real sender's retransmission timer. Messages that arrive meanwhile are kept
     * for {@link #receive()}.
     */
    public void awaitAcknowledged() throws IOException {
        long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000L;
        socket.setSoTimeout(RESEND_AFTER_MILLIS);
        try {
            while (!unacknowledged.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("Frames " + unacknowledged.keySet() + " were never acknowledged.");
                }
                try {
                    Frame frame = reader.next();
                    if (frame == null) {
                        throw new EOFException("The other end closed the link before acknowledging everything.");
                    }
                    take(frame);
                } catch (SocketTimeoutException silence) {
                    for (Frame frame : unacknowledged.values()) {
                        retransmit(frame);
                    }
                }
            }
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    /** Sends a message as the next frame, in its catalogue priority class. */
    public void send(long requestId, Message message) throws IOException {
        sendAs(nextSeq, requestId, message);
    }

    /**
     * Sends a message as frame {@code seq}, which may be ahead of the next one (leaving a hole that a later
     * {@code sendAs} fills) or behind it (a duplicate). Later frames count on from the highest sent.
     */
    public void sendAs(int seq, long requestId, Message message) throws IOException {
        byte[] payload = MessageCodec.encode(message);
        int channel = MessageCatalogue.priorityOf(message).channel();
        transmit(seq, MessageCatalogue.codeOf(message), channel, requestId, payload);
    }

    /** Sends an intact frame of any type, as the next in sequence: for codes or payloads this build refuses. */
    public void sendFrame(int type, long requestId, byte[] payload) throws IOException {
        transmit(nextSeq, type, 0, requestId, payload);
    }

    private void transmit(int seq, int type, int channel, long requestId, byte[] payload) throws IOException {
        int flags = Frame.FIRST | Frame.LAST | (seq == 0 ? Frame.RESET : 0);
        Frame frame = new Frame(type, flags, channel, epoch, seq, 0, 0, 0, requestId, payload);
        nextSeq = Math.max(nextSeq, seq + 1);
        unacknowledged.put(seq, frame);
        writeFrame(frame);
    }

    private void retransmit(Frame frame) throws IOException {
        retransmissions++;
        writeFrame(frame);
    }

    /** Writes a frame with this end's acknowledgement stamped into it. */
    private void writeFrame(Frame frame) throws IOException {
        Frame stamped = new Frame(frame.type(), frame.flags(), frame.channel(), epoch, frame.seq(), ack(), WINDOW,
                0, frame.requestId(), frame.payload());
        write(FrameCodec.encode(stamped));
        framesWritten++;
    }

    private void acknowledge() throws IOException {
        writeFrame(new Frame(Frame.ACK, 0, 0, epoch, 0, 0, 0, 0, 0, new byte[0]));
    }

    private int ack() {
        return (expected - 1) & 0xFFFF;
    }

    /** Takes in one frame of the other end: its acknowledgement, then its fragment if it is the next in order. */
    private void take(Frame frame) throws IOException {
        acknowledged(frame.ack(), frame.sack());
        if (frame.isAck()) {
            return;
        }
        if (frame.epoch() != peerEpoch) {
            if (!frame.has(Frame.RESET) || frame.seq() != 0) {
                return;
            }
            peerEpoch = frame.epoch();
            expected = 0;
            java.util.Arrays.fill(partial, null);
        }
        if (frame.seq() < expected) {
            acknowledge();
            return;
        }
        if (frame.seq() > expected) {
            throw new AssertionError("Frame " + frame.seq() + " arrived where " + expected + " belongs.");
        }
        expected++;
        acknowledge();
        reassemble(frame);
    }

    private void reassemble(Frame frame) {
        int channel = frame.channel();
        if (frame.has(Frame.FIRST)) {
            partial[channel] = new ByteArrayOutputStream();
        }
        partial[channel].writeBytes(frame.payload());
        if (frame.has(Frame.LAST)) {
            byte[] payload = partial[channel].toByteArray();
            partial[channel] = null;
            inbox.add(new Received(frame.requestId(), MessageCodec.decode(frame.type(), payload)));
        }
    }

    /** Forgets what the other end acknowledged, and resends once each frame its selective ack shows missing. */
    private void acknowledged(int ack, long sack) throws IOException {
        int acked = ack == NOTHING ? -1 : ack;
        unacknowledged.headMap(acked, true).clear();
        resentForHole.removeIf(seq -> seq <= acked);
        lastSack = sack;
        if (sack == 0) {
            return;
        }
        int highestHeld = acked + 1 + (Long.SIZE - Long.numberOfLeadingZeros(sack));
        for (int seq = acked + 1; seq < highestHeld; seq++) {
            boolean held = seq > acked + 1 && (sack & (1L << (seq - acked - 2))) != 0;
            Frame missing = unacknowledged.get(seq);
            if (!held && missing != null && resentForHole.add(seq)) {
                retransmit(missing);
            }
        }
    }

    /** Writes raw bytes: noise, a broken frame, or something that is not the link protocol at all. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The seq the next frame will carry. */
    public int nextSeq() {
        return nextSeq;
    }

    /** Frames this end dropped for breaking a framing rule. */
    public long dropped() {
        return reader.dropped();
    }

    /** Intact frames this end wrote, acknowledgements and retransmissions included. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Frames this end sent again because the other end had not acknowledged them. */
    public long retransmissions() {
        return retransmissions;
    }

    /** The selective-acknowledgement bits of the last frame that arrived. */
    public long lastSack() {
        return lastSack;
    }
}
