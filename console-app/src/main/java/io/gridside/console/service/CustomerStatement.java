package io.gridside.console.service;

import io.gridside.site.CreditState;
import io.gridside.site.SiteInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer's account over whole days of the site, as the pulled ledger tells it: the balance the period
 * opened with, each day's energy and lines, and the balance it closed with. The opening balance plus every
 * line's effect is the closing balance, to the minor unit, since every ledger entry lands on one line.
 *
 * @param meterIds the customer's meters, usually one
 * @param tariffId the tariff the gateway bills with, or "unknown" when no pull brought it
 * @param firstDay the period's first day, in the site's time zone
 * @param lastDay the period's last day, included
 * @param openingMinor the balance after the customer's last entry before the period, 0 when there was none; with
 *     the opening balance posted when the account opened within the period, which no day shows as an adjustment
 * @param energyWh the energy of the quarter hours that ended in the period, exact
 * @param state the customer's credit state at the last pull, or null when no status was pulled
 * @param accruedMinor the charges the open day accrued by the last pull and the gateway has not posted yet, when
 *     the period reaches that pull; 0 otherwise. The closing balance less them is the balance the gateway
 *     reported, which the customers table shows.
 * @param pendingCash the cash receipts of the customer dated up to the period's end that the pulled ledger has not
 *     posted yet, oldest first: no balance here counts them
 */
public record CustomerStatement(SiteInfo site, String customerId, String customerName, List<String> meterIds,
        String tariffId, LocalDate firstDay, LocalDate lastDay, long openingMinor, List<Day> days,
        StatementLines totals, long energyWh, long closingMinor, CreditState state, long accruedMinor,
        List<PendingCash> pendingCash) {

    public CustomerStatement {
        meterIds = List.copyOf(meterIds);
        days = List.copyOf(days);
        pendingCash = List.copyOf(pendingCash);
    }

    /** A statement of a period with no cash taken and not yet posted. */
    public CustomerStatement(SiteInfo site, String customerId, String customerName, List<String> meterIds,
            String tariffId, LocalDate firstDay, LocalDate lastDay, long openingMinor, List<Day> days,
            StatementLines totals, long energyWh, long closingMinor, CreditState state, long accruedMinor) {
        this(site, customerId, customerName, meterIds, tariffId, firstDay, lastDay, openingMinor, days, totals,
                energyWh, closingMinor, state, accruedMinor, List.of());
    }

    /** A statement of a period with no charges accrued and not yet posted at its end. */
    public CustomerStatement(SiteInfo site, String customerId, String customerName, List<String> meterIds,
            String tariffId, LocalDate firstDay, LocalDate lastDay, long openingMinor, List<Day> days,
            StatementLines totals, long energyWh, long closingMinor, CreditState state) {
        this(site, customerId, customerName, meterIds, tariffId, firstDay, lastDay, openingMinor, days, totals,
                energyWh, closingMinor, state, 0);
    }

    /** The balance at the period's end with the charges accrued and not yet posted taken off, as the gateway has it. */
    public long balanceMinor() {
        return Math.subtractExact(closingMinor, accruedMinor);
    }

    /**
     * One day of the statement.
     *
     * @param energyWh the energy of the day's quarter hours, counted by when each ended, as the gateway charges
     *     a quarter hour when it ends
     * @param balanceMinor the balance after the day's last entry
     */
    public record Day(LocalDate date, long energyWh, StatementLines lines, long balanceMinor) {
    }

    /** The cash taken and not yet posted, in all. */
    public long pendingCashMinor() {
        return pendingCash.stream().mapToLong(PendingCash::amountMinor).reduce(0, Math::addExact);
    }

    /**
     * Cash the gateway took for the customer under a receipt and had not posted to its ledger by the last pull: a
     * gateway posts a top-up at its next quarter hour, so a pull right after the cash was taken brings the receipt
     * and not yet the entry.
     *
     * @param receipt the receipt's number
     * @param reference the payment's own reference
     * @param at when the cash was paid
     */
    public record PendingCash(String receipt, String reference, long amountMinor, Instant at) {
    }

    public String currency() {
        return site.currency();
    }
}
