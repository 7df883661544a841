package io.gridside.site.sync;

import java.time.LocalDate;

/**
 * The ledger entries of one UTC day, as the console and the cloud compare them to find where their chains part.
 *
 * @param day the UTC day of the entries' times
 * @param firstSeq the first ledger sequence of the day
 * @param lastSeq the last ledger sequence of the day
 * @param lastHash the chain hash of the day's last entry, or null where the store has none
 */
public record LedgerDay(LocalDate day, long firstSeq, long lastSeq, byte[] lastHash) {
}
