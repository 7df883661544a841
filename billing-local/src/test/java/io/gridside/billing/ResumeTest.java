package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterLock;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import io.gridside.site.TopUp;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * An engine resumed from its accounts' saved states, on the ledger it had posted, carries on exactly as the engine
 * that was never stopped: the same entries, balances, accruals, credit states and debts.
 */
class ResumeTest {

    private static final SiteCalendar CALENDAR = SiteCalendar.parse("""
            night 18:00-07:00
            weekend SATURDAY SUNDAY
            """);

    @Property(tries = 25)
    void anEngineResumedAtAnyTickPostsWhatTheUnstoppedOneDid(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int customers, @ForAll @IntRange(min = 1, max = 280) int stopAfter) {
        CreditTerms terms = terms();
        SiteScenario site = SiteScenario.run(seed, customers, 3, terms);
        List<LedgerEntry> gatewayLedger = site.gateway.ledgerAfter(0);
        TreeMap<Instant, List<Reading>> readings = new TreeMap<>();
        site.readings.forEach(r -> readings.computeIfAbsent(r.intervalEnd(), end -> new ArrayList<>()).add(r));
        TreeMap<Instant, List<TopUp>> topUps = topUpsByTick(gatewayLedger);

        BillingEngine first = Replay.run(site.tariff, NAIROBI, site.meters, gatewayLedger.stream()
                .filter(e -> e.kind() == EntryKind.OPENING).toList(), List.of(), terms);
        List<Instant> ticks = new ArrayList<>(readings.keySet());
        int stop = Math.min(stopAfter, ticks.size());
        ticks.subList(0, stop).forEach(end -> tick(first, end, topUps, readings));
        BillingEngine resumed = resume(first, site.meters, terms);
        ticks.subList(stop, ticks.size()).forEach(end -> tick(resumed, end, topUps, readings));

        assertThat(resumed.ledgerAfter(0)).isEqualTo(gatewayLedger);
        for (Meter meter : site.meters) {
            String customer = meter.customerId();
            assertThat(resumed.balance(customer)).isEqualTo(site.gateway.balance(customer));
            assertThat(resumed.accruedMinor(customer)).isEqualTo(site.gateway.accruedMinor(customer));
            assertThat(resumed.creditState(customer)).isEqualTo(site.gateway.creditState(customer));
            assertThat(resumed.relay(customer)).isEqualTo(site.gateway.relay(customer));
            assertThat(resumed.energyPastZeroWh(customer)).isEqualTo(site.gateway.energyPastZeroWh(customer));
            for (Debt debt : resumed.debts(customer)) {
                assertThat(resumed.debtRemaining(debt.debtId())).isEqualTo(site.gateway.debtRemaining(debt.debtId()));
            }
        }
    }

    @Test
    void aMaintenanceLockAndTheChargesAccruedUnderItSurviveAResume() {
        BillingEngine engine = Fixtures.engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);
        engine.lock(MeterLock.placed("M-1", RelayState.OFF, "tech-7", "meter box open", NOON));
        engine.tick(quarters(NOON, 1), List.of(), List.of(reading("M-1", quarters(NOON, 1), 3)));

        BillingEngine resumed = resume(engine, List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)),
                CreditTerms.PLAIN);

        // 3 Wh at 2.5 cents a Wh: 7.5 cents, 7 owed and half a cent carried.
        assertThat(resumed.lockOf("M-1")).hasValueSatisfying(lock -> assertThat(lock.placedBy()).isEqualTo("tech-7"));
        assertThat(resumed.relay("C-1")).isEqualTo(RelayState.OFF);
        assertThat(resumed.accruedMinor("C-1")).isEqualTo(7);
        assertThat(resumed.balance("C-1")).isEqualTo(100_000 - 7);
        resumed.tick(quarters(NOON, 2), List.of(), List.of(reading("M-1", quarters(NOON, 2), 1)));
        assertThat(resumed.balance("C-1")).isEqualTo(100_000 - 10);
    }

    @Test
    void refusesASavedStateOfAnotherFormat() {
        BillingEngine engine = Fixtures.engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);
        byte[] state = engine.accountState("C-1");
        state[0] = 9;

        assertThatIllegalArgumentException().isThrownBy(() -> BillingEngine.resume(engine.tariff(),
                new Rater(TariffSchedule.flat(engine.tariff()), NAIROBI, d -> false), LedgerStore.inMemory(),
                CreditTerms.PLAIN, List.of(state), NOON)).withMessageContaining("format 9");
    }

    /** A new engine from {@code engine}'s saved accounts and a copy of its ledger, as a restarted gateway's. */
    private static BillingEngine resume(BillingEngine engine, List<Meter> meters, CreditTerms terms) {
        LedgerStore ledger = LedgerStore.inMemory();
        engine.ledgerAfter(0).forEach(ledger::append);
        List<byte[]> states = meters.stream().map(m -> engine.accountState(m.customerId())).toList();
        Rater rater = new Rater(TariffSchedule.flat(engine.tariff()), NAIROBI, terms.calendar()::isHoliday);
        return BillingEngine.resume(engine.tariff(), rater, ledger, terms, states, engine.lastTick());
    }

    private static void tick(BillingEngine engine, Instant end, Map<Instant, List<TopUp>> topUps,
            Map<Instant, List<Reading>> readings) {
        engine.tick(end, topUps.getOrDefault(end, List.of()), readings.get(end));
    }

    private static TreeMap<Instant, List<TopUp>> topUpsByTick(List<LedgerEntry> ledger) {
        TreeMap<Instant, List<TopUp>> topUps = new TreeMap<>();
        for (LedgerEntry e : ledger) {
            String payment = LedgerStore.paymentOf(e);
            if (e.kind() == EntryKind.TOP_UP && payment != null) {
                topUps.computeIfAbsent(Replay.tickOf(e.at()), end -> new ArrayList<>())
                        .add(new TopUp(payment, e.customerId(), e.amountMinor(), e.at()));
            }
        }
        return topUps;
    }

    /** Emergency credit, grace on nights and weekends, C-0 never cut off, and a debt on each other customer. */
    private static CreditTerms terms() {
        List<Debt> debts = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            debts.add(new Debt("LOAN-" + i, "C-" + i, Debt.Kind.APPLIANCE_LOAN, 3_000 * i, 10 * i));
        }
        return new CreditTerms(new CreditPolicy(500, 2_000, 500, 50, true), CALENDAR, Set.of("C-0"), debts);
    }
}
