package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.tariff;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site that opened within a quarter hour bills no reading at its first tick, yet the gateway ticks then: the
 * replay of a ledger pulled before the first billed reading came in ticks it too.
 */
class ReplayFirstTickTest {

    private static final Meter METER = new Meter("M-1", "S-1", "C-1", "GW-1", -70);
    private static final Instant OPENED = NOON.plus(Duration.ofSeconds(7 * 60 + 23));

    @Test
    void replaysTheFirstTicksStandingChargeWithNoReadingYet() {
        BillingEngine gateway = Fixtures.engine(3500, 1000);
        gateway.openAccount("C-1", "M-1", 10_000, OPENED);
        gateway.tick(NOON.plus(Reading.INTERVAL), List.of(), List.of());
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        assertThat(ofKind(ledger, EntryKind.STANDING_CHARGE)).isNotEmpty();

        BillingEngine replay = Replay.run(tariff(3500, 1000), NAIROBI, List.of(METER), ledger, List.of());

        assertThat(replay.ledgerAfter(0)).isEqualTo(ledger);
        assertThat(replay.postedBalance("C-1")).isEqualTo(gateway.postedBalance("C-1"));
    }

    @Test
    void replaysOnlyTheOpeningOfALedgerPulledBeforeTheFirstTick() {
        BillingEngine gateway = Fixtures.engine(3500, 1000);
        gateway.openAccount("C-1", "M-1", 10_000, OPENED);
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);

        BillingEngine replay = Replay.run(tariff(3500, 1000), NAIROBI, List.of(METER), ledger, List.of());

        assertThat(replay.ledgerAfter(0)).isEqualTo(ledger);
        assertThat(replay.postedBalance("C-1")).isEqualTo(10_000);
    }
}
