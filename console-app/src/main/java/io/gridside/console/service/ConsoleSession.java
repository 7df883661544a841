package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.link.auth.Role;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.console.imports.ReadingsImport;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.HelloReply;
import io.gridside.link.session.LinkStats;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.console.service.sync.SyncSchedule;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.GapEstimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of the console with one gateway and that site's database: what the screens ask of the site,
 * without a thought for sockets or SQL. Every method blocks, so screens call it through the task runner.
 *
 * <p>A session outlives its link: when the cable is pulled and plugged back in, or the network drops for a while,
 * {@link #resume} resumes it with the same gateway (on whatever serial device it came back on), and whatever was
 * in progress, a pull included, carries on where it stopped.
 */
public final class ConsoleSession implements AutoCloseable {

    /** How far back the first pull from a real gateway reaches. */
    static final Duration FIRST_PULL = Duration.ofDays(2);
    /** How many days a statement covers when the technician names none. */
    static final int STATEMENT_DAYS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

    private final SiteStore store;
    private final SiteSync sync;
    private final LedgerVerification.Outcome ledgerOnOpening;
    private final RevocationCarrier.Carried revocationsOnOpening;
    private final List<Consumer<IOException>> linkLostListeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionTarget target;
    private volatile GatewayClient client;
    private volatile Instant pulledUpTo;
    private volatile boolean closed;
    private volatile boolean keepThroughDrops;
    private long measuredAt;
    private long bytesAtMeasure;

    private ConsoleSession(ConnectionTarget target, GatewayClient client, SiteStore store,
            RevocationCarrier.Carried revocationsOnOpening, Path dataDir) {
        this.revocationsOnOpening = revocationsOnOpening;
        this.target = target;
        this.client = client;
        this.store = store;
        this.sync = new SiteSync(store, this::credential, dataDir, Clock.systemUTC(), SyncSchedule.INTERVAL);
        this.ledgerOnOpening = LedgerVerification.run(store);
        if (!ledgerOnOpening.intact()) {
            LOG.warn("The site database {} holds a broken ledger: {}", store.file(), ledgerOnOpening.summary());
        }
    }

    /** The check of the stored ledger's chain and balances made when this session opened the site database. */
    public LedgerVerification.Outcome ledgerOnOpening() {
        return ledgerOnOpening;
    }

    /**
     * Connects to {@code target} with the technician's credential and opens the site's database: the site's own
     * file in the data folder for a real gateway, a fresh temporary one for the demo site (whose history is
     * made anew at every start).
     */
    public static ConsoleSession open(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential) throws IOException {
        return open(connector, dirs, target, credential, null);
    }

    /**
     * Connects to a gateway found on the LAN by its advert, and opens its site's database; refuses the session when
     * the gateway's hello names another gateway than the advert did, since adverts prove nothing and a different
     * device may answer at that address.
     */
    public static ConsoleSession open(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential, String advertisedGatewayId) throws IOException {
        return withStore(dirs, target, connector.connect(target, credential), advertisedGatewayId);
    }

    /** Connects to {@code target} as {@link #open} does, re-pinning the site's gateway key on purpose. */
    public static ConsoleSession repin(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential) throws IOException {
        return withStore(dirs, target, connector.repin(target, credential), null);
    }

    /** Connects to {@code target} as {@link #open} does, re-pinning the site's key if the operator's record allows. */
    public static ConsoleSession repinWithRecord(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential, SignedKeyReplacement record) throws IOException {
        return withStore(dirs, target, connector.repinWithRecord(target, credential, record), null);
    }

    /**
     * Connects to the demo site as its demo supervisor, and sets its sync up with the demo's cloud, which starts
     * beside the site; the schedule starts after the first pull.
     */
    public static ConsoleSession openDemo(Connector connector, AppDirs dirs, ConnectionTarget.Demo demo)
            throws IOException {
        ConsoleSession session = withStore(dirs, demo, connector.connectDemo(demo), null);
        try {
            connector.demoCloud().ifPresent(cloud -> session.store.sync().saveConfig(cloud.url(), cloud.pin()));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private static ConsoleSession withStore(AppDirs dirs, ConnectionTarget target, GatewayClient client,
            String advertisedGatewayId) throws IOException {
        try {
            String said = client.hello().gatewayId();
            if (advertisedGatewayId != null && !advertisedGatewayId.equals(said)) {
                throw new LinkException(LinkException.Code.NOT_A_GATEWAY, I18n.text("connect.advertMismatch",
                        target.describe(), said, advertisedGatewayId));
            }
            SiteStore store = SiteStore.open(databaseFor(dirs, target, client.hello()));
            try {
                Optional<RevocationCarrier.Carried> carried = RevocationCarrier.carry(client, store);
                return new ConsoleSession(target, client, store, carried.orElse(null), dirs.data());
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * What the session did with the operator's revocation list as it opened: the list it gave the gateway, or the
     * one the gateway held already; empty when this laptop holds none or the gateway keeps none.
     */
    public Optional<RevocationCarrier.Carried> revocationsOnOpening() {
        return Optional.ofNullable(revocationsOnOpening);
    }

    private static Path databaseFor(AppDirs dirs, ConnectionTarget target, HelloReply hello) throws IOException {
        if (target instanceof ConnectionTarget.Demo demo && demo.database() != null) {
            return demo.database();
        }
        if (target instanceof ConnectionTarget.Demo) {
            Path file = Files.createTempFile("gridside-demo-", ".db");
            file.toFile().deleteOnExit();
            return file;
        }
        return dirs.siteDatabase(hello.siteId());
    }

    /** The cloud sync of this session's site database. */
    public SiteSync sync() {
        return sync;
    }

    /** The firmware services on this session's gateway and site database, trusting {@code trust}'s keys. */
    public SessionFirmware firmware(io.gridside.console.service.firmware.FirmwareTrust trust) {
        return new SessionFirmware(() -> client, store, trust);
    }

    /** The site database this session keeps its replica in. */
    public Path siteFile() {
        return store.file();
    }

    public HelloReply hello() {
        return client.hello();
    }

    /** The credential the session runs under. */
    public SignedCredential credential() {
        return client.credential();
    }

    /** The link as a person names it: {@code TCP 127.0.0.1:7700} or {@code SERIAL /dev/ttyACM0}. */
    public String linkLabel() {
        return client.transport().kind() + " " + client.transport().address();
    }

    public String address() {
        return client.transport().address();
    }

    /**
     * Runs {@code listener} with the cause when the link drops (not when this session closes it), for this link and
     * for each link that {@link #resume} opens later.
     */
    public void onLinkLost(Consumer<IOException> listener) {
        linkLostListeners.add(listener);
        forwardDrops(client, listener);
    }

    private void forwardDrops(GatewayClient link, Consumer<IOException> listener) {
        link.onSuspended(cause -> {
            if (link == client) {
                listener.accept(cause);
            }
        });
        link.onClosed(cause -> {
            if (cause != null && link == client) {
                listener.accept(cause);
            }
        });
    }

    /**
     * Whether {@link #resume} can carry the session on: its link is suspended, waiting to be resumed, or it ran
     * over a serial port, where the gateway can be found again by its identity.
     */
    public boolean canResume() {
        return target instanceof ConnectionTarget.Serial || client.isSuspended();
    }

    /**
     * Keeps the session through a broken link, waiting to be {@linkplain #resume resumed}, as the console's
     * screens do; a command that runs once leaves it off, so that a dropped link fails it at once.
     */
    public void keepThroughDrops() {
        keepThroughDrops = true;
        client.setResumeWindow(GatewayClient.DEFAULT_RESUME_WINDOW);
    }

    /** Whether the link is up: open and not waiting to be resumed. */
    public boolean isLinkUp() {
        return client.isOpen() && !client.isSuspended();
    }

    /**
     * After the serial link dropped, finds the same gateway again on whatever port it came back on, and carries on
     * the session there: same site database, and the next pull resumes where the last one ended.
     *
     * @throws LinkException when the gateway did not come back within {@code giveUpAfter}
     * @throws CancellationException when {@code cancel} stopped the search or the session
     *     was closed meanwhile
     */
    public void resume(GatewayRefinder refinder, Duration giveUpAfter, Progress progress, CancelSignal cancel)
            throws LinkException {
        CancelSignal stop = () -> closed || cancel.isCancelled();
        GatewayClient lost = client;
        if (target instanceof ConnectionTarget.Serial serial) {
            HelloReply said = lost.hello();
            GatewayRefinder.Wanted wanted = new GatewayRefinder.Wanted(said.gatewayId(), said.siteId(),
                    serial.device(), serial.confirmed());
            GatewayClient found = refinder.find(wanted, lost, giveUpAfter, progress, stop);
            String device = found.transport().address();
            attach(found, new ConnectionTarget.Serial(device, serial.confirmed() && device.equals(serial.device())),
                    stop);
        } else {
            attach(refinder.resumeAt(target, lost, giveUpAfter, progress, stop), target, stop);
        }
    }

    /**
     * Carries on with {@code found}, the resumed session or a new one with the same gateway, at {@code where}; a new
     * one is given the revocation list first, as every session is right after its hello.
     *
     * @throws LinkException when the list revokes the session's own credential, or the new link fails at once
     */
    private synchronized void attach(GatewayClient found, ConnectionTarget where, CancelSignal stop)
            throws LinkException {
        GatewayClient previous = client;
        if (found != previous && !stop.isCancelled()) {
            try {
                RevocationCarrier.carry(found, store);
            } catch (LinkException e) {
                found.close();
                throw e;
            }
        }
        if (stop.isCancelled()) {
            if (found != previous) {
                found.close();
            }
            throw new CancellationException("The search was stopped or the session closed as the gateway answered.");
        }
        target = where;
        measuredAt = 0;
        if (found != previous) {
            if (keepThroughDrops) {
                found.setResumeWindow(GatewayClient.DEFAULT_RESUME_WINDOW);
            }
            client = found;
            linkLostListeners.forEach(listener -> forwardDrops(found, listener));
            previous.close();
        }
    }

    /** Where the session's gateway is now; after {@link #resume}, the port it came back on. */
    public ConnectionTarget target() {
        return target;
    }

    /** Pulls what is new since the last pull (or the first window), up to the gateway's clock now. */
    public SitePull.Result pull(Progress progress, CancelSignal cancel) throws LinkException {
        client.ping();
        Instant to = client.lastGatewayClock();
        Instant from = pulledUpTo != null ? pulledUpTo.minus(Reading.INTERVAL) : firstPullFrom(to);
        SitePull.Result result = SitePull.run(client, store, from, to, progress, cancel);
        pulledUpTo = to;
        sync.siteStored();
        return result;
    }

    private Instant firstPullFrom(Instant to) {
        if (target instanceof ConnectionTarget.Demo demo) {
            return Reading.intervalStartOf(demo.spec().now()).minus(Duration.ofDays(demo.spec().historyDays()));
        }
        return to.minus(FIRST_PULL);
    }

    /** A meter's stored readings of the {@code window} up to the gateway's clock, oldest first. */
    public List<Reading> readings(String meterId, Duration window) {
        Instant end = client.lastGatewayClock().plus(Reading.INTERVAL);
        return store.readings(meterId, end.minus(window), end);
    }

    /**
     * A customer's statement over the site days {@code first} to {@code last} from what is pulled; a day left null
     * is taken from the ledger: the last week of its days, or the gateway's today when it holds none.
     */
    public CustomerStatement statement(String customerId, LocalDate first, LocalDate last) {
        Statements statements = Statements.of(store);
        LocalDate today = client.lastGatewayClock().atZone(statements.site().zone()).toLocalDate();
        Statements.Period ledger = statements.ledgerPeriod().orElse(new Statements.Period(today, today));
        LocalDate to = last != null ? last : ledger.last();
        LocalDate from = first != null ? first : latest(ledger.first(), to.minusDays(STATEMENT_DAYS - 1));
        return statements.of(customerId, new Statements.Period(from, to));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Each meter's lifeline power limit in watts, for the meters that have one; see {@link PowerLimits}. */
    public Map<String, Integer> powerLimits() {
        return PowerLimits.of(store);
    }

    /** The mesh the site database holds at any moment pulled, and the radio positions kept for the mesh view. */
    public MeshHistory meshHistory() {
        return new MeshHistory(store);
    }

    /** What the Replay screen reads of the site database: events, meters, feeders, parents. */
    public ReplayHistory replayHistory() {
        return new ReplayHistory(store);
    }

    /** What the site database holds to preview a tariff change with; see {@link TariffPreview}. */
    public TariffPreview tariffPreview() {
        return TariffPreview.of(store);
    }

    /** A customer's stored readings from every meter of theirs, oldest first, for {@code preview}. */
    public List<Reading> customerReadings(TariffPreview preview, String customerId) {
        return preview.readings(store, customerId);
    }

    /** Audits the billing of everything pulled so far; see {@link BillingAudit}. */
    public BillingReport audit() {
        return BillingAudit.run(store);
    }

    /** Audits as {@link #audit()} does, giving up once {@code stopAsked} says so; see {@link BillingAudit}. */
    public BillingReport audit(BooleanSupplier stopAsked) {
        return BillingAudit.run(store, stopAsked);
    }

    /** The role the gateway granted this session's credential. */
    public Role role() {
        return Role.ofWireName(client.hello().role());
    }

    /** Runs VEE over what is pulled and keeps what it finds; see {@link VeeQueue#run}. */
    public VeeQueue.Run runVee() {
        SiteInfo site = store.site().orElseThrow(() -> new IllegalArgumentException(
                "The site database holds no site yet; pull the site first."));
        return VeeQueue.run(store, site, client.lastGatewayClock());
    }

    /** The exceptions queue with its decisions; see {@link VeeQueue#items}. */
    public List<VeeQueue.Item> exceptionQueue() {
        return VeeQueue.items(store);
    }

    /** Every gap estimate held, by meter and gap start. */
    public List<GapEstimate> estimates() {
        return store.estimates();
    }

    /** Records a technician's decision on a queued exception. */
    public void decide(ExceptionDecision decision) {
        VeeQueue.decide(store, decision);
    }

    /** How many reads wait in the outbox for the gateway's billing; see {@link VeeQueue#readsWaiting}. */
    public int readsWaiting() {
        return VeeQueue.readsWaiting(store);
    }

    /** Records a technician's edit of a gap's estimate. */
    public void editEstimate(EstimateEdit edit) {
        VeeQueue.edit(store, edit);
    }

    /**
     * Reconciles the gateway's ledger with the console's re-rating over the site days {@code from} to {@code to}
     * (null for the ledger's first day and the gateway's yesterday), and works out what posting its corrections
     * would do; see {@link LedgerReconciliation} and {@link CorrectionPosting}.
     */
    public Reconciled reconcile(LocalDate from, LocalDate to, CancelSignal cancel) throws LinkException {
        LedgerReconciliation.Result result = LedgerReconciliation.run(client, store, from, to, cancel);
        return new Reconciled(result, CorrectionPosting.plan(result), client.hello().currency());
    }

    /**
     * Has the gateway post {@code plan}'s corrections; the gateway refuses them for any but a supervisor.
     *
     * @return the corrections posted
     */
    public List<LedgerLink> postCorrections(CorrectionPosting.Plan plan) throws LinkException {
        return CorrectionPosting.corrections(CorrectionPosting.post(client, plan));
    }

    /**
     * Sends a tariff version to the gateway, which re-rates from its effective time; the gateway refuses it for any
     * but a supervisor, and the schedule pulled next holds it.
     */
    public TariffPushed pushTariff(PushTariff request) throws LinkException {
        return client.billing().pushTariff(request);
    }

    /** A reconciliation's report with what posting its corrections would do, in the site's currency. */
    public record Reconciled(LedgerReconciliation.Result result, CorrectionPosting.Plan plan, String currency) {
    }

    /** Credits cash collected on site; the gateway takes each reference once. See {@link GatewayClient#topUp}. */
    public CashReceipt topUp(CashTopUp request) throws LinkException {
        return client.topUp(request);
    }

    /** Voids a cash receipt, which the gateway lets only a supervisor do, and not for their own receipt. */
    public CashVoided voidReceipt(CashVoid request) throws LinkException {
        return client.billing().voidCash(request);
    }

    /**
     * The gateway's cash book of the site day {@code day} (null: the gateway's today), with the lines the site
     * database holds of a gateway this one replaced that day.
     */
    public CashBooks.Day cashBook(LocalDate day, CancelSignal cancel) throws LinkException {
        return CashBooks.day(client, day, cancel).withReplica(store.cashBook());
    }

    /** What importing {@code bytes} as readings would change in the site database, writing nothing. */
    public ReadingsImport.Plan planReadings(byte[] bytes, String source) {
        return ReadingsImport.plan(store, site(), bytes, source, Instant.now());
    }

    /**
     * Plans {@code bytes} afresh and, when the file has no problem, stores its reads in one transaction: a plan
     * made earlier may be stale, since a pull may have stored reads since.
     */
    public ImportOutcome<ReadingsImport.Plan> importReadings(byte[] bytes, String source) {
        ReadingsImport.Plan plan = planReadings(bytes, source);
        boolean applied = plan.problems().isEmpty();
        if (applied) {
            ReadingsImport.apply(store, plan);
        }
        return new ImportOutcome<>(plan, applied);
    }

    /** What importing {@code bytes} as payments would queue in the outbox, writing nothing. */
    public PaymentsImport.Plan planPayments(byte[] bytes, String source) {
        return PaymentsImport.plan(store, site(), bytes, source, Instant.now());
    }

    /** Plans {@code bytes} afresh and, when the file has no problem, queues its new payments in the outbox. */
    public ImportOutcome<PaymentsImport.Plan> importPayments(byte[] bytes, String source) {
        Instant now = Instant.now();
        PaymentsImport.Plan plan = PaymentsImport.plan(store, site(), bytes, source, now);
        boolean applied = plan.problems().isEmpty();
        if (applied) {
            PaymentsImport.apply(store, plan, now);
        }
        return new ImportOutcome<>(plan, applied);
    }

    /**
     * A plan and whether it was applied: a file with any problem changes nothing.
     *
     * @param <P> the kind of plan
     */
    public record ImportOutcome<P>(P plan, boolean applied) {
    }

    /** The payments of the site database's outbox. */
    public List<PaymentOutbox.Row> outbox() {
        return PaymentOutbox.rows(store);
    }

    /**
     * Sends the outbox's pending payments to the gateway (see {@link PaymentPush}), then its pending reads (see
     * {@link ReadingPush}). KNOWN SHORTCOMING: only the payments' answers come back to the screen; the reads'
     * answers are kept in the outbox, and {@code connect ... push} prints them.
     */
    public PaymentPush.Result push(Progress progress) throws LinkException {
        PaymentPush.Result payments = PaymentPush.run(client, store, progress);
        if (!store.pendingReads().isEmpty()) {
            ReadingPush.run(client, store, progress);
        }
        return payments;
    }

    private SiteInfo site() {
        return store.site().orElseThrow(() -> new IllegalStateException(I18n.text("imports.noSite")));
    }

    /** Measures the link now: a round trip, and the rate bytes arrived at since the last measurement. */
    public synchronized LinkHealth ping() throws LinkException {
        Duration roundTrip = client.ping();
        long now = System.nanoTime();
        long bytes = client.bytesReceived();
        double rate = measuredAt == 0 ? 0 : (bytes - bytesAtMeasure) * 1e9 / Math.max(1, now - measuredAt);
        measuredAt = now;
        bytesAtMeasure = bytes;
        LinkStats stats = client.stats();
        return new LinkHealth(roundTrip, stats.framesDropped(), client.lastGatewayClock(), rate,
                stats.retransmissions());
    }

    /** What the gateway reports of its own health now: uptime, load, memory, queue, backhaul and clock. */
    public GatewayHealth gatewayHealth() throws LinkException {
        return client.health();
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    @Override
    public synchronized void close() {
        closed = true;
        sync.close();
        client.close();
        store.close();
    }
}
