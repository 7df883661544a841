package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which readings a gateway billed to each account across an exchange, a move-out and a move-in: C-1's meter M-1
 * is replaced by M-9 seven minutes into the second quarter hour; C-2 moves out from M-2 at the second quarter
 * hour's end, and C-3 moves in on M-2 two minutes later.
 */
class AccountHistoryTest {

    private static final Instant EXCHANGED_AT = quarters(NOON, 1).plusSeconds(420);
    private static final Instant MOVED_OUT_AT = quarters(NOON, 2);
    private static final Reading LAST_OF_M1 = new Reading("M-1", quarters(NOON, 1), 120, 420);
    private static final Reading LAST_OF_M2 = new Reading("M-2", quarters(NOON, 2), 30, 210);

    private final List<SiteEvent> events = new ArrayList<>();
    private final Map<String, List<Reading>> byMeter = new HashMap<>();

    private void log(Instant at, String source, EventKind kind, Map<String, String> details) {
        events.add(new SiteEvent(events.size() + 1, at, source, kind, new TreeMap<>(details), null));
    }

    private void read(Reading... readings) {
        for (Reading r : readings) {
            byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r);
        }
    }

    private AccountHistory history() {
        log(EXCHANGED_AT, "M-1", EventKind.METER_EXCHANGED, Map.of("customerId", "C-1", "newMeterId", "M-9",
                "oldFinalRegisterWh", "420"));
        log(MOVED_OUT_AT, "M-2", EventKind.CUSTOMER_MOVED_OUT, Map.of("customerId", "C-2", "finalRegisterWh",
                "210"));
        log(MOVED_OUT_AT.plusSeconds(120), "M-2", EventKind.CUSTOMER_MOVED_IN, Map.of("customerId", "C-3"));
        List<Meter> roster = List.of(new Meter("M-9", "M-9", "C-1", "GW", -70),
                new Meter("M-2", "S-2", "C-3", "GW", -70));
        Map<String, Instant> openings = Map.of("C-1", NOON, "C-2", NOON, "C-3", MOVED_OUT_AT.plusSeconds(120));
        return AccountHistory.of(roster, openings, events);
    }

    private static List<Long> energies(List<Reading> readings) {
        return readings.stream().map(Reading::energyWh).toList();
    }

    @Test
    void billsTheOldMeterUpToItsFinalReadingThenTheNewOneFromItsFirst() {
        read(reading("M-1", quarters(NOON, 1), 300), LAST_OF_M1, new Reading("M-9", quarters(NOON, 1), 40, 52),
                new Reading("M-9", quarters(NOON, 2), 60, 112));

        AccountHistory history = history();

        assertThat(history.meterAtOpening("C-1")).isEqualTo("M-1");
        assertThat(energies(history.billedTo("C-1", byMeter, Instant.MAX))).containsExactly(300L, 120L, 40L, 60L);
        assertThat(energies(history.billedTo("C-1", byMeter, quarters(NOON, 2))))
                .as("only intervals that start before the end given").containsExactly(300L, 120L, 40L);
        assertThat(history.closedAt("C-1")).isEmpty();
    }

    @Test
    void billsAMovedOutAccountWhileOpenAndTheNextOneWithoutTheFinalReading() {
        read(reading("M-2", quarters(NOON, 1), 100), reading("M-2", quarters(NOON, 2), 80), LAST_OF_M2,
                reading("M-2", quarters(NOON, 3), 50));

        AccountHistory history = history();

        assertThat(energies(history.billedTo("C-2", byMeter, Instant.MAX))).containsExactly(100L, 80L, 30L);
        assertThat(history.closedAt("C-2")).contains(MOVED_OUT_AT);
        assertThat(energies(history.billedTo("C-3", byMeter, Instant.MAX))).containsExactly(50L);
        assertThat(history.meterAtOpening("C-2")).isEqualTo("M-2");
    }

    @Test
    void saysSoWhenAFinalReadingItNeedsIsMissing() {
        read(reading("M-1", quarters(NOON, 1), 300));

        AccountHistory history = history();

        assertThatIllegalStateException().isThrownBy(() -> history.billedTo("C-1", byMeter, Instant.MAX))
                .withMessageContaining("M-1").withMessageContaining("420");
    }
}
