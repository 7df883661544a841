package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.LedgerEntry;
import io.gridside.site.tariff.TariffSchedule;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A replay that nobody waits for any more stops between two ticks instead of running on to its end. */
class ReplayStopTest {

    private static final int DAYS = 2;
    private static final int TICKS = DAYS * 96;

    @Test
    void asksWhetherToStopBeforeEveryTickAndReplaysWholeWhenNeverStopped() {
        SiteScenario site = SiteScenario.run(7, 2, DAYS);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        AtomicInteger asked = new AtomicInteger();

        BillingEngine replay = replay(site, ledger, () -> asked.incrementAndGet() < 0);

        assertThat(asked.get()).isEqualTo(TICKS);
        assertThat(Reconciliation.of(ledger, replay).agrees()).isTrue();
    }

    @Test
    void stopsAtTheFirstTickAfterTheStopIsAsked() {
        SiteScenario site = SiteScenario.run(7, 2, DAYS);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> replay(site, ledger, () -> asked.incrementAndGet() >= 10))
                .isInstanceOf(CancellationException.class).hasMessageContaining("stopped");

        assertThat(asked.get()).isEqualTo(10);
    }

    private static BillingEngine replay(SiteScenario site, List<LedgerEntry> ledger, BooleanSupplier stopAsked) {
        Rater rater = new Rater(TariffSchedule.flat(site.tariff), NAIROBI, day -> false);
        return Replay.run(site.tariff, rater, CustomerTariffs.NONE, CreditTerms.PLAIN, site.meters, ledger,
                site.readings, List.of(), List.of(), stopAsked);
    }
}
