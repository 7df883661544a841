package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterLock;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Maintenance locks take precedence over billing, and debts are recovered as exact shares of each top-up. */
class LockAndDebtTest {

    @Test
    void aLockHoldsTheRelayOffWhateverTheCreditUntilItIsLifted() {
        CreditTimeline c = new CreditTimeline(CreditTerms.PLAIN, 1_000, NOON);
        RelayDecision locked = c.engine.lock(MeterLock.placed("M-1", RelayState.OFF, "tech-7", "replacing the "
                + "service cable", NOON)).orElseThrow();

        c.consume(1_200).pay(5_000).consume(100);  // exhausted, then topped up: billing would cut, then reconnect
        assertThat(c.decisions()).isEmpty();
        assertThat(c.engine.relay("C-1")).isEqualTo(RelayState.OFF);
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.LOW);

        RelayDecision lifted = c.engine.unlock("M-1", "tech-9", c.now()).orElseThrow();

        assertThat(locked.reason()).isEqualTo("maintenance-lock");
        assertThat(lifted.relay()).isEqualTo(RelayState.ON);
        assertThat(c.engine.liftedLocks()).singleElement().satisfies(lock -> {
            assertThat(lock.placedBy()).isEqualTo("tech-7");
            assertThat(lock.reason()).isEqualTo("replacing the service cable");
            assertThat(lock.liftedBy()).isEqualTo("tech-9");
        });
    }

    @Test
    void aLockHoldingTheRelayOnKeepsAnExhaustedCustomerConnectedUntilLifted() {
        CreditTimeline c = new CreditTimeline(CreditTerms.PLAIN, 100, NOON);
        assertThat(c.engine.lock(MeterLock.placed("M-1", RelayState.ON, "tech-7", "meter test", NOON))).isEmpty();

        c.consume(300);
        assertThat(c.engine.relay("C-1")).isEqualTo(RelayState.ON);
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.DISCONNECTED);

        assertThat(c.engine.unlock("M-1", "tech-7", c.now())).get().extracting(RelayDecision::relay)
                .isEqualTo(RelayState.OFF);
        assertThat(c.engine.lockOf("M-1")).isEmpty();
    }

    @Test
    void recoversEachDebtAsItsShareOfATopUpRoundedDown() {
        CreditTimeline c = new CreditTimeline(debts(new Debt("FEE-1", "C-1", Debt.Kind.CONNECTION_FEE, 5_000, 10),
                new Debt("LOAN-1", "C-1", Debt.Kind.APPLIANCE_LOAN, 600, 25)), 0, NOON);

        c.pay(1_999);  // fee: 199 (10% of 1,999 rounded down); loan: 499; the customer keeps 1,301
        c.pay(1_000);  // fee: 100; loan: 101, all it still owes; the customer keeps 799

        assertThat(c.balance()).isEqualTo(1_301 + 799);
        assertThat(c.engine.debtRemaining("FEE-1")).isEqualTo(5_000 - 199 - 100);
        assertThat(c.engine.debtRemaining("LOAN-1")).isZero();
        assertThat(c.engine.debtStatement("LOAN-1")).extracting(LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-499L, "debt:LOAN-1:payment:MP-1"),
                        org.assertj.core.groups.Tuple.tuple(-101L, "debt:LOAN-1:payment:MP-2"));
    }

    @Test
    void aVoidedPaymentGivesBackTheDebtRecoveryItMadeAndTakesOnlyWhatItLeftTheCustomer() {
        CreditTerms terms = debts(new Debt("FEE-1", "C-1", Debt.Kind.CONNECTION_FEE, 5_000, 10),
                new Debt("LOAN-1", "C-1", Debt.Kind.APPLIANCE_LOAN, 600, 25));
        CreditTimeline c = new CreditTimeline(terms, 0, NOON);
        c.pay(1_999);  // fee: 199; loan: 499; the customer keeps 1,301
        c.pay(1_000);  // fee: 100; loan: 101 (all it still owes); the customer keeps 799

        Tick voided = c.engine.reverse("MP-1", c.now());

        // The void gives the 199 and 499 back to the customer before it takes the 1,999 back: 2,100 + 199 + 499
        // - 1,999 = 799, what the second payment alone left. The fee owes 5,000 - 100 again; the loan 499.
        assertThat(voided.entries()).extracting(LedgerEntry::kind, LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.DEBT_RECOVERY, 199L,
                                "debt:FEE-1:void:MP-1"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.DEBT_RECOVERY, 499L, "debt:LOAN-1:void:MP-1"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.TOP_UP, -1_999L, "void:MP-1"));
        assertThat(c.balance()).isEqualTo(799);
        assertThat(c.engine.debtRemaining("FEE-1")).isEqualTo(5_000 - 100);
        assertThat(c.engine.debtRemaining("LOAN-1")).isEqualTo(499);
        assertThat(c.engine.debtStatement("LOAN-1")).extracting(LedgerEntry::amountMinor)
                .containsExactly(-499L, -101L, 499L);
        c.consume(0);
        BillingEngine replay = Replay.run(Fixtures.tariff(1_000, 0), Fixtures.NAIROBI,
                List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)), c.engine.ledgerAfter(0),
                List.of(Fixtures.reading("M-1", c.now(), 0)), terms);
        assertThat(replay.ledgerAfter(0)).as("the console's replay voids the same way")
                .isEqualTo(c.engine.ledgerAfter(0));
    }

    @Test
    void refusesDebtsWhoseSharesExceedTheWholeTopUp() {
        CreditTerms terms = debts(new Debt("FEE-1", "C-1", Debt.Kind.CONNECTION_FEE, 5_000, 60),
                new Debt("LOAN-1", "C-1", Debt.Kind.APPLIANCE_LOAN, 600, 41));

        assertThatIllegalArgumentException().isThrownBy(() -> new CreditTimeline(terms, 0, NOON))
                .withMessageContaining("101%");
    }

    /** Top-up, recoveries and the customer's share always sum to the payment, and a debt never goes below zero. */
    @Property(tries = 200)
    void recoveriesAndTheCustomersShareSumExactlyToEachPayment(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 50_000) Integer> payments,
            @ForAll @IntRange(min = 1, max = 50) int feeShare, @ForAll @IntRange(min = 1, max = 50) int loanShare,
            @ForAll @IntRange(min = 1, max = 90_000) int loan) {
        CreditTimeline c = new CreditTimeline(debts(
                new Debt("FEE-1", "C-1", Debt.Kind.CONNECTION_FEE, 20_000, feeShare),
                new Debt("LOAN-1", "C-1", Debt.Kind.APPLIANCE_LOAN, loan, loanShare)), 0, NOON);

        payments.forEach(c::pay);

        List<LedgerEntry> ledger = c.engine.ledgerAfter(0);
        long recovered = ledger.stream().filter(e -> e.kind() == EntryKind.DEBT_RECOVERY)
                .mapToLong(LedgerEntry::amountMinor).sum();
        long paid = payments.stream().mapToLong(Integer::longValue).sum();
        assertThat(c.balance()).isEqualTo(paid + recovered);
        assertThat(-recovered).isEqualTo(20_000 - c.engine.debtRemaining("FEE-1") + loan
                - c.engine.debtRemaining("LOAN-1"));
        assertThat(c.engine.debtRemaining("LOAN-1")).isBetween(0L, (long) loan);
        assertThat(ledger.get(ledger.size() - 1).balanceAfterMinor()).isEqualTo(c.balance());
    }

    private static CreditTerms debts(Debt... debts) {
        return new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(), List.of(debts));
    }
}
