package io.gridside.link.server;

import io.gridside.link.auth.CommandCheck;
import io.gridside.link.auth.CommandRefusedException;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.auth.CredentialCheck;
import io.gridside.link.auth.CredentialRefusedException;
import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.Refusal;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.CashBookBatch;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.GetCommands;
import io.gridside.link.message.SignedCommand;
import io.gridside.link.message.GetCashBook;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.GetImportedPayments;
import io.gridside.link.message.FleetBatch;
import io.gridside.link.message.GetFleet;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.DayDigestsBatch;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetRelayCommands;
import io.gridside.link.message.RelayCommandsBatch;
import io.gridside.link.message.GetJoinedMeters;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.JoinedMetersBatch;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.GetGapFills;
import io.gridside.link.message.GetLedgerDayDigests;
import io.gridside.link.message.GetLedgerDays;
import io.gridside.link.message.LedgerDayDigestsBatch;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.GetMeterStatus;
import io.gridside.link.message.EventsBatch;
import io.gridside.link.message.GetDayDigests;
import io.gridside.link.message.GetEvents;
import io.gridside.link.message.GetBillingConfig;
import io.gridside.link.message.GetMeshDay;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetTopology;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetHealth;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.MeterStatusBatch;
import io.gridside.link.message.Ping;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.Pong;
import io.gridside.link.message.Priority;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.message.TopologyBatch;
import io.gridside.link.session.LinkConnection;
import io.gridside.link.session.LinkHandler;
import io.gridside.link.session.LinkOptions;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.ledger.LedgerLink;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one console over one transport. Nothing but a hello and a ping is answered before a hello with a valid
 * credential has been accepted, and every request after it is checked against that credential's window by the
 * gateway's clock. Streams (roster, status, readings, ledger, events, topology, history by day) are sent on one
 * worker and everything else is answered on another, so a small request is never stuck behind a backlog being
 * sent; each stream travels whole in its batches' priority class, its end included, so the end can never
 * overtake a batch. The link's dispatcher stays free to take a ping or a cancel for the stream being sent. When
 * another console takes the link over (a new session epoch on a serial line), what was being answered for the
 * former one is dropped.
 *
 * <p>Once a hello is accepted the session can be resumed: when its transport breaks it waits, with its streams
 * paused where the link's queues filled, until the console resumes it over a new transport (see
 * {@link GatewayLinks}) or the gateway gives up on it.
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
    private final CredentialCheck credentialCheck;
    private final RevocationDesk revocations;
    private final CommandDesk commands;
    private final FirmwareDesk firmware;
    private final CommissionDesk commission;
    /** The credential of the accepted hello, or null while none is. */
    private volatile SignedCredential admitted;
    /** Counts the console's sessions on this link; work begun for an earlier one is abandoned. */
    private volatile long generation;
    /** What runs when the session ends: one action for each transport it was served over. */
    private final List<Runnable> endActions = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Where the gateway keeps its resumable sessions, or null when this one is served on its own. */
    private final GatewayLinks links;
    /** The id a console resumes this session by, once a hello is accepted; null before. */
    private volatile byte[] sessionId;

    /** Serves one console over {@code transport}, on its own: the session ends with its transport. */
    public GatewaySession(GatewayService service, Transport transport) throws IOException {
        this(service, new LinkConnection(transport), null);
    }

    /** Serves a console whose first frame {@code links} has read from {@code reader} already. */
    GatewaySession(GatewayService service, Transport transport, FrameReader reader, Frame first, GatewayLinks links)
            throws IOException {
        this(service, new LinkConnection(transport, reader, first, LinkOptions.forTransport(transport.kind())),
                links);
    }

    private GatewaySession(GatewayService service, LinkConnection connection, GatewayLinks links) {
        this.service = service;
        this.links = links;
        this.revocations = new RevocationDesk(service);
        this.credentialCheck = new CredentialCheck(service.trustedOperators(), service.profile().siteId(),
                revocations::listOf);
        this.commands = new CommandDesk(service);
        this.commission = new CommissionDesk(service, revocations::listOf);
        this.connection = connection;
        String address = connection.transport().address();
        this.worker = singleThread("gateway-worker-" + address);
        this.firmware = new FirmwareDesk(service, address);
        this.streamer = singleThread("gateway-streamer-" + address);
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
        endActions.add(onEnd);
        connection.start(new LinkHandler() {
            @Override
            public void onMessage(long requestId, Message message) {
                receive(requestId, message);
            }

            @Override
            public void onPeerReset() {
                startOver();
            }

            @Override
            public void onSuspended(IOException cause) {
                LOG.info("The console's link on {} broke ({}); its session waits to be resumed.",
                        connection.transport().address(), cause.getMessage());
                if (links != null) {
                    links.suspended(GatewaySession.this, connection.suspensions());
                }
            }

            @Override
            public boolean onPeerEnded() {
                if (connection.transport().kind() == TransportKind.TCP) {
                    return true;
                }
                startOver();
                return false;
            }

            @Override
            public boolean isOwnSession(byte[] id) {
                byte[] own = sessionId;
                return own != null && java.util.Arrays.equals(own, id);
            }

            @Override
            public void onClosed(IOException cause) {
                forget();
                worker.shutdownNow();
                streamer.shutdownNow();
                firmware.close();
                LOG.info("Console session on {} ended{}.", connection.transport().address(),
                        cause == null ? "" : ": " + cause.getMessage());
                endActions.forEach(Runnable::run);
            }
        }, "gateway-link-" + connection.transport().address());
    }

    /**
     * A new console took the link over: it is not signed in, and what was being answered or streamed to the
     * former one is dropped rather than sent to the new one.
     */
    private synchronized void startOver() {
        generation++;
        admitted = null;
        cancelled.clear();
        forget();
    }

    /** Makes the session one that cannot be resumed, as before its hello. */
    private void forget() {
        connection.setResumable(false);
        sessionId = null;
        if (links != null) {
            links.forget(this);
        }
    }

    /** The id a console resumes this session by, or null while no hello is accepted. */
    byte[] sessionId() {
        return sessionId;
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
                || message instanceof GetReadings || message instanceof GetLedger || message instanceof GetEvents
                || message instanceof GetTopology || message instanceof GetDayDigests
                || message instanceof GetMeshDay || message instanceof GetBillingConfig
                || message instanceof GetLedgerDayDigests || message instanceof GetLedgerDays
                || message instanceof GetCommands || message instanceof GetGapFills || message instanceof GetFleet
                || message instanceof GetJoinedMeters;
        long session = generation;
        try {
            (stream ? streamer : firmware.laneFor(message, worker)).execute(() -> answer(session, requestId, message));
        } catch (RejectedExecutionException e) {
            LOG.debug("A {} arrived as the session closed; it is not answered.", message.getClass().getSimpleName());
        }
    }

    private void answer(long session, long requestId, Message message) {
        if (session != generation) {
            return;
        }
        if (message instanceof Hello hello) {
            answerHello(session, requestId, hello);
            return;
        }
        SignedCredential credential = admitted;
        if (credential == null) {
            reply(requestId, new ErrorReply("AUTH_REQUIRED", "Say hello with a technician credential first."));
            return;
        }
        if (commission.factoryFresh()) {
            answerFresh(session, requestId, message, credential);
            return;
        }
        try {
            credentialCheck.checkStillValid(credential.credential(), service.clock());
        } catch (CredentialRefusedException e) {
            admitted = null;
            if (e.refusal() == Refusal.CREDENTIAL_REVOKED) {
                forget();
            }
            LOG.info("The session of technician {} ended: {}", credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        try {
            Message request = commands.requestOf(message, credential);
            if (allowed(requestId, request, credential)) {
                dispatchCommand(session, requestId, message, request, credential);
            }
        } catch (CommandRefusedException e) {
            LOG.info("Refused a command of technician {}: {}", credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("The gateway failed to answer a {}.", message.getClass().getSimpleName(), e);
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: " + e.getMessage()));
        }
    }

    /** Answers what a factory-fresh gateway answers before its setup, whose pack then vouches for the credential. */
    private void answerFresh(long session, long requestId, Message message, SignedCredential credential) {
        try {
            if (CommissionDesk.answersWhileFresh(message)) {
                dispatch(session, requestId, message, credential);
            } else {
                reply(requestId, CommissionDesk.notSetUp(message));
            }
        } catch (RuntimeException e) {
            LOG.error("The factory-fresh gateway failed to answer a {}.", message.getClass().getSimpleName(), e);
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: " + e.getMessage()));
        }
    }

    private boolean allowed(long requestId, Message request, SignedCredential credential) {
        Role needed = RequestRoles.needed(request);
        if (credential.role().includes(needed)) {
            return true;
        }
        LOG.info("Refused a {} to technician {}, who signed in as {}.", request.getClass().getSimpleName(),
                credential.technicianId(), credential.role());
        reply(requestId, new ErrorReply("ROLE_FORBIDDEN", RequestRoles.action(request)
                + " needs a " + needed + "'s credential, and " + credential.technicianId() + " signed in as a "
                + credential.role() + "."));
        return false;
    }

    /** Carries out {@code request}; when it came as a signed command, logs the command with its answer. */
    private void dispatchCommand(long session, long requestId, Message message, Message request,
            SignedCredential credential) throws CommandRefusedException {
        if (!(message instanceof SignedCommand signed)) {
            if (TechnicianCommand.movesMoney(request)) {
                CommandCheck.refuseBare(request, credential);
            }
            dispatch(session, requestId, request, credential);
            return;
        }
        commands.begin(requestId, signed);
        try {
            dispatch(session, requestId, request, credential);
        } finally {
            commands.record(requestId, signed, credential);
        }
    }

    private void dispatch(long session, long requestId, Message message, SignedCredential credential) {
        if (message instanceof GetSite) {
            reply(requestId, service.site());
        } else if (message instanceof GetHealth) {
            reply(requestId, service.health());
        } else if (message instanceof GetRoster get) {
            sendStream(session, requestId, service.roster(),
                    (batch, total) -> feeders(new RosterBatch(batch, total), get), Priority.BILLING);
        } else if (message instanceof GetMeterStatus) {
            sendStream(session, requestId, service.meterStatus(), MeterStatusBatch::new, Priority.BILLING);
        } else if (message instanceof GetReadings get) {
            sendStream(session, requestId, service.readings(get.from(), get.to(), get.meterId()), ReadingsBatch::new,
                    Priority.BULK);
        } else if (message instanceof GetEvents get) {
            sendStream(session, requestId, service.events(get.from(), get.to()), EventsBatch::new,
                    Priority.EVENTS);
        } else if (message instanceof GetTopology get) {
            sendTopology(session, requestId, get);
        } else if (message instanceof GetDayDigests get) {
            sendHistory(session, requestId, () -> service.dayDigests(get.from(), get.to()), DayDigestsBatch::new);
        } else if (message instanceof GetMeshDay get) {
            sendHistory(session, requestId, () -> MeshDayBatch.chunksOf(service.meshDay(get.day())),
                    (chunks, total) -> new MeshDayBatch(get.day(), chunks, total));
        } else if (message instanceof GetBillingConfig) {
            sendBillingConfig(session, requestId);
        } else if (message instanceof GetLedger get) {
            sendStream(session, requestId, service.ledgerLinksAfter(get.afterSeq()), LedgerBatch::of,
                    Priority.BILLING);
        } else if (message instanceof GetLedgerDayDigests get) {
            sendStream(session, requestId, service.ledgerDayDigests(get.from(), get.to()),
                    LedgerDayDigestsBatch::new, Priority.BILLING);
        } else if (message instanceof GetGapFills get) {
            sendStream(session, requestId, service.gapFills(get.from(), get.to()), GapFillsBatch::new,
                    Priority.BILLING);
        } else if (message instanceof GetLedgerDays get) {
            sendStream(session, requestId, service.ledgerDays(get.days()), LedgerBatch::of, Priority.BILLING);
        } else if (message instanceof PostAdjustments post) {
            postAdjustments(session, requestId, post, credential);
        } else if (message instanceof PushTariff push) {
            pushTariff(requestId, push, credential);
        } else if (message instanceof SetClock set) {
            setClock(requestId, set, credential);
        } else if (message instanceof CashTopUp topUp) {
            creditCash(requestId, topUp, credential);
        } else if (message instanceof CashVoid cashVoid) {
            voidCash(requestId, cashVoid, credential);
        } else if (message instanceof GetCashBook get) {
            sendStream(session, requestId, service.cashBook(get.from(), get.to()), CashBookBatch::new,
                    Priority.BILLING);
        } else if (message instanceof PostPayments post) {
            postPayments(requestId, post, credential);
        } else if (message instanceof GetImportedPayments) {
            importedPayments(requestId);
        } else if (message instanceof PostReadings post) {
            postReadings(requestId, post, credential);
        } else if (message instanceof GetCommands get) {
            sendStream(session, requestId, service.commandLog().after(get.afterSeq()), CommandsBatch::new,
                    Priority.BILLING);
        } else if (message instanceof GetRelayCommands) {
            sendStream(session, requestId, service.relayCommands(), RelayCommandsBatch::new, Priority.BILLING);
        } else if (SiteChangeDesk.handles(message)) {
            reply(requestId, SiteChangeDesk.answer(service, message, credential.technicianId()));
        } else if (message instanceof GetJoinedMeters get && commission.commissionable()) {
            sendStream(session, requestId, service.commissioning().joinedMeters(get.joinedSince()),
                    JoinedMetersBatch::new, Priority.EVENTS);
        } else if (CommissionDesk.handles(message)) {
            reply(requestId, commission.answer(message, credential));
        } else if (FirmwareDesk.handles(message)) {
            firmware.answer(message, credential.technicianId(), answer -> reply(requestId, answer));
        } else if (message instanceof GetFleet) {
            sendFleet(session, requestId);
        } else if (RevocationDesk.handles(message)) {
            answerRevocations(requestId, message, credential);
        } else {
            reply(requestId, new ErrorReply("UNEXPECTED_MESSAGE",
                    "A gateway does not accept a " + message.getClass().getSimpleName() + "."));
        }
    }

    /**
     * Streams the mesh's nodes, then its links. An empty mesh still gets one batch, so that the console learns the
     * snapshot's time and gateway.
     */
    private void sendTopology(long session, long requestId, GetTopology get) {
        TopologySnapshot snapshot;
        try {
            snapshot = service.topologySnapshot(get.at());
        } catch (IllegalArgumentException e) {
            reply(requestId, new ErrorReply("TOPOLOGY_OUT_OF_RANGE", e.getMessage()));
            return;
        }
        List<TopologySnapshot.Item> items = snapshot.items();
        if (items.isEmpty()) {
            reply(requestId, facts(TopologyBatch.of(snapshot, items, 0), get), Priority.EVENTS);
        }
        sendStream(session, requestId, items, (batch, total) -> facts(TopologyBatch.of(snapshot, batch, total), get),
                Priority.EVENTS);
    }

    /** Answers a revocation request; a session whose own credential the list now revokes ends after the answer. */
    private void answerRevocations(long requestId, Message request, SignedCredential credential) {
        reply(requestId, revocations.answer(request, credential.technicianId()));
        if (revocations.revokes(credential)) {
            LOG.info("The session of technician {} ends: the revocation list it brought revokes its credential.",
                    credential.technicianId());
            admitted = null;
            forget();
            RevocationDesk.closeOnceAnswered(connection);
        }
    }

    /** Streams every meter as a campaign sees it, or says the gateway takes no firmware. */
    private void sendFleet(long session, long requestId) {
        List<io.gridside.site.firmware.FleetMeter> fleet;
        try {
            fleet = service.firmware().fleet();
        } catch (UnsupportedOperationException e) {
            reply(requestId, FirmwareDesk.unsupported());
            return;
        }
        sendStream(session, requestId, fleet, FleetBatch::new, Priority.EVENTS);
    }

    /** A batch as {@code get} asked for it: a console that did not ask for feeders gets the entries of schema 1. */
    private static RosterBatch feeders(RosterBatch batch, GetRoster get) {
        return get.feeders() ? batch : batch.withoutFeeders();
    }

    /** A batch as {@code get} asked for it: a console that did not ask for radio facts gets the nodes of schema 1. */
    private static TopologyBatch facts(TopologyBatch batch, GetTopology get) {
        return get.radioFacts() ? batch : batch.withoutRadioFacts();
    }

    /**
     * Streams what the gateway holds of its history by day, or refuses days outside it with
     * {@code HISTORY_OUT_OF_RANGE}.
     */
    private <T> void sendHistory(long session, long requestId, Supplier<List<T>> items,
            BiFunction<List<T>, Long, Message> batchOf) {
        List<T> list;
        try {
            list = items.get();
        } catch (IllegalArgumentException e) {
            reply(requestId, new ErrorReply("HISTORY_OUT_OF_RANGE", e.getMessage()));
            return;
        }
        sendStream(session, requestId, list, batchOf, Priority.EVENTS);
    }

    /** Streams the billing configuration document in compressed pieces, each batch naming its digest. */
    private void sendBillingConfig(long session, long requestId) {
        byte[] document = service.billingConfig();
        ByteString digest = BillingConfigBatch.digestOf(document);
        sendStream(session, requestId, MeshDayBatch.chunksOf(document),
                (chunks, total) -> new BillingConfigBatch(digest, chunks, total), Priority.BILLING);
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

    /**
     * Posts a supervisor's corrections, all or none, and streams the posted entries back; a refusal names its rule.
     */
    private void postAdjustments(long session, long requestId, PostAdjustments post, SignedCredential credential) {
        List<LedgerLink> posted;
        try {
            posted = service.postAdjustments(post, credential.technicianId());
        } catch (AdjustmentRefusedException e) {
            LOG.info("Refused {} corrections to supervisor {}: {}", post.adjustments().size(),
                    credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        LOG.info("Supervisor {} had {} corrections posted.", credential.technicianId(), posted.size());
        sendStream(session, requestId, posted, LedgerBatch::of, Priority.BILLING);
    }

    /** Adds a supervisor's tariff version and answers with what its re-rating posted; a refusal names its rule. */
    private void pushTariff(long requestId, PushTariff push, SignedCredential credential) {
        TariffPushed pushed;
        try {
            pushed = service.pushTariff(push, credential.technicianId());
        } catch (TariffPushRefusedException e) {
            LOG.info("Refused tariff version {} to supervisor {}: {}", push.versionNumber(),
                    credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        LOG.info("Supervisor {} pushed tariff version {}: {} adjustments posted.", credential.technicianId(),
                pushed.versionNumber(), pushed.posted().size());
        reply(requestId, pushed);
    }

    /** Credits cash within the allowance the session's credential carries; see {@link CashDesk}. */
    private void creditCash(long requestId, CashTopUp topUp, SignedCredential credential) {
        CashReceipt receipt;
        try {
            receipt = service.creditCash(topUp, CashAllowance.of(credential));
        } catch (CashRefusedException e) {
            LOG.info("Refused cash {} {} under reference {} to technician {}: {}", topUp.amountMinor(),
                    topUp.currency(), topUp.reference(), credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        LOG.info("Technician {} credited cash {} {} to customer {} under reference {} ({}); note: {}",
                credential.technicianId(), receipt.amountMinor(), receipt.currency(), receipt.customerId(),
                receipt.reference(), receipt.outcome(), topUp.note());
        reply(requestId, receipt);
    }

    /** Voids a cash receipt for the session's supervisor; see {@link CashDesk#voidReceipt}. */
    private void voidCash(long requestId, CashVoid request, SignedCredential credential) {
        CashVoided voided;
        try {
            voided = service.voidCash(request, credential.technicianId());
        } catch (CashRefusedException e) {
            LOG.info("Refused to void receipt {} for supervisor {}: {}", request.receipt(),
                    credential.technicianId(), e.code());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        LOG.info("Supervisor {} voided receipt {} ({} {} to customer {}, taken by {}; {}): {}",
                credential.technicianId(), voided.receipt(), voided.amountMinor(), voided.currency(),
                voided.customerId(), voided.technicianId(), voided.outcome(), voided.reason());
        reply(requestId, voided);
    }

    /** Credits imported payments, each on its own; see {@link PaymentPosting}. */
    private void postPayments(long requestId, PostPayments post, SignedCredential credential) {
        if (post.payments().isEmpty() || post.payments().size() > PostPayments.MAX_PAYMENTS) {
            reply(requestId, new ErrorReply("PAYMENT_INVALID", "A PostPayments carries 1 to "
                    + PostPayments.MAX_PAYMENTS + " payments, this one " + post.payments().size() + "."));
            return;
        }
        PaymentsPosted posted;
        try {
            posted = service.postPayments(post);
        } catch (UnsupportedOperationException e) {
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "This gateway takes no imported payments."));
            return;
        }
        LOG.info("Supervisor {} posted {} imported payments: {}.", credential.technicianId(),
                post.payments().size(), posted.results().stream().map(PaymentsPosted.Result::outcome).toList());
        reply(requestId, posted);
    }

    private void importedPayments(long requestId) {
        try {
            reply(requestId, new PaymentsPosted(service.importedPayments().stream().map(reference ->
                    new PaymentsPosted.Result(reference, PaymentsPosted.Outcome.CREDITED, null, null)).toList()));
        } catch (UnsupportedOperationException e) {
            reply(requestId, new ErrorReply("UNEXPECTED_MESSAGE", "This gateway keeps no payment's channel."));
        }
    }

    /** Has the gateway judge reads sent from the console, each on its own; see {@link GatewayService#postReadings}. */
    private void postReadings(long requestId, PostReadings post, SignedCredential credential) {
        ReadingsTaken taken;
        try {
            taken = service.postReadings(post, credential.technicianId());
        } catch (UnsupportedOperationException e) {
            reply(requestId, new ErrorReply("GATEWAY_FAULT", "This gateway takes no reads from a console."));
            return;
        }
        LOG.info("Supervisor {} sent {} reads: {}; {} adjustments posted.", credential.technicianId(),
                post.reads().size(), taken.results().stream().map(ReadingsTaken.Result::outcome).toList(),
                taken.postedSeqs().size());
        reply(requestId, taken);
    }

    private void answerHello(long session, long requestId, Hello hello) {
        if (!hello.protocolVersions().contains(Frame.VERSION)) {
            admitted = null;
            reply(requestId, new ErrorReply("VERSION_UNSUPPORTED", "This gateway speaks protocol version "
                    + Frame.VERSION + " only; update the console."));
            return;
        }
        Instant clock = service.clock();
        SignedCredential credential;
        try {
            credential = commission.checkHello(hello, clock);
        } catch (CredentialRefusedException e) {
            admitted = null;
            LOG.info("Refused a hello on {}: {} {}", connection.transport().address(), e.code(), e.getMessage());
            reply(requestId, new ErrorReply(e.code(), e.getMessage()));
            return;
        }
        HelloReply reply = HelloProof.sign(hello, unsignedReply(clock, credential.role()), service.identityKey());
        if (!admit(session, credential, HelloProof.sessionId(reply))) {
            return;
        }
        LOG.info("Technician {} signed in as {} on {}.", credential.technicianId(), credential.role(),
                connection.transport().address());
        reply(requestId, reply);
    }

    /**
     * Signs the console in and makes the session resumable by {@code id}, unless another console took the link
     * over meanwhile.
     */
    private synchronized boolean admit(long session, SignedCredential credential, byte[] id) {
        if (session != generation) {
            return false;
        }
        admitted = credential;
        forget();
        sessionId = id;
        if (links != null) {
            links.register(this);
        }
        connection.setResumable(links != null);
        return true;
    }

    private HelloReply unsignedReply(Instant clock, Role role) {
        GatewayProfile profile = service.profile();
        ByteString none = ByteString.of(new byte[0]);
        return new HelloReply(Frame.VERSION, profile.gatewayId(), profile.siteId(), profile.siteName(),
                profile.firmware(), clock, profile.currency(), profile.timeZone(), profile.capabilities(),
                role.wireName(), none, none);
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
        reply(requestId, message, MessageCatalogue.priorityOf(message));
    }

    private void reply(long requestId, Message message, Priority priority) {
        commands.answered(requestId, message);
        try {
            connection.send(requestId, message, priority);
        } catch (IOException e) {
            LOG.debug("A reply to request {} was lost: the console's link closed.", requestId, e);
        }
    }

    public TransportKind transportKind() {
        return connection.transport().kind();
    }

    /**
     * Carries the session on over {@code transport}, whose resume frame named it; {@code afterEnd} runs when the
     * session ends. False once the session has closed.
     */
    boolean takeOver(Transport transport, FrameReader reader, Frame resume, Runnable afterEnd) throws IOException {
        endActions.add(afterEnd);
        if (connection.takeOver(transport, reader, resume)) {
            return true;
        }
        endActions.remove(afterEnd);
        return false;
    }

    /**
     * Breaks the session's transport, as a cable pulled out would: a session that can be resumed waits for its
     * console to come back, and any other ends.
     */
    public void dropTransport() {
        connection.dropTransport();
    }

    /** Whether the session's transport broke and it waits to be resumed. */
    public boolean isSuspended() {
        return connection.isSuspended();
    }

    /** Ends the session at once without a word to the console, as a gateway that crashed or restarted would. */
    public void abandon() {
        connection.abort();
        worker.shutdownNow();
        streamer.shutdownNow();
        firmware.close();
    }

    /** Ends the session if it is still waiting after the {@code suspension}-th break of its link. */
    void expire(long suspension) {
        if (connection.isSuspended() && connection.suspensions() == suspension) {
            LOG.info("The console did not resume its session on {} in time; it ends.",
                    connection.transport().address());
            close();
        }
    }

    @Override
    public void close() {
        connection.close();
        worker.shutdownNow();
        streamer.shutdownNow();
        firmware.close();
    }
}
