package io.gridside.link.testing;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashDesk;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.link.server.PaymentPosting;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's service with fixed data from {@link SampleMessages}, for link tests that need a real session. It
 * trusts {@link TestCredentials#OPERATOR} and holds {@link SampleMessages#GATEWAY_KEY} unless told otherwise.
 */
public final class FakeGatewayService implements GatewayService {

    private final java.util.concurrent.atomic.AtomicInteger readingsRequests =
            new java.util.concurrent.atomic.AtomicInteger();

    private volatile List<Reading> readings = List.of();
    private volatile List<LedgerEntry> ledger = List.of();
    private volatile RuntimeException siteFailure;
    private volatile List<Instant> readingsAskedFor;
    private volatile String meterAskedFor;
    private volatile List<String> extraCapabilities = List.of();
    private volatile CountDownLatch siteGate = new CountDownLatch(0);
    private final CountDownLatch siteEntered = new CountDownLatch(1);
    private volatile Instant clock = SampleMessages.CLOCK;
    private volatile GatewayHealth health;
    private volatile SigningKey identityKey = SampleMessages.GATEWAY_KEY;
    private volatile CountDownLatch rosterGate = new CountDownLatch(0);
    private volatile TopologySnapshot topology;
    private volatile io.gridside.link.server.FirmwareService firmware;
    private volatile List<Instant> topologyAskedFor = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CashDesk cashDesk = new CashDesk(SampleMessages.profile().currency());
    private final Till till = new Till();
    private final PaymentPosting paymentPosting = new PaymentPosting("KES");
    private final io.gridside.link.server.CommandLog commands = new io.gridside.link.server.MemoryCommandLog();
    private volatile io.gridside.link.server.RevocationStore revocations;

    /** Keeps revocation lists in {@code store}, and says so in its hello; without it, the gateway keeps none. */
    public FakeGatewayService withRevocations(io.gridside.link.server.RevocationStore store) {
        this.revocations = store;
        List<String> capabilities = new ArrayList<>(extraCapabilities);
        capabilities.add(io.gridside.link.message.PushRevocations.CAPABILITY);
        this.extraCapabilities = List.copyOf(capabilities);
        return this;
    }

    @Override
    public io.gridside.link.server.RevocationStore revocations() {
        io.gridside.link.server.RevocationStore held = revocations;
        return held == null ? GatewayService.super.revocations() : held;
    }

    /** Takes firmware through {@code firmware}; without it, the gateway takes none over the link. */
    public FakeGatewayService withFirmware(io.gridside.link.server.FirmwareService firmware) {
        this.firmware = firmware;
        return this;
    }

    @Override
    public io.gridside.link.server.FirmwareService firmware() {
        io.gridside.link.server.FirmwareService held = firmware;
        return held == null ? GatewayService.super.firmware() : held;
    }

    /** Serves {@code readings}, in their order, to every readings request. */
    public FakeGatewayService withReadings(List<Reading> readings) {
        this.readings = readings;
        return this;
    }

    /**
     * Serves {@code topology} to every topology request of its moment or none; a time after it is outside the
     * gateway's history.
     */
    public FakeGatewayService withTopology(TopologySnapshot topology) {
        this.topology = topology;
        return this;
    }

    public FakeGatewayService withLedger(List<LedgerEntry> ledger) {
        this.ledger = ledger;
        return this;
    }

    /** Makes every site request fail inside the gateway. */
    public FakeGatewayService failingSiteWith(RuntimeException failure) {
        this.siteFailure = failure;
        return this;
    }

    /** Makes every site request wait until {@code gate} opens: a gateway busy with a slow request. */
    public FakeGatewayService withSiteGate(CountDownLatch gate) {
        this.siteGate = gate;
        return this;
    }

    /** Waits until a site request reached the service, which then holds the session's worker at its gate. */
    public boolean awaitSiteEntered(long seconds) throws InterruptedException {
        return siteEntered.await(seconds, TimeUnit.SECONDS);
    }

    /** Makes the gateway report {@code health}; without it, it does not measure its health. */
    public FakeGatewayService withHealth(GatewayHealth health) {
        this.health = health;
        return this;
    }

    /** Moves the gateway's clock, against which it checks credentials. */
    public FakeGatewayService withClock(Instant clock) {
        this.clock = clock;
        return this;
    }

    /** Gives the gateway another identity key: a replaced gateway, or an impostor. */
    public FakeGatewayService withIdentityKey(SigningKey key) {
        this.identityKey = key;
        return this;
    }

    /** Makes every roster request wait until {@code gate} opens: a gateway busy sending a stream. */
    public FakeGatewayService withRosterGate(CountDownLatch gate) {
        this.rosterGate = gate;
        return this;
    }

    /** Lists {@code capabilities} in the hello besides the sample profile's own. */
    public FakeGatewayService withCapabilities(String... capabilities) {
        this.extraCapabilities = List.of(capabilities);
        return this;
    }

    @Override
    public GatewayProfile profile() {
        GatewayProfile sample = SampleMessages.profile();
        List<String> capabilities = new ArrayList<>(sample.capabilities());
        capabilities.addAll(extraCapabilities);
        return new GatewayProfile(sample.gatewayId(), sample.siteId(), sample.siteName(), sample.firmware(),
                sample.currency(), sample.timeZone(), capabilities);
    }

    @Override
    public SigningKey identityKey() {
        return identityKey;
    }

    @Override
    public TrustedOperators trustedOperators() {
        return TestCredentials.trusted();
    }

    @Override
    public Instant clock() {
        return clock;
    }

    @Override
    public Instant setClock(Instant newClock) {
        if (newClock.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("This gateway's clock does not go before 1970.");
        }
        Instant previous = clock;
        clock = newClock;
        return previous;
    }

    @Override
    public List<RosterBatch.Entry> roster() {
        await(rosterGate, "roster");
        // The session leaves the feeders out for a console that did not ask, as it must for a real gateway's.
        return SampleMessages.rosterWithFeeders();
    }

    @Override
    public GatewayHealth health() {
        GatewayHealth measured = health;
        return measured == null ? GatewayService.super.health() : measured;
    }

    @Override
    public SiteReply site() {
        siteEntered.countDown();
        await(siteGate, "site");
        RuntimeException failure = siteFailure;
        if (failure != null) {
            throw failure;
        }
        return SampleMessages.siteReply();
    }

    private static void await(CountDownLatch gate, String request) {
        try {
            if (!gate.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never let the " + request + " request through.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The " + request + " request was interrupted.", e);
        }
    }

    @Override
    public List<MeterStatus> meterStatus() {
        return SampleMessages.meterStatus();
    }

    /**
     * The readings as given, whatever the range: the list is handed over untouched, so a test may pass one
     * that blocks part-way. The range asked for is kept for the test to check.
     */
    @Override
    public List<Reading> readings(Instant from, Instant to, String meterId) {
        readingsRequests.incrementAndGet();
        readingsAskedFor = List.of(from, to);
        meterAskedFor = meterId;
        return meterId == null ? readings : readings.stream().filter(r -> r.meterId().equals(meterId)).toList();
    }

    /** The meter the last request for readings named, or null when it asked for every meter's. */
    public String meterAskedFor() {
        return meterAskedFor;
    }

    /** How many times readings were asked for. */
    public int readingsRequests() {
        return readingsRequests.get();
    }

    /** The [from, to) of the last readings request, or null before one. */
    public List<Instant> readingsAskedFor() {
        return readingsAskedFor;
    }

    @Override
    public TopologySnapshot topologySnapshot(Instant at) {
        topologyAskedFor.add(at == null ? Instant.EPOCH : at);
        TopologySnapshot held = topology;
        if (held == null) {
            return GatewayService.super.topologySnapshot(at);
        }
        if (at != null && at.isAfter(held.at())) {
            throw new IllegalArgumentException("The gateway holds the mesh up to " + held.at() + " only.");
        }
        return held;
    }

    /** The times of the topology requests so far, with the epoch standing for "now". */
    public List<Instant> topologyAskedFor() {
        return List.copyOf(topologyAskedFor);
    }

    @Override
    public List<LedgerEntry> ledgerAfter(long afterSeq) {
        return ledger.stream().filter(entry -> entry.seq() > afterSeq).toList();
    }

    @Override
    public CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
        return cashDesk.take(request, allowance, till);
    }

    @Override
    public CashVoided voidCash(CashVoid request, String supervisorId) throws CashRefusedException {
        return cashDesk.voidReceipt(request, supervisorId, till);
    }

    @Override
    public List<CashBookLine> cashBook(LocalDate from, LocalDate to) {
        return cashDesk.lines(Instant.EPOCH, Instant.MAX);
    }

    /** The balance the gateway holds for a sample customer, its payments and voids counted. */
    public long balance(String customerId) {
        synchronized (till) {
            return till.balances.get(customerId);
        }
    }

    @Override
    public PaymentsPosted postPayments(PostPayments request) {
        return paymentPosting.post(request, clock(), till);
    }

    /** The payments the gateway holds, by reference; a cash payment posts at once. */
    public Map<String, CashDesk.Payment> payments() {
        synchronized (till) {
            return Map.copyOf(till.payments);
        }
    }

    /** The sample customers, with their sample balances, and the payments credited to them. */
    private static final class Till implements CashDesk.Till {

        private final Map<String, CashDesk.Payment> payments = new HashMap<>();
        private final Map<String, Long> balances = new HashMap<>();

        Till() {
            SampleMessages.meterStatus().forEach(status -> balances.put(status.customerId(), status.balanceMinor()));
        }

        @Override
        public synchronized String customerOf(String customerId, String meterId) {
            return SampleMessages.roster().stream()
                    .filter(entry -> entry.customer().customerId().equals(customerId)
                            || entry.meter().meterId().equals(meterId))
                    .map(entry -> entry.customer().customerId())
                    .findFirst().orElse(null);
        }

        @Override
        public synchronized CashDesk.Payment payment(String reference) {
            return payments.get(reference);
        }

        @Override
        public Instant clock() {
            return SampleMessages.CLOCK;
        }

        @Override
        public synchronized CashDesk.Payment credit(String reference, String customerId, long amountMinor,
                Instant at, String note) {
            long balance = balances.merge(customerId, amountMinor, Long::sum);
            CashDesk.Payment payment = new CashDesk.Payment(new TopUp(reference, customerId, amountMinor, at),
                    balance);
            payments.put(reference, payment);
            return payment;
        }

        @Override
        public synchronized void reverse(String reference, String customerId, long amountMinor, Instant at) {
            balances.merge(customerId, -amountMinor, Long::sum);
        }
    }

    @Override
    public io.gridside.link.server.CommandLog commandLog() {
        return commands;
    }
}
