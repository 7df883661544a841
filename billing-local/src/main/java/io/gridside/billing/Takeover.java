package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billing engine of a gateway that takes a site over from a dead one (decision 0067): every account opened on
 * the balance the restore and its reconciliation left, on a ledger that continues the dead gateway's. A replacement
 * gateway bills on with it, and the console's audit replays the replacement's days with one made the same way, so
 * both post the same entries.
 *
 * <p>Each account opens as a customer moving in at the takeover: a site day whose standing charge the
 * reconciliation already billed is not charged again. An account given the {@link PeriodState} it stood in goes on
 * with it: the energy it used of its block period, the month's energy charge and its credit state, so the day of
 * the takeover does not give the cheap block, emergency credit or grace a second time, and the month of the
 * takeover owes its minimum charge as the dead gateway's engine would have counted it; and each charge line's
 * fraction of a minor unit, which the reconciliation's whole units left, so that the day's tax and energy lines sum
 * to their exact totals rounded down, as on a day with no takeover. An account opened afresh holds no fraction.
 */
public final class Takeover {

    private Takeover() {
    }

    /**
     * Where an account stood within its periods at the takeover, as the engine that billed the gap left it: the
     * block period it was in and the energy it had used of it, the month's exact energy charge and the first month
     * its minimum charge applies to, and its credit state with the emergency credit in use, its relay and the
     * energy delivered past zero (and of that, in grace).
     *
     * @param blockPeriod the first day of the block period, or null for an account that never rated a reading
     * @param energyMonth the month {@code monthEnergyUnits} counts, or null for an account that never rated one
     * @param monthEnergyUnits the month's exact energy charge, in charge units ({@code Prices.CHARGE_UNITS_PER_MINOR}
     *     to the minor unit), which the month's minimum charge is measured against
     * @param firstFullMonth the first month whose minimum charge the account owes: the month after it opened, or
     *     the month it opened when that was on its first day
     * @param lowAlertArmed whether a fall below the low-credit threshold raises an alert; null when not known, and
     *     the account then arms it as an opening does
     * @param remainders what each charge line had accrued below a whole minor unit, which the reconciliation's lines
     *     (whole minor units) could not post: carried on, a line's postings sum to its exact total rounded down
     *     across the takeover as on any day (decision 0016), not to each part's rounded down
     */
    public record PeriodState(LocalDate blockPeriod, long blockPeriodWh, YearMonth energyMonth, long monthEnergyUnits,
            YearMonth firstFullMonth, CreditState credit, RelayState relay, long emergencyDebtMinor,
            long energyPastZeroWh, long energyInGraceWh, Boolean lowAlertArmed, List<Remainder> remainders) {

        public PeriodState {
            remainders = remainders == null ? List.of() : List.copyOf(remainders);
        }

        /** A period that carries no remainder and does not say whether the low-credit alert is armed. */
        public PeriodState(LocalDate blockPeriod, long blockPeriodWh, YearMonth energyMonth, long monthEnergyUnits,
                YearMonth firstFullMonth, CreditState credit, RelayState relay, long emergencyDebtMinor,
                long energyPastZeroWh, long energyInGraceWh) {
            this(blockPeriod, blockPeriodWh, energyMonth, monthEnergyUnits, firstFullMonth, credit, relay,
                    emergencyDebtMinor, energyPastZeroWh, energyInGraceWh, null, List.of());
        }

        /** This period with the low-credit alert armed as {@code armed} says. */
        public PeriodState withLowAlertArmed(boolean armed) {
            return new PeriodState(blockPeriod, blockPeriodWh, energyMonth, monthEnergyUnits, firstFullMonth, credit,
                    relay, emergencyDebtMinor, energyPastZeroWh, energyInGraceWh, armed, remainders);
        }
    }

    /**
     * What one charge line of an account had accrued and not posted, below one minor unit.
     *
     * @param line the line's key in the account's rating ({@code energy}, or a tax or levy line's)
     * @param unitsPerMinor how many of the line's exact units make a minor unit
     * @param units the units accrued, from 0 up to {@code unitsPerMinor}
     */
    public record Remainder(String line, long unitsPerMinor, long units) {

        public Remainder {
            if (unitsPerMinor < 1 || units < 0 || units >= unitsPerMinor) {
                throw new IllegalArgumentException("A remainder of line " + line + " is below one minor unit of "
                        + unitsPerMinor + " units and not negative; " + units + " is not.");
            }
        }
    }

    /** Where the customer's account in {@code engine} stands within its periods now. */
    public static PeriodState periodOf(BillingEngine engine, String customerId) {
        Account account = AccountCodec.decode(engine.accountState(customerId)).account();
        RatingState rating = account.rating;
        return new PeriodState(rating.blockPeriod, rating.periodWh, rating.energyMonth, rating.monthEnergyUnits,
                rating.firstFullMonth, account.state, account.relay, account.emergencyDebtMinor,
                account.energyPastZeroWh, account.energyInGraceWh, account.lowAlertArmed, remaindersOf(rating));
    }

    /**
     * What each line accrued below a whole minor unit: the whole units are what the reconciliation's lines post, so
     * the part below is all the account still owes of them.
     */
    private static List<Remainder> remaindersOf(RatingState rating) {
        List<Remainder> remainders = new ArrayList<>();
        rating.lines().forEach((line, owed) -> {
            long below = owed[1] % owed[0];
            if (below > 0) {
                remainders.add(new Remainder(line, owed[0], below));
            }
        });
        return remainders;
    }

    /**
     * An engine that bills from {@code at} on {@code ledger}, whose next entry follows the reconciliation's last,
     * with the dead gateway's billing configuration: each customer rated by their own tariff, under the site's
     * credit terms (its policy, holidays, protected customers and debts).
     *
     * @param rater the rater of the site's default schedule, with every version known at the takeover
     * @param tariffs the raters of the site's other tariffs and who is on each
     * @param meters each customer's meter, in the order the accounts are to be kept
     * @param balances each customer's balance after the reconciliation
     * @param debtsOwed what each of the terms' debts owes after the reconciliation ({@link #debtsOwed}); a debt
     *     it leaves out owes its principal
     */
    public static BillingEngine engine(Tariff tariff, Rater rater, CreditTerms terms, CustomerTariffs tariffs,
            LedgerStore ledger, Map<String, String> meters, Map<String, Long> balances, Map<String, Long> debtsOwed,
            Instant at) {
        return engine(tariff, rater, terms, tariffs, ledger, meters, balances, debtsOwed, Map.of(), at);
    }

    /**
     * As {@link #engine(Tariff, Rater, CreditTerms, CustomerTariffs, LedgerStore, Map, Map, Map, Instant)}, each
     * account of {@code periods} going on with the period it stood in; one it leaves out opens afresh.
     */
    public static BillingEngine engine(Tariff tariff, Rater rater, CreditTerms terms, CustomerTariffs tariffs,
            LedgerStore ledger, Map<String, String> meters, Map<String, Long> balances, Map<String, Long> debtsOwed,
            Map<String, PeriodState> periods, Instant at) {
        BillingEngine scratch = new BillingEngine(tariff, rater, LedgerStore.inMemory(), terms);
        List<byte[]> states = new ArrayList<>();
        meters.forEach((customerId, meterId) -> {
            scratch.moveIn(customerId, meterId, balances.get(customerId), at);
            states.add(continuing(scratch.accountState(customerId), debtsOwed, periods.get(customerId)));
        });
        return BillingEngine.resume(tariff, rater, ledger, terms, states, Reading.intervalStartOf(at))
                .ratingCustomersBy(tariffs);
    }

    /**
     * The account's state with each of its debts owing what {@code debtsOwed} says, where it says anything, going
     * on with {@code period} when there is one.
     */
    private static byte[] continuing(byte[] state, Map<String, Long> debtsOwed, PeriodState period) {
        AccountCodec.Decoded decoded = AccountCodec.decode(state);
        Map<String, Long> remaining = new LinkedHashMap<>(decoded.debtsRemaining());
        remaining.replaceAll((debtId, principal) -> debtsOwed.getOrDefault(debtId, principal));
        Account account = decoded.account();
        if (period != null) {
            // The fresh account has rated nothing, so its rating holds nothing this replaces but where it opened.
            RatingState rating = new RatingState(period.firstFullMonth());
            rating.blockPeriod = period.blockPeriod();
            rating.periodWh = period.blockPeriodWh();
            rating.energyMonth = period.energyMonth();
            rating.monthEnergyUnits = period.monthEnergyUnits();
            account.rating = rating;
            account.state = period.credit();
            account.relay = period.relay();
            account.emergencyDebtMinor = period.emergencyDebtMinor();
            account.energyPastZeroWh = period.energyPastZeroWh();
            account.energyInGraceWh = period.energyInGraceWh();
            period.remainders().forEach(r -> rating.restoreLine(r.line(), r.unitsPerMinor(), r.units()));
            if (period.lowAlertArmed() != null) {
                account.lowAlertArmed = period.lowAlertArmed();
            }
        }
        return AccountCodec.encode(account, remaining);
    }

    /**
     * What each of the terms' debts owes after {@code entries}, starting from {@code owed} (a debt it leaves out
     * starts at its principal). A recovery that names its debt ({@code debt:ID:...}) moves that debt; one that
     * does not, a reconciliation's line that sums a customer's recoveries over the gap, is shared over the
     * customer's debts in the order they were added, each taking up to what it owes. A replacement gateway and
     * the audit's replay of it both take a site over with this, so both recover the same.
     */
    public static Map<String, Long> debtsOwed(CreditTerms terms, Map<String, Long> owed, List<LedgerEntry> entries) {
        Map<String, Long> remaining = new LinkedHashMap<>();
        terms.debts().forEach(debt -> remaining.put(debt.debtId(), owed.getOrDefault(debt.debtId(),
                debt.principalMinor())));
        for (LedgerEntry entry : entries) {
            if (entry.kind() != EntryKind.DEBT_RECOVERY) {
                continue;
            }
            if (entry.reference().startsWith(DebtBook.DEBT_PREFIX)) {
                remaining.computeIfPresent(DebtBook.debtIdOf(entry), (id, left) -> left + entry.amountMinor());
            } else {
                share(terms.debtsOf(entry.customerId()), -entry.amountMinor(), remaining);
            }
        }
        return remaining;
    }

    private static void share(List<Debt> debts, long recovered, Map<String, Long> remaining) {
        long left = recovered;
        for (Debt debt : debts) {
            long taken = Math.min(left, remaining.get(debt.debtId()));
            remaining.merge(debt.debtId(), -taken, Long::sum);
            left -= taken;
        }
    }

    /** A ledger in memory whose entries follow entry {@code lastSeq}, which it does not hold. */
    public static LedgerStore ledgerAfter(long lastSeq) {
        return new LedgerStore() {

            private final LedgerStore entries = LedgerStore.inMemory();

            @Override
            public void append(LedgerEntry entry) {
                entries.append(entry);
            }

            @Override
            public List<LedgerEntry> after(long afterSeq) {
                return entries.after(Math.max(0, afterSeq - lastSeq));
            }

            @Override
            public Optional<LedgerEntry> payment(String reference) {
                return entries.payment(reference);
            }

            @Override
            public long lastSeq() {
                return lastSeq + entries.lastSeq();
            }
        };
    }
}
