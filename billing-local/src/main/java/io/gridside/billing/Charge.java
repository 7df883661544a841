package io.gridside.billing;

import io.gridside.site.EntryKind;

/**
 * One whole-minor-unit charge that rating asks the engine to post.
 *
 * @param amountMinor the charge, positive; the ledger posts it as a debit
 * @param reference what it charges for: an interval, a day, a month, with a tax line's name
 */
public record Charge(EntryKind kind, long amountMinor, String reference) {
}
