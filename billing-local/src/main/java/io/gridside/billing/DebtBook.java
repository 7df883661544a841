package io.gridside.billing;

import io.gridside.site.Debt;
import io.gridside.site.LedgerEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debts recovered from customers' top-ups, and what each still owes.
 *
 * <p>Recoveries are posted on the site's one ledger, as {@code DEBT_RECOVERY} entries right after the top-up
 * they come from, rather than on a ledger of their own: the customer's balance is then the sum of one ledger,
 * the console's replay checks recoveries with everything else, and a debt's statement is the ledger filtered by
 * the debt's id in the reference ({@code debt:ID:payment:REF}).
 */
final class DebtBook {

    /** How a recovery's reference begins; the debt's id, then {@code :payment:} and the payment's follow. */
    static final String DEBT_PREFIX = "debt:";

    private final Map<String, long[]> remaining = new LinkedHashMap<>();
    private final Map<String, Debt> debts = new LinkedHashMap<>();

    void add(Debt debt) {
        if (debts.containsKey(debt.debtId())) {
            throw new IllegalStateException("Debt " + debt.debtId() + " is already being recovered.");
        }
        int shares = debt.sharePercent() + debtsOf(debt.customerId()).stream().mapToInt(Debt::sharePercent).sum();
        if (shares > 100) {
            throw new IllegalArgumentException("Customer " + debt.customerId() + " would repay " + shares
                    + "% of each top-up to debts; the shares of a customer's debts add up to at most 100%.");
        }
        debts.put(debt.debtId(), debt);
        remaining.put(debt.debtId(), new long[] {debt.principalMinor()});
    }

    /** What each of the customer's debts takes from a payment of {@code amountMinor}, in the order they were added. */
    List<Recovery> recover(String customerId, long amountMinor) {
        List<Recovery> recoveries = new ArrayList<>();
        for (Debt debt : debtsOf(customerId)) {
            long[] left = remaining.get(debt.debtId());
            long share = Math.min(left[0], Math.multiplyExact(amountMinor, debt.sharePercent()) / 100);
            if (share > 0) {
                left[0] -= share;
                recoveries.add(new Recovery(debt, share, left[0]));
            }
        }
        return recoveries;
    }

    /** Sets what the debt still owes, as a saved account state gives it. */
    void restoreRemaining(String debtId, long remainingMinor) {
        long[] left = remaining.get(debtId);
        if (left == null) {
            throw new IllegalArgumentException("A saved account state recovers debt " + debtId
                    + ", which the site's credit terms do not hold.");
        }
        left[0] = remainingMinor;
    }

    List<Debt> debtsOf(String customerId) {
        return debts.values().stream().filter(d -> d.customerId().equals(customerId)).toList();
    }

    long remaining(String debtId) {
        long[] left = remaining.get(debtId);
        if (left == null) {
            throw new IllegalArgumentException("No debt " + debtId + " is being recovered on this site.");
        }
        return left[0];
    }

    /** Adds {@code amountMinor} back to what the debt owes, when the payment that repaid it is voided. */
    void giveBack(String debtId, long amountMinor) {
        long[] left = remaining.get(debtId);
        if (left == null) {
            throw new IllegalArgumentException("No debt " + debtId + " is being recovered on this site.");
        }
        left[0] = Math.addExact(left[0], amountMinor);
    }

    static String reference(String debtId, String payment) {
        return DEBT_PREFIX + debtId + ":" + LedgerStore.PAYMENT_PREFIX + payment;
    }

    /** The reference of the entry that undoes the recovery from {@code payment} when the payment is voided. */
    static String voidReference(String debtId, String payment) {
        return DEBT_PREFIX + debtId + ":" + LedgerStore.VOID_PREFIX + payment;
    }

    /** The id of the debt a {@code DEBT_RECOVERY} entry repaid or gave back. */
    static String debtIdOf(LedgerEntry recovery) {
        String rest = recovery.reference().substring(DEBT_PREFIX.length());
        return rest.substring(0, rest.indexOf(':'));
    }

    /** Whether {@code entry} recovered part of the debt {@code debtId}, or gave a voided recovery back. */
    static boolean recovers(LedgerEntry entry, String debtId) {
        return entry.reference().startsWith(DEBT_PREFIX + debtId + ":");
    }

    /** One debt's share of one payment, and what the debt owes after it. */
    record Recovery(Debt debt, long amountMinor, long remainingMinor) {
    }
}
