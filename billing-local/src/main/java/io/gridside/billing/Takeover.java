package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import java.time.Instant;
import java.util.ArrayList;
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
 * reconciliation already billed is not charged again, and the engine holds no fraction of a minor unit accrued
 * before, since the reconciliation billed the gap to whole units.
 */
public final class Takeover {

    private Takeover() {
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
     */
    public static BillingEngine engine(Tariff tariff, Rater rater, CreditTerms terms, CustomerTariffs tariffs,
            LedgerStore ledger, Map<String, String> meters, Map<String, Long> balances, Instant at) {
        BillingEngine scratch = new BillingEngine(tariff, rater, LedgerStore.inMemory(), terms);
        List<byte[]> states = new ArrayList<>();
        meters.forEach((customerId, meterId) -> {
            scratch.moveIn(customerId, meterId, balances.get(customerId), at);
            states.add(scratch.accountState(customerId));
        });
        return BillingEngine.resume(tariff, rater, ledger, terms, states, Reading.intervalStartOf(at))
                .ratingCustomersBy(tariffs);
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
