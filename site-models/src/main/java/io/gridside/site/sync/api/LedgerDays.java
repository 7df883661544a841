package io.gridside.site.sync.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /v1/sites/{site}/ledger/days}: the cloud's ledger cut into UTC days, so that a console
 * whose chain differs finds the first day that differs and resends from there.
 */
public record LedgerDays(List<Day> days) {

    public LedgerDays {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /**
     * One UTC day of the ledger (by the entries' {@code at}).
     *
     * @param hash the chain hash of the day's last entry, lower-case hex
     */
    public record Day(LocalDate day, long firstSeq, long lastSeq, String hash) {
    }
}
