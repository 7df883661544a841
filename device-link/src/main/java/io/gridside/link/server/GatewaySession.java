package io.gridside.link.server;

import io.gridside.link.auth.CredentialCheck;
import io.gridside.link.auth.CredentialRefusedException;
import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetMeterStatus;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.MeterStatusBatch;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Pong;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.session.LinkConnection;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one console over one transport. Nothing but a hello and a ping is answered before a hello with a
 * valid credential has been accepted, and every request after it is checked against that credential's window
 * by the gateway's clock. Requests are answered in arrival order on one worker thread, while the reader thread
 * stays free to take a cancel for the stream being sent.
 */
public final class GatewaySession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
    /** Items per stream batch before size checks; a batch that still encodes too large is halved. */
    private static final int BATCH_ITEMS = 128;

    private final GatewayService service;
    private final LinkConnection connection;
    private final ExecutorService worker;
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final CredentialCheck credentialCheck;
    /** The credential of the accepted hello, or null while none is. */
    private volatile SignedCredential admitted;

    public GatewaySession(GatewayService service, Transport transport) throws IOException {
        this.service = service;
        this.credentialCheck = new CredentialCheck(service.trustedOperators(), service.profile().siteId());
        this.connection = new LinkConnection(transport);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-worker-" + transport.address());
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
            public void onClosed(IOException cause) {
                worker.shutdownNow();
                LOG.info("Console session on {} ended{}.", connection.transport().address(),
                        cause == null ? "" : ": " + cause.getMessage());
                onEnd.run();
            }
        }, "gateway-link-" + connection.transport().address());
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
        try {
            worker.execute(() -> answer(requestId, message));
        } catch (RejectedExecutionException e) {
            LOG.debug("A {} arrived as the session closed; it is not answered.", message.getClass().getSimpleName());
        }
    }

    private void answer(long requestId, Message message) {
        if (message instanceof Hello hello) {
            answerHello(requestId, hello);
            return;
        }
        SignedCredential credential = admitted;
        if (credential == null) {
            reply(requestId, new ErrorReply("AUTH_REQUIRED", "Say hello with a technician credential first."));
            return;
        }
        try {
            CredentialCheck.checkTime(credential.credential(), service.clock());
        } catch (CredentialRefusedException e) {
            admitted = null;
            LOG.info("The session of technician {} ended: {}", credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        Role needed = RequestRoles.needed(message.getClass());
        if (!credential.role().includes(needed)) {
            LOG.info("Refused a {} to technician {}, who signed in as {}.", message.getClass().getSimpleName(),
                    credential.technicianId(), credential.role());
            reply(requestId, new ErrorReply("ROLE_FORBIDDEN", "A " + message.getClass().getSimpleName()
                    + " needs a " + needed + "'s credential, and " + credential.technicianId() + " signed in as a "
                    + credential.role() + "."));
            return;
        }
        try {
            dispatch(requestId, message, credential);
        } catch (RuntimeException e) {
            LOG.error("The gateway failed to answer a {}.", message.getClass().getSimpleName(), e);
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: " + e.getMessage()));
        }
    }

    private void dispatch(long requestId, Message message, SignedCredential credential) {
        if (message instanceof GetSite) {
            reply(requestId, service.site());
        } else if (message instanceof GetRoster) {
            sendStream(requestId, service.roster(), RosterBatch::new);
        } else if (message instanceof GetMeterStatus) {
            sendStream(requestId, service.meterStatus(), MeterStatusBatch::new);
        } else if (message instanceof GetReadings get) {
            sendStream(requestId, service.readings(get.from(), get.to()), ReadingsBatch::new);
        } else if (message instanceof GetLedger get) {
            sendStream(requestId, service.ledgerAfter(get.afterSeq()), LedgerBatch::new);
        } else if (message instanceof SetClock set) {
            setClock(requestId, set, credential);
        } else {
            reply(requestId, new ErrorReply("UNEXPECTED_MESSAGE",
                    "A gateway does not accept a " + message.getClass().getSimpleName() + "."));
        }
    }

    private void setClock(long requestId, SetClock set, SignedCredential credential) {
        Instant previous;
        try {
            previous = service.setClock(set.clock());
        } catch (IllegalArgumentException e) {
            reply(requestId, new ErrorReply("CLOCK_REFUSED", e.getMessage()));
            return;
        }
        LOG.info("The gateway's clock was set from {} to {} by {}.", previous, set.clock(),
                credential.technicianId());
        reply(requestId, new ClockSet(previous, service.clock()));
    }

    private void answerHello(long requestId, Hello hello) {
        if (!hello.protocolVersions().contains(Frame.VERSION)) {
            admitted = null;
            reply(requestId, new ErrorReply("VERSION_UNSUPPORTED", "This gateway speaks protocol version "
                    + Frame.VERSION + " only; update the console."));
            return;
        }
        Instant clock = service.clock();
        SignedCredential credential;
        try {
            credential = credentialCheck.check(hello.credential(), hello.credentialSignature(), clock);
        } catch (CredentialRefusedException e) {
            admitted = null;
            LOG.info("Refused a hello on {}: {} {}", connection.transport().address(), e.code(), e.getMessage());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        admitted = credential;
        LOG.info("Technician {} signed in as {} on {}.", credential.technicianId(), credential.role(),
                connection.transport().address());
        reply(requestId, HelloProof.sign(hello, unsignedReply(clock, credential.role()), service.identityKey()));
    }

    private HelloReply unsignedReply(Instant clock, Role role) {
        GatewayProfile profile = service.profile();
        ByteString none = ByteString.of(new byte[0]);
        return new HelloReply(Frame.VERSION, profile.gatewayId(), profile.siteId(), profile.siteName(),
                profile.firmware(), clock, profile.currency(), profile.timeZone(), profile.capabilities(),
                role.wireName(), none, none);
    }

    private <T> void sendStream(long requestId, List<T> items, BiFunction<List<T>, Long, Message> batchOf) {
        long total = items.size();
        int sent = 0;
        while (sent < items.size()) {
            if (cancelled.remove(requestId) || !connection.isOpen()) {
                reply(requestId, new StreamEnd(sent, true));
                return;
            }
            int end = Math.min(items.size(), sent + BATCH_ITEMS);
            sent += sendFitting(requestId, items.subList(sent, end), total, batchOf);
        }
        reply(requestId, new StreamEnd(sent, false));
    }

    /** Sends as much of {@code items} as fits one frame, halving until it fits; returns how many it sent. */
    private <T> int sendFitting(long requestId, List<T> items, long total, BiFunction<List<T>, Long, Message> batchOf) {
        List<T> batch = items;
        Message message = batchOf.apply(batch, total);
        while (batch.size() > 1 && MessageCodec.encode(message).length > Frame.MAX_PAYLOAD) {
            batch = batch.subList(0, batch.size() / 2);
            message = batchOf.apply(batch, total);
        }
        reply(requestId, message);
        return batch.size();
    }

    private void reply(long requestId, Message message) {
        try {
            connection.send(requestId, message);
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
    }
}
