package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private static SimulatedGateway gateway(int meters, long seed, int days, SimClock clock) {
        return new SimulatedGateway(new SiteSpec(meters, seed, days, NOW), clock);
    }

    @Test
    void sameSeedGivesTheSameReadingsAndLedger() {
        SimulatedGateway first = gateway(30, 5, 2, SimClock.manual(NOW));
        SimulatedGateway second = gateway(30, 5, 2, SimClock.manual(NOW));

        assertThat(second.readings(Instant.EPOCH, NOW)).isEqualTo(first.readings(Instant.EPOCH, NOW));
        assertThat(second.ledgerAfter(0)).isEqualTo(first.ledgerAfter(0));
    }

    @Test
    void holdsOneReadingPerMeterForEveryIntervalOfItsHistory() {
        SimulatedGateway gateway = gateway(20, 5, 2, SimClock.manual(NOW));

        List<Reading> readings = gateway.readings(Instant.EPOCH, NOW);

        assertThat(readings).hasSize(20 * 2 * 96);
        assertThat(gateway.historyStart()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        assertThat(readings.get(readings.size() - 1).intervalEnd()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
    }

    @Test
    void readsFourIntervalsAnHourAsItsClockAdvances() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(10, 5, 1, clock);
        int before = gateway.readings(Instant.EPOCH, Instant.MAX).size();

        clock.advance(Duration.ofHours(1));

        assertThat(gateway.readings(Instant.EPOCH, Instant.MAX)).hasSize(before + 4 * 10);
    }

    @Test
    void registersOnlyGrowAndEachIntervalIsTheirDifference() {
        SimulatedGateway gateway = gateway(15, 9, 2, SimClock.manual(NOW));
        Map<String, Long> register = new HashMap<>();

        for (Reading reading : gateway.readings(Instant.EPOCH, NOW)) {
            long previous = register.getOrDefault(reading.meterId(), 0L);
            assertThat(reading.registerWh()).isEqualTo(previous + reading.energyWh());
            register.put(reading.meterId(), reading.registerWh());
        }
    }

    @Test
    void readingsWindowIsHalfOpenOnQuarterHours() {
        SimulatedGateway gateway = gateway(10, 5, 1, SimClock.manual(NOW));
        Instant from = Instant.parse("2026-06-03T06:00:00Z");

        List<Reading> hour = gateway.readings(from, from.plus(Duration.ofHours(1)));

        assertThat(hour).hasSize(4 * 10);
        assertThat(hour).allMatch(r -> !r.intervalStart().isBefore(from)
                && r.intervalStart().isBefore(from.plus(Duration.ofHours(1))));
    }

    @Test
    void disconnectedCustomersUseNoEnergy() {
        int checked = 0;
        for (long seed = 1; seed <= 8; seed++) {
            checked += checkDisconnectedUseNothing(seed);
        }
        assertThat(checked).as("cut-off meters seen across eight villages").isPositive();
    }

    /** Runs one site an hour on and checks every meter that stayed cut off read zero; returns how many. */
    private static int checkDisconnectedUseNothing(long seed) {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(60, seed, 3, clock);
        List<MeterStatus> off = gateway.meterStatus().stream().filter(m -> m.relay() == RelayState.OFF).toList();
        long lastSeq = gateway.ledgerAfter(0).size();

        clock.advance(Duration.ofHours(1));

        List<LedgerEntry> newEntries = gateway.ledgerAfter(lastSeq);
        int checked = 0;
        for (MeterStatus meter : off) {
            assertThat(meter.balanceMinor()).isLessThanOrEqualTo(0);
            boolean toppedUp = newEntries.stream().anyMatch(e -> e.customerId().equals(meter.customerId())
                    && e.kind() == EntryKind.TOP_UP);
            if (!toppedUp) {
                List<Reading> hour = gateway.readings(Reading.intervalStartOf(NOW), clock.now());
                assertThat(hour).filteredOn(r -> r.meterId().equals(meter.meterId()))
                        .hasSize(4).allMatch(r -> r.energyWh() == 0);
                checked++;
            }
        }
        return checked;
    }

    @Test
    void itsLedgerIsReproducedByTheConsolesReplay() {
        SimulatedGateway gateway = gateway(40, 13, 3, SimClock.manual(NOW));
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);

        BillingEngine replay = Replay.run(gateway.layout().tariff(), gateway.layout().site().zone(),
                gateway.layout().meters(), ledger, gateway.readings(Instant.EPOCH, NOW));

        Reconciliation reconciliation = Reconciliation.of(ledger, replay);
        assertThat(reconciliation.compared()).isEqualTo(ledger.size());
        assertThat(reconciliation.agrees()).isTrue();
    }

    @Test
    void keepsOneIdentityKeyPerSeedAsARealGatewayKeepsItsKey() {
        SiteSpec spec = new SiteSpec(5, 1, 0, NOW);

        assertThat(gateway(5, 1, 0, SimClock.manual(NOW)).identityKey().publicKey())
                .isEqualTo(SimulatedGateway.identityKeyFor(spec).publicKey())
                .isNotEqualTo(gateway(5, 2, 0, SimClock.manual(NOW)).identityKey().publicKey());
    }

    @Test
    void trustsTheDemoOperatorAloneByDefault() {
        SimulatedGateway gateway = gateway(5, 1, 0, SimClock.manual(NOW));

        assertThat(gateway.trustedOperators().keys()).containsExactly(DemoOperator.publicKey());
    }
}
