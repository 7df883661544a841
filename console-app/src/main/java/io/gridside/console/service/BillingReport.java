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
     * One customer's billing over the audited window; amounts in minor units, charges as positive numbers.
     *
     * @param energyChargesMinor the energy charged, posted or accrued since the customer's last posting
     * @param balanceMinor the balance after the last audited interval, by the console's replay: the posted
     *     balance less the charges accrued since
     */
    public record Row(String customerId, String name, String meterId, long energyWh, long openingMinor,
            long topUpsMinor, long energyChargesMinor, long standingChargesMinor, long balanceMinor) {

        /** The sum of every row, column by column, as a row of its own. */
        static Row total(List<Row> rows) {
            return new Row("TOTAL", "", "", rows.stream().mapToLong(Row::energyWh).sum(),
                    rows.stream().mapToLong(Row::openingMinor).sum(), rows.stream().mapToLong(Row::topUpsMinor).sum(),
                    rows.stream().mapToLong(Row::energyChargesMinor).sum(),
                    rows.stream().mapToLong(Row::standingChargesMinor).sum(),
                    rows.stream().mapToLong(Row::balanceMinor).sum());
        }
    }
}
