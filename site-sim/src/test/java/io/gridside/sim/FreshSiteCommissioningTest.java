package io.gridside.sim;

import static io.gridside.sim.FreshSiteFixture.FACTORY;
import static io.gridside.sim.FreshSiteFixture.PLAN;
import static io.gridside.sim.FreshSiteFixture.SITE;
import static io.gridside.sim.FreshSiteFixture.SITE_TIME;
import static io.gridside.sim.FreshSiteFixture.TARIFF;
import static io.gridside.sim.FreshSiteFixture.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.client.GatewayPin;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.WentLive;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffFile;
import io.gridside.link.client.CancelSignal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A factory-fresh gateway commissioned over TCP, from no site to billing its first readings. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreshSiteCommissioningTest {

    private final GatewayPins pins = GatewayPins.inMemory();
    private final SimClock.Manual clock = SimClock.manual(FACTORY);

    @Test
    void aFreshGatewayGoesFromEmptyToBillingItsFirstReadings() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(12, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            MeterCommissioned first;
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                GatewayCommissioning commissioning = client.commissioning();
                assertThat(commissioning.factoryFresh()).isTrue();
                assertThat(client.hello().siteId()).isEmpty();
                assertThatThrownBy(client::site).isInstanceOf(LinkException.class)
                        .hasMessageContaining("COMMISSION_NOT_SET_UP");

                commissioning.setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(client.hello().gatewayKey());
                clock.advance(Duration.ofMinutes(10));
                List<JoinedMeter> joined = joined(commissioning);
                assertThat(joined).hasSizeGreaterThanOrEqualTo(3)
                        .allMatch(meter -> MeterSerial.isValid(meter.meterId()));
                first = commissioning.commission(customer(joined.get(0).meterId(), "C-0", 20_000));
                for (int i = 1; i < 3; i++) {
                    commissioning.commission(customer(joined.get(i).meterId(), "C-" + i, 20_000));
                }
                WentLive live = commissioning.goLive();
                assertThat(live.customers()).isEqualTo(3);
                assertThat(live.liveAt()).isEqualTo(site.gateway().clock().truncatedTo(ChronoUnit.SECONDS));
            }
            clock.advance(Duration.ofHours(3));
            site.gateway().advance();

            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(client.hello().siteId()).isEqualTo(SITE);
                assertThat(BillingConfigDocument.decode(client.billingConfig(CancelSignal.NEVER)).terms().calendar()
                        .holidays()).containsExactlyElementsOf(PLAN.holidays());
                assertThat(client.commissioning().factoryFresh()).isFalse();
                List<LedgerEntry> ledger = ledger(client);
                assertThat(ledger).filteredOn(entry -> entry.kind() == EntryKind.OPENING
                        && entry.customerId().startsWith("C-")).extracting(LedgerEntry::amountMinor)
                        .containsExactly(20_000L, 20_000L, 20_000L);
                List<Reading> readings = new ArrayList<>();
                client.readings(SITE_TIME, SITE_TIME.plus(Duration.ofHours(3)),
                        (batch, received, total) -> readings.addAll(batch), CancelSignal.NEVER);
                assertThat(readings).extracting(Reading::meterId).contains(first.meterId());
                assertThat(site.gateway().live().balance("C-0")).isLessThan(20_000L);
            }
        }
    }

    @Test
    void metersJoinAFewAMinuteAndAllOfA200MeterSiteWithinHours() throws IOException {
        FreshGateway gateway = FreshSiteFixture.gateway(200, clock);
        try (FreshSite site = FreshSite.start(gateway);
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            clock.advance(Duration.ofMinutes(10));
            int afterTenMinutes = joined(client.commissioning()).size();
            clock.advance(Duration.ofHours(2));
            List<JoinedMeter> afterTwoHours = joined(client.commissioning());

            assertThat(afterTenMinutes).isBetween(10, 40);
            assertThat(afterTwoHours).hasSize(200);
            assertThat(afterTwoHours).extracting(JoinedMeter::meterId).doesNotHaveDuplicates();
            assertThat(client.commissioning().state().joinedMeters()).isEqualTo(200);
        }
    }

    @Test
    void beforeGoLiveAFreshGatewayBillsNothing() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(6, clock))) {
            try (GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
                client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                clock.advance(Duration.ofMinutes(5));
                client.commissioning().commission(customer(joined(client.commissioning()).get(0).meterId(),
                        "C-1", 5_000));
                clock.advance(Duration.ofHours(6));

                assertThat(ledger(client)).isEmpty();
                assertThat(client.meterStatus()).isEmpty();
            }
        }
    }

    @Test
    void aRepeatedCommissionIsAnsweredOnceAndTheSameMeterTwiceIsRefused() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(6, clock));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            GatewayCommissioning commissioning = client.commissioning();
            commissioning.setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
            clock.advance(Duration.ofMinutes(5));
            String serial = joined(commissioning).get(0).meterId();

            MeterCommissioned first = commissioning.commission(customer(serial, "C-1", 5_000));
            clock.advance(Duration.ofMinutes(1));
            MeterCommissioned again = commissioning.commission(customer(serial, "C-1", 5_000));

            assertThat(first.repeated()).isFalse();
            assertThat(again.repeated()).isTrue();
            assertThat(again.commissionedAt()).isEqualTo(first.commissionedAt());
            assertThat(commissioning.state().commissionedCustomers()).containsExactly("C-1");
            assertThatThrownBy(() -> commissioning.commission(customer(serial, "C-2", 0)))
                    .isInstanceOf(LinkException.class).hasMessageContaining("COMMISSION_METER_TAKEN")
                    .hasMessageContaining("C-1");
            assertThatThrownBy(() -> commissioning.commission(customer(serial, "C-1", 9_000)))
                    .isInstanceOf(LinkException.class).hasMessageContaining("COMMISSION_CUSTOMER_CHANGED");
            assertThatThrownBy(() -> commissioning.commission(customer("NO-SUCH-METER", "C-3", 0)))
                    .isInstanceOf(LinkException.class).hasMessageContaining("COMMISSION_UNKNOWN_METER");
            JoinedMeter singlePhase = joined(commissioning).stream().filter(meter -> meter.phases() == 1)
                    .filter(meter -> !meter.meterId().equals(serial)).findFirst().orElseThrow();
            assertThatThrownBy(() -> commissioning.commission(new CommissionMeter(singlePhase.meterId(), "C-4",
                    "A mill", CustomerCategory.MILL, TARIFF, 0))).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_METER_TYPE").hasMessageContaining("three-phase");
        }
    }

    @Test
    void aRelayTestPassesAndAJammedRelayFailsIt() throws IOException {
        FreshGateway gateway = FreshSiteFixture.gateway(6, clock);
        try (FreshSite site = FreshSite.start(gateway);
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
            clock.advance(Duration.ofMinutes(5));
            List<JoinedMeter> joined = joined(client.commissioning());
            gateway.jamRelay(joined.get(1).meterId());

            RelayTested good = client.commissioning().testRelay(joined.get(0).meterId());
            RelayTested jammed = client.commissioning().testRelay(joined.get(1).meterId());

            assertThat(good.passed()).isTrue();
            assertThat(good.afterDisconnect()).isEqualTo(RelayState.OFF);
            assertThat(good.afterReconnect()).isEqualTo(RelayState.ON);
            assertThat(jammed.passed()).isFalse();
            assertThat(jammed.afterDisconnect()).isEqualTo(RelayState.ON);
            assertThat(jammed.failure()).contains(joined.get(1).meterId());
        }
    }

    @Test
    void goLiveIsRefusedBeforeSetupAndWithNoCustomerAndARepeatAnswersTheFirst() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(6, clock));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            GatewayCommissioning commissioning = client.commissioning();
            assertThatThrownBy(commissioning::goLive).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_NOT_SET_UP");

            commissioning.setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
            assertThatThrownBy(commissioning::goLive).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_NO_CUSTOMER");

            clock.advance(Duration.ofMinutes(5));
            commissioning.commission(customer(joined(commissioning).get(0).meterId(), "C-1", 1_000));
            WentLive first = commissioning.goLive();
            clock.advance(Duration.ofHours(1));
            WentLive again = commissioning.goLive();

            assertThat(again.repeated()).isTrue();
            assertThat(again.liveAt()).isEqualTo(first.liveAt());
            assertThatThrownBy(() -> commissioning.commission(customer(joined(commissioning).get(1).meterId(),
                    "C-2", 0))).isInstanceOf(LinkException.class).hasMessageContaining("COMMISSION_LIVE");
        }
    }

    @Test
    void aConnectionDroppedMidCommissioningAppliesNothingTwiceOnReconnecting() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(8, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            List<JoinedMeter> joined;
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                clock.advance(Duration.ofMinutes(5));
                joined = joined(client.commissioning());
                client.commissioning().commission(customer(joined.get(0).meterId(), "C-1", 3_000));
                site.dropTcpSessions();
            }
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                GatewayCommissioning commissioning = client.commissioning();
                assertThat(commissioning.setUpSite(PLAN, SITE_TIME.plusSeconds(600), FreshSiteFixture.signedPack())
                        .repeated()).isTrue();
                assertThat(commissioning.commission(customer(joined.get(0).meterId(), "C-1", 3_000)).repeated())
                        .isTrue();
                commissioning.commission(customer(joined.get(1).meterId(), "C-2", 4_000));
                commissioning.goLive();
                assertThat(commissioning.goLive().repeated()).isTrue();
                assertThat(commissioning.state().commissionedCustomers()).containsExactly("C-1", "C-2");
            }
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(ledger(client)).filteredOn(entry -> entry.kind() == EntryKind.OPENING
                        && entry.customerId().startsWith("C-")).extracting(LedgerEntry::customerId)
                        .containsExactly("C-1", "C-2");
            }
        }
    }

    @Test
    void aSetupCutOffWhenItsKeyIsBeingPinnedIsResumedByTheSameTechnician() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(8, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            GatewayPins cutOff = new GatewayPins() {
                @Override
                public Optional<GatewayPin> find(String siteId) throws IOException {
                    return pins.find(siteId);
                }

                @Override
                public void save(GatewayPin pin) throws IOException {
                    throw new IOException("the laptop went off while pinning");
                }

                @Override
                public void forget(GatewayPin pin) throws IOException {
                    pins.forget(pin);
                }
            };
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, cutOff)) {
                assertThatThrownBy(() -> client.commissioning().setUpSite(PLAN, SITE_TIME,
                        FreshSiteFixture.signedPack())).isInstanceOf(LinkException.class);
            }
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack())
                        .repeated()).isFalse();
                assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(client.hello().gatewayKey());
            }
        }
    }

    @Test
    void aSetupCutOffAfterTheGatewayTookTheSiteIsResumedByTheSameTechnician() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(8, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                site.dropTcpSessions();
            }
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack())
                        .repeated()).isTrue();
            }
        }
    }

    @Test
    void aSetupTheGatewayRefusesLeavesNoKeyPinnedForTheSite() throws IOException {
        SitePlan elsewhere = new SitePlan("elsewhere-1", "Elsewhere", "Kisima Power", "KES",
                ZoneId.of("Africa/Nairobi"), List.of(), -0.45, 36.9);
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(8, clock));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            assertThatThrownBy(() -> client.commissioning().setUpSite(elsewhere, SITE_TIME,
                    FreshSiteFixture.signedPack())).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_PACK_WRONG_SITE");

            assertThat(pins.find("elsewhere-1")).isEmpty();
            assertThat(client.commissioning().state().factoryFresh()).isTrue();
        }
    }

    @Test
    void aGatewayThatWasNeverFreshRefusesCommissioning() throws IOException {
        Instant now = Instant.parse("2026-06-03T09:07:00Z");
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(4, 8, 0, now), SimClock.manual(now));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0),
                        DemoOperator.supervisorFor("site-8", now), pins)) {
            assertThat(client.commissioning().supported()).isFalse();
            assertThatThrownBy(client.commissioning()::goLive).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_NOT_COMMISSIONABLE");
            assertThatThrownBy(() -> joined(client.commissioning())).isInstanceOf(LinkException.class)
                    .hasMessageContaining("COMMISSION_NOT_COMMISSIONABLE");
        }
    }

    @Test
    void aSmallSiteHasAThreePhaseMeterForAMillAndItsMetersStandAroundTheSitesLocation() throws Exception {
        try (FreshGateway gateway = FreshSiteFixture.gateway(8, clock)) {
            gateway.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(),
                    List.of(TariffFile.parse(FreshSiteFixture.tariffFile("KES")).validated()), "T-21");
            clock.advance(Duration.ofMinutes(10));
            List<JoinedMeter> joined = gateway.joinedMeters(null);
            JoinedMeter threePhase = joined.stream().filter(meter -> meter.phases() == 3).findFirst().orElseThrow();

            MeterCommissioned mill = gateway.commission(new CommissionMeter(threePhase.meterId(), "C-MILL",
                    "Posho mill", CustomerCategory.MILL, TARIFF, 0), "T-21");

            gateway.goLive("T-21");
            List<TopologySnapshot.Node> live = gateway.live().topologySnapshot(gateway.clock()).nodes();

            assertThat(mill.meterSerial()).isEqualTo(threePhase.meterId());
            assertThat(joined).hasSize(8).allSatisfy(meter -> assertThat(metresFromSite(meter.latitude(),
                    meter.longitude())).isLessThan(3_000));
            assertThat(live).hasSize(9).allSatisfy(node -> assertThat(metresFromSite(node.latitude(),
                    node.longitude())).isLessThan(3_000));
        }
    }

    /** How far a point stands from the plan's location, flat over the few kilometres of a village. */
    private static double metresFromSite(double latitude, double longitude) {
        double north = (latitude - PLAN.latitude()) * 111_320;
        double east = (longitude - PLAN.longitude()) * 111_320 * Math.cos(Math.toRadians(PLAN.latitude()));
        return Math.hypot(north, east);
    }

    static CommissionMeter customer(String serial, String customerId, long openingMinor) {
        return new CommissionMeter(serial, customerId, "Customer " + customerId, CustomerCategory.HOUSEHOLD,
                TARIFF, openingMinor);
    }

    static List<JoinedMeter> joined(GatewayCommissioning commissioning) throws LinkException {
        List<JoinedMeter> joined = new ArrayList<>();
        commissioning.joinedMeters(null, (batch, received, total) -> joined.addAll(batch), CancelSignal.NEVER);
        return joined;
    }

    static List<LedgerEntry> ledger(GatewayClient client) throws LinkException {
        List<LedgerEntry> entries = new ArrayList<>();
        client.ledger(0, (batch, received, total) -> entries.addAll(batch), CancelSignal.NEVER);
        return entries;
    }
}
