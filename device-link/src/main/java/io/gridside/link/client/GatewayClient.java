package io.gridside.link.client;

import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.DayDigestsBatch;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetMeterStatus;
import io.gridside.link.message.EventsBatch;
import io.gridside.link.message.GetDayDigests;
import io.gridside.link.message.GetEvents;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.GetHealth;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MeterStatusBatch;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Pong;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.session.LinkConnection;
import io.gridside.link.session.LinkHandler;
import io.gridside.link.session.LinkStats;
import io.gridside.link.transport.Transport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.LedgerLink;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's session with one gateway. Thread-safe: several requests may be outstanding at once, each
 * matched to its answers by request id; every call blocks its caller, so callers run it off the UI thread.
 *
 * <p>A session given a {@linkplain #setResumeWindow resume window} outlives a broken transport once the hello is
 * accepted: requests wait (their answer time stands still meanwhile), and the owner {@linkplain #resume resumes}
 * the session over a new transport, after which whatever was in flight arrives once and in order. A session not
 * resumed within its window closes, and its waiting requests fail with {@link LinkException.Code#CLOSED}.
 * Without a window, a broken link closes the session at once.
 */
public final class GatewayClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
    private static final String CONSOLE = "gridside-console";
    private static final int NONCE_SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a suspended session waits to be resumed before it closes. */
    public static final Duration DEFAULT_RESUME_WINDOW = Duration.ofMinutes(5);
    private static final long POLL_MILLIS = 200;
    private static final java.util.concurrent.ScheduledExecutorService EXPIRY =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "gateway-client-expiry");
                thread.setDaemon(true);
                return thread;
            });

    /** The answer that a closed link delivers to every waiting request. */
    private record Closed(IOException cause) {
    }

    private final LinkConnection connection;
    private final GatewayBilling billing = new GatewayBilling(this);
    private final GatewayFirmware firmware = new GatewayFirmware(this);
    private final GatewayRevocations revocations = new GatewayRevocations(this);
    private final GatewayCommissioning commissioning = new GatewayCommissioning(this);
    private final Duration timeout;
    private final Map<Long, BlockingQueue<Object>> waiting = new ConcurrentHashMap<>();
    /** Starts at random so that answers left on a serial line from an earlier session match nothing. */
    private final AtomicLong nextRequestId = new AtomicLong(1 + RANDOM.nextInt(Integer.MAX_VALUE));
    private final List<Consumer<IOException>> closeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<IOException>> suspendListeners = new CopyOnWriteArrayList<>();
    /** How long a broken link waits to be resumed; null (the default) closes the session when its link breaks. */
    private volatile Duration resumeWindow;
    /** The id the gateway knows the session by, once the hello is accepted. */
    private volatile byte[] sessionId;
    /** Why the link broke, while the session is suspended or after it closed unresumed. */
    private volatile IOException brokenBy;
    private volatile HelloReply hello;
    /** When the hello was answered, to reckon the gateway's clock from the one it gave. */
    private volatile long helloAnsweredNanos;
    /** The key that signs requests that move money, or null in a session that only reads. */
    private volatile SigningKey technicianKey;
    private volatile SignedCredential credential;
    private volatile GatewayPins pins;
    private volatile Duration lastRoundTrip;
    private volatile Instant lastGatewayClock;
    private volatile IOException closedBy;
    private volatile boolean closed;
    private volatile boolean closedOnPurpose;

    private GatewayClient(LinkConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /**
     * Opens a session over {@code transport}: says hello with the technician's credential, checks that the
     * gateway proves it holds its identity key, runs {@code auth}'s check before the pin, and checks that key against
     * the site's pin (pinning it when {@code auth} allows).
     *
     * @param timeout how long any one answer may take before the gateway counts as silent
     * @throws LinkException when nothing answers as a gateway, the gateway refuses the credential, or the
     *     gateway's key is unproven, unpinned or not the pinned one; the check before the pin throws as it will
     */
    public static GatewayClient open(Transport transport, Authentication auth, Duration timeout)
            throws LinkException {
        GatewayClient client;
        try {
            client = new GatewayClient(new LinkConnection(transport), timeout);
        } catch (IOException e) {
            closeQuietly(transport);
            throw new LinkException(LinkException.Code.UNREACHABLE,
                    "The link to " + transport.address() + " could not be opened: " + e.getMessage(), e);
        }
        try {
            client.connection.start(client.new Dispatcher(), "gateway-link-" + transport.address());
            client.sayHello(auth);
            return client;
        } catch (LinkException | RuntimeException e) {
            client.close();
            throw e;
        } catch (IOException e) {
            client.close();
            throw new LinkException(LinkException.Code.UNREACHABLE,
                    "The link to " + transport.address() + " could not be used: " + e.getMessage(), e);
        }
    }

    private void sayHello(Authentication auth) throws LinkException {
        SignedCredential credential = auth.credential();
        Hello hello = new Hello(List.of(Frame.VERSION), CONSOLE, credential.signed(), credential.signature(),
                freshNonce());
        Message answer;
        try {
            answer = call(hello);
        } catch (LinkException e) {
            int theirs = connection.foreignVersion();
            if (theirs >= 0 && (e.code() == LinkException.Code.TIMEOUT || e.code() == LinkException.Code.CLOSED)) {
                throw new LinkException(LinkException.Code.REFUSED, "The gateway at " + connection.transport().address()
                        + " speaks version " + theirs + " of the link protocol and this console speaks version "
                        + Frame.VERSION + ": update whichever is older (VERSION_UNSUPPORTED)", e);
            }
            if (e.code() == LinkException.Code.TIMEOUT && connection.bytesReceived() == 0) {
                throw new LinkException(LinkException.Code.TIMEOUT, "The device at "
                        + connection.transport().address() + " did not answer within " + seconds(timeout)
                        + ". It may be busy or starting up, or it may not be a Gridside gateway: check the address "
                        + "and try again.", e);
            }
            if (e.code() == LinkException.Code.TIMEOUT || e.code() == LinkException.Code.CLOSED) {
                throw new LinkException(LinkException.Code.NOT_A_GATEWAY, "The device at "
                        + connection.transport().address() + " did not answer as a Gridside gateway.", e);
            }
            throw e;
        }
        if (!(answer instanceof HelloReply reply)) {
            throw new LinkException(LinkException.Code.NOT_A_GATEWAY, "The device at "
                    + connection.transport().address() + " answered the hello with " + describe(answer) + ".");
        }
        if (!HelloProof.verify(hello, reply)) {
            throw new LinkException(LinkException.Code.GATEWAY_UNVERIFIED, "The gateway at "
                    + connection.transport().address() + " did not prove that it holds the key it presents: it is "
                    + "not a genuine Gridside gateway, or something on the link changed its answer.");
        }
        auth.beforePin().check(reply);
        PinCheck.check(reply, auth, connection.transport().address());
        this.helloAnsweredNanos = System.nanoTime();
        this.hello = reply;
        this.credential = credential;
        this.pins = auth.pins();
        this.technicianKey = auth.technicianKey();
        this.sessionId = HelloProof.sessionId(reply);
        connection.setResumable(resumeWindow != null);
        LOG.info("Connected to gateway {} of site {} over {} {} as {} {}.", reply.gatewayId(), reply.siteId(),
                connection.transport().kind(), connection.transport().address(), reply.role(),
                credential.technicianId());
    }

    /**
     * {@code request} as a command signed with the technician's key when it moves money and the session holds the
     * key; otherwise as it is, and a gateway refuses a bare request that moves money with a code that says why.
     */
    private Message signedIfMovingMoney(Message request) {
        SigningKey key = technicianKey;
        if (key == null || !TechnicianCommand.movesMoney(request)) {
            return request;
        }
        byte[] nonce = new byte[TechnicianCommand.NONCE_SIZE];
        RANDOM.nextBytes(nonce);
        Instant issuedAt = hello.clock().plusNanos(System.nanoTime() - helloAnsweredNanos)
                .truncatedTo(ChronoUnit.MILLIS);
        return TechnicianCommand.of(hello.siteId(), hello.gatewayId(), credential, request, ByteString.of(nonce),
                issuedAt).sign(key);
    }

    private static ByteString freshNonce() {
        byte[] nonce = new byte[NONCE_SIZE];
        RANDOM.nextBytes(nonce);
        return ByteString.of(nonce);
    }

    /** The credential the session was opened with. */
    public SignedCredential credential() {
        return credential;
    }

    /** What the gateway said of itself when the session opened. */
    public HelloReply hello() {
        return hello;
    }

    public Transport transport() {
        return connection.transport();
    }

    public SiteReply site() throws LinkException {
        return expect(call(new GetSite()), SiteReply.class);
    }

    /** The gateway's own health as it measures it now: uptime, load, memory, queues, backhaul and clock. */
    public GatewayHealth health() throws LinkException {
        return expect(call(new GetHealth()), GatewayHealth.class);
    }

    /** Pulls the site's customers with their meters, and feeders where the gateway has them; see {@link #readings}. */
    public long roster(BatchListener<RosterBatch.Entry> listener, CancelSignal cancel) throws LinkException {
        return stream(GetRoster.of(hello.capabilities()), RosterBatch.class,
                batch -> new Batch<>(batch.entries(), batch.total()), listener, cancel);
    }

    /** Every meter's status, pulled as a stream and returned whole. */
    public List<MeterStatus> meterStatus() throws LinkException {
        List<MeterStatus> statuses = new ArrayList<>();
        stream(new GetMeterStatus(), MeterStatusBatch.class, batch -> new Batch<>(batch.meters(), batch.total()),
                (batch, received, total) -> statuses.addAll(batch), CancelSignal.NEVER);
        return statuses;
    }

    /**
     * Sets the gateway's clock, which a supervisor's session only may do.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session
     */
    public ClockSet setClock(Instant clock) throws LinkException {
        ClockSet set = expect(call(new SetClock(clock)), ClockSet.class);
        lastGatewayClock = set.clock();
        return set;
    }

    /**
     * Credits cash collected on site. Sending the same request again is safe: the gateway takes each payment
     * reference once and answers a repeat as already credited.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it
     *     refuses the top-up, such as {@code CASH_LIMIT_EXCEEDED}
     */
    public CashReceipt topUp(CashTopUp request) throws LinkException {
        return expect(call(request), CashReceipt.class);
    }

    /**
     * The requests that change a site's accounts or check its ledger beyond a cash top-up: voids and the cash book,
     * imported payments, meter exchanges and moves, relay commands, and reconciliation by customer day.
     */
    public GatewayBilling billing() {
        return billing;
    }

    /** Firmware: the gateway's slots, image transfer and install, and the meter campaigns it runs. */
    public GatewayFirmware firmware() {
        return firmware;
    }

    /** The operator's revocation lists on the gateway: which it holds, and a newer one given to it. */
    public GatewayRevocations revocations() {
        return revocations;
    }

    /** Commissioning a site: setting up a factory-fresh gateway, giving meters to customers, going live. */
    public GatewayCommissioning commissioning() {
        return commissioning;
    }

    GatewayPins pins() {
        return pins;
    }

    /** Restoring a factory-fresh gateway from the console's replica, when the site's gateway was replaced. */
    public GatewayReplacement replacement() {
        return new GatewayReplacement(this);
    }

    /** Measures one round trip and returns it; the status bar shows the last one. */
    public Duration ping() throws LinkException {
        long started = System.nanoTime();
        long nonce = started;
        Pong pong = expect(call(new Ping(nonce)), Pong.class);
        if (pong.nonce() != nonce) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered a ping with the "
                    + "wrong nonce; the link may be mixing up sessions.");
        }
        lastRoundTrip = Duration.ofNanos(System.nanoTime() - started);
        lastGatewayClock = pong.clock();
        return lastRoundTrip;
    }

    /** The gateway's clock as its last pong (or the hello) gave it. */
    public Instant lastGatewayClock() {
        Instant clock = lastGatewayClock;
        return clock != null ? clock : hello.clock();
    }

    /** The last measured round trip, or null before the first ping. */
    public Duration lastRoundTrip() {
        return lastRoundTrip;
    }

    /**
     * Pulls the readings whose interval starts in [from, to).
     *
     * @return how many readings arrived
     * @throws LinkException with {@link LinkException.Code#INCOMPLETE} when fewer readings arrived than the
     *     gateway's end of stream counts. The link resends what the line loses, so this means the gateway sent
     *     less than it counted, not that the line lost a batch.
     * @throws java.util.concurrent.CancellationException when {@code cancel} stopped the pull
     */
    public long readings(Instant from, Instant to, BatchListener<Reading> listener, CancelSignal cancel)
            throws LinkException {
        return stream(new GetReadings(from, to), ReadingsBatch.class,
                batch -> new Batch<>(batch.readings(), batch.total()), listener, cancel);
    }

    /**
     * Pulls the readings of the one meter {@code meterId} whose interval starts in [from, to); see {@link #readings}.
     * A gateway that lists {@link GetReadings#BY_METER} sends that meter's alone; one that does not is asked the old
     * way and sends every meter's, of which the listener gets the meter's only. Returns how many of those arrived.
     */
    public long readings(String meterId, Instant from, Instant to, BatchListener<Reading> listener,
            CancelSignal cancel) throws LinkException {
        long[] count = {0};
        stream(new GetReadings(from, to, hello.capabilities().contains(GetReadings.BY_METER) ? meterId : null),
                ReadingsBatch.class, batch -> new Batch<>(batch.readings(), batch.total()), (batch, got, total) -> {
                    List<Reading> meters = batch.stream().filter(r -> r.meterId().equals(meterId)).toList();
                    count[0] += meters.size();
                    listener.onBatch(meters, got, total);
                }, cancel);
        return count[0];
    }

    /**
     * Pulls the gateway's logged events, its own and its meters', that happened in [from, to), in the order the
     * gateway logged them; see {@link #readings}.
     */
    public long events(Instant from, Instant to, BatchListener<SiteEvent> listener, CancelSignal cancel)
            throws LinkException {
        return stream(new GetEvents(from, to), EventsBatch.class,
                batch -> new Batch<>(batch.events(), batch.total()), listener, cancel);
    }

    /**
     * Pulls the mesh as it stood at {@code at}, or as it stands now when {@code at} is null, and returns it whole;
     * see {@link #readings}.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} when the gateway holds no topology of that
     *     time ({@code TOPOLOGY_OUT_OF_RANGE}), and {@link LinkException.Code#INCOMPLETE} when its batches do not
     *     belong to one snapshot
     */
    public TopologySnapshot topology(Instant at) throws LinkException {
        return TopologyPull.pull(this, at);
    }

    /**
     * Pulls the gateway's digests of the site days from {@code from} to {@code to}, both included; null asks from
     * the first day of the gateway's history, or up to its today.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} for days outside the gateway's history
     *     ({@code HISTORY_OUT_OF_RANGE})
     */
    public List<DayDigest> dayDigests(LocalDate from, LocalDate to, CancelSignal cancel) throws LinkException {
        List<DayDigest> days = new ArrayList<>();
        stream(new GetDayDigests(from, to), DayDigestsBatch.class, batch -> new Batch<>(batch.days(), batch.total()),
                (batch, received, total) -> days.addAll(batch), cancel);
        return days;
    }

    /**
     * Pulls one site day's mesh history document, joined from its pieces and decompressed; the caller checks it
     * against the day's digest.
     *
     * @throws LinkException with {@link LinkException.Code#INCOMPLETE} when a batch names another day
     */
    public byte[] meshDay(LocalDate day, CancelSignal cancel) throws LinkException {
        return DocumentPull.meshDay(this, day, cancel);
    }

    /**
     * Pulls the gateway's billing configuration document (tariff schedule and credit terms), joined from its pieces,
     * decompressed and checked against the digest its batches name.
     *
     * @throws LinkException with {@link LinkException.Code#INCOMPLETE} when the batches name different digests or
     *     the document does not match its digest
     */
    public byte[] billingConfig(CancelSignal cancel) throws LinkException {
        return DocumentPull.billingConfig(this, cancel);
    }

    /**
     * Pulls the ledger entries after {@code afterSeq}; see {@link #readings}.
     *
     * <p>Entries are numbered without gaps, so an entry the gateway left out shows in the next one, which then
     * fails the pull before it reaches the listener: a store that resumes after its last entry never skips one.
     */
    public long ledger(long afterSeq, BatchListener<LedgerEntry> listener, CancelSignal cancel)
            throws LinkException {
        return ledgerLinks(afterSeq, (links, received, total) -> listener.onBatch(
                links.stream().map(LedgerLink::entry).toList(), received, total), cancel);
    }

    /**
     * Pulls the ledger entries after {@code afterSeq} with the gateway's links of its hash chain, as
     * {@link #ledger} does; the store that keeps them checks the links against its own chain.
     */
    public long ledgerLinks(long afterSeq, BatchListener<LedgerLink> listener, CancelSignal cancel)
            throws LinkException {
        long[] nextSeq = {afterSeq + 1};
        BatchListener<LedgerLink> gapless = (links, received, total) -> {
            for (LedgerLink link : links) {
                long expected = nextSeq[0]++;
                if (expected == 1 && link.entry().seq() > 1) {
                    throw LinkException.chainTakenOver(connection.transport().address(), link.entry().seq());
                }
                if (link.entry().seq() != expected) {
                    throw incomplete("ledger entry " + link.entry().seq() + " came where " + expected + " belongs");
                }
            }
            listener.onBatch(links, received, total);
        };
        return stream(new GetLedger(afterSeq), LedgerBatch.class,
                batch -> new Batch<>(batch.links(), batch.total()), gapless, cancel);
    }

    LinkException incomplete(String what) {
        return new LinkException(LinkException.Code.INCOMPLETE, "The answer from "
                + connection.transport().address() + " was incomplete (" + what + "); pull again.");
    }

    record Batch<T>(List<T> items, long total) {
    }

    <B extends Message, T> long stream(Message request, Class<B> batchType,
            java.util.function.Function<B, Batch<T>> unpack, BatchListener<T> listener, CancelSignal cancel)
            throws LinkException {
        long requestId = nextRequestId.getAndIncrement();
        BlockingQueue<Object> answers = open(requestId);
        try {
            send(requestId, request);
            long received = 0;
            boolean cancelSent = false;
            while (true) {
                if (!cancelSent && cancel.isCancelled()) {
                    send(0, new Cancel(requestId));
                    cancelSent = true;
                }
                Object answer = take(answers, request);
                if (answer instanceof StreamEnd end) {
                    if (end.cancelled() || cancelSent) {
                        throw new java.util.concurrent.CancellationException("The pull was cancelled.");
                    }
                    if (end.count() != received) {
                        throw incomplete(received + " of " + end.count() + " items arrived");
                    }
                    return received;
                }
                B batch = expect(answer, batchType);
                Batch<T> items = unpack.apply(batch);
                received += items.items().size();
                if (!cancelSent) {
                    deliver(listener, items, received);
                }
            }
        } finally {
            waiting.remove(requestId);
        }
    }

    private <T> void deliver(BatchListener<T> listener, Batch<T> items, long received) throws LinkException {
        try {
            listener.onBatch(items.items(), received, items.total());
        } catch (RuntimeException | LinkException e) {
            throw e;
        } catch (Exception e) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR,
                    "A batch from the gateway could not be stored: " + e.getMessage(), e);
        }
    }

    Message call(Message request) throws LinkException {
        return submit(request).answer();
    }

    /** Sends {@code request} without waiting for its answer, so that several may be in flight at once. */
    Pending submit(Message request) throws LinkException {
        long requestId = nextRequestId.getAndIncrement();
        Pending pending = new Pending(requestId, open(requestId), request);
        try {
            send(requestId, request);
        } catch (LinkException e) {
            pending.forget();
            throw e;
        }
        return pending;
    }

    /** A request sent whose answer has not been taken yet. */
    final class Pending {

        private final long requestId;
        private final BlockingQueue<Object> answers;
        private final Message request;

        private Pending(long requestId, BlockingQueue<Object> answers, Message request) {
            this.requestId = requestId;
            this.answers = answers;
            this.request = request;
        }

        /** Waits for the answer as {@link #call} does: an error reply, a time-out or a dropped link throws. */
        Message answer() throws LinkException {
            try {
                return (Message) take(answers, request);
            } finally {
                forget();
            }
        }

        /** Stops waiting: an answer that still comes is dropped. */
        void forget() {
            waiting.remove(requestId);
        }
    }

    private BlockingQueue<Object> open(long requestId) throws LinkException {
        BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        waiting.put(requestId, answers);
        if (closed) {
            waiting.remove(requestId);
            throw closedException();
        }
        return answers;
    }

    private void send(long requestId, Message message) throws LinkException {
        try {
            connection.send(requestId, signedIfMovingMoney(message));
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.CLOSED,
                    "The link to " + connection.transport().address() + " dropped while sending.", e);
        }
    }

    /** The next answer; the answer time does not run while the session is suspended. */
    private Object take(BlockingQueue<Object> answers, Message request) throws LinkException {
        Object answer = null;
        long left = timeout.toNanos();
        try {
            while (answer == null && left > 0) {
                long slice = Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                answer = answers.poll(slice, TimeUnit.NANOSECONDS);
                if (!connection.isSuspended()) {
                    left -= slice;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Code.CLOSED, "The request was interrupted.", e);
        }
        if (answer == null) {
            throw new LinkException(LinkException.Code.TIMEOUT, "The gateway did not answer "
                    + request.getClass().getSimpleName() + " within " + seconds(timeout) + ".");
        }
        if (answer instanceof Closed) {
            throw closedException();
        }
        if (answer instanceof ErrorReply error) {
            throw LinkException.fromGateway(codeOf(error), error.message() + " (" + error.code() + ")", error.code());
        }
        return answer;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static LinkException.Code codeOf(ErrorReply error) {
        if (error.code().startsWith("AUTH") || error.code().startsWith("VERSION")) {
            return LinkException.Code.REFUSED;
        }
        return error.code().startsWith("ROLE") ? LinkException.Code.FORBIDDEN : LinkException.Code.GATEWAY_ERROR;
    }

    private LinkException closedException() {
        String text = "The link to " + connection.transport().address() + " dropped";
        return new LinkException(LinkException.Code.CLOSED,
                closedBy == null ? text + "." : text + ": " + closedBy.getMessage(), closedBy);
    }

    static <M> M expect(Object answer, Class<M> type) throws LinkException {
        if (!type.isInstance(answer)) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR,
                    "The gateway answered with " + describe(answer) + " where a " + type.getSimpleName()
                            + " belongs.");
        }
        return type.cast(answer);
    }

    private static String describe(Object answer) {
        return answer == null ? "nothing" : "a " + answer.getClass().getSimpleName();
    }

    /** Runs {@code listener} once when the link drops or is closed; the cause is null for a clean close. */
    public void onClosed(Consumer<IOException> listener) {
        // A link that closes while this runs reaches the listener both ways; the guard keeps it to one call.
        AtomicBoolean fired = new AtomicBoolean();
        Consumer<IOException> once = cause -> {
            if (fired.compareAndSet(false, true)) {
                listener.accept(cause);
            }
        };
        closeListeners.add(once);
        if (closed) {
            once.accept(closedBy);
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Whether the link broke and the session waits to be {@linkplain #resume resumed}. */
    public boolean isSuspended() {
        return !closed && connection.isSuspended();
    }

    /**
     * Runs {@code listener} with the cause each time the link breaks and the session is suspended; see
     * {@link #resume}. If it is not resumed in time, {@link #onClosed} listeners hear of it with the same cause.
     */
    public void onSuspended(Consumer<IOException> listener) {
        suspendListeners.add(listener);
    }

    /**
     * Keeps the session through a broken link for {@code window}, waiting to be {@linkplain #resume resumed};
     * null closes it when its link breaks, which is right for a caller that will not resume it (a command that
     * runs once). Takes effect at once, before or after the session opened.
     */
    public void setResumeWindow(Duration window) {
        this.resumeWindow = window;
        connection.setResumable(window != null && sessionId != null);
    }

    /**
     * Carries the suspended session on over {@code transport}, which leads to the same gateway (a new socket to
     * its address, or the serial device it came back on). Waiting requests go on; what was in flight is sent
     * again and arrives once.
     *
     * @return true when resumed; false when the gateway at the other end holds no such session (it restarted,
     *     gave up waiting, or is another gateway): {@code transport} is then closed, and this session stays
     *     suspended until its window runs out or it is closed
     * @throws LinkException with {@link LinkException.Code#TIMEOUT} when nothing answered within the answer
     *     time, or {@link LinkException.Code#CLOSED} when the session closed or the new transport broke at once
     * @throws IllegalStateException when the session is not suspended
     */
    public boolean resume(Transport transport) throws LinkException {
        try {
            boolean resumed = connection.resumeOver(transport, sessionId, timeout);
            if (resumed) {
                LOG.info("Resumed the session with gateway {} over {} {}.", hello.gatewayId(), transport.kind(),
                        transport.address());
            }
            return resumed;
        } catch (java.io.InterruptedIOException e) {
            throw new LinkException(LinkException.Code.CLOSED, "Resuming the session was interrupted.", e);
        } catch (IOException e) {
            LinkException.Code code = closed ? LinkException.Code.CLOSED : LinkException.Code.TIMEOUT;
            throw new LinkException(code, "The session could not be resumed over " + transport.address() + ": "
                    + e.getMessage(), e);
        }
    }

    public LinkStats stats() {
        return connection.stats();
    }

    /** Bytes that arrived from the gateway since the session opened, whether they made frames or not. */
    public long bytesReceived() {
        return connection.bytesReceived();
    }

    @Override
    public void close() {
        closedOnPurpose = true;
        connection.close();
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed after a failed open.", transport.address(), e);
        }
    }

    /** Why a session that ends while suspended ended: the break that suspended it; null for a close on purpose. */
    private IOException expiredCause() {
        return closedOnPurpose ? null : brokenBy;
    }

    /** Routes each arriving message to the request waiting for it. */
    private final class Dispatcher implements LinkHandler {

        @Override
        public void onMessage(long requestId, Message message) {
            BlockingQueue<Object> answers = waiting.get(requestId);
            if (answers == null) {
                LOG.debug("A {} arrived for request {}, which nobody is waiting for; ignored.",
                        message.getClass().getSimpleName(), requestId);
                return;
            }
            answers.add(message);
        }

        @Override
        public void onSuspended(IOException cause) {
            brokenBy = cause;
            LOG.warn("The link to {} broke: {}; the session waits to be resumed.", connection.transport().address(),
                    cause.getMessage());
            long suspension = connection.suspensions();
            EXPIRY.schedule(() -> expire(suspension), resumeWindow.toMillis(), TimeUnit.MILLISECONDS);
            suspendListeners.forEach(listener -> listener.accept(cause));
        }

        private void expire(long suspension) {
            if (connection.isSuspended() && connection.suspensions() == suspension) {
                LOG.info("The session with {} was not resumed within {}; it ends.", connection.transport().address(),
                        seconds(resumeWindow));
                connection.close();
            }
        }

        @Override
        public void onClosed(IOException closeCause) {
            IOException cause = closeCause != null ? closeCause : expiredCause();
            closedBy = cause;
            closed = true;
            waiting.values().forEach(answers -> answers.add(new Closed(cause)));
            if (cause != null) {
                LOG.warn("The link to {} dropped: {}", connection.transport().address(), cause.getMessage());
            }
            closeListeners.forEach(listener -> listener.accept(cause));
        }
    }
}
