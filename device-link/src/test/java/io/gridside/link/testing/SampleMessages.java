package io.gridside.link.testing;

import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.GetCommands;
import io.gridside.link.message.SignedCommand;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.CashBookBatch;
import io.gridside.link.message.GetCashBook;
import io.gridside.site.cash.CashBookLine;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.DayDigestsBatch;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.EventsBatch;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.GetDayDigests;
import io.gridside.link.message.GetEvents;
import io.gridside.link.message.GetHealth;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetMeshDay;
import io.gridside.link.message.GetBillingConfig;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.GetImportedPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.GetGapFills;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.GetLedgerDayDigests;
import io.gridside.link.message.GetLedgerDays;
import io.gridside.link.message.LedgerDayDigestsBatch;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.GetMeterStatus;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRelayCommands;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.GetTopology;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MeterStatusBatch;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Pong;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.RelayCommandsBatch;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.message.TopologyBatch;
import io.gridside.link.server.GatewayProfile;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayBuilder;
import io.gridside.site.history.MeshDayDocument;
import io.gridside.site.ledger.LedgerChain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One representative instance of every message type, and the site data a fake gateway serves. */
public final class SampleMessages {

    public static final Instant CLOCK = Instant.parse("2024-05-01T08:30:00Z");
    public static final Instant DAY_START = Instant.parse("2024-04-30T00:00:00Z");
    /** The site day that starts at {@link #DAY_START}, as a site on UTC counts days. */
    public static final LocalDate DAY = LocalDate.parse("2024-04-30");
    public static final String GATEWAY_ID = "gw-0042";
    public static final String SITE_ID = "site-kisima";
    /** Stands for a billing configuration document, whose form the link leaves to the billing module. */
    public static final byte[] BILLING_CONFIG = "a billing configuration".getBytes(StandardCharsets.UTF_8);
    /** The fake gateway's identity key. */
    public static final SigningKey GATEWAY_KEY = SigningKey.fromSeed(ByteString.fromHex("03".repeat(32)));

    private SampleMessages() {
    }

    /** Every sample, by its type. A message type without a sample here fails the catalogue tests. */
    public static Map<Class<? extends Message>, Message> byType() {
        return all().stream().collect(Collectors.toMap(Message::getClass, Function.identity()));
    }

    public static List<Message> all() {
        List<Message> all = new ArrayList<>(billingAndSite());
        all.addAll(FirmwareSamples.all());
        all.addAll(revocations());
        all.addAll(CommissioningSamples.all());
        return all;
    }

    /** The revocation messages of protocol section 6.29, carrying the sample list of section 11.25. */
    private static List<Message> revocations() {
        io.gridside.link.auth.SignedRevocationList list = TestCredentials.revocationList();
        return List.of(new io.gridside.link.message.PushRevocations(list.signed(), list.signature()),
                new io.gridside.link.message.RevocationsHeld(TestCredentials.OPERATOR.keyId(), 3,
                        TestCredentials.RECORD_ISSUED_AT, true),
                new io.gridside.link.message.GetRevocations(TestCredentials.OPERATOR.keyId()));
    }

    private static List<Message> billingAndSite() {
        return List.of(
                hello(),
                helloReply(),
                new ErrorReply("AUTH_REFUSED", "This gateway does not accept the credential."),
                new Ping(0x1122_3344_5566_7788L),
                new Pong(-42, CLOCK),
                new Cancel(0x8000_0001L),
                new StreamEnd(300, false),
                new GetSite(),
                siteReply(),
                new GetRoster(),
                new RosterBatch(roster(), 2),
                new GetMeterStatus(),
                new MeterStatusBatch(meterStatus(), 2),
                new GetReadings(DAY_START, DAY_START.plusSeconds(86_400)),
                new ReadingsBatch(readings(3), 96),
                new GetLedger(12),
                new LedgerBatch(ledger(2), LedgerChain.heads(LedgerChain.genesis(), ledger(2)), 2),
                new SetClock(CLOCK.plusSeconds(42)),
                new ClockSet(CLOCK, CLOCK.plusSeconds(42)),
                cashTopUp(),
                new CashReceipt(CashReceipt.Outcome.CREDITED, "RCPT-0001", "c-001", 50_000, "KES", CLOCK, null,
                        500_000, 50_000, 450_000, "3FA2C9-0001"),
                new GetEvents(DAY_START, DAY_START.plusSeconds(86_400)),
                new EventsBatch(events(), 2),
                new GetTopology(DAY_START.plusSeconds(900)),
                TopologyBatch.of(topology(3), topology(3).items(), 6),
                new GetHealth(),
                gatewayHealth(),
                new GetDayDigests(DAY.minusDays(2), DAY),
                new DayDigestsBatch(List.of(dayDigest()), 1),
                new GetMeshDay(DAY),
                new MeshDayBatch(DAY, MeshDayBatch.chunksOf(MeshDayDocument.encode(meshDay())), 1),
                new GetBillingConfig(),
                new BillingConfigBatch(BillingConfigBatch.digestOf(BILLING_CONFIG),
                        MeshDayBatch.chunksOf(BILLING_CONFIG), 1),
                cashVoid(),
                cashVoided(),
                new GetCashBook(DAY, DAY),
                new CashBookBatch(cashBook(), 2),
                postPayments(),
                paymentsPosted(),
                exchangeMeter(),
                new MeterExchanged("c-001", "m-001", "m-101", CLOCK, 250, 5_000, 145_000, "KES",
                        CreditState.ACTIVE, RelayState.ON, debtsOwed()),
                new MoveOut("c-002", 81_200L, "the family moved to town"),
                new FinalStatement("c-002", "Baraka Otieno", "m-002", CLOCK, DAY_START.plusSeconds(900), 81_200, 200,
                        4_000, FinalStatement.METER, -1_500, "KES", CreditState.DISCONNECTED, debtsOwed()),
                new MoveIn("m-002", "c-201", "Neema Mwangi", CustomerCategory.HOUSEHOLD, 20_000),
                new MovedIn("c-201", "m-002", CLOCK, 81_200, 20_000, "KES", RelayState.ON),
                new GetRelayCommands(),
                new RelayCommandsBatch(relayCommands(), 2),
                new GetLedgerDayDigests(DAY.minusDays(2), DAY),
                new LedgerDayDigestsBatch(List.of(new LedgerDayDigest(new CustomerDay("C-0001", DAY), 2,
                        ByteString.of(new byte[32]))), 1),
                signedCommand(),
                new GetCommands(0),
                new CommandsBatch(List.of(loggedCommand()), 1),
                new GetLedgerDays(List.of(new CustomerDay("C-0001", DAY))),
                new PostAdjustments(List.of(new PostAdjustments.Item(new CustomerDay("C-0001", DAY), "tax:VAT",
                        "reconciled", 12, ByteString.of(new byte[32])))),
                getGapFills(),
                gapFillsBatch(),
                pushTariff(),
                tariffPushed(),
                postReadings(),
                readingsTaken(),
                new GetImportedPayments());
    }

    /** A supervisor pushes version 2 of tariff flat-2024, 30.00 KES a kWh from 29 April 2024 in the site's time. */
    public static PushTariff pushTariff() {
        return new PushTariff(2, "{\"tariffId\":\"flat-2024\",\"currency\":\"KES\",\"versions\":[{"
                + "\"effectiveFrom\":\"2024-04-29T00:00\",\"currency\":\"KES\","
                + "\"blocks\":[{\"price\":30000000}]}]}");
    }

    /** The gateway's answer to {@link #pushTariff()}: one day's energy charged 6.00 KES more. */
    public static TariffPushed tariffPushed() {
        return new TariffPushed(2, ByteString.of(new byte[32]), CLOCK, false, List.of(new LedgerEntry(7, CLOCK,
                "c-001", EntryKind.ADJUSTMENT, -600, 44_013, "adjustment:2024-04-30 tariff-version energy")));
    }

    /** The console asks for the gaps filled among those billed on 30 April 2024 (UTC). */
    /** Meter m-001's readings of the six hours before 13:30 UTC, as a final register's check asks for them. */
    public static GetReadings getReadingsByMeter() {
        return new GetReadings(Instant.parse("2024-04-30T07:30:00Z"), Instant.parse("2024-04-30T13:30:00Z"), "m-001");
    }

    public static GetGapFills getGapFills() {
        return new GetGapFills(Instant.parse("2024-04-30T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"));
    }

    /** Meter m-001's hour off the mesh from 13:30 UTC, billed by estimate, as the meter then sent it. */
    public static GapFillsBatch gapFillsBatch() {
        return new GapFillsBatch(List.of(new GapFillsBatch.Fill("m-001", Instant.parse("2024-04-30T13:30:00Z"),
                List.of(40L, 60L, 180L, 120L))), 1);
    }

    /**
     * A supervisor sends two reads: one imported from a file, inside meter m-001's gap of {@link #gapFillsBatch()},
     * and an override of meter m-002's register at 09:00 UTC decided on the exceptions queue.
     */
    public static PostReadings postReadings() {
        return new PostReadings(List.of(
                new PostReadings.Read("m-001", Instant.parse("2024-04-30T13:45:00Z"), 12_040,
                        PostReadings.Origin.IMPORT, "reads-0430.csv:2", "optical port"),
                new PostReadings.Read("m-002", Instant.parse("2024-04-30T09:00:00Z"), 8_815,
                        PostReadings.Origin.OVERRIDDEN, "decision:7", "display read")));
    }

    /** The gateway's answer to {@link #postReadings()}: the gap lacks its other reads; the override re-rated. */
    public static ReadingsTaken readingsTaken() {
        return new ReadingsTaken(List.of(
                new ReadingsTaken.Result("m-001", Instant.parse("2024-04-30T13:45:00Z"), 12_040,
                        ReadingsTaken.Outcome.REFUSED, "GAP_INCOMPLETE", "Send a read of every quarter hour."),
                new ReadingsTaken.Result("m-002", Instant.parse("2024-04-30T09:00:00Z"), 8_815,
                        ReadingsTaken.Outcome.CORRECTED, null, null)), List.of(412L));
    }

    /** A supervisor voids the receipt of {@link #cashTopUp()}. */
    public static CashVoid cashVoid() {
        return new CashVoid("3FA2C9-0001", "customer paid twice");
    }

    /** The gateway's answer to {@link #cashVoid()}. */
    public static CashVoided cashVoided() {
        return new CashVoided(CashVoided.Outcome.VOIDED, "3FA2C9-0001", "RCPT-0001", "c-001", 50_000, "KES",
                "T-0042", CLOCK, CLOCK.plusSeconds(600), "S-0007", "customer paid twice");
    }

    /** The cash book of {@link #cashTopUp()}'s receipt and its void. */
    public static List<CashBookLine> cashBook() {
        return List.of(
                new CashBookLine(CashBookLine.Kind.RECEIPT, "3FA2C9-0001", "T-0042", "RCPT-0001", "c-001", 50_000,
                        "KES", CLOCK, null, null),
                new CashBookLine(CashBookLine.Kind.VOID, "3FA2C9-0001", "T-0042", "RCPT-0001", "c-001", 50_000,
                        "KES", CLOCK.plusSeconds(600), "S-0007", "customer paid twice"));
    }

    /** A technician replacing meter m-001, read at 12,345.678 kWh, by m-101, which reads 0.012 kWh. */
    public static ExchangeMeter exchangeMeter() {
        return new ExchangeMeter("m-001", "m-101", 12_345_678, 12, "display dead after a storm");
    }

    public static List<DebtOwed> debtsOwed() {
        return List.of(new DebtOwed("LOAN-7", Debt.Kind.APPLIANCE_LOAN, 300_000, 120_000));
    }

    /** One command settled by a read-back, one waiting for its meter to come back on the mesh. */
    public static List<RelayCommand> relayCommands() {
        return List.of(
                new RelayCommand(7, "m-001", "c-001", RelayState.OFF, CLOCK, RelayCommand.Status.CONFIRMED_BY_READ_BACK,
                        1, 1, 1, CLOCK.plusSeconds(30), null, "credit-exhausted"),
                new RelayCommand(8, "m-002", "c-002", RelayState.ON, CLOCK, RelayCommand.Status.WAITING_OFF_MESH, 0, 0,
                        1, null, CLOCK.plusSeconds(900), "topped-up"));
    }

    /**
     * A day of the mesh of {@link #topology(int) topology(1)}: the whole mesh at the day's start, a quarter hour in
     * which the meter's link to the gateway weakens by a decibel each way, and one in which nothing changes.
     */
    public static MeshDay meshDay() {
        TopologySnapshot start = topology(1);
        TopologySnapshot.Link link = start.links().get(0);
        TopologySnapshot.Link weaker = new TopologySnapshot.Link(link.from(), link.to(), link.forwardRssiDbm() - 1,
                link.reverseRssiDbm() - 1, link.forwardPsr(), link.reversePsr(), link.etx(), 0, true);
        return new MeshDayBuilder(DAY, new TopologySnapshot(DAY_START, GATEWAY_ID, start.nodes(), start.links()))
                .add(new TopologySnapshot(DAY_START.plusSeconds(900), GATEWAY_ID, start.nodes(), List.of(weaker)))
                .add(new TopologySnapshot(DAY_START.plusSeconds(1800), GATEWAY_ID, start.nodes(), List.of(weaker)))
                .build();
    }

    /** The digests of a day whose events are {@link #events()} and whose mesh history is {@link #meshDay()}. */
    public static DayDigest dayDigest() {
        byte[] mesh = MeshDayDocument.encode(meshDay());
        return new DayDigest(DAY, true, events().size(), HistoryDigests.eventsDigest(events()),
                meshDay().steps().size(), HistoryDigests.sha256(mesh), mesh.length);
    }

    /**
     * The mesh of {@link #topology(int)} as a gateway that lists {@code radio-facts} tells it: the gateway on its own
     * firmware, the meters on two versions, and each radio sending its own packets and forwarding its children's.
     */
    public static TopologySnapshot topologyWithRadioFacts(int meters) {
        TopologySnapshot plain = topology(meters);
        List<TopologySnapshot.Node> nodes = new java.util.ArrayList<>();
        for (TopologySnapshot.Node node : plain.nodes()) {
            long forwarded = 40L * (meters - Math.max(node.hops(), 0));
            nodes.add(node.hops() == 0 ? node.withRadioFacts("gw-sim-2.4.1", forwarded)
                    : node.withRadioFacts(node.hops() % 2 == 1 ? "mtr-3.2.0" : "mtr-3.1.4", 40 + forwarded));
        }
        return new TopologySnapshot(plain.at(), plain.gatewayId(), nodes, plain.links());
    }

    /** A batch of one meter of {@link #topologyWithRadioFacts(int)}'s mesh of three, as section 11.19 shows it. */
    public static TopologyBatch topologyBatchWithRadioFacts() {
        TopologySnapshot mesh = topologyWithRadioFacts(3);
        return TopologyBatch.of(mesh, List.of(mesh.nodes().get(1)), mesh.items().size());
    }

    /**
     * A mesh of the gateway and {@code meters} meters in a chain away from it, each linked to the radio before it
     * with the two directions measured differently.
     */
    public static TopologySnapshot topology(int meters) {
        List<TopologySnapshot.Node> nodes = new java.util.ArrayList<>();
        List<TopologySnapshot.Link> links = new java.util.ArrayList<>();
        nodes.add(new TopologySnapshot.Node(GATEWAY_ID, -0.3031, 36.08, 0, 256, null, List.of()));
        for (int i = 1; i <= meters; i++) {
            String parent = i == 1 ? GATEWAY_ID : String.format("m-%03d", i - 1);
            String id = String.format("m-%03d", i);
            nodes.add(new TopologySnapshot.Node(id, -0.3031 - i * 0.0005, 36.08 + i * 0.0004, i, 256 + 300 * i,
                    parent, i == 1 ? List.of() : List.of(GATEWAY_ID)));
            links.add(new TopologySnapshot.Link(id, parent, -70.5 - i, -74.25 - i, 0.98 - i * 0.001, 0.9, 1.14,
                    15L * i, true));
        }
        return new TopologySnapshot(DAY_START.plusSeconds(900), GATEWAY_ID, nodes, links);
    }

    /**
     * A gateway up for three days, just past a quarter hour's burst, whose clock runs 420 ms ahead, with the
     * traffic of the quarter hour before.
     */
    public static GatewayHealth gatewayHealth() {
        return new GatewayHealth(259_200, 730, 98_304, 262_144, 41, 37, GatewayHealth.Backhaul.UP, -79, 420L, CLOCK,
                List.of(quarterHourTraffic()));
    }

    /**
     * 200 readings sent after 08:15: 198 reached the intake, 31 of them in the busiest 10 s; meter m-007 held 9
     * frames at once, one reading was lost on the way and one is still on it.
     */
    public static GatewayHealth.Traffic quarterHourTraffic() {
        return new GatewayHealth.Traffic(Instant.parse("2024-05-01T08:15:00Z"), 200, 198, 31, 12, 9, "m-007", 1, 0,
                23, 4, 850, 4_200);
    }

    /** A meter's last gasp, caused by a scripted feeder outage, and the gateway's backhaul coming back. */
    public static List<SiteEvent> events() {
        return List.of(
                new SiteEvent(1, DAY_START.plusSeconds(66_600), "m-001", EventKind.POWER_LOSS,
                        new java.util.TreeMap<>(Map.of("lastGasp", "true")),
                        new SiteEvent.Cause("feeder-outage", 0, "feeder-power-loss")),
                new SiteEvent(2, DAY_START.plusSeconds(70_000), GATEWAY_ID, EventKind.BACKHAUL_UP,
                        new java.util.TreeMap<>(), null));
    }

    /**
     * The sample cash top-up as the sample technician's command, under the keyed credential, with a nonce of
     * sixteen bytes of {@code 0x0f}, issued at the sample clock.
     */
    public static TechnicianCommand technicianCommand() {
        return TechnicianCommand.of(SITE_ID, GATEWAY_ID, TestCredentials.keyedTechnician(), cashTopUp(),
                ByteString.fromHex("0f".repeat(TechnicianCommand.NONCE_SIZE)), CLOCK);
    }

    /** {@link #technicianCommand} signed with the technician's key. */
    public static SignedCommand signedCommand() {
        return technicianCommand().sign(TestCredentials.TECHNICIAN_KEY);
    }

    /** {@link #signedCommand} as the gateway's command log keeps it, answered by an error for brevity. */
    public static CommandsBatch.Entry loggedCommand() {
        SignedCommand command = signedCommand();
        SignedCredential credential = TestCredentials.keyedTechnician();
        ErrorReply answer = new ErrorReply("CASH_LIMIT_EXCEEDED", "over the limit");
        return new CommandsBatch.Entry(1, CLOCK, command.command(), command.signature(), credential.signed(),
                credential.signature(), 0x03, ByteString.of(MessageCodec.encode(answer)));
    }

    /** KES 500.00 in cash for customer c-001, under receipt RCPT-0001. */
    public static CashTopUp cashTopUp() {
        return new CashTopUp("c-001", null, 50_000, "KES", "RCPT-0001", "paid at the kiosk");
    }

    /** Two payments imported from an agent's book: KES 250.00 for c-001 and KES 1,000.00 for c-002. */
    public static PostPayments postPayments() {
        return new PostPayments(List.of(
                new PostPayments.Payment("AG-7001", "c-001", 25_000, "KES", DAY_START.plusSeconds(36_000),
                        "agent-book.csv:2"),
                new PostPayments.Payment("AG-7002", "c-002", 100_000, "KES", DAY_START.plusSeconds(37_800),
                        "agent-book.csv:3")));
    }

    /** The gateway's answer to {@link #postPayments()} when it held the second reference for another customer. */
    public static PaymentsPosted paymentsPosted() {
        return new PaymentsPosted(List.of(
                new PaymentsPosted.Result("AG-7001", PaymentsPosted.Outcome.CREDITED, null, null),
                new PaymentsPosted.Result("AG-7002", PaymentsPosted.Outcome.REFUSED, "PAYMENT_REFERENCE_CONFLICT",
                        "AG-7002 was credited to c-003.")));
    }

    /** A technician's hello with a fixed nonce, so that the gateway's signed answer is always the same. */
    public static Hello hello() {
        SignedCredential technician = TestCredentials.technician();
        return new Hello(List.of(Frame.VERSION), "gridside-console", technician.signed(), technician.signature(),
                ByteString.fromHex("5e".repeat(32)));
    }

    /** The fake gateway's answer to {@link #hello()}. */
    public static HelloReply helloReply() {
        return helloReplyTo(hello(), Role.TECHNICIAN);
    }

    /** The fake gateway's answer to {@code hello} for a session of {@code role}, signed with its key. */
    public static HelloReply helloReplyTo(Hello hello, Role role) {
        GatewayProfile profile = profile();
        HelloReply unsigned = new HelloReply(Frame.VERSION, profile.gatewayId(), profile.siteId(), profile.siteName(),
                profile.firmware(), CLOCK, profile.currency(), profile.timeZone(), profile.capabilities(),
                role.wireName(), GATEWAY_KEY.publicKey(), ByteString.of(new byte[0]));
        return HelloProof.sign(hello, unsigned, GATEWAY_KEY);
    }

    public static GatewayProfile profile() {
        return new GatewayProfile(GATEWAY_ID, SITE_ID, "Kisima", "gw-2.4.1", "KES", "Africa/Nairobi",
                List.of("readings", "ledger"));
    }

    public static SiteReply siteReply() {
        SiteInfo site = new SiteInfo(SITE_ID, "Kisima", "KES", ZoneId.of("Africa/Nairobi"));
        Tariff tariff = new Tariff("flat-2024", "KES", 9_500, 2_000, 5_000);
        return new SiteReply(site, tariff, 2);
    }

    /** Two customers with their meters, one routed through the other. */
    public static List<RosterBatch.Entry> roster() {
        return List.of(
                new RosterBatch.Entry(new Customer("c-001", "Amina Wanjiru", CustomerCategory.HOUSEHOLD),
                        new Meter("m-001", "SN-88-0001", "c-001", GATEWAY_ID, -71)),
                new RosterBatch.Entry(new Customer("c-002", "Duka la Baraka", CustomerCategory.SHOP),
                        new Meter("m-002", "SN-88-0002", "c-002", "m-001", -98)));
    }

    /** The roster of {@link #roster()} as a gateway that lists {@code feeders} tells it: each meter on its feeder. */
    public static List<RosterBatch.Entry> rosterWithFeeders() {
        List<RosterBatch.Entry> plain = roster();
        return List.of(new RosterBatch.Entry(plain.get(0).customer(), plain.get(0).meter(), "F1"),
                new RosterBatch.Entry(plain.get(1).customer(), plain.get(1).meter(), "F2"));
    }

    /** A batch of the first entry of {@link #rosterWithFeeders()}, as section 11.20 shows it. */
    public static RosterBatch rosterBatchWithFeeders() {
        return new RosterBatch(List.of(rosterWithFeeders().get(0)), 2);
    }

    public static List<MeterStatus> meterStatus() {
        return List.of(
                new MeterStatus("m-001", "c-001", "Amina Wanjiru", 12_500, "KES", CLOCK.minusSeconds(900), 48_210,
                        -71, GATEWAY_ID, RelayState.ON, CreditState.ACTIVE),
                new MeterStatus("m-002", "c-002", "Duka la Baraka", -300, "KES", null, 0, -98, "m-001",
                        RelayState.OFF, CreditState.DISCONNECTED));
    }

    /**
     * {@code count} quarter-hour readings of two meters, from {@link #DAY_START}, in time then meter order. Meter
     * m-001 reports its voltage and peak power; m-002, an older meter, its energy alone.
     */
    public static List<Reading> readings(int count) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = DAY_START.plus(Reading.INTERVAL.multipliedBy(i / 2));
            long energy = 10 + i % 7;
            Reading.Quality quality = i % 2 == 0 ? new Reading.Quality(2_118 - i % 5, 2_231, 2_296, 60 + i % 11) : null;
            readings.add(new Reading(i % 2 == 0 ? "m-001" : "m-002", start, energy, 1_000 + 20L * i, quality));
        }
        return readings;
    }

    /** {@code count} ledger entries numbered from 1. */
    public static List<LedgerEntry> ledger(int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            EntryKind kind = seq == 1 ? EntryKind.OPENING : EntryKind.ENERGY;
            entries.add(new LedgerEntry(seq, DAY_START.plusSeconds(60L * seq), "c-001", kind, seq == 1 ? 20_000 : -95,
                    20_000 - 95L * (seq - 1), seq == 1 ? "opening" : "interval-" + seq));
        }
        return entries;
    }
}
