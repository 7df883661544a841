package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.tariff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A replay makes a gateway's meter exchanges and moves where the gateway made them, so that its ledger equals
 * the gateway's entry for entry. The gateway here is an engine driven by hand, as the simulated site drives one.
 */
class ReplayWithChangesTest {

    private static final Tariff TARIFF = tariff(2_500, 1_000);

    private final List<Reading> readings = new ArrayList<>();
    private final List<SiteEvent> events = new ArrayList<>();
    private final BillingEngine gateway = new BillingEngine(TARIFF, NAIROBI);

    private Instant tick(int quarter, Reading... billed) {
        Instant end = Fixtures.quarters(NOON, quarter);
        gateway.tick(end, List.of(), List.of(billed));
        readings.addAll(List.of(billed));
        return end;
    }

    private void log(Instant at, String source, EventKind kind, Map<String, String> details) {
        events.add(new SiteEvent(events.size() + 1, at, source, kind, new TreeMap<>(details), null));
    }

    @Test
    void replaysAnExchangeAMoveOutAndAMoveInToTheGatewaysLedgerEntryForEntry() {
        gateway.openAccount("C-1", "M-1", 50_000, NOON);
        gateway.openAccount("C-2", "M-2", 20_000, NOON);
        tick(1, reading("M-1", Fixtures.quarters(NOON, 1), 300), reading("M-2", Fixtures.quarters(NOON, 1), 100));

        // Seven minutes into the second quarter hour, M-1 is replaced: read at 0.420 kWh, its last 120 Wh billed.
        Instant exchangedAt = Fixtures.quarters(NOON, 1).plusSeconds(420);
        Reading lastOfM1 = new Reading("M-1", Fixtures.quarters(NOON, 1), 120, 420);
        gateway.exchangeMeter("C-1", lastOfM1, "M-9", exchangedAt);
        readings.add(lastOfM1);
        log(exchangedAt, "M-1", EventKind.METER_EXCHANGED, Map.of("customerId", "C-1", "newMeterId", "M-9",
                "oldFinalRegisterWh", "420"));
        tick(2, new Reading("M-9", Fixtures.quarters(NOON, 1), 40, 52), reading("M-2", Fixtures.quarters(NOON, 2),
                80));

        // C-2 moves out at the quarter hour itself with a final register, and C-3 moves in two minutes later.
        Instant movedOutAt = Fixtures.quarters(NOON, 2);
        Reading lastOfM2 = new Reading("M-2", Fixtures.quarters(NOON, 2), 30, 210);
        gateway.moveOut("C-2", lastOfM2, movedOutAt);
        readings.add(lastOfM2);
        log(movedOutAt, "M-2", EventKind.CUSTOMER_MOVED_OUT, Map.of("customerId", "C-2", "finalRegisterWh",
                "210"));
        Instant movedInAt = movedOutAt.plusSeconds(120);
        gateway.moveIn("C-3", "M-2", 5_000, movedInAt);
        log(movedInAt, "M-2", EventKind.CUSTOMER_MOVED_IN, Map.of("customerId", "C-3"));
        tick(3, new Reading("M-9", Fixtures.quarters(NOON, 2), 60, 112), reading("M-2", Fixtures.quarters(NOON, 3),
                50));
        tick(4);

        // The roster as a console pulls it after all this: M-9 bills C-1, M-2 bills C-3.
        List<Meter> roster = List.of(new Meter("M-9", "M-9", "C-1", "GW", -70),
                new Meter("M-2", "S-2", "C-3", "GW", -70));
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        BillingEngine replay = Replay.run(TARIFF, new Rater(TariffSchedule.flat(TARIFF), NAIROBI, day -> false),
                CreditTerms.PLAIN, roster, ledger, readings, events);

        Reconciliation reconciliation = Reconciliation.of(ledger, replay);
        assertThat(reconciliation.firstDifference()).isEmpty();
        assertThat(reconciliation.agrees()).isTrue();
        assertThat(replay.ledgerAfter(0)).hasSameSizeAs(ledger);
        assertThat(replay.meterOf("C-1")).isEqualTo("M-9");
        assertThat(replay.closed("C-2")).isTrue();
        assertThat(replay.balance("C-2")).isEqualTo(gateway.balance("C-2"));
    }

    @Test
    void withoutTheEventsTheReplayFindsTheNewMetersReadingsBelongToNoAccount() {
        gateway.openAccount("C-1", "M-1", 50_000, NOON);
        tick(1, reading("M-1", Fixtures.quarters(NOON, 1), 300));
        Instant at = Fixtures.quarters(NOON, 1).plusSeconds(60);
        Reading last = new Reading("M-1", Fixtures.quarters(NOON, 1), 10, 310);
        gateway.exchangeMeter("C-1", last, "M-9", at);
        readings.add(last);
        tick(2, new Reading("M-9", Fixtures.quarters(NOON, 1), 40, 40));

        List<Meter> roster = List.of(new Meter("M-1", "S-1", "C-1", "GW", -70));

        assertThatIllegalArgumentException().isThrownBy(() -> Replay.run(TARIFF, new Rater(
                TariffSchedule.flat(TARIFF), NAIROBI, day -> false), CreditTerms.PLAIN, roster,
                gateway.ledgerAfter(0), readings, List.of())).withMessageContaining("M-9");
    }
}
