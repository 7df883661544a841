package io.gridside.sim.wire;

import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wire between a console and a gateway that imposes a {@link WireProfile} on the bytes crossing it: a line
 * rate, latency, corruption, lost frames and cuts, each direction on its own. Each end is a {@link Transport},
 * so a {@code GatewayClient} and a {@code GatewaySession} use it as they would a serial port or a socket.
 *
 * <p>No thread of its own carries the bytes: a writer places them on the line's schedule at once (waiting while
 * its transmit buffer is full) and a reader waits until they arrive. Both wait on the {@link WireClock}, which is
 * the real one or a virtual one; the pacing is the same code on either.
 *
 * <p>A cut ends both ends at once: from then on reads and writes fail with an {@link EOFException}, and bytes
 * still on their way are lost. Closing one end is like closing a socket: the other end reads what is already on
 * its way, then the end of the stream, and its writes fail.
 */
public final class WireEmulator implements AutoCloseable {

    private static final AtomicInteger WIRES = new AtomicInteger();

    private final WireClock clock;
    private final WireProfile profile;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Line toGateway;
    private final Line toConsole;
    private final End consoleEnd;
    private final End gatewayEnd;
    private long cutAt;

    private WireEmulator(WireProfile profile, WireClock clock, TransportKind kind) {
        this.clock = clock;
        this.profile = profile;
        SplittableRandom seeds = new SplittableRandom(profile.seed());
        this.toGateway = new Line(profile.toGateway(), seeds.split());
        this.toConsole = new Line(profile.toConsole(), seeds.split());
        String name = "wire-" + WIRES.incrementAndGet();
        this.consoleEnd = new End(name + "/console", kind, toConsole, toGateway);
        this.gatewayEnd = new End(name + "/gateway", kind, toGateway, toConsole);
        this.cutAt = profile.cutAfter() == null ? WireClock.NEVER : clock.now() + profile.cutAfter().toNanos();
    }

    /** Opens a wire that stands for a serial line. */
    public static WireEmulator open(WireProfile profile, WireClock clock) {
        return open(profile, clock, TransportKind.SERIAL);
    }

    /**
     * Opens a wire whose ends report {@code kind}: SERIAL for a UART, TCP when it stands for a network path.
     */
    public static WireEmulator open(WireProfile profile, WireClock clock, TransportKind kind) {
        return new WireEmulator(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(kind, "kind"));
    }

    /** The end a console opens its session on. */
    public Transport consoleEnd() {
        return consoleEnd;
    }

    /** The end a gateway serves. */
    public Transport gatewayEnd() {
        return gatewayEnd;
    }

    public WireProfile profile() {
        return profile;
    }

    public WireClock clock() {
        return clock;
    }

    /** What the wire has done to the bytes going {@code direction}. */
    public WireStats stats(Direction direction) {
        lock.lock();
        try {
            return (direction == Direction.TO_GATEWAY ? toGateway : toConsole).stats();
        } finally {
            lock.unlock();
        }
    }

    /** Cuts the wire now, as a pulled cable: both ends fail from here on. */
    public void cut() {
        lock.lock();
        try {
            cutAt = Math.min(cutAt, clock.now());
            clock.signalAll(changed);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the wire has been cut by now. */
    public boolean isCut() {
        lock.lock();
        try {
            return clock.now() >= cutAt;
        } finally {
            lock.unlock();
        }
    }

    /** Closes both ends. */
    @Override
    public void close() {
        consoleEnd.close();
        gatewayEnd.close();
    }

    private int read(End end, byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            Line line = end.inbound;
            long due = WireClock.NEVER;
            while (true) {
                end.checkOpen();
                long now = clock.now();
                if (line.hasQueued()) {
                    // Fixed when the wait begins, so that bytes which keep coming never postpone it.
                    due = due == WireClock.NEVER ? line.readTarget(length, clock.pacingQuantum()) : due;
                    int n = now >= due || now >= cutAt ? line.take(into, offset, length, Math.min(now, cutAt)) : 0;
                    if (n > 0) {
                        clock.signalAll(changed);
                        return n;
                    }
                } else if (line.senderClosed() && now < cutAt) {
                    return -1;
                }
                if (now >= cutAt) {
                    throw cutException();
                }
                clock.await(lock, changed, Math.min(due, cutAt));
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        } finally {
            lock.unlock();
        }
    }

    private void write(End end, byte[] from, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, from.length);
        lock.lock();
        try {
            Line line = end.outbound;
            // Waiting for room for half the buffer keeps the line busy while the writer is refilling it.
            int chunk = Math.max(1, line.profile().bufferBytes() / 2);
            while (length > 0) {
                end.checkOpen();
                if (line.receiverClosed()) {
                    throw new IOException("The other end of " + end.address + " is closed.");
                }
                long now = clock.now();
                if (now >= cutAt) {
                    throw cutException();
                }
                int wanted = Math.min(length, chunk);
                int room = line.room(now);
                if (room >= wanted) {
                    int n = Math.min(room, length);
                    cutAt = Math.min(cutAt, line.send(from, offset, n, now));
                    offset += n;
                    length -= n;
                    clock.signalAll(changed);
                    continue;
                }
                clock.await(lock, changed, Math.min(line.roomAt(wanted), cutAt));
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        } finally {
            lock.unlock();
        }
    }

    private EOFException cutException() {
        return new EOFException("The wire was cut.");
    }

    private static InterruptedIOException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException exception = new InterruptedIOException("Interrupted while waiting on the wire.");
        exception.initCause(e);
        return exception;
    }

    private void closeEnd(End end) {
        lock.lock();
        try {
            end.closed = true;
            end.outbound.closeSender();
            end.inbound.closeReceiver();
            clock.signalAll(changed);
        } finally {
            lock.unlock();
        }
    }

    /** One end of the wire: it reads what comes in on one line and writes to the other. */
    private final class End implements Transport {

        private final String address;
        private final TransportKind kind;
        private final Line inbound;
        private final Line outbound;
        private final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return End.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                return End.this.read(into, offset, length);
            }
        };
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                End.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] from, int offset, int length) throws IOException {
                End.this.write(from, offset, length);
            }
        };
        private boolean closed;

        private End(String address, TransportKind kind, Line inbound, Line outbound) {
            this.address = address;
            this.kind = kind;
            this.inbound = inbound;
            this.outbound = outbound;
        }

        private int read(byte[] into, int offset, int length) throws IOException {
            return WireEmulator.this.read(this, into, offset, length);
        }

        private void write(byte[] from, int offset, int length) throws IOException {
            WireEmulator.this.write(this, from, offset, length);
        }

        private void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("The end " + address + " is closed.");
            }
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public TransportKind kind() {
            return kind;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public void close() {
            closeEnd(this);
        }
    }
}
