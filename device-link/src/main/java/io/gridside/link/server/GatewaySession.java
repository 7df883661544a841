package io.gridside.link.server;

import io.gridside.link.frame.Frame;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetMeterStatus;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Hello;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.MeterStatusBatch;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Pong;
import io.gridside.link.message.Priority;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.session.LinkConnection;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one console over one transport. Nothing but a hello and a ping is answered before a hello has been
 * accepted. Streams (roster, status, readings, ledger) are sent on one worker and everything else is answered
 * on another, so a small request is never stuck behind a backlog being sent; each stream travels whole in its
 * batches' priority class, its end included, so the end can never overtake a batch. The link's dispatcher
 * stays free to take a ping or a cancel for the stream being sent.
 */
public final class GatewaySession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
    /** Items per stream batch before size checks; a batch that still encodes too large is halved. */
    private static final int BATCH_ITEMS = 128;

    private final GatewayService service;
    private final LinkConnection connection;
    private final ExecutorService worker;
    private final ExecutorService streamer;
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    /** Counts the console's sessions on this link; work begun for an earlier one is abandoned. */
    private volatile long generation;
    private volatile boolean authenticated;

    public GatewaySession(GatewayService service, Transport transport) throws IOException {
        this.service = service;
        this.connection = new LinkConnection(transport);
        this.worker = singleThread("gateway-worker-" + transport.address());
        this.streamer = singleThread("gateway-streamer-" + transport.address());
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts serving; {@code onEnd} runs once when the console goes away. */
    public void start(Runnable onEnd) throws IOException {
        connection.start(new LinkConnection.Handler() {
            @Override
            public void onMessage(long requestId, Message message) {
                receive(requestId, message);
            }

            @Override
            public void onPeerReset() {
                startOver();
            }

            @Override
            public void onClosed(IOException cause) {
                worker.shutdownNow();
                streamer.shutdownNow();
                LOG.info("Console session on {} ended{}.", connection.transport().address(),
                        cause == null ? "" : ": " + cause.getMessage());
                onEnd.run();
            }
        }, "gateway-link-" + connection.transport().address());
    }

    /**
     * A new console took the link over: it is not authenticated, and what was being answered or streamed to the
     * former one is dropped rather than sent to the new one.
     */
    private synchronized void startOver() {
        generation++;
        authenticated = false;
        cancelled.clear();
    }

    private void receive(long requestId, Message message) {
        if (message instanceof Cancel cancel) {
            cancelled.add(cancel.streamRequestId());
            return;
        }
        if (message instanceof Ping ping) {
            reply(requestId, new Pong(ping.nonce(), service.clock()));
            return;
        }
        boolean stream = message instanceof GetRoster || message instanceof GetMeterStatus
                || message instanceof GetReadings || message instanceof GetLedger;
        long session = generation;
        (stream ? streamer : worker).execute(() -> answer(session, requestId, message));
    }

    private void answer(long session, long requestId, Message message) {
        if (session != generation) {
            return;
        }
        if (message instanceof Hello hello) {
            answerHello(session, requestId, hello);
            return;
        }
        if (!authenticated) {
            reply(requestId, new ErrorReply("AUTH_REQUIRED", "Say hello with a technician credential first."));
            return;
        }
        try {
            dispatch(session, requestId, message);
        } catch (RuntimeException e) {
            LOG.error("The gateway failed to answer a {}.", message.getClass().getSimpleName(), e);
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: " + e.getMessage()));
        }
    }

    private void dispatch(long session, long requestId, Message message) {
        if (message instanceof GetSite) {
            reply(requestId, service.site());
        } else if (message instanceof GetRoster) {
            sendStream(session, requestId, service.roster(), RosterBatch::new, Priority.BILLING);
        } else if (message instanceof GetMeterStatus) {
            sendStream(session, requestId, service.meterStatus(), MeterStatusBatch::new, Priority.BILLING);
        } else if (message instanceof GetReadings get) {
            sendStream(session, requestId, service.readings(get.from(), get.to()), ReadingsBatch::new,
                    Priority.BULK);
        } else if (message instanceof GetLedger get) {
            sendStream(session, requestId, service.ledgerAfter(get.afterSeq()), LedgerBatch::new,
                    Priority.BILLING);
        } else {
            reply(requestId, new ErrorReply("UNEXPECTED_MESSAGE",
                    "A gateway does not accept a " + message.getClass().getSimpleName() + "."));
        }
    }

    private void answerHello(long session, long requestId, Hello hello) {
        if (!hello.protocolVersions().contains(Frame.VERSION)) {
            reply(requestId, new ErrorReply("VERSION_UNSUPPORTED", "This gateway speaks protocol version "
                    + Frame.VERSION + " only; update the console."));
            return;
        }
        try {
            Message reply = service.hello(hello);
            if (authenticate(session, true)) {
                reply(requestId, reply);
            }
        } catch (GatewayService.RefusedException e) {
            if (authenticate(session, false)) {
                reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            }
        }
    }

    /** Sets the session's authentication, unless the console that said hello has been replaced meanwhile. */
    private synchronized boolean authenticate(long session, boolean accepted) {
        if (session != generation) {
            return false;
        }
        authenticated = accepted;
        return true;
    }

    private <T> void sendStream(long session, long requestId, List<T> items,
            BiFunction<List<T>, Long, Message> batchOf, Priority priority) {
        long total = items.size();
        int sent = 0;
        while (sent < items.size()) {
            if (session != generation) {
                LOG.debug("Stream {} was for a console that has gone; dropped after {} items.", requestId, sent);
                return;
            }
            if (cancelled.remove(requestId) || !connection.isOpen()) {
                reply(requestId, new StreamEnd(sent, true), priority);
                return;
            }
            int end = Math.min(items.size(), sent + BATCH_ITEMS);
            sent += sendFitting(session, requestId, items.subList(sent, end), total, batchOf, priority);
        }
        reply(requestId, new StreamEnd(sent, false), priority);
    }

    /** Sends as much of {@code items} as fits one frame, halving until it fits; returns how many it sent. */
    private <T> int sendFitting(long session, long requestId, List<T> items, long total,
            BiFunction<List<T>, Long, Message> batchOf, Priority priority) {
        List<T> batch = items;
        Message message = batchOf.apply(batch, total);
        while (batch.size() > 1 && MessageCodec.encode(message).length > Frame.MAX_PAYLOAD) {
            batch = batch.subList(0, batch.size() / 2);
            message = batchOf.apply(batch, total);
        }
        if (session == generation) {
            reply(requestId, message, priority);
        }
        return batch.size();
    }

    private void reply(long requestId, Message message) {
        reply(requestId, message, io.gridside.link.message.MessageCatalogue.priorityOf(message));
    }

    private void reply(long requestId, Message message, Priority priority) {
        try {
            connection.send(requestId, message, priority);
        } catch (IOException e) {
            LOG.debug("A reply to request {} was lost: the console's link closed.", requestId, e);
        }
    }

    public TransportKind transportKind() {
        return connection.transport().kind();
    }

    @Override
    public void close() {
        connection.close();
        worker.shutdownNow();
        streamer.shutdownNow();
    }
}
