package io.gridside.sim.wire;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One direction of a wire: its schedule, its faults and the bytes on their way, each with the instant it
 * reaches the receiver. It only computes; {@link WireEmulator} holds the lock, waits and signals around it.
 */
final class Line {

    /** Bytes on their way or waiting to be read, beyond which a sender waits for its reader to catch up. */
    static final int BACKLOG_LIMIT = 1 << 20;

    /** Surviving bytes that left back to back: the i-th reaches the receiver when its schedule says. */
    private static final class Segment {

        private final byte[] data;
        private final long periodStart;
        private final long firstIndex;
        private int position;

        private Segment(byte[] data, long periodStart, long firstIndex) {
            this.data = data;
            this.periodStart = periodStart;
            this.firstIndex = firstIndex;
        }

        private int remaining() {
            return data.length - position;
        }
    }

    private final LineProfile profile;
    private final LineSchedule schedule;
    private final LineFaults faults;
    private final long latency;
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long bytesSent;
    private long bytesDelivered;
    private boolean senderClosed;
    private boolean receiverClosed;

    Line(LineProfile profile, SplittableRandom seeds) {
        this.profile = profile;
        this.schedule = new LineSchedule(profile.bitsPerSecond(), profile.bitsPerByte());
        this.faults = new LineFaults(profile, seeds);
        this.latency = profile.latency().toNanos();
    }

    LineProfile profile() {
        return profile;
    }

    /**
     * How many bytes a sender may hand over at {@code now}: what its transmit buffer and the reader's backlog
     * both have room for.
     */
    int room(long now) {
        long buffer = profile.bufferBytes() - schedule.unsentAt(now);
        return (int) Math.max(0, Math.min(buffer, BACKLOG_LIMIT - queuedBytes));
    }

    /**
     * When a sender will find room for {@code count} bytes, if its reader keeps up; NEVER while the reader's
     * backlog is what is full, since only a read makes room there.
     */
    long roomAt(int count) {
        if (queuedBytes + count > BACKLOG_LIMIT) {
            return WireClock.NEVER;
        }
        return schedule.whenUnsentAtMost(profile.bufferBytes() - count);
    }

    /**
     * Puts bytes on the line at {@code now}; they suffer the line's faults on the way.
     *
     * @return when the wire is cut because its byte count has run out this way, or NEVER
     */
    long send(byte[] source, int offset, int count, long now) {
        LineSchedule.Position first = schedule.place(now, count);
        long before = bytesSent;
        bytesSent += count;
        long keep = Math.max(0, Math.min(count, profile.cutAfterBytes() - before));
        byte[] block = Arrays.copyOfRange(source, offset, offset + (int) keep);
        faults.pass(block, (from, to) -> {
            queue.add(new Segment(Arrays.copyOfRange(block, from, to), first.periodStart(), first.index() + from));
            queuedBytes += to - from;
        });
        if (before < profile.cutAfterBytes() && bytesSent >= profile.cutAfterBytes()) {
            return arrivalOf(first.periodStart(), first.index() + keep - 1);
        }
        return WireClock.NEVER;
    }

    private long arrivalOf(long periodStart, long index) {
        return schedule.sentAt(periodStart, index) + latency;
    }

    boolean hasQueued() {
        return queuedBytes > 0;
    }

    /**
     * The instant a reader of up to {@code max} bytes waits for: the arrival of the last of them, but no more
     * than {@code quantum} after the first arrives.
     */
    long readTarget(int max, long quantum) {
        Segment head = queue.peekFirst();
        long firstAt = arrivalOf(head.periodStart, head.firstIndex + head.position);
        long wanted = Math.min(max, queuedBytes);
        long lastAt = firstAt;
        for (Segment segment : queue) {
            if (wanted <= segment.remaining()) {
                lastAt = arrivalOf(segment.periodStart, segment.firstIndex + segment.position + wanted - 1);
                break;
            }
            wanted -= segment.remaining();
        }
        return Math.min(lastAt, saturatedSum(firstAt, quantum));
    }

    private static long saturatedSum(long instant, long span) {
        try {
            return Math.addExact(instant, span);
        } catch (ArithmeticException e) {
            return WireClock.NEVER;
        }
    }

    /** Moves the bytes that have arrived by {@code at} into {@code target}, at most {@code max}; returns how many. */
    int take(byte[] target, int offset, int max, long at) {
        int taken = 0;
        while (taken < max && !queue.isEmpty()) {
            Segment head = queue.peekFirst();
            long arrived = schedule.sentBy(head.periodStart, at - latency) - (head.firstIndex - 1) - head.position;
            int n = (int) Math.max(0, Math.min(Math.min(arrived, head.remaining()), max - taken));
            if (n == 0) {
                break;
            }
            System.arraycopy(head.data, head.position, target, offset + taken, n);
            head.position += n;
            taken += n;
            if (head.remaining() == 0) {
                queue.removeFirst();
            }
        }
        queuedBytes -= taken;
        bytesDelivered += taken;
        return taken;
    }

    /** The sender's end closed: the receiver gets what is on its way, then the end of the stream. */
    void closeSender() {
        senderClosed = true;
    }

    boolean senderClosed() {
        return senderClosed;
    }

    /** The receiver's end closed: nothing more will be read, so the sender's writes fail. */
    void closeReceiver() {
        receiverClosed = true;
        queue.clear();
        queuedBytes = 0;
    }

    boolean receiverClosed() {
        return receiverClosed;
    }

    WireStats stats() {
        return new WireStats(bytesSent, bytesDelivered, faults.bytesCorrupted(), faults.framesLost(),
                faults.bytesLost());
    }
}
