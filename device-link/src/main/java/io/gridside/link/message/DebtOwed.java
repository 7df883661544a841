package io.gridside.link.message;

import io.gridside.site.Debt;

/**
 * One of a customer's debts as a statement shows it.
 *
 * @param principalMinor what the debt was opened at
 * @param remainingMinor what it still owes
 */
public record DebtOwed(String debtId, Debt.Kind kind, long principalMinor, long remainingMinor) {
}
