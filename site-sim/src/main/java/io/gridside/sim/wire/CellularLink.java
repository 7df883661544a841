package io.gridside.sim.wire;

import io.gridside.sim.wire.CellularProfile.Way;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 that stands for a cellular data link in front of a server on loopback: each direction
 * at its own rate, a one-way delay, and segments lost as TCP loses them ({@link CellularProfile}), every loss drawn
 * from the seed. It counts the bytes each way on the wire, retransmissions included.
 *
 * <p>Each connection it accepts is carried to the target on a connection of its own, one thread reading and one
 * writing each way: the reader places what it reads on its direction's schedule ({@link CellularLine}) and the
 * writer hands each piece on when the schedule says it arrives, waiting on a {@link WireClock}. A reader holds at
 * most {@value #BACKLOG_LIMIT} bytes on their way, as a sender's socket buffer would; past that it stops reading and
 * the sender's writes wait. The losses of the n-th connection are drawn from the n-th split of the seed, so a
 * client that opens its connections in the same order meets the same losses.
 */
public final class CellularLink implements AutoCloseable {

    /** Bytes read but not yet handed on, per direction of a connection, beyond which a reader waits. */
    static final int BACKLOG_LIMIT = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CellularLink.class);
    private static final AtomicInteger LINKS = new AtomicInteger();
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final CellularProfile profile;
    private final WireClock clock;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final String name = "cellular-" + LINKS.incrementAndGet();
    private final SplittableRandom seeds;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Map<Way, CellularCounts> finished = new EnumMap<>(Way.class);
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private CellularLink(CellularProfile profile, WireClock clock, InetSocketAddress target, ServerSocket server) {
        this.profile = profile;
        this.clock = clock;
        this.target = target;
        this.server = server;
        this.seeds = new SplittableRandom(profile.seed());
        finished.put(Way.UP, CellularCounts.NONE);
        finished.put(Way.DOWN, CellularCounts.NONE);
    }

    /**
     * Listens on 127.0.0.1 on a free port, and carries every connection to {@code targetPort} on 127.0.0.1.
     *
     * @param clock the real clock for real traffic; a virtual one for tests that read exact instants
     */
    public static CellularLink start(CellularProfile profile, WireClock clock, int targetPort) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(loopback, 0));
        CellularLink link = new CellularLink(Objects.requireNonNull(profile, "profile"),
                Objects.requireNonNull(clock, "clock"), new InetSocketAddress(loopback, targetPort), server);
        Thread acceptor = new Thread(link::acceptAll, link.name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return link;
    }

    /** The port the link listens on, on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    public CellularProfile profile() {
        return profile;
    }

    /** What the link has carried {@code direction}, over every connection so far, open or closed. */
    public CellularCounts counts(Way direction) {
        synchronized (finished) {
            CellularCounts total = finished.get(direction);
            for (Connection connection : open) {
                total = total.plus(connection.pump(direction).counts());
            }
            return total;
        }
    }

    /** How many connections the link has accepted. */
    public int connections() {
        return accepted.get();
    }

    /** Ends every open connection at once, as a link that loses its signal does; new connections are taken. */
    public void dropConnections() {
        for (Connection connection : open) {
            connection.close();
        }
    }

    /** Stops listening and ends every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("The cellular link's listening socket did not close cleanly.", e);
        }
        dropConnections();
    }

    private void acceptAll() {
        while (!closed) {
            try {
                Socket console = server.accept();
                SplittableRandom split;
                synchronized (seeds) {
                    split = seeds.split();
                }
                connect(console, split, accepted.incrementAndGet());
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The cellular link {} stopped accepting connections: {}", name, e.getMessage());
                }
                return;
            }
        }
    }

    private void connect(Socket console, SplittableRandom split, int number) {
        Socket server;
        try {
            console.setTcpNoDelay(true);
            server = new Socket();
            server.connect(target, CONNECT_TIMEOUT_MS);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            LOG.debug("The cellular link {} could not reach {}: {}", name, target, e.getMessage());
            closeQuietly(console);
            return;
        }
        Connection connection = new Connection(console, server, split, name + "-" + number);
        open.add(connection);
        if (closed) {
            connection.close();
        }
        connection.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("A socket of the cellular link did not close cleanly.", e);
        }
    }

    /** One connection carried through the link: a socket from the console, one to the target, a pump each way. */
    private final class Connection {

        private final Socket console;
        private final Socket server;
        private final Pump up;
        private final Pump down;
        private final String label;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicInteger pumpsDone = new AtomicInteger();

        private Connection(Socket console, Socket server, SplittableRandom split, String label) {
            this.console = console;
            this.server = server;
            this.label = label;
            this.up = new Pump(new CellularLine(profile.upBitsPerSecond(), profile, split.split()));
            this.down = new Pump(new CellularLine(profile.downBitsPerSecond(), profile, split.split()));
        }

        private Pump pump(Way direction) {
            return direction == Way.UP ? up : down;
        }

        private void start() {
            thread(() -> up.read(console.getInputStream()), "up-read");
            thread(() -> up.write(server.getOutputStream(), server), "up-write");
            thread(() -> down.read(server.getInputStream()), "down-read");
            thread(() -> down.write(console.getOutputStream(), console), "down-write");
        }

        private void thread(IoWork work, String role) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (IOException e) {
                    LOG.debug("The connection {} ended ({}): {}", label, role, e.getMessage());
                    close();
                } finally {
                    if (role.endsWith("write") && pumpsDone.incrementAndGet() == 2) {
                        close();
                    }
                }
            }, label + "-" + role);
            thread.setDaemon(true);
            thread.start();
        }

        /** Ends both sockets, so each side sees the other go, and keeps the connection's counts. */
        private void close() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            up.stop();
            down.stop();
            closeQuietly(console);
            closeQuietly(server);
            synchronized (finished) {
                finished.merge(Way.UP, up.counts(), CellularCounts::plus);
                finished.merge(Way.DOWN, down.counts(), CellularCounts::plus);
                open.remove(this);
            }
        }
    }

    /** Blocking socket work of one thread. */
    private interface IoWork {

        void run() throws IOException;
    }

    /** A piece of the stream on its way, and when it arrives. */
    private record Piece(byte[] bytes, long arrival) {
    }

    /** One direction of one connection: what was read, on its way to the far socket. */
    private final class Pump {

        private final CellularLine line;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Piece> queue = new ArrayDeque<>();
        private long queued;
        private boolean endOfStream;
        private boolean stopped;

        private Pump(CellularLine line) {
            this.line = line;
        }

        /** Reads the sender's socket to its end, placing every read on the line's schedule. */
        private void read(InputStream in) throws IOException {
            byte[] buffer = new byte[profile.segmentBytes()];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    place(buffer, n);
                }
            }
            lock.lock();
            try {
                endOfStream = true;
                clock.signalAll(changed);
            } finally {
                lock.unlock();
            }
        }

        private void place(byte[] buffer, int n) throws IOException {
            lock.lock();
            try {
                while (!stopped && queued + n > BACKLOG_LIMIT) {
                    clock.await(lock, changed, WireClock.NEVER);
                }
                if (stopped) {
                    throw new SocketException("The connection was ended.");
                }
                long arrival = line.send(clock.now(), n);
                queue.add(new Piece(Arrays.copyOf(buffer, n), arrival));
                queued += n;
                clock.signalAll(changed);
            } catch (InterruptedException e) {
                throw interrupted(e);
            } finally {
                lock.unlock();
            }
        }

        /** Hands every piece on when it arrives; once the sender's stream has ended, ends the receiver's too. */
        private void write(OutputStream out, Socket receiver) throws IOException {
            Piece piece;
            while ((piece = next()) != null) {
                out.write(piece.bytes());
                out.flush();
            }
            if (!stopped()) {
                receiver.shutdownOutput();
            }
        }

        /** The next piece once it has arrived; null at the stream's end or once stopped. */
        private Piece next() throws IOException {
            lock.lock();
            try {
                while (true) {
                    if (stopped) {
                        return null;
                    }
                    Piece head = queue.peekFirst();
                    if (head == null && endOfStream) {
                        return null;
                    }
                    long now = clock.now();
                    if (head != null && now >= head.arrival()) {
                        queue.removeFirst();
                        queued -= head.bytes().length;
                        clock.signalAll(changed);
                        return head;
                    }
                    clock.await(lock, changed, head == null ? WireClock.NEVER : head.arrival());
                }
            } catch (InterruptedException e) {
                throw interrupted(e);
            } finally {
                lock.unlock();
            }
        }

        private boolean stopped() {
            lock.lock();
            try {
                return stopped;
            } finally {
                lock.unlock();
            }
        }

        private void stop() {
            lock.lock();
            try {
                stopped = true;
                queue.clear();
                queued = 0;
                clock.signalAll(changed);
            } finally {
                lock.unlock();
            }
        }

        private CellularCounts counts() {
            lock.lock();
            try {
                return line.counts();
            } finally {
                lock.unlock();
            }
        }
    }

    private static InterruptedIOException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException exception = new InterruptedIOException("Interrupted while waiting on the link.");
        exception.initCause(e);
        return exception;
    }
}
