package io.gridside.sim.replace;

import io.gridside.billing.Takeover;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReadRegisters;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.SiteReply;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayRestore;
import io.gridside.link.server.GatewayService;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.FreshJournal;
import io.gridside.sim.SimClock;
import io.gridside.site.CreditState;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.server.CommandLog;
import io.gridside.link.server.MemoryCommandLog;
import io.gridside.site.RelayCommand;
import io.gridside.site.cash.CashBookLine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A factory-fresh gateway mounted in place of a site's dead one, which takes the site over from a console's
 * verified replica (protocol section 6.32): the site, tariff, customers, meters and balances, and the ledger's tip,
 * which its own chain continues (decision 0067), with the billing configuration, debts and receipt books the dead
 * gateway had (section 6.35, decision 0075). It reads the site's meters, which kept counting while the site
 * had no gateway, and posts the console's reconciliation of the gap, each line once; from then on it bills the site
 * itself (protocol section 6.34, decision 0071; see {@link ReplacementBilling}). Thread-safe.
 *
 * <p>Made {@link #journaled}, it keeps every request that changed what it holds in a journal, as a real gateway keeps
 * its state on flash, so a simulator stopped after a replacement resumes the replacement's billing on the continued
 * chain with nothing applied twice ({@link ReplacementJournal}).
 *
 * <p>It knows the site it is mounted for (its credentials are the site's), and nothing else until a restore is
 * applied: before, it answers only the restore and a hello. It keeps the chunks of a restore under way in memory,
 * as a real gateway keeps them on flash, so a console whose link drops resumes where it stopped.
 */
public final class ReplacementGateway implements GatewayService, GatewayRestore {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacementGateway.class);
    private static final String FIRMWARE = "sim-replacement-1.0";

    private final String siteId;
    private final String gatewayId;
    private final SigningKey identityKey;
    private final TrustedOperators trusted;
    private final SimClock clock;
    private final MeterRegisters meters;
    /** The site's payment provider, and since when what customers paid reached no gateway. */
    private final ReplacementBilling.Retries retries;
    private final RestoreStaging staging = new RestoreStaging();
    /**
     * The signed commands it took (cash, voids, payments), which an audit checks the ledger against: kept in its
     * journal when it keeps one, so that they outlast a start again as its ledger does.
     */
    private final CommandLog commands;
    /** Where it keeps every request that changed what it holds, or null for a gateway that keeps none. */
    private final ReplacementJournal journal;
    /** Its clock, which it holds still while it serves a request its journal keeps; null when it keeps none. */
    private final FreshJournal.PinnedClock pinnedClock;
    private Duration clockOffset = Duration.ZERO;
    private RestoredSite restored;
    /** The registers it read last, to which the reconciliation bills each meter's gap. */
    private RegistersRead lastRead;
    /** Its own billing, from the reconciliation on; null before. */
    private ReplacementBilling billing;
    /** Whether it takes the accounts' periods a reconciliation carries (schema 3), as it says in its hello. */
    private boolean takesPeriods = true;
    /** Whether it takes the replica's ledger in the restore (section 6.41), as it says in its hello. */
    private boolean takesLedger = true;
    /** When this box started, in simulated time: its uptime counts from here. */
    private final Instant started;
    /** How it measures its health on its site, or null when it was given no way to. */
    private Vitals vitals;

    /** How a replacement measures its health where it is mounted: the site's backhaul and load. */
    public interface Vitals {

        /** The health of a box started at {@code started} whose clock reads {@code clock} now. */
        GatewayHealth measure(Instant started, Instant clock);
    }

    /**
     * @param siteId the site the gateway is mounted for, whose credentials it accepts
     * @param meters the site's meters as the gateway reaches them over the mesh
     */
    public ReplacementGateway(String siteId, String gatewayId, SigningKey identityKey, TrustedOperators trusted,
            SimClock clock, MeterRegisters meters) {
        this(siteId, gatewayId, identityKey, trusted, clock, meters, PaymentProvider.NONE);
    }

    /**
     * As {@link #ReplacementGateway(String, String, SigningKey, TrustedOperators, SimClock, MeterRegisters)}, on a site
     * whose payment provider sends again, once this gateway bills, what customers paid from now, when it is
     * mounted, until then.
     */
    public ReplacementGateway(String siteId, String gatewayId, SigningKey identityKey, TrustedOperators trusted,
            SimClock clock, MeterRegisters meters, PaymentProvider payments) {
        this(siteId, gatewayId, identityKey, trusted, clock, meters, null, null,
                new ReplacementBilling.Retries(payments, clock.now()));
    }

    private ReplacementGateway(String siteId, String gatewayId, SigningKey identityKey, TrustedOperators trusted,
            SimClock clock, MeterRegisters meters, ReplacementJournal journal, FreshJournal.PinnedClock pinnedClock,
            ReplacementBilling.Retries retries) {
        this.retries = retries;
        this.journal = journal;
        this.pinnedClock = pinnedClock;
        this.commands = journal == null ? new MemoryCommandLog() : journal.commandLog();
        this.siteId = siteId;
        this.gatewayId = gatewayId;
        this.identityKey = identityKey;
        this.trusted = trusted;
        this.clock = clock;
        this.meters = meters;
        this.started = clock.now();
    }

    /** Lets the gateway answer a GetHealth, as its site's {@code vitals} measure it. */
    public synchronized void measuresHealthBy(Vitals vitals) {
        this.vitals = vitals;
    }

    /** Its own health, measured now, as the first gateway of its site reports its own. */
    @Override
    public synchronized GatewayHealth health() {
        if (vitals == null) {
            return GatewayService.super.health();
        }
        return vitals.measure(started, clock());
    }

    /**
     * A replacement gateway that keeps its journal in {@code directory} ({@link ReplacementJournal}): started on a
     * journal it kept before, it takes every request kept there again before it answers anything, and bills on
     * from there. The caller closes it with {@link #closeJournal()}.
     *
     * @throws io.gridside.sim.journal.JournalException when the journal there was kept for another site, or a
     *     request kept is refused when taken again
     */
    public static ReplacementGateway journaled(String siteId, String gatewayId, SigningKey identityKey,
            TrustedOperators trusted, SimClock clock, MeterRegisters meters, Path directory) {
        return journaled(siteId, gatewayId, identityKey, trusted, clock, meters, PaymentProvider.NONE, directory);
    }

    /**
     * As {@link #journaled(String, String, SigningKey, TrustedOperators, SimClock, MeterRegisters, Path)}, on a site
     * whose payment provider sends again what customers paid from when the journal began (the gateway was first
     * mounted) until it bills; started again, it takes them again as it did.
     */
    public static ReplacementGateway journaled(String siteId, String gatewayId, SigningKey identityKey,
            TrustedOperators trusted, SimClock clock, MeterRegisters meters, PaymentProvider payments,
            Path directory) {
        FreshJournal.PinnedClock pinned = new FreshJournal.PinnedClock(clock);
        ReplacementJournal journal = ReplacementJournal.open(directory, siteId, clock.now());
        ReplacementGateway gateway = new ReplacementGateway(siteId, gatewayId, identityKey, trusted, pinned, meters,
                journal, pinned, new ReplacementBilling.Retries(payments, journal.began()));
        try {
            journal.replay(gateway, pinned);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return gateway;
    }

    /** Closes its journal, if it keeps one. */
    public void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    /** A request the journal keeps. */
    private interface Request<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Serves a request the journal keeps with the clock held at one instant: the simulated clock runs on, faster
     * than real time, while a request is served, and everything the request dates (a reconciliation's entries, the
     * registers read, cash taken) must be dated at the instant the journal keeps it at, as it is when the journal
     * is taken again. A gateway that keeps no journal serves it on its running clock.
     */
    private <T, E extends Exception> T atOneInstant(Request<T, E> request) throws E {
        if (pinnedClock == null) {
            return request.run();
        }
        pinnedClock.pin(pinnedClock.now());
        try {
            return request.run();
        } finally {
            pinnedClock.unpin();
        }
    }

    /** Keeps a request it took, when it keeps a journal. */
    private void kept(Message request, String by) {
        if (journal != null) {
            journal.took(request, clock.now(), by);
        }
    }

    /**
     * Makes this gateway one of a firmware that takes reconciliations of schema 2 only (section 6.40): it lists no
     * {@code account-periods} capability, ignores the periods a reconciliation carries and opens every account
     * afresh, as such a gateway in the field does.
     */
    public synchronized ReplacementGateway takingNoPeriods() {
        takesPeriods = false;
        return this;
    }

    /**
     * Makes this gateway one of a firmware that takes the replica's tip only (before section 6.41): it lists no
     * {@code restore-ledger} capability, refuses a ledger part, and holds no entry before the tip.
     */
    public synchronized ReplacementGateway takingNoLedger() {
        takesLedger = false;
        return this;
    }

    @Override
    public synchronized GatewayProfile profile() {
        if (restored == null) {
            return new GatewayProfile(gatewayId, siteId, "", FIRMWARE, "XXX", "UTC", capabilities("restore"));
        }
        BeginRestore begin = restored.begin();
        List<String> capabilities = billing == null ? capabilities("site", "meter-status", "ledger", "restore")
                : capabilities("site", "meter-status", "readings", "ledger", "billing-config", "cash-top-up",
                        "cash-book", "relay-commands", "payment-channels", "restore");
        return new GatewayProfile(gatewayId, siteId, begin.site().name(), FIRMWARE, begin.site().currency(),
                begin.site().zone().getId(), capabilities);
    }

    /** {@code listed}, {@code account-periods} when it takes them, and {@code restore-ledger} when it takes it. */
    private List<String> capabilities(String... listed) {
        List<String> capabilities = new ArrayList<>(List.of(listed));
        if (takesPeriods) {
            capabilities.add(PostReconciliation.ACCOUNT_PERIODS);
        }
        if (takesLedger) {
            capabilities.add(RestoreLedgerPart.RESTORE_LEDGER);
        }
        return capabilities;
    }

    @Override
    public SigningKey identityKey() {
        return identityKey;
    }

    @Override
    public TrustedOperators trustedOperators() {
        return trusted;
    }

    @Override
    public synchronized Instant clock() {
        return clock.now().plus(clockOffset);
    }

    @Override
    public synchronized Instant setClock(Instant newClock) {
        return atOneInstant(() -> setClockNow(newClock));
    }

    private Instant setClockNow(Instant newClock) {
        Instant previous = clock();
        clockOffset = Duration.between(clock.now(), newClock);
        kept(new SetClock(newClock), null);
        return previous;
    }

    @Override
    public synchronized SiteReply site() {
        BeginRestore begin = restoredSite().begin();
        return new SiteReply(begin.site(), begin.tariff(), restored.accounts().size());
    }

    /** What the restore said the site bills with, once it bills: it answers GetBillingConfig as any gateway does. */
    @Override
    public synchronized byte[] billingConfig() {
        if (billing == null) {
            throw new UnsupportedOperationException("this gateway bills nothing before its reconciliation is posted");
        }
        return restored.billingConfigDocument();
    }

    @Override
    public synchronized List<RosterBatch.Entry> roster() {
        return restoredSite().accounts().stream()
                .map(account -> new RosterBatch.Entry(account.customer(), account.meter(), null)).toList();
    }

    /** Each meter with its customer's balance on this gateway; what it has not read since the restore is unknown. */
    @Override
    public synchronized List<MeterStatus> meterStatus() {
        RestoredSite site = restoredSite();
        if (advanced()) {
            return billing.statuses(site.accounts());
        }
        String currency = site.begin().site().currency();
        List<MeterStatus> statuses = new ArrayList<>();
        for (RestoreChunk.Account account : site.accounts()) {
            String customerId = account.customer().customerId();
            statuses.add(new MeterStatus(account.meter().meterId(), customerId, account.customer().name(),
                    site.balance(customerId), currency, null, 0, account.meter().rssiDbm(),
                    account.meter().parentId(), RelayState.ON, CreditState.ACTIVE));
        }
        return statuses;
    }

    /**
     * The readings the dead gateway billed, when the restore carried them (section 6.41), then those it billed since
     * its reconciliation; none before it is restored.
     */
    @Override
    public synchronized List<Reading> readings(Instant from, Instant to, String meterId) {
        if (restored == null) {
            return List.of();
        }
        List<Reading> readings = new ArrayList<>(restored.replicaReadings(from, to, meterId));
        if (advanced()) {
            readings.addAll(billing.readings(from, to, meterId));
        }
        readings.sort(Comparator.comparing(Reading::intervalStart).thenComparing(Reading::meterId));
        return readings;
    }

    @Override
    public synchronized List<LedgerEntry> ledgerAfter(long afterSeq) {
        return ledgerLinksAfter(afterSeq).stream().map(LedgerLink::entry).toList();
    }

    /** The replica's tip and the entries it posted after it; it holds none of the replica's before the tip. */
    @Override
    public synchronized List<LedgerLink> ledgerLinksAfter(long afterSeq) {
        advanced();
        return restored == null ? List.of() : restored.linksAfter(afterSeq);
    }

    /** Takes cash once its billing runs, as a simulated gateway's desk does; before, it refuses. */
    @Override
    public synchronized CashReceipt creditCash(CashTopUp request, CashAllowance allowance)
            throws CashRefusedException {
        return atOneInstant(() -> creditCashNow(request, allowance));
    }

    private CashReceipt creditCashNow(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
        if (!advanced()) {
            throw new CashRefusedException("UNSUPPORTED", "This replacement gateway takes no cash until its "
                    + "reconciliation is posted; enter the payment in the replacement, which credits it once.");
        }
        CashReceipt receipt = billing.cash().take(request, allowance);
        if (journal != null) {
            journal.tookCash(request, clock.now(), allowance);
        }
        return receipt;
    }

    @Override
    public synchronized CashVoided voidCash(CashVoid request, String supervisorId) throws CashRefusedException {
        return atOneInstant(() -> voidCashNow(request, supervisorId));
    }

    private CashVoided voidCashNow(CashVoid request, String supervisorId) throws CashRefusedException {
        requireBilling();
        CashVoided voided = billing.cash().voidReceipt(request, supervisorId);
        kept(request, supervisorId);
        return voided;
    }

    @Override
    public synchronized List<CashBookLine> cashBook(LocalDate from, LocalDate to) {
        requireBilling();
        ZoneId zone = restored.begin().site().zone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        LocalDate last = to == null ? LocalDate.ofInstant(clock(), zone) : to;
        return billing.cash().lines(start, last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public synchronized PaymentsPosted postPayments(PostPayments request) {
        return atOneInstant(() -> postPaymentsNow(request));
    }

    private PaymentsPosted postPaymentsNow(PostPayments request) {
        requireBilling();
        PaymentsPosted posted = billing.cash().postImported(request, billing.posting(), clock());
        kept(request, null);
        return posted;
    }

    @Override
    public synchronized List<String> importedPayments() {
        return billing == null ? List.of() : billing.cash().imported();
    }

    @Override
    public synchronized List<RelayCommand> relayCommands() {
        return advanced() ? billing.relayCommands() : List.of();
    }

    @Override
    public CommandLog commandLog() {
        return commands;
    }

    /** Brings its billing, once it runs, up to its clock: every quarter hour not yet billed is billed. */
    public synchronized void advance() {
        advanced();
    }

    /** Bills up to the clock when billing runs, and says whether it does. */
    private boolean advanced() {
        if (billing == null) {
            return false;
        }
        billing.advance(clock());
        return true;
    }

    private void requireBilling() {
        if (!advanced()) {
            throw new UnsupportedOperationException("this replacement gateway bills nothing until its "
                    + "reconciliation is posted");
        }
    }

    @Override
    public GatewayRestore restore() {
        return this;
    }

    @Override
    public synchronized RestoreState begin(BeginRestore begin, String by) throws RestoreRefusedException {
        if (restored != null) {
            return appliedState(begin.restoreId());
        }
        if (!begin.site().siteId().equals(siteId)) {
            throw new RestoreRefusedException("REPLACE_SITE_MISMATCH", "This gateway is mounted for site " + siteId
                    + ", not " + begin.site().siteId() + "; check the site database and the gateway.");
        }
        if (!begin.tariff().currency().equals(begin.site().currency())) {
            throw new RestoreRefusedException("REPLACE_INVALID", "The restore's tariff prices in "
                    + begin.tariff().currency() + " but the site bills in " + begin.site().currency() + ".");
        }
        staging.begin(begin);
        kept(begin, by);
        LOG.info("Technician {} began restore {} of site {} from ledger entry {}.", by, begin.restoreId(), siteId,
                begin.tip().seq());
        return stagedState(begin.restoreId());
    }

    @Override
    public synchronized RestoreState chunk(RestoreChunk chunk, String by) throws RestoreRefusedException {
        if (restored != null) {
            return appliedState(chunk.restoreId());
        }
        staging.hold(chunk);
        kept(chunk, by);
        return stagedState(chunk.restoreId());
    }

    /** Keeps one part of a configuration too large for the begin's frame (section 6.39). */
    @Override
    public synchronized RestoreState configPart(RestoreConfigPart part, String by) throws RestoreRefusedException {
        if (restored != null) {
            return appliedState(part.restoreId());
        }
        staging.hold(part);
        kept(part, by);
        return stagedState(part.restoreId());
    }

    /** Keeps one part of the replica's ledger (section 6.41), when it takes the ledger. */
    @Override
    public synchronized RestoreState ledgerPart(RestoreLedgerPart part, String by) throws RestoreRefusedException {
        if (!takesLedger) {
            return GatewayRestore.super.ledgerPart(part, by);
        }
        if (restored != null) {
            return appliedState(part.restoreId());
        }
        staging.hold(part);
        kept(part, by);
        return stagedState(part.restoreId());
    }

    /**
     * Takes the site over once every chunk and part arrived and the configuration and ledger check: a ledger that
     * does not link to the tip's hash is refused, and this gateway stays unrestored.
     */
    @Override
    public synchronized RestoreState finish(FinishRestore finish, String by) throws RestoreRefusedException {
        if (restored != null) {
            return appliedState(finish.restoreId());
        }
        List<RestoreChunk.Account> accounts = staging.complete(finish.restoreId());
        Map<String, Long> balances = new HashMap<>();
        accounts.forEach(account -> balances.put(account.customer().customerId(), account.balanceMinor()));
        List<LedgerLink> replicaLedger = staging.ledgerLinks(finish.restoreId(), balances);
        RestoredSite site = new RestoredSite(staging.begun(finish.restoreId()),
                staging.configDocument(finish.restoreId()), accounts, replicaLedger,
                staging.readings(finish.restoreId()));
        restored = site;
        staging.clear();
        kept(finish, by);
        LOG.info("Technician {} restored site {} on gateway {}: {} accounts, {} entries of the replica's ledger, "
                + "continuing after entry {}.", by, siteId, gatewayId, site.accounts().size(), replicaLedger.size(),
                site.tipSeq());
        return appliedState(finish.restoreId());
    }

    @Override
    public synchronized RegistersRead readRegisters() throws RestoreRefusedException {
        return atOneInstant(() -> readRegistersNow());
    }

    private RegistersRead readRegistersNow() throws RestoreRefusedException {
        RestoredSite site = restoredOrRefuse();
        Instant at = clock();
        List<RegistersRead.Register> read = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (RestoreChunk.Account account : site.accounts()) {
            String meterId = account.meter().meterId();
            Optional<RegistersRead.Register> register = meters.read(meterId, at);
            register.ifPresentOrElse(read::add, () -> unread.add(meterId));
        }
        lastRead = new RegistersRead(at, read, unread);
        kept(new ReadRegisters(), null);
        return lastRead;
    }

    /**
     * Posts the reconciliation's lines dated by this gateway's clock, and starts its own billing from there
     * ({@link ReplacementBilling}). Once it bills, a reconciliation is answered again but takes no new line: a
     * payment found later is taken as cash or imported, as on any gateway.
     */
    @Override
    public synchronized ReconciliationPosted post(PostReconciliation post, String by)
            throws RestoreRefusedException {
        return atOneInstant(() -> postNow(post, by));
    }

    private ReconciliationPosted postNow(PostReconciliation post, String by) throws RestoreRefusedException {
        RestoredSite site = restoredOrRefuse();
        if (!post.restoreId().equals(site.begin().restoreId())) {
            throw unknown(post.restoreId());
        }
        site.check(post);
        if (billing != null && site.postsAnythingNew(post)) {
            throw new RestoreRefusedException("REPLACE_BILLING", "This gateway bills the site already, so a "
                    + "reconciliation takes no new line; take a payment found since as cash or import it.");
        }
        Instant at = clock();
        ReconciliationPosted posted = site.post(post, at);
        if (billing == null) {
            billing = ReplacementBilling.start(site, lastRead, takesPeriods ? post.periodsCarried() : List.of(),
                    post.billedToCarried(), meters, at, this::clock, retries);
        }
        kept(post, by);
        LOG.info("Supervisor {} posted a reconciliation: {} entries, {} references posted before.", by,
                posted.entries().size(), posted.alreadyPosted().size());
        return posted;
    }

    /** The balance this gateway holds for a customer: for tests and the simulator's own checks. */
    public synchronized long balance(String customerId) {
        RestoredSite site = restoredSite();
        return advanced() ? billing.engine().balance(customerId) : site.balance(customerId);
    }

    /** Where a customer's account stands within its periods: for tests and the simulator's own checks. */
    synchronized Takeover.PeriodState period(String customerId) {
        requireBilling();
        return Takeover.periodOf(billing.engine(), customerId);
    }

    private RestoredSite restoredSite() {
        if (restored == null) {
            throw new IllegalStateException("This replacement gateway has not been restored yet.");
        }
        return restored;
    }

    private RestoredSite restoredOrRefuse() throws RestoreRefusedException {
        if (restored == null) {
            throw new RestoreRefusedException("REPLACE_NOT_RESTORED", "This gateway has not been restored from a "
                    + "replica yet; restore it first.");
        }
        return restored;
    }

    /** A restore already applied answers as applied under its own id; another id is refused. */
    private RestoreState appliedState(String restoreId) throws RestoreRefusedException {
        if (!restoreId.equals(restored.begin().restoreId())) {
            throw new RestoreRefusedException("REPLACE_ALREADY_RESTORED", "This gateway was restored already, "
                    + "by restore " + restored.begin().restoreId() + "; a gateway is restored once.");
        }
        return new RestoreState(restoreId, List.of(), true, restored.tipSeq(), restored.tipHash());
    }

    private RestoreState stagedState(String restoreId) throws RestoreRefusedException {
        BeginRestore begin = staging.begun(restoreId);
        return new RestoreState(restoreId, staging.missing(restoreId), false, begin.tip().seq(), begin.tipHash(),
                staging.missingConfigParts(restoreId), staging.missingLedgerParts(restoreId));
    }

    static RestoreRefusedException unknown(String restoreId) {
        return new RestoreRefusedException("REPLACE_UNKNOWN_RESTORE", "This gateway holds no restore "
                + restoreId + "; begin it again.");
    }
}
