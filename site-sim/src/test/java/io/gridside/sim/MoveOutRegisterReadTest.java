package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.sim.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move-out without a typed final register at the simulated gateway: a meter it can reach is read over the mesh
 * and the share of the quarter hour drawn before the move-out is billed to the customer who left, the rest to the
 * next occupant; a meter off the mesh leaves that energy billed to no one, as before.
 */
class MoveOutRegisterReadTest {

    /** 19:07 in Nairobi, when households draw most; the gateway last billed the quarter hour that ended at 19:00. */
    private static final Instant EVENING = Instant.parse("2026-06-03T16:07:00Z");
    private static final Instant QUARTER_START = Instant.parse("2026-06-03T16:00:00Z");
    private static final SiteSpec SPEC = new SiteSpec(20, 5, 1, EVENING);

    @TempDir
    Path directory;

    /** The meter that drew the most in the quarter hour before: its customer is likely to draw in this one. */
    private static MeterStatus busiest(SimulatedGateway site) {
        String meterId = site.readings(QUARTER_START.minus(Reading.INTERVAL), QUARTER_START).stream()
                .max(Comparator.comparingLong(Reading::energyWh)).orElseThrow().meterId();
        return site.meterStatus().stream().filter(s -> s.meterId().equals(meterId)).findFirst().orElseThrow();
    }

    private static List<Reading> readingsOf(SimulatedGateway site, String meterId, Instant from, Instant to) {
        return site.readings(from, to).stream().filter(r -> r.meterId().equals(meterId)).toList();
    }

    private static SiteEvent movedOut(SimulatedGateway site, String meterId) {
        return site.eventsOf(meterId).stream().filter(e -> e.kind() == EventKind.CUSTOMER_MOVED_OUT).findFirst()
                .orElseThrow();
    }

    @Test
    void theMeterIsReadSoTheLeaverPaysTheShareBeforeTheMoveOutAndTheNextOccupantTheRest() throws Exception {
        SimClock.Manual clock = SimClock.manual(EVENING);
        SimClock.Manual twinClock = SimClock.manual(EVENING);
        try (SimulatedGateway site = new SimulatedGateway(SPEC, clock);
                SimulatedGateway twin = new SimulatedGateway(SPEC, twinClock)) {
            // The same site with no move: the meter that draws the most in the quarter hour, and its whole reading.
            twinClock.advance(Duration.ofMinutes(10));
            Reading whole = twin.readings(QUARTER_START, twinClock.now()).stream()
                    .max(Comparator.comparingLong(Reading::energyWh)).orElseThrow();
            MeterStatus leaving = site.meterStatus().stream().filter(s -> s.meterId().equals(whole.meterId()))
                    .findFirst().orElseThrow();

            FinalStatement statement = site.moveOut(new MoveOut(leaving.customerId(), null, "left in a hurry"),
                    "S-0001");
            clock.advance(Duration.ofMinutes(1));
            site.moveIn(new MoveIn(leaving.meterId(), "C-0706", "Baraka Otieno", CustomerCategory.HOUSEHOLD,
                    20_000), "S-0001");
            clock.advance(Duration.ofMinutes(9));

            List<Reading> split = readingsOf(site, leaving.meterId(), QUARTER_START, clock.now());
            assertThat(whole.energyWh()).as("the meter drew in the quarter hour").isGreaterThan(20);
            assertThat(statement.finalRegisterSource()).isEqualTo(FinalStatement.METER);
            assertThat(statement.lastRegisterWh() - statement.finalEnergyWh()).isEqualTo(leaving.registerWh());
            assertThat((double) statement.finalEnergyWh()).as("seven minutes of the quarter hour's fifteen")
                    .isCloseTo(whole.energyWh() * 7 / 15.0, within(2.0));
            assertThat(statement.finalChargeMinor()).as("charged to the customer who left").isPositive();
            assertThat(split).as("the read share billed at the move-out, then the rest at the quarter hour's end")
                    .extracting(Reading::energyWh)
                    .containsExactly(statement.finalEnergyWh(), whole.energyWh() - statement.finalEnergyWh());
            assertThat(split.get(1).registerWh()).as("the register ends where it would have without the move")
                    .isEqualTo(whole.registerWh());
            assertThat(site.balance("C-0706")).as("the next occupant pays the rest").isLessThan(20_000);
            SiteEvent event = movedOut(site, leaving.meterId());
            assertThat(event.detail("finalRegisterWh")).isEqualTo(String.valueOf(statement.lastRegisterWh()));
            assertThat(event.detail("finalRegisterSource")).isEqualTo(FinalStatement.METER);
        }
    }

    @Test
    void aMeterLeftFreeAfterTheReadCountsNothingMore() throws Exception {
        SimClock.Manual clock = SimClock.manual(EVENING);
        try (SimulatedGateway site = new SimulatedGateway(SPEC, clock)) {
            MeterStatus leaving = busiest(site);

            FinalStatement statement = site.moveOut(new MoveOut(leaving.customerId(), null, "left"), "S-0001");
            clock.advance(Duration.ofMinutes(30));
            site.moveIn(new MoveIn(leaving.meterId(), "C-0707", "Amani Wekesa", CustomerCategory.HOUSEHOLD,
                    20_000), "S-0001");
            MeterStatus moved = site.meterStatus().stream().filter(s -> s.customerId().equals("C-0707"))
                    .findFirst().orElseThrow();

            assertThat(statement.finalEnergyWh()).isPositive();
            assertThat(moved.registerWh()).as("the relay opened after the read: the meter drew nothing more")
                    .isEqualTo(statement.lastRegisterWh());
        }
    }

    @Test
    void aMeterOffTheMeshIsNotReadAndTheQuarterHourItBeganIsBilledToNoOne() throws Exception {
        SimClock.Manual clock = SimClock.manual(EVENING);
        try (SimulatedGateway site = new SimulatedGateway(SPEC, clock)) {
            MeterStatus leaving = busiest(site);
            site.silenceRadio(leaving.meterId(), EVENING, EVENING.plus(Duration.ofMinutes(40)));
            // 19:22: the mesh's update at 19:15 found the meter's radio quiet.
            clock.advance(Duration.ofMinutes(15));
            long balanceBefore = site.balance(leaving.customerId());

            FinalStatement statement = site.moveOut(new MoveOut(leaving.customerId(), null, "left in a hurry"),
                    "S-0001");
            site.moveIn(new MoveIn(leaving.meterId(), "C-0708", "Neema Mwangi", CustomerCategory.HOUSEHOLD,
                    20_000), "S-0001");
            Instant movedInAt = clock.now();
            clock.advance(Duration.ofMinutes(70));

            assertThat(statement.finalRegisterSource()).isEqualTo(FinalStatement.NONE);
            assertThat(statement.finalEnergyWh()).isZero();
            assertThat(statement.finalChargeMinor()).isZero();
            assertThat(site.balance(leaving.customerId())).isEqualTo(balanceBefore);
            assertThat(movedOut(site, leaving.meterId()).detail("finalRegisterWh")).isNull();
            List<Reading> after = readingsOf(site, leaving.meterId(), QUARTER_START, clock.now());
            assertThat(after).as("the meter is back on the mesh and billed again").isNotEmpty();
            assertThat(after).as("no reading that began before the move-in is billed, to anyone")
                    .allMatch(r -> r.intervalStart().isAfter(movedInAt));
        }
    }

    @Test
    void aGatewayRebuiltFromItsKeptCommandsReadsTheSameRegister() throws Exception {
        SimClock.Manual clock = SimClock.manual(EVENING);
        SimClock.Manual reference = SimClock.manual(EVENING);
        FinalStatement statement;
        MeterStatus leaving;
        try (SimulatedGateway first = new SimulatedGateway(SPEC, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory)) {
            leaving = busiest(first);
            statement = first.moveOut(new MoveOut(leaving.customerId(), null, "left"), "S-0001");
            clock.advance(Duration.ofMinutes(1));
            first.moveIn(new MoveIn(leaving.meterId(), "C-0709", "Zawadi Achieng", CustomerCategory.SHOP, 5_000),
                    "S-0001");
        }

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        SimClock.Manual restarted = SimClock.manual(resumed.clock());
        try (SimulatedGateway second = new SimulatedGateway(resumed.spec(), restarted, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory);
                SimulatedGateway uninterrupted = new SimulatedGateway(SPEC, reference)) {
            FinalStatement again = second.moveOut(new MoveOut(leaving.customerId(), null, "asked again"), "S-0001");
            uninterrupted.moveOut(new MoveOut(leaving.customerId(), null, "left"), "S-0001");
            reference.advance(Duration.ofMinutes(1));
            uninterrupted.moveIn(new MoveIn(leaving.meterId(), "C-0709", "Zawadi Achieng", CustomerCategory.SHOP,
                    5_000), "S-0001");
            Instant end = EVENING.plus(Duration.ofMinutes(40));
            restarted.advance(Duration.between(restarted.now(), end));
            reference.advance(Duration.between(reference.now(), end));

            assertThat(again).isEqualTo(statement);
            assertThat(statement.finalRegisterSource()).isEqualTo(FinalStatement.METER);
            assertThat(second.readings(QUARTER_START, end)).isEqualTo(uninterrupted.readings(QUARTER_START, end));
            assertThat(second.ledgerAfter(0)).isEqualTo(uninterrupted.ledgerAfter(0));
        }
    }
}
