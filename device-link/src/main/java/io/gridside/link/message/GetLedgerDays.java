package io.gridside.link.message;

import io.gridside.site.ledger.CustomerDay;
import java.util.List;

/**
 * Opens a stream of the ledger entries of the named customer days, with their links of the hash chain, answered
 * by {@link LedgerBatch}es in ledger order and an end. An adjustment travels with the day it corrects.
 *
 * @param days at most {@link #MAX_DAYS} customer days
 */
public record GetLedgerDays(List<CustomerDay> days) implements Message {

    /** The most customer days one request names, so that the request fits a frame. */
    public static final int MAX_DAYS = 256;

    public GetLedgerDays {
        days = List.copyOf(days);
        if (days.isEmpty() || days.size() > MAX_DAYS) {
            throw new IllegalArgumentException("a GetLedgerDays names 1 to " + MAX_DAYS + " customer days, not "
                    + days.size());
        }
    }
}
