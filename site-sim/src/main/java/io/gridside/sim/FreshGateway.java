package io.gridside.sim;

import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.GoLive;
import io.gridside.link.message.Message;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SetUpSite;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.WentLive;
import io.gridside.link.server.CommissionRefusedException;
import io.gridside.link.server.CommissioningService;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.sim.rf.GeoPoint;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import io.gridside.site.SiteInfo;
import io.gridside.site.commission.AssignmentRules;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A factory-fresh simulated gateway (protocol sections 6.30 and 6.31): an identity key of its own and nothing
 * else, no site, no operator, its clock unset and its billing off. Its meters join the mesh one after another
 * over simulated time ({@link MeshJoins}) and wait to be commissioned. A technician sets it up with the operator's
 * pack, gives each meter to a customer, tests relays, and goes live: the gateway then becomes a
 * {@link SimulatedGateway} of the commissioned site (see {@link CommissionedSite}), billing each customer on their
 * own tariff from that moment on (see {@link GoLiveBilling}), and forwards every request of the link to it;
 * before that it bills nothing.
 *
 * <p>Start one with {@link FreshSite#start(FreshGateway)}, or from the command line with {@code gridside sim
 * --fresh}. Thread-safe.
 */
public final class FreshGateway extends ForwardingGateway implements CommissioningService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreshGateway.class);
    /** What a factory-fresh gateway calls itself and its zone in a hello, having no site. */
    private static final String FRESH_NAME = "Factory-fresh gateway";
    private static final String FRESH_ZONE = "UTC";

    /** A setup the gateway took: the site, the verified pack and its tariffs, and the answer it gave. */
    private record SetUp(SitePlan plan, SignedCommissioningPack pack, Map<String, TariffSchedule> tariffs,
            SiteSetUp answer) {
    }

    /** A customer commissioned: the request as taken, and the answer it was given. */
    private record Commissioned(CommissionMeter request, MeterCommissioned answer) {
    }

    private final SiteSpec spec;
    private final SiteLayout physical;
    private final SimClock clock;
    private final SigningKey identityKey;
    private final MeshJoins joins;
    private final Set<String> stuckRelays = ConcurrentHashMap.newKeySet();
    private final GatewayService unbilled = new UnbilledGateway(this);
    private final Map<String, Commissioned> customers = new LinkedHashMap<>();
    private final Map<String, String> customerOfSerial = new HashMap<>();
    private volatile SetUp setUp;
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile SimulatedGateway live;
    private WentLive wentLive;
    /** Where it keeps the steps it took across restarts, or null; see {@link FreshJournal}. */
    private final FreshJournal journal;
    private boolean replaying;

    /**
     * A fresh gateway whose meters are those of the site {@code spec} lays out, with the identity key and id its
     * seed gives a factory-fresh gateway (not the site's demo gateway's); its meters start joining from
     * {@code spec.now()}, which {@code clock} should start at.
     *
     * @param spec how many meters the site has and the seed of everything about them; its history and billing
     *     are not used, since a fresh gateway has neither
     */
    public FreshGateway(SiteSpec spec, SimClock clock) {
        this(spec, clock, GatewayIdentity.freshKeyFor(spec));
    }

    /**
     * A fresh gateway as above that proves itself with {@code identityKey}: a new gateway replacing a failed one
     * of a site has a key of its own, not the key its seed would give.
     */
    public FreshGateway(SiteSpec spec, SimClock clock, SigningKey identityKey) {
        this(spec, clock, identityKey, (FreshJournal) null);
    }

    /**
     * A fresh gateway as above that keeps its commissioning steps in a journal in {@code journalDirectory} and, when
     * one is there, takes them again: started on {@link FreshJournal#resumed}'s spec and clock, it is set up, has
     * its customers and is live as before it stopped.
     *
     * @throws io.gridside.sim.journal.JournalException when the journal there is another site's, or a kept step
     *     is refused when taken again
     */
    public FreshGateway(SiteSpec spec, SimClock clock, SigningKey identityKey, Path journalDirectory) {
        this(spec, new FreshJournal.PinnedClock(clock), identityKey, FreshJournal.open(journalDirectory, spec));
    }

    private FreshGateway(SiteSpec spec, SimClock clock, SigningKey identityKey, FreshJournal journal) {
        this.journal = journal;
        this.spec = spec;
        String gatewayId = GatewayIdentity.freshGatewayIdFor(spec);
        this.physical = CommissionedSite.labelled(SiteGenerator.generate(spec, gatewayId), spec.seed());
        this.clock = clock;
        this.identityKey = identityKey;
        this.joins = new MeshJoins(physical, spec.seed(), spec.now());
        LOG.info("Factory-fresh gateway {} has {} meters to join its mesh from {}.", physical.gatewayId(),
                spec.meters(), spec.now());
        if (journal != null) {
            replaying = true;
            journal.replay(this, (FreshJournal.PinnedClock) clock);
            replaying = false;
        }
    }

    /** Keeps a step it took in its journal, if it keeps one, before it answers; a step taken again is kept. */
    private void took(Message step, String by) {
        took(step, clock.now(), by);
    }

    /** Keeps a step it took at the simulation's time {@code at}, which a restart takes it again at. */
    private void took(Message step, Instant at, String by) {
        if (journal != null && !replaying) {
            journal.took(step, at, by);
        }
    }

    /** The identity key a factory-fresh gateway of the site {@code spec} builds has, unless it is given another. */
    public static SigningKey identityKeyFor(SiteSpec spec) {
        return GatewayIdentity.freshKeyFor(spec);
    }

    @Override
    GatewayService target() {
        SimulatedGateway billing = live;
        return billing != null ? billing : unbilled;
    }

    /** The billing site the gateway became at go-live, or null before. */
    public SimulatedGateway live() {
        return live;
    }

    /** Brings the billing site, once live, up to the clock; before go-live there is nothing to bill. */
    public void advance() {
        SimulatedGateway billing = live;
        if (billing != null) {
            billing.advance();
        }
    }

    /** The simulation's clock, which the gateway's own follows at the offset its setup gave it. */
    SimClock simClock() {
        return clock;
    }

    /** Makes the relay of meter {@code serial} stick closed, so that its relay test fails: for tests and training. */
    public void jamRelay(String serial) {
        stuckRelays.add(serial);
    }

    @Override
    public GatewayProfile profile() {
        SimulatedGateway billing = live;
        if (billing != null) {
            GatewayProfile profile = billing.profile();
            List<String> capabilities = new ArrayList<>(profile.capabilities());
            capabilities.add(SetUpSite.CAPABILITY);
            return new GatewayProfile(profile.gatewayId(), profile.siteId(), profile.siteName(), profile.firmware(),
                    profile.currency(), profile.timeZone(), capabilities);
        }
        SetUp site = setUp;
        if (site == null) {
            return new GatewayProfile(physical.gatewayId(), "", FRESH_NAME, SampleFirmware.GATEWAY_VERSION, "",
                    FRESH_ZONE, List.of(SetUpSite.FACTORY_FRESH, SetUpSite.CAPABILITY));
        }
        SitePlan plan = site.plan();
        return new GatewayProfile(physical.gatewayId(), plan.siteId(), plan.name(), SampleFirmware.GATEWAY_VERSION,
                plan.currency(), plan.zone().getId(), List.of(SetUpSite.CAPABILITY));
    }

    @Override
    public SigningKey identityKey() {
        return identityKey;
    }

    @Override
    public TrustedOperators trustedOperators() {
        SetUp site = setUp;
        return site == null ? TrustedOperators.of() : TrustedOperators.of(site.pack().pack().operator());
    }

    /** The gateway's clock: before a setup its factory clock, which nobody has set; after, the site's authority. */
    @Override
    public Instant clock() {
        SimulatedGateway billing = live;
        return billing != null ? billing.clock() : clock.now().plus(clockOffset);
    }

    @Override
    public synchronized Instant setClock(Instant newClock) {
        SimulatedGateway billing = live;
        if (billing != null) {
            return billing.setClock(newClock);
        }
        Instant previous = clock();
        clockOffset = clockOffset.plus(Duration.between(previous, newClock));
        return previous;
    }

    @Override
    public SiteReply site() {
        SimulatedGateway billing = live;
        if (billing != null) {
            return billing.site();
        }
        SetUp site = setUp;
        if (site == null) {
            throw new IllegalStateException("a factory-fresh gateway has no site yet");
        }
        SitePlan plan = site.plan();
        return new SiteReply(new SiteInfo(plan.siteId(), plan.name(), plan.currency(), plan.zone()),
                CommissionedSite.tariffOf(site.tariffs().values().iterator().next(), plan), 0);
    }

    @Override
    public CommissioningService commissioning() {
        return this;
    }

    @Override
    public boolean factoryFresh() {
        return setUp == null;
    }

    @Override
    public synchronized CommissioningState state() {
        SetUp site = setUp;
        return new CommissioningState(site == null, site == null ? null : site.plan().siteId(),
                site == null ? null : site.pack().pack().operatorKeyId(), site != null,
                joinedMeters(null).size(), List.copyOf(customers.keySet()),
                wentLive == null ? null : wentLive.liveAt());
    }

    @Override
    public synchronized SiteSetUp setUp(SitePlan plan, Instant newClock, SignedCommissioningPack pack,
            List<TariffSchedule> tariffs, String by) throws CommissionRefusedException {
        SetUp site = setUp;
        if (site != null && !site.plan().siteId().equals(plan.siteId())) {
            throw new CommissionRefusedException(CommissionRefusedException.SITE_CHANGED, "This gateway was set up "
                    + "for site " + site.plan().siteId() + " and cannot serve " + plan.siteId() + " as well.");
        }
        if (site != null && site.plan().equals(plan) && site.pack().signed().equals(pack.signed())) {
            return withRepeated(site.answer());
        }
        if (live != null) {
            throw live("set up again");
        }
        Instant previous = clock();
        clockOffset = Duration.between(clock.now(), newClock);
        Map<String, TariffSchedule> byId = new LinkedHashMap<>();
        tariffs.forEach(schedule -> byId.put(schedule.tariffId(), schedule));
        SiteSetUp answer = new SiteSetUp(plan.siteId(), physical.gatewayId(), pack.pack().operatorKeyId(),
                List.copyOf(byId.keySet()), pack.pack().credentials().stream().map(SignedCredential::technicianId)
                        .toList(), previous, newClock, false);
        setUp = new SetUp(plan, pack, byId, answer);
        took(new SetUpSite(plan, newClock, pack.signed(), pack.signature()), by);
        LOG.info("Technician {} set up gateway {} for site {} with the pack of operator key {}, clock {}.", by,
                physical.gatewayId(), plan.siteId(), pack.pack().operatorKeyId(), newClock);
        return answer;
    }

    private static SiteSetUp withRepeated(SiteSetUp first) {
        return new SiteSetUp(first.siteId(), first.gatewayId(), first.operatorKeyId(), first.tariffIds(),
                first.technicianIds(), first.previousClock(), first.clock(), true);
    }

    @Override
    public List<JoinedMeter> joinedMeters(Instant since) {
        Instant now = clock.now();
        if (journal != null && !replaying) {
            journal.reached(now);
        }
        SetUp site = setUp;
        GeoPoint location = site == null ? null : new GeoPoint(site.plan().latitude(), site.plan().longitude());
        return joins.joinedMeters(now, clockOffset, since, location);
    }

    @Override
    public synchronized MeterCommissioned commission(CommissionMeter request, String by)
            throws CommissionRefusedException {
        SetUp site = requireSetUp();
        Commissioned before = customers.get(request.customerId());
        if (before != null) {
            return repeat(before, request);
        }
        if (live != null) {
            throw live("commission a customer");
        }
        int index = requireJoined(request.meterSerial());
        checkFree(request);
        checkType(index, request);
        checkTariff(site, request);
        if (request.openingBalanceMinor() < 0) {
            throw new CommissionRefusedException(CommissionRefusedException.BAD_BALANCE, "An opening balance is 0 "
                    + "or more, not " + request.openingBalanceMinor() + "; a debt is posted after go-live.");
        }
        MeterCommissioned answer = new MeterCommissioned(request.customerId(), request.meterSerial(),
                physical.meters().get(index).meterId(), request.tariffId(), request.openingBalanceMinor(),
                site.plan().currency(), clock(), false);
        customers.put(request.customerId(), new Commissioned(request, answer));
        customerOfSerial.put(request.meterSerial(), request.customerId());
        took(request, by);
        LOG.info("Technician {} gave meter {} to customer {} on tariff {} with {} opening.", by,
                request.meterSerial(), request.customerId(), request.tariffId(), request.openingBalanceMinor());
        return answer;
    }

    private static MeterCommissioned repeat(Commissioned before, CommissionMeter request)
            throws CommissionRefusedException {
        if (!before.request().equals(request)) {
            throw new CommissionRefusedException(CommissionRefusedException.CUSTOMER_CHANGED, "Customer "
                    + request.customerId() + " was commissioned already on meter " + before.request().meterSerial()
                    + " with tariff " + before.request().tariffId() + " and an opening balance of "
                    + before.request().openingBalanceMinor() + "; a change after that is a move or a correction.");
        }
        MeterCommissioned first = before.answer();
        return new MeterCommissioned(first.customerId(), first.meterSerial(), first.meterId(), first.tariffId(),
                first.openingBalanceMinor(), first.currency(), first.commissionedAt(), true);
    }

    private void checkFree(CommissionMeter request) throws CommissionRefusedException {
        String holder = customerOfSerial.get(request.meterSerial());
        if (holder != null) {
            throw new CommissionRefusedException(CommissionRefusedException.METER_TAKEN, "Meter "
                    + request.meterSerial() + " is given to customer " + holder + " already, so it cannot go to "
                    + request.customerId() + " as well; check the serial on the meter's label.");
        }
    }

    private void checkType(int index, CommissionMeter request) throws CommissionRefusedException {
        int phases = joins.phases(index);
        if (phases < AssignmentRules.phasesNeeded(request.category())) {
            throw new CommissionRefusedException(CommissionRefusedException.METER_TYPE, "Meter "
                    + request.meterSerial() + " is a " + phases + "-phase meter and a " + request.category()
                    + " runs on " + AssignmentRules.phasesNeeded(request.category()) + " phases; install a "
                    + "three-phase meter for customer " + request.customerId() + ", or give this one to a household.");
        }
    }

    private void checkTariff(SetUp site, CommissionMeter request) throws CommissionRefusedException {
        if (!site.tariffs().containsKey(request.tariffId())) {
            throw new CommissionRefusedException(CommissionRefusedException.UNKNOWN_TARIFF, "The operator's pack "
                    + "has no tariff " + request.tariffId() + " (it has " + String.join(", ", site.tariffs().keySet())
                    + ").");
        }
    }

    @Override
    public synchronized RelayTested testRelay(String meterSerial, String by) throws CommissionRefusedException {
        requireSetUp();
        if (live != null) {
            throw live("test a relay");
        }
        requireJoined(meterSerial);
        // KNOWN SHORTCOMING: the simulated test reads the relay back at once; a real gateway's commands cross the
        // mesh hop by hop and may go unanswered, which the relay commands of a live site model and this does not.
        boolean stuck = stuckRelays.contains(meterSerial);
        RelayState afterDisconnect = stuck ? RelayState.ON : RelayState.OFF;
        RelayTested tested = new RelayTested(meterSerial, afterDisconnect, RelayState.ON, !stuck, stuck
                ? "The relay of meter " + meterSerial + " still read ON after the disconnect: it is stuck closed "
                        + "and cannot cut a customer off; replace the meter." : null, clock());
        LOG.info("Technician {} tested the relay of meter {}: {}.", by, meterSerial, stuck ? "failed" : "passed");
        return tested;
    }

    @Override
    public synchronized WentLive goLive(String by) throws CommissionRefusedException {
        if (wentLive != null) {
            return new WentLive(wentLive.liveAt(), wentLive.customers(), wentLive.uncommissionedMeters(), true);
        }
        SetUp site = requireSetUp();
        if (customers.isEmpty()) {
            throw new CommissionRefusedException(CommissionRefusedException.NO_CUSTOMER, "No customer is "
                    + "commissioned yet, so there is nothing to bill; give at least one meter to a customer first.");
        }
        Instant now = clock().truncatedTo(ChronoUnit.SECONDS);
        if (replaying) {
            now = journal.liveSince().orElse(now);
        }
        Duration offset = clockOffset;
        Map<String, CommissionMeter> bySerial = new LinkedHashMap<>();
        Map<String, String> tariffOfCustomer = new LinkedHashMap<>();
        customers.values().forEach(c -> {
            bySerial.put(c.request().meterSerial(), c.request());
            tariffOfCustomer.put(c.request().customerId(), c.request().tariffId());
        });
        GoLiveBilling billing = new GoLiveBilling(site.tariffs(), tariffOfCustomer, now);
        SiteLayout layout = CommissionedSite.layout(physical, site.plan(), billing.defaultSchedule(), bySerial);
        SimClock siteClock = () -> clock.now().plus(offset);
        SiteCalendar holidays = new SiteCalendar(null, null, Set.of(), Set.copyOf(site.plan().holidays()), Set.of());
        live = new SimulatedGateway(new SiteSpec(spec.meters(), spec.seed(), 0, now,
                SimBilling.commissioned(billing, holidays)),
                layout, siteClock, trustedOperators(), identityKey, Scenario.NONE,
                journal == null ? null : journal.liveDirectory());
        // Billing starts at go-live itself; the meters left without a customer are not billed at all.
        wentLive = new WentLive(now, customers.size(), spec.meters() - customers.size(), false);
        // Kept at the simulation's time of go-live itself, so that a restart goes live at the same second and its
        // billing site resumes the journal that one began, however long building it took on a fast clock.
        took(new GoLive(), now.minus(offset), by);
        LOG.info("Technician {} took site {} live at {}: {} customers, {} meters left without one.", by,
                site.plan().siteId(), wentLive.liveAt(), wentLive.customers(), wentLive.uncommissionedMeters());
        return wentLive;
    }

    private SetUp requireSetUp() throws CommissionRefusedException {
        SetUp site = setUp;
        if (site == null) {
            throw new CommissionRefusedException(CommissionRefusedException.NOT_SET_UP, "This gateway has no site "
                    + "and its clock is unset; set it up with the operator's commissioning pack first.");
        }
        return site;
    }

    private int requireJoined(String serial) throws CommissionRefusedException {
        int index = joins.indexOf(serial);
        if (!joins.joined(index, clock.now())) {
            throw new CommissionRefusedException(CommissionRefusedException.UNKNOWN_METER, "No meter " + serial
                    + " has joined this gateway's mesh; check the serial, or wait for the meter to join.");
        }
        return index;
    }

    private static CommissionRefusedException live(String what) {
        return new CommissionRefusedException(CommissionRefusedException.LIVE, "The site is live, so the gateway "
                + "will not " + what + " any more; moves, exchanges and corrections change a live site.");
    }

    @Override
    public void close() {
        SimulatedGateway billing = live;
        if (billing != null) {
            billing.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
