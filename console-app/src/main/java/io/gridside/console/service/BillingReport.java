package io.gridside.console.service;

import io.gridside.billing.Reconciliation;
import io.gridside.site.SiteInfo;
import java.time.Instant;
import java.util.List;

/**
 * The result of a billing audit: one row per customer, their totals, and whether the gateway's ledger agrees.
 *
 * @param from the start of the first reading audited, or null when there were none
 * @param to the end of the last reading audited, or null when there were none
 */
public record BillingReport(SiteInfo site, Instant from, Instant to, List<Row> rows, Row totals,
        Reconciliation reconciliation) {

    /**
     * One customer's billing over the audited window; amounts in minor units, charges as positive numbers. The
     * balance is the opening plus top-ups, less energy, standing charges, taxes and levies, and debt recovered,
     * plus the rest (minimum charges taken off, corrections given back).
     *
     * @param meterId the meter that bills the account now, or billed it last before it closed
     * @param energyWh the energy billed to the account, on every meter that billed it in turn
     * @param energyChargesMinor the energy charged, posted or accrued since the customer's last posting
     * @param taxesMinor the taxes and levies charged, posted or accrued
     * @param debtRecoveredMinor what top-ups repaid of the customer's debts
     * @param otherMinor the rest, as it moved the balance: minimum charges (negative) and corrections
     * @param balanceMinor the balance after the last audited interval, by the console's replay: the posted
     *     balance less the charges accrued since
     * @param closedAt when the customer moved out and the account closed, or null while it is open
     */
    public record Row(String customerId, String name, String meterId, long energyWh, long openingMinor,
            long topUpsMinor, long energyChargesMinor, long standingChargesMinor, long taxesMinor,
            long debtRecoveredMinor, long otherMinor, long balanceMinor, Instant closedAt) {

        /** The sum of every row, column by column, as a row of its own. */
        static Row total(List<Row> rows) {
            return new Row("TOTAL", "", "", rows.stream().mapToLong(Row::energyWh).sum(),
                    rows.stream().mapToLong(Row::openingMinor).sum(), rows.stream().mapToLong(Row::topUpsMinor).sum(),
                    rows.stream().mapToLong(Row::energyChargesMinor).sum(),
                    rows.stream().mapToLong(Row::standingChargesMinor).sum(),
                    rows.stream().mapToLong(Row::taxesMinor).sum(),
                    rows.stream().mapToLong(Row::debtRecoveredMinor).sum(),
                    rows.stream().mapToLong(Row::otherMinor).sum(),
                    rows.stream().mapToLong(Row::balanceMinor).sum(), null);
        }
    }
}
