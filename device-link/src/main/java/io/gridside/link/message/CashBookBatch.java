package io.gridside.link.message;

import io.gridside.site.cash.CashBookLine;
import java.util.List;

/**
 * One batch of a cash book stream, in time order and then by receipt.
 *
 * @param total how many lines the whole stream holds, so the receiver can show progress
 */
public record CashBookBatch(List<CashBookLine> lines, long total) implements Message {

    public CashBookBatch {
        lines = List.copyOf(lines);
    }
}
