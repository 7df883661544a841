package io.gridside.sim;

import static io.gridside.sim.FreshSiteFixture.FACTORY;
import static io.gridside.sim.FreshSiteFixture.OPERATOR;
import static io.gridside.sim.FreshSiteFixture.PLAN;
import static io.gridside.sim.FreshSiteFixture.SITE;
import static io.gridside.sim.FreshSiteFixture.SITE_TIME;
import static io.gridside.sim.FreshSiteFixture.TARIFF;
import static io.gridside.sim.FreshSiteFixture.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Rater;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.WentLive;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh gateway whose customers are on two tariffs of the operator's pack goes live: each customer is billed on
 * their own from the moment of go-live, the meters no customer was given are billed to no one, and the console's
 * replay of the gateway's ledger, from the billing configuration it hands out, agrees entry for entry.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreshSiteTariffsTest {

    private static final String SHOP = "shop-kisima";
    /** The flat tariff of the fixture's pack prices 3,500 a kWh and 1,000 a day; the shop's twice and thrice that. */
    private static final Tariff SHOP_TARIFF = new Tariff(SHOP, "KES", 7000, 3000, 5000);

    private static final long OPENING = 500_000;

    private final GatewayPins pins = GatewayPins.inMemory();
    private final SimClock.Manual clock = SimClock.manual(FACTORY);

    @Test
    void aSiteOfTwoTariffsBillsEachCustomerOnTheirOwnFromGoLive() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(12, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            WentLive live = commission(address);
            // Go-live fell ten minutes into a quarter hour: billing starts then, not at the quarter hour before.
            assertThat(live.liveAt()).isEqualTo(SITE_TIME.plus(Duration.ofMinutes(10)));
            assertThat(live.uncommissionedMeters()).isEqualTo(8);
            clock.advance(Duration.ofHours(12));
            site.gateway().advance();

            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                List<LedgerEntry> ledger = FreshSiteCommissioningTest.ledger(client);
                assertThat(ledger).filteredOn(e -> e.kind() == EntryKind.OPENING).hasSize(4)
                        .allMatch(e -> e.at().equals(live.liveAt()));
                // Go-live at 09:10 in Nairobi and twelve hours on: one site day's standing charge each.
                assertThat(standing(ledger, "C-0")).isEqualTo(-1000);
                assertThat(standing(ledger, "C-2")).isEqualTo(-3000);

                SiteReply reply = client.site();
                BillingConfig config = BillingConfigDocument.decode(client.billingConfig(CancelSignal.NEVER));
                assertThat(config.schedule().tariffId()).isEqualTo(TARIFF);
                assertThat(config.tariffOfCustomer()).containsOnlyKeys("C-2", "C-3").containsValue(SHOP);
                assertThat(reply.tariff().energyMinorPerKwh()).isEqualTo(3500);
                assertThat(reply.tariff().standingMinorPerDay()).isEqualTo(1000);

                List<Meter> meters = roster(client);
                List<Reading> readings = readings(client);
                // The quarter hour go-live fell in is not billed: the first reading billed is of the next.
                assertThat(readings).isNotEmpty()
                        .allMatch(r -> !r.intervalStart().isBefore(SITE_TIME.plus(Duration.ofMinutes(15))));

                BillingEngine replay = Replay.run(reply.tariff(), config.rater(PLAN.zone()),
                        config.customerTariffs(PLAN.zone()), config.terms(), meters, ledger, readings, List.of(),
                        List.of());
                assertThat(Reconciliation.of(ledger, replay).agrees()).isTrue();
                for (int i = 0; i < 4; i++) {
                    assertThat(replay.balance("C-" + i)).isEqualTo(site.gateway().live().balance("C-" + i));
                }
                SimulatedGateway gateway = site.gateway().live();
                assertThat(energyPerKwh(gateway, ledger, readings, meters, SHOP))
                        .isGreaterThan(energyPerKwh(gateway, ledger, readings, meters, TARIFF) * 1.9);
            }
        }
    }

    @Test
    void theMetersNoCustomerWasGivenAreBilledToNoOneUntilAMoveIn() throws Exception {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(12, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            WentLive live = commission(address);
            clock.advance(Duration.ofHours(12));
            site.gateway().advance();

            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(live.customers()).isEqualTo(4);
                assertThat(live.uncommissionedMeters()).isEqualTo(8);
                List<Meter> meters = roster(client);
                assertThat(meters).extracting(Meter::customerId).containsExactlyInAnyOrder("C-0", "C-1", "C-2",
                        "C-3");
                assertThat(FreshSiteCommissioningTest.ledger(client)).isNotEmpty()
                        .extracting(LedgerEntry::customerId).allMatch(id -> id.startsWith("C-"));
                Set<String> billedMeters = meters.stream().map(Meter::meterId).collect(Collectors.toSet());
                assertThat(readings(client)).isNotEmpty().allMatch(r -> billedMeters.contains(r.meterId()));
                assertThat(client.meterStatus()).hasSize(4);
            }

            // A spare meter's place is free, as after a move-out: a move-in gives it to a customer later.
            SimulatedGateway billing = site.gateway().live();
            String spare = billing.layout().meters().stream().map(Meter::meterId)
                    .filter(id -> !billing.layout().customers().get(indexOf(billing, id)).customerId()
                            .startsWith("C-"))
                    .findFirst().orElseThrow();
            billing.moveIn(new MoveIn(spare, "C-9", "Customer 9", CustomerCategory.HOUSEHOLD, 10_000), "S-1");
            clock.advance(Duration.ofHours(1));
            site.gateway().advance();
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(roster(client)).extracting(Meter::meterId).contains(spare).hasSize(5);
                assertThat(FreshSiteCommissioningTest.ledger(client)).anyMatch(e -> e.customerId().equals("C-9")
                        && e.kind() == EntryKind.OPENING);
            }
        }
    }

    @Test
    void aVersionPushedToTheDefaultTariffReratesOnlyItsCustomersAndTheReplayFollows() throws Exception {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(12, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            commission(address);
            // Past the site's first midnight, so that the first day's energy is posted and a new price moves it.
            clock.advance(Duration.ofHours(18));
            site.gateway().advance();
            SimulatedGateway live = site.gateway().live();

            TariffPushed pushed = live.pushTariff(dearerHomeVersion(), "S-1");
            clock.advance(Duration.ofHours(2));
            site.gateway().advance();

            assertThat(pushed.posted()).isNotEmpty().extracting(LedgerEntry::customerId)
                    .allMatch(id -> id.equals("C-0") || id.equals("C-1"));
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                BillingConfig config = BillingConfigDocument.decode(client.billingConfig(CancelSignal.NEVER));
                assertThat(config.pushed()).hasSize(1);
                assertThat(config.tariffOfCustomer()).containsOnlyKeys("C-2", "C-3");
                List<LedgerEntry> ledger = FreshSiteCommissioningTest.ledger(client);
                List<Replay.Push> pushes = config.pushed().stream().map(p -> new Replay.Push(new Rater(
                        config.scheduleWith(p.versionNumber()), PLAN.zone(), config.terms().calendar()::isHoliday),
                        p.knownAt(), p.afterSeq())).toList();
                Rater before = new Rater(config.scheduleBeforePushes(), PLAN.zone(),
                        config.terms().calendar()::isHoliday);
                BillingEngine replay = Replay.run(client.site().tariff(), before, config.customerTariffs(PLAN.zone()),
                        config.terms(), roster(client), ledger, readings(client), List.of(), pushes);
                assertThat(Reconciliation.of(ledger, replay).agrees()).isTrue();
            }
        }
    }

    @Test
    void aGoLiveOnTheQuarterHourBillsThatQuarterHourWhole() throws Exception {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(12, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            WentLive live = commission(address, Duration.ofMinutes(15));
            clock.advance(Duration.ofHours(1));
            site.gateway().advance();

            assertThat(live.liveAt()).isEqualTo(SITE_TIME.plus(Duration.ofMinutes(15)));
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(readings(client)).extracting(Reading::intervalStart).contains(live.liveAt())
                        .allMatch(start -> !start.isBefore(live.liveAt()));
            }
        }
    }

    /**
     * Version 2 of the default tariff: 6,000 a kWh from 09:00 of the go-live day, site time; neither tariff's
     * price, so that re-rating a customer of either tariff with it would move their energy.
     */
    private static PushTariff dearerHomeVersion() {
        TariffVersion first = TariffSchedule.flat(new Tariff(TARIFF, "KES", 3500, 1000, 5000)).versions().get(0);
        TariffVersion dearer = new TariffVersion(LocalDateTime.of(2026, 7, 1, 9, 0), "KES",
                List.of(new Block(null, Prices.ofMinorPerKwh(6000), false)), null, List.of(), first.standing(), null,
                List.of(), null);
        return new PushTariff(2, TariffFile.write(new TariffSchedule(TARIFF, "KES", List.of(dearer))));
    }

    private static int indexOf(SimulatedGateway gateway, String meterId) {
        List<Meter> meters = gateway.layout().meters();
        for (int i = 0; i < meters.size(); i++) {
            if (meters.get(i).meterId().equals(meterId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(meterId);
    }

    /** Sets the site up with a pack of two tariffs, gives four meters to customers, two on each, and goes live. */
    private WentLive commission(InetSocketAddress address) throws IOException {
        return commission(address, Duration.ofMinutes(10));
    }

    /** As {@link #commission(InetSocketAddress)}, going live {@code afterSetUp} after the setup. */
    private WentLive commission(InetSocketAddress address, Duration afterSetUp) throws IOException {
        try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
            GatewayCommissioning commissioning = client.commissioning();
            commissioning.setUpSite(PLAN, SITE_TIME, twoTariffPack());
            clock.advance(afterSetUp);
            List<JoinedMeter> joined = FreshSiteCommissioningTest.joined(commissioning);
            assertThat(joined).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < 4; i++) {
                commissioning.commission(new CommissionMeter(joined.get(i).meterId(), "C-" + i, "Customer " + i,
                        CustomerCategory.HOUSEHOLD, i < 2 ? TARIFF : SHOP, OPENING));
            }
            return commissioning.goLive();
        }
    }

    private static SignedCommissioningPack twoTariffPack() {
        CommissioningPack one = FreshSiteFixture.pack(OPERATOR, SITE, SITE_TIME.plus(Duration.ofDays(30)));
        List<String> tariffs = new ArrayList<>(one.tariffFiles());
        tariffs.add(TariffFile.write(TariffSchedule.flat(SHOP_TARIFF)));
        return OPERATOR.sign(new CommissioningPack(one.siteId(), one.operatorKeyId(), one.operatorKey(),
                one.issuedAt(), one.notAfter(), tariffs, one.credentials()));
    }

    private static long standing(List<LedgerEntry> ledger, String customerId) {
        return ledger.stream().filter(e -> e.customerId().equals(customerId)
                && e.kind() == EntryKind.STANDING_CHARGE).mapToLong(LedgerEntry::amountMinor).sum();
    }

    /**
     * What the tariff's customers were charged for energy, posted or accrued since, per kWh their meters' readings
     * delivered.
     */
    private static double energyPerKwh(SimulatedGateway gateway, List<LedgerEntry> ledger, List<Reading> readings,
            List<Meter> meters, String tariffId) {
        Set<String> customers = tariffId.equals(SHOP) ? Set.of("C-2", "C-3") : Set.of("C-0", "C-1");
        Set<String> meterIds = meters.stream().filter(m -> customers.contains(m.customerId())).map(Meter::meterId)
                .collect(Collectors.toSet());
        long wh = readings.stream().filter(r -> meterIds.contains(r.meterId())).mapToLong(Reading::energyWh).sum();
        // The flat tariffs charge energy and a standing charge only, and nobody topped up.
        long charged = customers.stream().mapToLong(id -> OPENING - gateway.balance(id) + standing(ledger, id))
                .sum();
        assertThat(wh).isPositive();
        return charged * 1000.0 / wh;
    }

    private static List<Meter> roster(GatewayClient client) throws LinkException {
        List<RosterBatch.Entry> entries = new ArrayList<>();
        client.roster((batch, received, total) -> entries.addAll(batch), CancelSignal.NEVER);
        return entries.stream().map(RosterBatch.Entry::meter).toList();
    }

    private static List<Reading> readings(GatewayClient client) throws LinkException {
        List<Reading> readings = new ArrayList<>();
        Instant from = SITE_TIME.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        client.readings(from, SITE_TIME.plus(Duration.ofDays(2)), (batch, received, total) -> readings.addAll(batch),
                CancelSignal.NEVER);
        return readings;
    }
}
