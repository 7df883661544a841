package io.gridside.link.message;

import java.time.LocalDate;

/**
 * Opens a stream of the gateway's digests of its ledger by customer day, from site day {@code from} to {@code to},
 * both included, answered by {@link LedgerDayDigestsBatch}es and an end. A customer day without entries has no
 * digest.
 *
 * @param from the first site day, or null for the first the ledger holds
 * @param to the last site day, or null for the gateway's today
 */
public record GetLedgerDayDigests(LocalDate from, LocalDate to) implements Message {
}
