package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.billing.Tick;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.server.TariffPushRefusedException;
import io.gridside.link.server.AdjustmentRefusedException;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetTopology;
import io.gridside.link.message.Message;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.SiteReply;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashBook;
import io.gridside.link.server.CashDesk;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.link.server.PaymentPosting;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.sim.firmware.SimFirmware;
import io.gridside.sim.journal.BillingCheckpoint;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.journal.JournalDirectory;
import io.gridside.sim.journal.JournalLedger;
import io.gridside.sim.mesh.GatewayIntake;
import io.gridside.sim.mesh.MeterUplink;
import io.gridside.sim.mesh.QuarterHourTraffic;
import io.gridside.sim.mesh.Uplink;
import io.gridside.sim.rf.GeoPoint;
import io.gridside.sim.rf.InterferenceWindow;
import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.sim.scenario.Feeders;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioRunner;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.vee.GapEstimate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated site's gateway: it reads every meter each quarter hour, bills the readings with the same
 * engine the console audits with, turns relays on its decisions by commands over the mesh ({@link RelayCommands}),
 * takes customers' top-ups, and exchanges meters and moves customers ({@link SiteChanges}).
 *
 * <p>Meters send their readings in a burst after each quarter hour, and they cross the mesh hop by hop
 * ({@link GatewayTraffic}) into the gateway's {@link GatewayIntake}, which its one slow core serves round-robin by
 * meter at a bounded rate; events a meter raises reach the intake directly. A reading reaches billing only when
 * it is served, and only if it is served in its own interval's window. A meter made to flood ({@link #flood}) can
 * therefore delay or lose its own readings, never another meter's: see {@link GatewayIntake} for the bound.
 * The gateway bills a meter's energy as its register's advance since the last reading it billed, so a reading
 * it never billed is not lost money, only billed later.
 *
 * <p>It plays a {@link Scenario} through a {@link ScenarioRunner}, which may cut meters' supply, silence their
 * radios and raise the noise around them in the live mesh, hold their relays or fault the plant, and which keeps
 * the site's event log: what the steps cause, and what the site raises on its own (relays billing turns, clocks
 * set). A meter's reading is sent when it has power and a live route.
 *
 * <p>The site advances whenever it is asked anything and on a timer, to its clock's time, one interval at a
 * time; so a fast clock, a slow machine or a long pause all give the same history. Thread-safe.
 *
 * <p>It keeps its history (readings, ledger and event log) in a {@link GatewayJournal} on disk, as a real gateway
 * keeps it on flash, written a quarter hour at a time, so that its heap holds flat however long it runs; the
 * journal lives in a directory it is given or in a temporary one that {@link #close} deletes.
 */
public final class SimulatedGateway implements GatewayService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedGateway.class);
    static final Duration MAX_CLOCK_CHANGE = Duration.ofDays(7);

    private final SiteSpec spec;
    private final SiteLayout layout;
    private final SimClock clock;
    private final TrustedOperators trusted;
    private final SigningKey identityKey;
    private final BillingEngine engine;
    /** The tariff schedule and credit terms the engine bills with, and the versions supervisors pushed since. */
    private final TariffPush tariffs;
    /** What the site's network does to each meter's voltage, and what each meter draws this tick. */
    private final Distribution distribution;
    private final MeterDemand demand;
    /** Each place's meter, customer and registers; see {@link Places}. */
    private final Places places;
    /** Customers low on credit paying at a shop or by mobile money. */
    private final MobileMoney mobileMoney;
    /** The relay commands the gateway sends its meters over the mesh, the meters' relays and load limiters. */
    final RelayCommands relays;
    final PowerLimiter limiter;
    /** Meter exchanges and moves, which change the places. */
    private final SiteChanges changes;
    private final GatewayIntake intake = new GatewayIntake();
    /** The meters' load-profile buffers, which fill the gaps billing estimated; see {@link MeterBackfill}. */
    private final MeterBackfill backfill;
    /** The RF mesh, which moves at every tick, after the quarter hour's scenario steps, before the readings. */
    private final MeshTimeline mesh;
    private final GatewayTopology topology;
    /** The gateway's history on disk, and the billing engine's ledger kept in it. */
    private final GatewayJournal journal;
    private final JournalLedger ledger;
    private final JournalDirectory journalDirectory;
    /** How it opened its journal, which keeps the commands consoles give it so that it can resume. */
    private final GatewayResume resume;
    /** What it answers by site day: ledger digests and its history's; see {@link GatewayDays}. */
    private final GatewayDays days;
    /** Reads a console sends; see {@link ReadingIntake}. */
    private final ReadingIntake reads;
    /** The readings crossing the mesh, and what they did in the last quarter hours, newest last. */
    private final GatewayTraffic traffic;
    private final Instant historyStart;
    private final GatewayCash cash;
    private final PaymentPosting paymentPosting;
    /** The ledger by customer day, the corrections a supervisor has posted, and a fault planted for training. */
    private final LedgerCorrections corrections;
    /** The scenario it plays, which keeps its event log. */
    private final ScenarioRunner scenario;
    private final GatewayVitals vitals;
    /** Its own images and slots, and the meter campaigns it runs; see {@link SimFirmware}. */
    private final SimFirmware firmware;
    private Instant lastTick;
    /** Set once the journal is closed; the site's timer may still fire once after, and must then do nothing. */
    private boolean closed;
    /** How far the gateway's clock is from its simulation clock, after a supervisor set it. */
    private volatile Duration clockOffset = Duration.ZERO;

    /** A gateway that trusts the demo operator alone, with the identity key its spec's seed gives it. */
    public SimulatedGateway(SiteSpec spec, SimClock clock) {
        this(spec, clock, DemoOperator.trusted(), identityKeyFor(spec));
    }

    /** A gateway that trusts the demo operator alone and plays {@code scenario} from its history's start. */
    public SimulatedGateway(SiteSpec spec, SimClock clock, Scenario scenario) {
        this(spec, clock, DemoOperator.trusted(), identityKeyFor(spec), scenario);
    }

    /** A gateway that accepts credentials of {@code trusted} and proves itself with {@code identityKey}. */
    public SimulatedGateway(SiteSpec spec, SimClock clock, TrustedOperators trusted, SigningKey identityKey) {
        this(spec, clock, trusted, identityKey, Scenario.NONE);
    }

    /**
     * @param scenario what happens during the run, from the start of its history on
     * @throws io.gridside.sim.scenario.ScenarioException when the scenario names a meter or feeder the site does
     *     not have
     */
    public SimulatedGateway(SiteSpec spec, SimClock clock, TrustedOperators trusted, SigningKey identityKey,
            Scenario scenario) {
        this(spec, clock, trusted, identityKey, scenario, null);
    }

    /**
     * @param scenario what happens during the run, from the start of its history on
     * @param journalDirectory where it keeps its journal, which it resumes when one is there (see
     *     {@link GatewayResume}) and leaves when closed; null for a temporary directory that {@link #close} deletes
     * @throws io.gridside.sim.scenario.ScenarioException when the scenario names a meter or feeder the site does
     *     not have
     * @throws io.gridside.sim.journal.JournalException when the journal cannot be created, or a kept one is of
     *     another site or does not verify
     */
    public SimulatedGateway(SiteSpec spec, SimClock clock, TrustedOperators trusted, SigningKey identityKey,
            Scenario scenario, Path journalDirectory) {
        this(spec, SiteGenerator.generate(spec), clock, trusted, identityKey, scenario, journalDirectory);
    }

    /** As the constructor above, for a site laid out already, as a commissioned site is ({@link FreshGateway}). */
    SimulatedGateway(SiteSpec spec, SiteLayout layout, SimClock clock, TrustedOperators trusted,
            SigningKey identityKey, Scenario scenario, Path journalDirectory) {
        this.spec = spec;
        this.layout = layout;
        this.clock = clock;
        this.trusted = trusted;
        this.identityKey = identityKey;
        BillingConfig billing = GatewayResume.billingOf(spec, layout);
        byte[] billingDocument = BillingConfigDocument.encode(billing);
        this.journalDirectory = JournalDirectory.of(journalDirectory);
        this.resume = GatewayResume.open(this.journalDirectory, spec, billingDocument,
                layout.meters().stream().map(Meter::meterId).toList());
        this.journal = resume.journal();
        this.journalDirectory.deleteWhenUnreachable(this, journal);
        this.ledger = new JournalLedger(journal);
        this.engine = new BillingEngine(layout.tariff(), billing.rater(layout.site().zone()), ledger,
                billing.terms()).ratingCustomersBy(billing.customerTariffs(layout.site().zone()));
        // A reading that closes a gap is billed as VEE's spread of it, looked up in the journal's readings.
        engine.spreadingGaps(journal.readingHistory());
        this.tariffs = new TariffPush(billing, billingDocument, engine, journal, layout.site().zone());
        this.corrections = new LedgerCorrections(engine, layout.site().zone());
        this.reads = new ReadingIntake(engine, journal, () -> writeJournal(lastTick, List.of()));
        this.distribution = Distribution.seeded(spec.seed(), layout.loads(), layout.grid());
        this.demand = new MeterDemand(spec.meters());
        this.places = new Places(layout);
        this.backfill = new MeterBackfill(engine, journal, places, spec.meters());
        this.historyStart = Reading.intervalStartOf(spec.now()).minus(Duration.ofDays(spec.historyDays()));
        this.cash = new GatewayCash(layout.site().currency(), journal.cashBook(), engine, places::customerOf,
                this::dateAfterLastTick);
        this.mobileMoney = new MobileMoney(spec, layout, places, engine, cash::holds);
        this.paymentPosting = new PaymentPosting(layout.site().currency());
        this.mesh = new MeshTimeline(layout.mesh(), historyStart);
        this.traffic = new GatewayTraffic(mesh.live(), intake, spec.seed());
        this.topology = new GatewayTopology(mesh, traffic, MeterFirmware.of(spec.seed(), spec.meters()),
                () -> profile().firmware());
        this.days = new GatewayDays(corrections, mesh, layout.site().zone(), historyStart, this::events);
        this.scenario = new ScenarioRunner(scenario, new ScenarioMesh(mesh, layout), layout.grid().names(),
                historyStart, intake::flood);
        this.vitals = new GatewayVitals(spec.seed(), historyStart);
        this.relays = new RelayCommands(spec.meters(), new MeshRoutes(this.mesh, this.scenario),
                RelayCommands.Air.seeded(spec.seed()), index -> places.meterIds[index]);
        this.changes = new SiteChanges(engine, places, relays, this.scenario.log(), journal, this.mesh, layout,
                new RegisterReads(spec.seed(), layout, places, relays, this.scenario));
        this.limiter = new PowerLimiter(spec.seed(), billing, layout.site().zone(), places);
        this.firmware = new SimFirmware(new GatewayFirmwareSite(this.journalDirectory.path().resolve("firmware"),
                this::clock, topology, this.scenario, traffic, places, this::advance), this);
        GoLiveBilling.openAccounts(spec, layout, places, engine, historyStart);
        this.lastTick = historyStart;
        resume.replay(this);
        advance();
        LOG.info("Simulated site {} has {} meters and {} days of history up to {}.", layout.site().siteId(),
                spec.meters(), spec.historyDays(), lastTick);
    }

    /**
     * The identity key of the site that {@code spec} builds: the same seed gives the same key, as a real gateway
     * keeps its key across restarts, so a console that pinned it finds it again.
     */
    public static SigningKey identityKeyFor(SiteSpec spec) {
        return GatewayIdentity.keyFor(spec);
    }

    /** When the gateway's history begins: every account opened then. */
    public Instant historyStart() {
        return historyStart;
    }

    public SiteLayout layout() {
        return layout;
    }

    /** The simulation's clock, which the gateway's own clock follows at its offset. */
    SimClock simClock() {
        return clock;
    }

    /** Brings the site up to its clock: every quarter hour not yet read is read and billed. */
    public synchronized void advance() {
        if (closed) {
            return;
        }
        Instant now = clock();
        while (!lastTick.plus(Reading.INTERVAL).isAfter(now)) {
            tick(lastTick.plus(Reading.INTERVAL));
        }
        // Openings before the first tick and a clock set between ticks post or log outside any tick.
        writeJournal(lastTick, List.of());
    }

    /** Writes what the quarter hour from {@code tick} billed, posted and logged, in one transaction. */
    private void writeJournal(Instant tick, List<Reading> billed) {
        List<SiteEvent> logged = scenario.log().drain();
        List<LedgerEntry> posted = ledger.takeUnwritten();
        BillingCheckpoint billing = BillingCheckpoint.takeChanged(engine, lastTick);
        if (!billed.isEmpty() || !posted.isEmpty() || !logged.isEmpty() || !billing.isEmpty()
                || journal.holdsUnwritten()) {
            journal.write(tick, billed, posted, logged, billing);
        }
    }

    private void tick(Instant end) {
        Instant start = end.minus(Reading.INTERVAL);
        long interval = start.getEpochSecond() / Reading.INTERVAL.toSeconds();
        LocalDateTime local = LocalDateTime.ofInstant(start, layout.site().zone());
        scenario.openInterval(start, end);
        mesh.advance(end);
        scenario.closeInterval(end);
        relays.run(start, end, scenario.log());
        drawLoads(LocalInterval.of(start, layout.site().zone()), start);
        traffic.open(end);
        for (int i = 0; i < spec.meters(); i++) {
            Uplink.IntervalRead read = read(i, start, interval);
            backfill.record(i, read);
            if (scenario.delivers(i)) {
                traffic.send(i, read);
            }
        }
        List<Reading> batch = places.billable(traffic.close(), end, historyStart);
        List<TopUp> topUps = new ArrayList<>(mobileMoney.payments(start, local, interval));
        topUps.addAll(cash.dueCash(end));
        Tick result = engine.tick(end, topUps, corrections.billed(batch));
        journal.keepEstimates(result.estimates());
        result.decisions().forEach(this::command);
        cash.postDueVoids(end).forEach(this::command);
        backfill.fill(result.estimates(), batch, end).forEach(this::command);
        lastTick = end;
        tariffs.ticked(engine.lastSeq());
        firmware.ticked(end);
        writeJournal(start, places.journalled(batch));
    }

    /**
     * What every meter draws in interval {@code at}, nothing behind an open relay or a supply the scenario cut, and
     * a share of it when the supply was cut for part of the interval; and so every meter's voltage.
     */
    private void drawLoads(LocalInterval at, Instant start) {
        for (int i = 0; i < spec.meters(); i++) {
            double supplied = scenario.suppliedShare(i, start);
            // The relay as the meter holds it after the quarter hour's commands, for the whole quarter hour.
            if (relays.relay(i) == RelayState.ON && supplied > 0) {
                demand.draw(i, layout.loads().get(i), spec.seed(), at, supplied);
            } else {
                demand.none(i);
            }
        }
        limiter.limit(start, demand, scenario.log());
        distribution.carry(demand.meanWatts, demand.peakWatts);
    }

    /** What meter {@code index} sends when the interval from {@code start} ends. */
    private Uplink.IntervalRead read(int index, Instant start, long interval) {
        long register = places.drawQuarterHour(index, start, demand.meanWatts[index]);
        return new Uplink.IntervalRead(places.meterIds[index], start, register,
                distribution.quality(index, spec.seed(), interval, demand.peakWatts[index]));
    }

    /** Logs billing's decision and sends the meter the command it calls for. */
    private void command(RelayDecision decision) {
        scenario.relayTurned(decision);
        relays.issue(places.meterIndex.get(decision.meterId()), decision.customerId(), decision.relay(),
                decision.at(), decision.reason());
        LOG.debug("Relay of meter {} commanded {} at {}: {}.", decision.meterId(), decision.relay(), decision.at(),
                decision.reason());
    }

    @Override
    public GatewayProfile profile() {
        return new GatewayProfile(layout.gatewayId(), layout.site().siteId(), layout.site().name(),
                firmware.update().runningVersion(),
                layout.site().currency(), layout.site().zone().getId(),
                List.of("site", "meter-status", "readings", "ledger", "cash-top-up", "events", "topology",
                        "history-days", "billing-config", "cash-book", "relay-commands", "meter-exchange", "moves",
                        "ledger-days", "gap-fills", "tariff-push", "read-intake", "firmware",
                        "payment-channels", GetReadings.BY_METER, GetTopology.RADIO_FACTS, GetRoster.FEEDERS,
                        io.gridside.link.message.PushRevocations.CAPABILITY));
    }

    @Override
    public SimFirmware firmware() {
        return firmware;
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
    public Instant clock() {
        Instant held = resume.pinnedClock();
        return held != null ? held : clock.now().plus(clockOffset);
    }

    /**
     * Moves the gateway's clock by the difference to {@code newClock}, from now on. Forward, the quarter hours
     * skipped are read and billed at once; back, nothing is read until the clock passes the last reading again,
     * so the history never rewinds.
     *
     * @throws IllegalArgumentException for a change of more than a week, which a simulated site will not take
     */
    @Override
    public synchronized Instant setClock(Instant newClock) {
        Instant previous = clock();
        resume.record(new SetClock(newClock), null, previous);
        Duration change = Duration.between(previous, newClock);
        if (change.abs().compareTo(MAX_CLOCK_CHANGE) > 0) {
            throw new IllegalArgumentException("The simulated gateway moves its clock by a week at most, and "
                    + newClock + " is " + change.toHours() + " hours from its clock; set a nearer time.");
        }
        clockOffset = clockOffset.plus(change);
        scenario.gatewayClockSet(previous, newClock);
        advance();
        return previous;
    }

    /** The gateway's own health now, from its seed, the simulated time and the scenario; see {@link GatewayVitals}. */
    @Override
    public synchronized GatewayHealth health() {
        advance();
        Duration intoWindow = Duration.between(lastTick, clock());
        return vitals.measure(clock.now(), clock(), clockOffset, scenario,
                new GatewayVitals.Queues(intake.depthAt(intoWindow), traffic.heldAt(intoWindow),
                        traffic.endedWindows()),
                spec.meters());
    }

    /** The health of the box that took this dead gateway's place; see {@link GatewayVitals#ofReplacement}. */
    public synchronized GatewayHealth replacementHealth(Instant started, Instant clock) {
        return vitals.ofReplacement(this.clock.now(), started, clock, scenario, spec.meters());
    }

    /**
     * What the gateway counted of its meters' traffic in the last quarter hours, oldest first: the windows that
     * have ended and the one under way, whose figures are already complete in the simulation.
     */
    public synchronized List<QuarterHourTraffic> traffic() {
        advance();
        return traffic.recentWindows();
    }

    @Override
    public SiteReply site() {
        return new SiteReply(layout.site(), layout.tariff(), spec.meters());
    }

    @Override
    public byte[] billingConfig() {
        return tariffs.document();
    }

    @Override
    public synchronized List<RosterBatch.Entry> roster() {
        List<RosterBatch.Entry> roster = new ArrayList<>(spec.meters());
        Feeders feeders = layout.grid().names();
        for (int i = 0; i < spec.meters(); i++) {
            if (places.occupants[i] != null) {
                roster.add(new RosterBatch.Entry(places.occupants[i], places.meterAt(i), feeders.feederOf(i)));
            }
        }
        return roster;
    }

    @Override
    public synchronized List<MeterStatus> meterStatus() {
        advance();
        return places.statuses(engine, layout.site().currency(), mesh.live());
    }

    @Override
    public synchronized List<Reading> readings(Instant from, Instant to, String meterId) {
        advance();
        return List.copyOf(journal.readings(from, to, meterId));
    }

    @Override
    public synchronized List<LedgerEntry> ledgerAfter(long afterSeq) {
        advance();
        return engine.ledgerAfter(afterSeq);
    }

    /** The entries after {@code afterSeq}, chained on from the link its journal keeps for that entry. */
    @Override
    public synchronized List<LedgerLink> ledgerLinksAfter(long afterSeq) {
        advance();
        return ledger.linksAfter(afterSeq).orElseGet(() -> GatewayService.super.ledgerLinksAfter(afterSeq));
    }

    /**
     * Takes cash through the gateway's {@link CashDesk}. A payment is dated by the gateway's clock (after its
     * last tick, should the clock have been set back) and posted by the next tick with the other payments, so a
     * replay of the ledger posts it in the same place.
     */
    @Override
    public synchronized CashReceipt creditCash(CashTopUp request, CashAllowance allowance)
            throws CashRefusedException {
        advance();
        return cash.take(request, allowance);
    }

    /**
     * Voids a cash receipt through the gateway's {@link CashDesk}. The void is dated by the gateway's clock (after
     * its last tick, should the clock have been set back) and posted by the next tick after its readings.
     */
    @Override
    public synchronized CashVoided voidCash(CashVoid request, String supervisorId) throws CashRefusedException {
        advance();
        return cash.voidReceipt(request, supervisorId);
    }

    /** The cash book's lines dated on the site days from {@code from} to {@code to}; see {@link CashBook}. */
    @Override
    public synchronized List<CashBookLine> cashBook(LocalDate from, LocalDate to) {
        advance();
        ZoneId zone = layout.site().zone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        LocalDate last = to == null ? LocalDate.ofInstant(clock(), zone) : to;
        return cash.lines(start, last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The gateway's clock to the second, or a second after its last tick when its clock was set back. */
    private Instant dateAfterLastTick() {
        Instant at = clock().truncatedTo(ChronoUnit.SECONDS);
        return at.isAfter(lastTick) ? at : lastTick.plusSeconds(1);
    }

    /** Credits payments imported from a file by the rules of {@link PaymentPosting}, through the cash's till. */
    @Override
    public synchronized PaymentsPosted postPayments(PostPayments request) {
        return resume.command(request, null, this::clock, () -> {
            advance();
            return cash.postImported(request, paymentPosting, clock());
        });
    }

    /** Plants a fault for tests: credits imported payments as a command would, with no command kept or logged. */
    public synchronized PaymentsPosted plantImportedPayments(PostPayments request) {
        advance();
        return cash.postImported(request, paymentPosting, clock());
    }

    @Override
    public synchronized List<String> importedPayments() {
        return cash.imported();
    }

    /** Judges reads a console sent, journals what they posted at once; see {@link ReadingIntake}. */
    @Override
    public synchronized ReadingsTaken postReadings(PostReadings request, String supervisorId) {
        return resume.command(request, supervisorId, this::clock, () -> {
            advance();
            ReadingsTaken taken = reads.take(request, lastTick, this::command);
            writeJournal(lastTick, List.of());
            return taken;
        });
    }

    @Override
    public synchronized List<RelayCommand> relayCommands() {
        advance();
        return relays.latest();
    }

    /** Replaces a meter at once, by the gateway's clock; see {@link SiteChanges#exchangeMeter}. */
    @Override
    public synchronized MeterExchanged exchangeMeter(ExchangeMeter request, String by)
            throws SiteChangeRefusedException {
        return change(request, by, (billedTo, now) -> changes.exchangeMeter(request, by, billedTo, now));
    }

    /** Closes a customer's account as they move out; see {@link SiteChanges#moveOut}. */
    @Override
    public synchronized FinalStatement moveOut(MoveOut request, String by) throws SiteChangeRefusedException {
        return change(request, by, (billedTo, now) -> changes.moveOut(request, by, billedTo, now));
    }

    /** Opens a new customer's account on a freed meter; see {@link SiteChanges#moveIn}. */
    @Override
    public synchronized MovedIn moveIn(MoveIn request, String by) throws SiteChangeRefusedException {
        return change(request, by, (billedTo, now) -> changes.moveIn(request, by, billedTo, now));
    }

    /** Brings the site up to its clock, makes the change, and journals what it posted and logged at once. */
    private <T> T change(Message request, String by, SiteChanges.Change<T> change) throws SiteChangeRefusedException {
        return resume.command(request, by, this::clock, () -> {
            advance();
            T made = change.make(lastTick, clock());
            writeJournal(lastTick, List.of());
            return made;
        });
    }

    /**
     * Makes meter {@code meterId} raise {@value GatewayIntake#FLOOD_KIND} events in a loop, as a faulty meter does:
     * {@code eventsPerInterval} of them in every quarter hour from the gateway's clock on, until called again with 0.
     * The gateway's core serves {@value GatewayIntake#SLOTS_PER_INTERVAL} messages a quarter hour, so more than
     * that is a flood it cannot keep up with.
     *
     * @throws IllegalArgumentException if the site has no such meter, or for a negative rate
     */
    public synchronized void flood(String meterId, int eventsPerInterval) {
        if (!places.meterIndex.containsKey(meterId)) {
            throw new IllegalArgumentException("The simulated site has no meter " + meterId + ".");
        }
        advance();
        intake.flood(meterId, eventsPerInterval);
        LOG.info("Meter {} now raises {} events a quarter hour.", meterId, eventsPerInterval);
    }

    /** Plants a fault for tests: the meter loses its load-profile buffer, so the gaps open now stay estimated. */
    public synchronized void loseLoadProfile(String meterId) {
        advance();
        backfill.forget(places.meterIndex.get(meterId));
    }

    /** What the gateway's intake has done with each meter's messages, in meter order. */
    public synchronized List<MeterUplink> uplinkStatus() {
        advance();
        return java.util.Arrays.stream(places.meterIds).map(intake::status).toList();
    }

    /** The events logged with a time in [from, to), the gateway's and its meters', in the order logged. */
    @Override
    public synchronized List<SiteEvent> events(Instant from, Instant to) {
        advance();
        return List.copyOf(journal.events(from, to));
    }

    /** The gaps billing spread by estimate in the ticks of the quarter hours from {@code from} to {@code to}. */
    public synchronized List<GapEstimate> estimates(Instant from, Instant to) {
        advance();
        return journal.estimates(from, to);
    }

    /** The gaps of {@link #estimates} that their meters filled since; see {@link MeterBackfill}. */
    @Override
    public synchronized List<GapFillsBatch.Fill> gapFills(Instant from, Instant to) {
        advance();
        return journal.filledGaps(from, to).stream()
                .map(gap -> new GapFillsBatch.Fill(gap.meterId(), gap.gapStart(), gap.energiesWh())).toList();
    }

    /** The event log of one meter, or of the gateway by its id, in the order logged. */
    public synchronized List<SiteEvent> eventsOf(String source) {
        advance();
        return List.copyOf(journal.eventsOf(source));
    }

    /** The scenario the gateway plays. */
    public Scenario scenario() {
        return scenario.scenario();
    }

    /** The mesh as it stands now; see {@link GatewayTopology}. */
    public synchronized MeshTopology topology() {
        advance();
        return topology.now();
    }

    /** The mesh as its last quarter-hour update before {@code at} left it; throws for a time outside the history. */
    public synchronized MeshTopology topology(Instant at) {
        advance();
        return topology.at(at);
    }

    /** The mesh as the link carries it: now when {@code at} is null, else as it stood at {@code at}. */
    @Override
    public synchronized TopologySnapshot topologySnapshot(Instant at) {
        advance();
        return topology.snapshot(at, clock());
    }

    /** The digests of the ledger by customer day from {@code from} to {@code to}; see {@link LedgerCorrections}. */
    @Override
    public synchronized List<LedgerDayDigest> ledgerDayDigests(LocalDate from, LocalDate to) {
        advance();
        return days.ledgerDayDigests(from, to);
    }

    /** Posts a supervisor's corrections where a replay posts them (see LedgerCorrections), journals them at once. */
    @Override
    public synchronized List<LedgerLink> postAdjustments(PostAdjustments request, String supervisorId)
            throws AdjustmentRefusedException {
        return resume.command(request, supervisorId, this::clock, () -> {
            advance();
            long before = engine.lastSeq();
            List<LedgerEntry> posted = corrections.post(request, lastTick, this::command);
            writeJournal(lastTick, List.of());
            LOG.info("Posted {} corrections for supervisor {}.", posted.size(), supervisorId);
            return ledgerLinksAfter(before);
        });
    }

    /** Takes a supervisor's tariff version and re-rates by it (see {@link TariffPush}), journals it at once. */
    @Override
    public synchronized TariffPushed pushTariff(PushTariff request, String supervisorId)
            throws TariffPushRefusedException {
        return resume.command(request, supervisorId, this::clock, () -> {
            advance();
            TariffPushed pushed = tariffs.push(request, lastTick, clock(), this::command);
            writeJournal(lastTick, List.of());
            return pushed;
        });
    }

    /** Plants a fault for tests: bills the meter's next reading of {@code day} {@code extraWh} heavier, once. */
    public synchronized void misrate(String meterId, LocalDate day, long extraWh) {
        days.misrate(meterId, day, extraWh);
    }

    /** The digests of the site days from {@code from} to {@code to}; see {@link HistoryDays}. */
    @Override
    public synchronized List<DayDigest> dayDigests(LocalDate from, LocalDate to) {
        advance();
        return days.dayDigests(from, to, clock());
    }

    /** One site day's mesh history document, replayed from the mesh's timeline; see {@link HistoryDays}. */
    @Override
    public synchronized byte[] meshDay(LocalDate day) {
        advance();
        return days.meshDay(day, clock());
    }

    /**
     * Schedules interference: the noise floor rises by {@code extraDb} at every radio within {@code radiusMetres}
     * of {@code centre} from {@code from} until {@code to}. A window that starts before the mesh's last update
     * starts just after it, so the mesh's history never changes.
     *
     * @throws IllegalArgumentException for a window that ends before the mesh's last update
     */
    public synchronized InterferenceWindow interfere(GeoPoint centre, double radiusMetres, double extraDb,
            Instant from, Instant to) {
        advance();
        return mesh.interfere(centre, radiusMetres, extraDb, from, to);
    }

    /**
     * Makes a meter's radio go quiet from {@code from} (or just after the mesh's last update, if that is later)
     * until {@code to}, as a repeater does that loses power.
     *
     * @throws IllegalArgumentException for an unknown meter, or a silence that ends before the mesh's last update
     */
    public synchronized void silenceRadio(String meterId, Instant from, Instant to) {
        advance();
        mesh.silence(meterId, from, to);
    }

    /** The gateway's own balance for a customer, for tests that audit it. */
    public synchronized long balance(String customerId) {
        return engine.balance(customerId);
    }

    /** The energy the customer's meter delivered while the balance was below zero, in Wh: what a meter the gateway
     * could not reach went on consuming before its readings, and so its charges, caught up. */
    public synchronized long energyPastZeroWh(String customerId) {
        advance();
        return engine.energyPastZeroWh(customerId);
    }

    /** Where the gateway keeps its journal. */
    public Path journalFile() {
        return journal.file();
    }

    @Override // the signed commands it took, kept beside its journal across restarts
    public io.gridside.link.server.CommandLog commandLog() {
        return journal.commandLog();
    }

    @Override // kept beside its journal across restarts, like the command log
    public io.gridside.link.server.RevocationStore revocations() {
        return journal.revocations();
    }

    /** Closes the journal, and deletes it when it lives in a temporary directory. */
    @Override
    public synchronized void close() {
        closed = true;
        journalDirectory.close(journal);
    }
}
