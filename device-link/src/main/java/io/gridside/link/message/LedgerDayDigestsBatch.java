package io.gridside.link.message;

import io.gridside.site.ledger.LedgerDayDigest;
import java.util.List;

/**
 * One batch of a ledger-day digest stream: the gateway's summaries of customer days, customer first then day.
 *
 * @param total how many customer days the whole stream holds
 */
public record LedgerDayDigestsBatch(List<LedgerDayDigest> days, long total) implements Message {

    public LedgerDayDigestsBatch {
        days = List.copyOf(days);
    }
}
