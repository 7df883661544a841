package io.gridside.sim;

import static io.gridside.sim.FreshSiteFixture.FACTORY;
import static io.gridside.sim.FreshSiteFixture.PLAN;
import static io.gridside.sim.FreshSiteFixture.SITE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.message.CommissionMeter;
import io.gridside.sim.journal.JournalException;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory-fresh gateway with a journal keeps its setup, customers and go-live across a power cut. */
class FreshGatewayJournalTest {

    private static final SiteSpec SPEC = new SiteSpec(5, 77, 0, FACTORY);
    private static final SigningKey KEY = FreshGateway.identityKeyFor(SPEC);

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(FACTORY);

    @Test
    void keepsItsSetupCustomersAndGoLiveAcrossARestartAndTakesNoneTwice() throws Exception {
        CommissionMeter customer;
        long balanceBefore;
        try (FreshGateway first = new FreshGateway(SPEC, clock, KEY, dir)) {
            first.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(), tariffs(), "T-21");
            clock.advance(Duration.ofMinutes(5));
            customer = FreshSiteCommissioningTest.customer(first.joinedMeters(null).get(0).meterId(), "C-1", 2_000);
            first.commission(customer, "T-21");
            first.goLive("T-21");
            clock.advance(Duration.ofHours(3));
            first.advance();
            balanceBefore = first.live().balance("C-1");
        }
        FreshJournal.Resumed resumed = FreshJournal.resumed(dir, SPEC);

        try (FreshGateway again = new FreshGateway(resumed.spec(), SimClock.manual(clock.now()), KEY, dir)) {
            assertThat(again.factoryFresh()).isFalse();
            assertThat(again.state().commissionedCustomers()).containsExactly("C-1");
            assertThat(again.live()).isNotNull();
            assertThat(again.live().balance("C-1")).isEqualTo(balanceBefore).isLessThan(2_000);
            assertThat(again.commission(customer, "T-21").repeated()).isTrue();
            assertThat(again.goLive("T-21").repeated()).isTrue();
            assertThat(again.live().ledgerAfter(0)).filteredOn(entry -> entry.kind() == EntryKind.OPENING
                    && entry.customerId().equals("C-1")).extracting(LedgerEntry::amountMinor).containsExactly(2_000L);
        }
    }

    @Test
    void goesLiveAgainAtTheSameSecondThoughItsClockRanOnWhileItWentLive() throws Exception {
        // A fast simulation: every look at the clock finds it 0.4 s on, as building the billing site takes time.
        SimClock.Manual manual = SimClock.manual(FACTORY);
        SimClock running = () -> {
            manual.advance(Duration.ofMillis(400));
            return manual.now();
        };
        Instant liveAt;
        try (FreshGateway first = new FreshGateway(SPEC, running, KEY, dir)) {
            first.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(), tariffs(), "T-21");
            manual.advance(Duration.ofMinutes(5));
            first.commission(FreshSiteCommissioningTest.customer(first.joinedMeters(null).get(0).meterId(), "C-1",
                    2_000), "T-21");
            liveAt = first.goLive("T-21").liveAt();
        }
        FreshJournal.Resumed resumed = FreshJournal.resumed(dir, SPEC);

        try (FreshGateway again = new FreshGateway(resumed.spec(), SimClock.manual(resumed.clockStart()), KEY, dir)) {
            assertThat(again.state().liveAt()).isEqualTo(liveAt);
            assertThat(again.live()).isNotNull();
        }
    }

    @Test
    void startsAgainWhereItsLastStepWasTaken() throws Exception {
        try (FreshGateway first = new FreshGateway(SPEC, clock, KEY, dir)) {
            clock.advance(Duration.ofMinutes(40));
            first.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(), tariffs(), "T-21");
        }

        FreshJournal.Resumed resumed = FreshJournal.resumed(dir, new SiteSpec(5, 77, 0, FACTORY.plusSeconds(900)));

        assertThat(resumed.spec().now()).isEqualTo(FACTORY);
        assertThat(resumed.clockStart()).isEqualTo(FACTORY.plus(Duration.ofMinutes(40)));
    }

    @Test
    void everyMeterItListedAsJoinedBeforeAPowerCutIsStillJoinedAfterIt() throws Exception {
        List<String> listed;
        try (FreshGateway first = new FreshGateway(SPEC, clock, KEY, dir)) {
            first.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(), tariffs(), "T-21");
            clock.advance(Duration.ofMinutes(30));
            listed = first.joinedMeters(null).stream().map(meter -> meter.meterId()).toList();
        }
        FreshJournal.Resumed resumed = FreshJournal.resumed(dir, SPEC);

        try (FreshGateway again = new FreshGateway(resumed.spec(), SimClock.manual(resumed.clockStart()), KEY, dir)) {
            String last = listed.get(listed.size() - 1);
            assertThat(resumed.clockStart()).isEqualTo(FACTORY.plus(Duration.ofMinutes(30)));
            assertThat(again.joinedMeters(null)).extracting(meter -> meter.meterId()).containsExactlyElementsOf(listed);
            assertThat(again.state().joinedMeters()).isEqualTo(listed.size());
            assertThat(again.commission(FreshSiteCommissioningTest.customer(last, "C-9", 500), "T-21").meterSerial())
                    .isEqualTo(last);
        }
    }

    @Test
    void itsClockGoesOnFromTheWallClockAsOnABatteryUnlessItHadRunAhead() throws Exception {
        try (FreshGateway first = new FreshGateway(SPEC, clock, KEY, dir)) {
            clock.advance(Duration.ofMinutes(40));
            first.setUp(PLAN, SITE_TIME, FreshSiteFixture.signedPack(), tariffs(), "T-21");
        }
        FreshJournal.Resumed resumed = FreshJournal.resumed(dir, SPEC);

        Instant wallLater = FACTORY.plus(Duration.ofHours(2));
        Instant wallEarlier = FACTORY.plus(Duration.ofMinutes(10));
        assertThat(resumed.notBefore(wallLater).clockStart()).isEqualTo(wallLater);
        assertThat(resumed.notBefore(wallEarlier).clockStart()).isEqualTo(FACTORY.plus(Duration.ofMinutes(40)));
        try (FreshGateway again = new FreshGateway(resumed.spec(), SimClock.manual(wallLater), KEY, dir)) {
            assertThat(again.clock()).isEqualTo(SITE_TIME.plus(Duration.ofMinutes(80)));
        }
    }

    @Test
    void refusesTheJournalOfAnotherSite() {
        new FreshGateway(SPEC, clock, KEY, dir).close();

        assertThatThrownBy(() -> new FreshGateway(new SiteSpec(6, 77, 0, FACTORY), clock, KEY, dir))
                .isInstanceOf(JournalException.class).hasMessageContaining("another site");
    }

    private static List<TariffSchedule> tariffs() throws IOException {
        return List.of(TariffFile.parse(FreshSiteFixture.tariffFile("KES")).validated());
    }
}
