package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.Payload;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sending half of a link: messages waiting by priority, frames in flight, the peer's window and the
 * retransmission timer. Not thread-safe; {@link LinkConnection} calls it under its lock.
 */
final class Sender {

    /** How many later frames the peer must hold before a missing one is resent without waiting for its timer. */
    private static final int FAST_RETRANSMIT_AFTER = 3;

    /** A fragment waiting for a sequence number: a slice of its message, sharing the message's bytes. */
    record Fragment(int type, int flags, int channel, long requestId, Payload payload) {
    }

    /**
     * A message's payload cut into fragments of at most {@code size} bytes, first and last flagged. Each is a slice
     * of the message, not a copy: the bytes are copied once, when the writer puts the frame into its buffer.
     */
    static java.util.List<Fragment> fragments(int type, int channel, long requestId, Payload payload, int size) {
        java.util.List<Fragment> fragments = new java.util.ArrayList<>();
        int offset = 0;
        do {
            int length = Math.min(size, payload.length() - offset);
            int flags = (offset == 0 ? Frame.FIRST : 0) | (offset + length == payload.length() ? Frame.LAST : 0);
            fragments.add(new Fragment(type, flags, channel, requestId, payload.slice(offset, offset + length)));
            offset += length;
        } while (offset < payload.length());
        return fragments;
    }

    /** A random epoch other than {@code former}, which the peer may still hold frames of. */
    static int newEpoch(int former, java.util.Random random) {
        int epoch;
        do {
            epoch = random.nextInt(0x10000);
        } while (epoch == former);
        return epoch;
    }

    /** A frame sent and not yet acknowledged. */
    private static final class InFlight {
        final Fragment fragment;
        long sentAt;
        /** When this frame last went out, counted in transmissions of this sender. */
        long sentOrder;
        long deadline;
        int transmissions;
        boolean selectivelyAcked;
        boolean resendNow;
        /** Sent past a closed window to learn when it opens; the peer most likely dropped it. */
        boolean probe;

        InFlight(Fragment fragment) {
            this.fragment = fragment;
        }
    }

    private final LinkOptions options;
    private final RttEstimator rtt;
    private final ArrayDeque<Fragment>[] queues;
    private final TreeMap<Long, InFlight> inFlight = new TreeMap<>();
    private int epoch;
    /** The peer epoch whose acknowledgements count, or -1 before the peer has been heard from. */
    private int ackedBy = -1;
    private long nextSeq;
    private long base;
    private long peerLimit;
    /** Bytes waiting in each priority class, and in all of them. */
    private final long[] queuedBytesByChannel = new long[Frame.CHANNELS];
    private long queuedBytes;
    private long retransmissions;
    private long probeAt;
    /** Counts every transmission, so that acknowledgements tell what was sent after a frame's last sending. */
    private long transmitted;

    @SuppressWarnings("unchecked")
    Sender(LinkOptions options, int epoch) {
        this.options = options;
        this.rtt = new RttEstimator(options.initialRto(), options.minRto(), options.maxRto());
        this.queues = new ArrayDeque[Frame.CHANNELS];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>();
        }
        reset(epoch);
    }

    /** Forgets everything queued and in flight and starts a new epoch from frame 0. */
    void reset(int newEpoch) {
        epoch = newEpoch;
        nextSeq = 0;
        base = 0;
        peerLimit = options.window() - 1L;
        inFlight.clear();
        for (ArrayDeque<Fragment> queue : queues) {
            queue.clear();
        }
        queuedBytes = 0;
        java.util.Arrays.fill(queuedBytesByChannel, 0);
    }

    int epoch() {
        return epoch;
    }

    /**
     * From now on, only frames of the peer's epoch {@code peerEpoch} acknowledge this side's frames: the peer's
     * data in that epoch has been accepted, so acknowledgements from any other epoch are a former peer's.
     */
    void listenTo(int peerEpoch) {
        ackedBy = peerEpoch;
    }

    /**
     * Whether a peer whose acknowledgement is {@code ack} is numbering this epoch's frames: nothing has been
     * sent yet, so frame 0 will start the epoch anyway, or {@code ack} names a frame sent in it. A peer that has
     * received nothing acknowledges 0xFFFF.
     */
    boolean isTrackedBy(int ack) {
        if (nextSeq == 0) {
            return true;
        }
        long acked = Sequences.nearest(ack, base - 1);
        return ack != 0xFFFF && acked >= base - 1 && acked < nextSeq;
    }

    /**
     * Whether a message of {@code bytes} may join priority class {@code channel}'s queue. Each class has its own
     * allowance, so a backlog of bulk never makes a control message wait for room.
     */
    boolean hasRoomFor(int channel, int bytes) {
        long queued = queuedBytesByChannel[channel];
        return queued == 0 || queued + bytes <= options.queueLimitBytes();
    }

    /** Whether priority class {@code channel} holds at most half its allowance: a sender waiting may try again. */
    boolean isHalfEmpty(int channel) {
        return queuedBytesByChannel[channel] <= options.queueLimitBytes() / 2;
    }

    void enqueue(Fragment fragment) {
        queues[fragment.channel()].add(fragment);
        queuedBytes += fragment.payload().length();
        queuedBytesByChannel[fragment.channel()] += fragment.payload().length();
    }

    /** The next frame due: a retransmission first, then new data the windows allow; null when none. */
    Outgoing next(long now) {
        Outgoing retransmission = nextRetransmission(now);
        return retransmission != null ? retransmission : nextNew(now);
    }

    /** A frame to put on the wire, before the receiver stamps its acknowledgement into it. */
    record Outgoing(long seq, Fragment fragment, boolean reset) {
    }

    private Outgoing nextRetransmission(long now) {
        for (Map.Entry<Long, InFlight> entry : inFlight.entrySet()) {
            InFlight frame = entry.getValue();
            if (!frame.selectivelyAcked && (frame.resendNow || frame.deadline <= now)) {
                if (!frame.resendNow && entry.getKey() == base) {
                    rtt.backOff();
                }
                transmit(frame, now);
                retransmissions++;
                return new Outgoing(entry.getKey(), frame.fragment, entry.getKey() == 0);
            }
        }
        return null;
    }

    private Outgoing nextNew(long now) {
        boolean windowOpen = nextSeq <= peerLimit && nextSeq - base < options.window();
        boolean probe = !windowOpen && inFlight.isEmpty() && now >= probeAt;
        if (!windowOpen && !probe) {
            return null;
        }
        for (ArrayDeque<Fragment> queue : queues) {
            Fragment fragment = queue.poll();
            if (fragment != null) {
                queuedBytes -= fragment.payload().length();
                queuedBytesByChannel[fragment.channel()] -= fragment.payload().length();
                InFlight frame = new InFlight(fragment);
                frame.probe = probe;
                transmit(frame, now);
                long seq = nextSeq++;
                inFlight.put(seq, frame);
                probeAt = now + rtt.timeoutNanos(1);
                return new Outgoing(seq, fragment, seq == 0);
            }
        }
        return null;
    }

    private void transmit(InFlight frame, long now) {
        frame.transmissions++;
        frame.sentOrder = ++transmitted;
        frame.sentAt = now;
        frame.deadline = now + rtt.timeoutNanos(frame.transmissions);
        frame.resendNow = false;
    }

    /**
     * Takes in the acknowledgement of a frame from the peer's epoch {@code fromEpoch}: everything up to
     * {@code ack} arrived, and the frames its {@code sack} bits name; the peer takes frames up to
     * {@code ack + window}. A peer that has sent no data yet is heard all the same, so that a one-way transfer
     * is acknowledged; the first epoch heard from is the one listened to until the peer's data names another.
     *
     * @return whether anything changed that the writer should look at
     */
    boolean acknowledge(int fromEpoch, int ack, int window, long sack, long now) {
        if (ackedBy < 0) {
            ackedBy = fromEpoch;
        }
        if (fromEpoch != ackedBy) {
            return false;
        }
        long acked = Sequences.nearest(ack, base - 1);
        if (acked < base - 1 || acked >= nextSeq) {
            return false;
        }
        for (Iterator<Map.Entry<Long, InFlight>> it = inFlight.headMap(acked, true).entrySet().iterator();
                it.hasNext();) {
            Map.Entry<Long, InFlight> entry = it.next();
            if (entry.getValue().transmissions == 1 && entry.getKey() == acked) {
                rtt.sample(now - entry.getValue().sentAt);
            }
            it.remove();
        }
        base = acked + 1;
        peerLimit = acked + window;
        markSelective(acked, sack);
        resendProbesNowInside();
        return true;
    }

    /**
     * A probe the peer dropped while its window was shut is resent as soon as the window takes it in, rather
     * than when its backed-off timer runs out: the frames sent after it would wait behind the hole meanwhile.
     */
    private void resendProbesNowInside() {
        for (Map.Entry<Long, InFlight> entry : inFlight.headMap(peerLimit, true).entrySet()) {
            InFlight frame = entry.getValue();
            if (frame.probe && !frame.selectivelyAcked) {
                frame.probe = false;
                frame.resendNow = true;
            }
        }
    }

    /**
     * Marks the frames the peer holds beyond {@code acked}, and resends the first missing frame at once when at
     * least three frames sent after its last sending have arrived: it was lost again, even if it had been sent
     * again already, and waiting for its backed-off timer would stall the line for seconds.
     */
    private void markSelective(long acked, long sack) {
        InFlight missing = inFlight.get(acked + 1);
        int heldSinceMissingWasSent = 0;
        for (int bit = 0; bit < 32; bit++) {
            if ((sack & (1L << bit)) != 0) {
                InFlight frame = inFlight.get(acked + 2 + bit);
                if (frame != null) {
                    frame.selectivelyAcked = true;
                    if (missing != null && frame.sentOrder > missing.sentOrder) {
                        heldSinceMissingWasSent++;
                    }
                }
            }
        }
        if (missing != null && !missing.selectivelyAcked && !missing.resendNow
                && heldSinceMissingWasSent >= FAST_RETRANSMIT_AFTER) {
            missing.resendNow = true;
        }
    }

    /**
     * After the link came back over a new transport: every frame in flight that the peer has not said it holds is
     * sent again at once, since whatever was on the old transport is gone, and new data may go as soon as the
     * window allows. What the peer holds already it drops as a duplicate.
     */
    void rewind(long now) {
        for (InFlight frame : inFlight.values()) {
            if (!frame.selectivelyAcked) {
                frame.resendNow = true;
            }
        }
        probeAt = now;
    }

    /** When the writer must look again even if nothing arrives: the earliest timer, or -1 for never. */
    long nextDeadline() {
        long earliest = -1;
        for (InFlight frame : inFlight.values()) {
            if (!frame.selectivelyAcked && (earliest < 0 || frame.deadline < earliest)) {
                earliest = frame.deadline;
            }
        }
        boolean waiting = queuedBytes > 0;
        if (waiting && inFlight.isEmpty() && (earliest < 0 || probeAt < earliest)) {
            earliest = probeAt;
        }
        return earliest;
    }

    boolean idle() {
        return inFlight.isEmpty() && queuedBytes == 0;
    }

    long retransmissions() {
        return retransmissions;
    }

    /** How long a frame sent now waits for its acknowledgement before it is sent again. */
    long retransmissionTimeoutNanos() {
        return rtt.timeoutNanos(1);
    }

    long smoothedRoundTripNanos() {
        return rtt.smoothedNanos();
    }
}
