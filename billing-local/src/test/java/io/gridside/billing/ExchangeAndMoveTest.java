package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A meter exchange carries the customer's account to the new meter exactly, and a move-out closes the account
 * and frees its meter for the next customer. C-1 on M-1 pays one minor unit per Wh (see {@link CreditTimeline}).
 */
class ExchangeAndMoveTest {

    @Test
    void exchangeBillsTheOldMetersLastEnergyAndCarriesBalanceAndDebtsToTheNewMeter() {
        CreditTimeline c = new CreditTimeline(new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
                List.of(new Debt("LOAN-1", "C-1", Debt.Kind.APPLIANCE_LOAN, 3_000, 20))), 10_000, NOON);
        c.consume(400).pay(2_000);
        // Opening 10,000; 400 Wh at 1/Wh: 9,600; top-up 2,000 of which the loan takes 20% = 400: 11,200.
        // The loan still owes 3,000 - 400 = 2,600.
        Instant at = c.now().plusSeconds(7 * 60);
        Reading last = new Reading("M-1", Reading.intervalStartOf(at), 250, 12_650);

        Tick exchange = c.engine.exchangeMeter("C-1", last, "M-2", at);

        // The old meter's last 250 Wh: 11,200 - 250 = 10,950.
        assertThat(exchange.entries()).extracting(LedgerEntry::kind, LedgerEntry::amountMinor, LedgerEntry::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.ENERGY, -250L, at));
        assertThat(c.balance()).isEqualTo(10_950);
        assertThat(c.engine.meterOf("C-1")).isEqualTo("M-2");
        assertThat(c.engine.customerOfMeter("M-2")).contains("C-1");
        assertThat(c.engine.customerOfMeter("M-1")).isEmpty();
        assertThat(c.engine.debtRemaining("LOAN-1")).isEqualTo(2_600);

        // The new meter bills from its opening register on; the next top-up still repays the loan.
        Instant end = c.now().plus(Reading.INTERVAL);
        c.engine.tick(end, List.of(Fixtures.topUp("MP-9", "C-1", 1_000, end.minusSeconds(30))),
                List.of(Fixtures.reading("M-2", end, 100)));
        // 10,950 + 1,000 - 200 (20% to the loan) - 100 Wh = 11,650; the loan owes 2,600 - 200 = 2,400.
        assertThat(c.balance()).isEqualTo(11_650);
        assertThat(c.engine.debtRemaining("LOAN-1")).isEqualTo(2_400);
    }

    @Test
    void exchangeCarriesADisconnectedCustomerStillDisconnected() {
        CreditTimeline c = new CreditTimeline(CreditTerms.PLAIN, 300, NOON);
        c.consume(500);  // 300 - 500 = -200: cut off
        Instant at = c.now().plusSeconds(60);

        c.engine.exchangeMeter("C-1", new Reading("M-1", Reading.intervalStartOf(at), 0, 500), "M-2", at);

        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.DISCONNECTED);
        assertThat(c.engine.relay("C-1")).isEqualTo(RelayState.OFF);
        assertThat(c.balance()).isEqualTo(-200);
    }

    @Test
    void refusesAnExchangeToAMeterThatBillsAnotherCustomer() {
        CreditTimeline c = new CreditTimeline(CreditTerms.PLAIN, 300, NOON);
        c.engine.openAccount("C-2", "M-2", 0, NOON);
        Instant at = NOON.plusSeconds(60);

        assertThatIllegalArgumentException().isThrownBy(() -> c.engine.exchangeMeter("C-1",
                new Reading("M-1", Reading.intervalStartOf(at), 0, 0), "M-2", at)).withMessageContaining("C-2");
        assertThat(c.engine.meterOf("C-1")).isEqualTo("M-1");
    }

    @Test
    void moveOutClosesTheAccountFreesTheMeterAndChargesNothingMore() {
        BillingEngine engine = Fixtures.engine(1_000, 50);
        engine.openAccount("C-1", "M-1", 1_000, NOON);
        engine.tick(NOON.plus(Reading.INTERVAL), List.of(), List.of(Fixtures.reading("M-1",
                NOON.plus(Reading.INTERVAL), 120)));
        // 1,000 - 50 (the day's standing charge) - 120 Wh = 830.
        Instant at = NOON.plus(Reading.INTERVAL).plusSeconds(120);

        engine.moveOut("C-1", new Reading("M-1", Reading.intervalStartOf(at), 30, 150), at);
        engine.openAccount("C-9", "M-1", 500, at);
        Instant nextDay = NOON.plus(java.time.Duration.ofDays(1));
        engine.tick(nextDay, List.of(), List.of(Fixtures.reading("M-1", nextDay, 10)));

        // C-1 ends at 830 - 30 = 800, and no later standing charge reaches the closed account.
        assertThat(engine.balance("C-1")).isEqualTo(800);
        assertThat(engine.closed("C-1")).isTrue();
        // C-9: opening 500, the standing charges of two days (its first and the next) 100, then 10 Wh: 390.
        assertThat(engine.balance("C-9")).isEqualTo(390);
        assertThatIllegalStateException().isThrownBy(() -> engine.moveOut("C-1", null, nextDay))
                .withMessageContaining("closed");
    }
}
