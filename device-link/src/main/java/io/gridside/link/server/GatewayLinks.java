package io.gridside.link.server;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every console link of one gateway, and the sessions that outlive a broken transport.
 *
 * <p>A new transport (an accepted socket, a serial line) is first read until its first intact frame. A
 * {@link Frame#RESUME} that names a session the gateway still holds hands the transport to that session, which
 * carries on where its link broke; one that names no such session is answered {@link Frame#RESUME_REFUSED}, and
 * the transport is read on (the console then says hello anew). Any other frame starts a new session. A session
 * whose transport broke waits {@code linger} to be resumed, then ends.
 */
public final class GatewayLinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLinks.class);
    /** How long a gateway keeps a session whose link broke, unless told otherwise. */
    public static final Duration DEFAULT_LINGER = Duration.ofMinutes(10);

    /** How many sessions may wait to be resumed at once; each holds its link's queues. */
    public static final int MAX_SUSPENDED = 16;

    private final GatewayService service;
    private final Duration linger;
    /** Sessions waiting to be resumed, longest waiting first. */
    private final java.util.ArrayDeque<GatewaySession> waiting = new java.util.ArrayDeque<>();
    private final List<GatewaySession> sessions = new CopyOnWriteArrayList<>();
    private final Map<ByteString, GatewaySession> resumable = new ConcurrentHashMap<>();
    private final Set<Transport> greeting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-linger");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public GatewayLinks(GatewayService service) {
        this(service, DEFAULT_LINGER);
    }

    /** Links of {@code service} whose broken sessions wait {@code linger} to be resumed. */
    public GatewayLinks(GatewayService service, Duration linger) {
        this.service = service;
        this.linger = linger;
    }

    /**
     * Serves whatever console talks over {@code transport}, new or resuming; {@code afterEnd} runs once, when
     * the console's session over it has ended (or nothing was ever served over it).
     */
    public void serve(Transport transport, Runnable afterEnd) {
        greeting.add(transport);
        Thread thread = new Thread(() -> greet(transport, afterEnd), "gateway-greeter-" + transport.address());
        thread.setDaemon(true);
        thread.start();
    }

    private void greet(Transport transport, Runnable afterEnd) {
        try {
            FrameReader reader = new FrameReader(transport.input());
            reader.onForeignVersion(new ForeignVersionAnswer(transport));
            Frame frame;
            while (!closed && (frame = reader.next()) != null) {
                if (frame.type() != Frame.RESUME) {
                    startSession(transport, reader, frame, afterEnd);
                    return;
                }
                if (resume(transport, reader, frame, afterEnd)) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("A console link on {} ended before it said anything: {}", transport.address(), e.getMessage());
        } finally {
            greeting.remove(transport);
        }
        closeQuietly(transport);
        afterEnd.run();
    }

    private void startSession(Transport transport, FrameReader reader, Frame first, Runnable afterEnd)
            throws IOException {
        GatewaySession session = new GatewaySession(service, transport, reader, first, this);
        sessions.add(session);
        session.start(() -> {
            sessions.remove(session);
            afterEnd.run();
        });
        if (closed) {
            session.close();
        }
    }

    /** Hands {@code transport} to the session its resume names; answers a refusal when there is none. */
    private boolean resume(Transport transport, FrameReader reader, Frame frame, Runnable afterEnd)
            throws IOException {
        GatewaySession session = resumable.get(ByteString.of(frame.payload()));
        if (session != null && session.takeOver(transport, reader, frame, afterEnd)) {
            LOG.info("A console resumed its session over {} {}.", transport.kind(), transport.address());
            return true;
        }
        LOG.info("A console on {} asked to resume a session this gateway does not hold.", transport.address());
        OutputStream out = transport.output();
        out.write(FrameCodec.DELIMITER);
        out.write(FrameCodec.encode(new Frame(Frame.RESUME_REFUSED, 0, 0, 0, 0, 0xFFFF, 0, 0, 0, new byte[0])));
        out.flush();
        return false;
    }

    void register(GatewaySession session) {
        byte[] id = session.sessionId();
        if (id != null) {
            resumable.put(ByteString.of(id), session);
        }
    }

    void forget(GatewaySession session) {
        resumable.values().removeIf(held -> held == session);
    }

    /**
     * Ends {@code session} after {@code linger} unless it has been resumed by then. At most
     * {@link #MAX_SUSPENDED} sessions wait at once; a new one ends the one that has waited longest.
     */
    void suspended(GatewaySession session, long suspension) {
        GatewaySession evicted = null;
        synchronized (waiting) {
            waiting.remove(session);
            waiting.addLast(session);
            waiting.removeIf(held -> !held.isSuspended() && held != session);
            if (waiting.size() > MAX_SUSPENDED) {
                evicted = waiting.pollFirst();
            }
        }
        if (evicted != null) {
            LOG.info("More than {} sessions wait to be resumed; the longest waiting one ends.", MAX_SUSPENDED);
            evicted.close();
        }
        try {
            timer.schedule(() -> session.expire(suspension), linger.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            session.close();
        }
    }

    /** The sessions served now, those waiting to be resumed included. */
    public List<GatewaySession> sessions() {
        return List.copyOf(sessions);
    }

    /** Breaks the transport of every session over {@code kind}, as pulled cables would; see {@link GatewaySession}. */
    public void dropTransports(TransportKind kind) {
        for (GatewaySession session : sessions) {
            if (session.transportKind() == kind) {
                session.dropTransport();
            }
        }
    }

    /**
     * Forgets every session over {@code kind} without a word to the consoles, as a gateway restart would: their
     * links break and none can be resumed.
     */
    public void endSessions(TransportKind kind) {
        for (GatewaySession session : sessions) {
            if (session.transportKind() == kind) {
                session.abandon();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        sessions.forEach(GatewaySession::close);
        greeting.forEach(GatewayLinks::closeQuietly);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed.", transport.address(), e);
        }
    }

    /**
     * Answers the first intact frame of another frame version on a new transport: the gateway logs which version
     * the console speaks, and sends one ErrorReply VERSION_UNSUPPORTED in a frame of its own version, from whose
     * first byte any console can tell which version the gateway speaks.
     */
    private static final class ForeignVersionAnswer implements java.util.function.IntConsumer {

        private final Transport transport;
        private boolean answered;

        ForeignVersionAnswer(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void accept(int version) {
            if (answered) {
                return;
            }
            answered = true;
            LOG.warn("A console on {} speaks version {} of the link protocol; this gateway speaks version {}.",
                    transport.address(), version, Frame.VERSION);
            ErrorReply refusal = new ErrorReply("VERSION_UNSUPPORTED", "This gateway speaks version "
                    + Frame.VERSION + " of the link protocol, not " + version + ".");
            try {
                OutputStream out = transport.output();
                out.write(FrameCodec.DELIMITER);
                out.write(FrameCodec.encode(new Frame(MessageCatalogue.codeOf(refusal), Frame.FIRST | Frame.LAST, 0,
                        0, 0, 0xFFFF, 0, 0, 0, MessageCodec.encode(refusal))));
                out.flush();
            } catch (IOException e) {
                LOG.debug("The version refusal to {} could not be sent.", transport.address(), e);
            }
        }
    }
}
