package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.read;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.tariff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A correction is a new entry after the charges it corrects, and a replay of the ledger posts it alike. */
class AdjustmentTest {

    private static final Meter METER = new Meter("M-1", "S-1", "C-1", "GW-1", -70);

    /**
     * 20 cents/kWh, no standing charge: 500 Wh at 12:15 accrues 10 cents, balance 1,000 -> 990. An adjustment changes
     * the balance like a top-up, so the 10 accrued post first (990 posted), then the correction gives 4 back: 994.
     * Then 250 Wh at 12:30 accrues 5: 989, not yet posted.
     */
    @Test
    void anAdjustmentPostsAfterTheChargesItCorrectsAndEditsNothing() {
        BillingEngine engine = new BillingEngine(tariff(20, 0), NAIROBI);
        engine.openAccount("C-1", "M-1", 1_000, NOON);
        read(engine, quarters(NOON, 1), reading("M-1", quarters(NOON, 1), 500));
        List<LedgerEntry> before = engine.ledgerAfter(0);

        Tick corrected = engine.adjust("C-1", quarters(NOON, 1), 4, "adjustment:2024-03-05 reconciled energy");
        read(engine, quarters(NOON, 2), reading("M-1", quarters(NOON, 2), 250));

        assertThat(corrected.entries()).hasSize(2);
        assertThat(corrected.entries().get(0)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.ENERGY);
            assertThat(entry.amountMinor()).isEqualTo(-10);
            assertThat(entry.balanceAfterMinor()).isEqualTo(990);
        });
        assertThat(corrected.entries().get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.ADJUSTMENT);
            assertThat(entry.amountMinor()).isEqualTo(4);
            assertThat(entry.balanceAfterMinor()).isEqualTo(994);
        });
        assertThat(engine.ledgerAfter(0)).startsWith(before.toArray(LedgerEntry[]::new));
        assertThat(engine.balance("C-1")).isEqualTo(989);
        assertThat(engine.postedBalance("C-1")).isEqualTo(994);
    }

    @Test
    void aReplayPostsTheGatewaysAdjustmentsWhereTheGatewayDid() {
        BillingEngine gateway = new BillingEngine(tariff(20, 0), NAIROBI);
        gateway.openAccount("C-1", "M-1", 1_000, NOON);
        List<Reading> readings = new ArrayList<>();
        for (int q = 1; q <= 3; q++) {
            Reading reading = reading("M-1", quarters(NOON, q), 100L * q);
            readings.add(reading);
            read(gateway, quarters(NOON, q), reading);
            if (q == 2) {
                gateway.adjust("C-1", quarters(NOON, q), -3, "adjustment:2024-03-05 reconciled energy");
            }
        }

        BillingEngine replay = Replay.run(tariff(20, 0), NAIROBI, List.of(METER), gateway.ledgerAfter(0), readings);

        assertThat(replay.ledgerAfter(0)).isEqualTo(gateway.ledgerAfter(0));
    }

    @Test
    void anAdjustmentWhoseReferenceNamesNoDayIsRefused() {
        BillingEngine engine = new BillingEngine(tariff(20, 0), NAIROBI);
        engine.openAccount("C-1", "M-1", 1_000, NOON);

        assertThatThrownBy(() -> engine.adjust("C-1", NOON, 5, "goodwill"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'goodwill'");
    }
}
