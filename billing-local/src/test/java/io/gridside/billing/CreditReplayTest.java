package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.SiteCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The console's replay reaches the gateway's ledger and credit states under emergency credit, grace, protected
 * customers and debt recovery, as long as it holds the gateway's credit terms.
 */
class CreditReplayTest {

    private static final SiteCalendar CALENDAR = SiteCalendar.parse("""
            night 18:00-07:00
            weekend SATURDAY SUNDAY
            holiday 2024-03-06
            """);

    @Property(tries = 30)
    void replayUnderTheGatewaysTermsPostsTheSameLedgerAndReachesTheSameStates(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 5) int customers, @ForAll @IntRange(min = 1, max = 4) int days) {
        CreditTerms terms = terms();
        SiteScenario site = SiteScenario.run(seed, customers, days, terms);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);

        BillingEngine replay = Replay.run(site.tariff, NAIROBI, site.meters, ledger, site.readings, terms);

        assertThat(Reconciliation.of(ledger, replay).firstDifference()).isEmpty();
        assertThat(replay.ledgerAfter(0)).isEqualTo(ledger);
        for (Meter meter : site.meters) {
            String customer = meter.customerId();
            assertThat(replay.creditState(customer)).isEqualTo(site.gateway.creditState(customer));
            assertThat(replay.relay(customer)).isEqualTo(site.gateway.relay(customer));
            assertThat(replay.energyPastZeroWh(customer)).isEqualTo(site.gateway.energyPastZeroWh(customer));
            assertThat(replay.energyInGraceWh(customer)).isEqualTo(site.gateway.energyInGraceWh(customer));
        }
    }

    @Property(tries = 20)
    void replayWithoutTheDebtsMissesTheirRecoveries(@ForAll long seed) {
        SiteScenario site = SiteScenario.run(seed, 3, 3, terms());
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        boolean recovered = ledger.stream().anyMatch(e -> e.kind() == EntryKind.DEBT_RECOVERY);

        BillingEngine plain = Replay.run(site.tariff, NAIROBI, site.meters, ledger, site.readings);

        assertThat(Reconciliation.of(ledger, plain).agrees()).isEqualTo(!recovered);
    }

    /** Emergency credit, grace on nights, weekends and a holiday, C-0 never cut off, and a debt on each other. */
    private static CreditTerms terms() {
        List<Debt> debts = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            debts.add(new Debt("LOAN-" + i, "C-" + i, Debt.Kind.APPLIANCE_LOAN, 3_000 * i, 10 * i));
        }
        return new CreditTerms(new CreditPolicy(500, 2_000, 500, 50, true), CALENDAR, Set.of("C-0"), debts);
    }
}
