package io.gridside.site.cash;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * A technician's end-of-day cash-up: the receipts taken and the voids made on one site day, and the cash to hand
 * over, which is the receipts less the voids. A void counts on the day it was made, whatever day its receipt was
 * taken, so a day already handed over is never reopened.
 *
 * @param lines the day's lines of the technician, in time order and then by receipt
 * @param receiptsMinor the cash of the day's receipts
 * @param voidsMinor the cash of the voids made that day
 */
public record CashUp(String technicianId, LocalDate day, String currency, List<CashBookLine> lines,
        long receiptsMinor, long voidsMinor) {

    public CashUp {
        lines = List.copyOf(lines);
    }

    /** The cash the technician hands over: {@code receiptsMinor - voidsMinor}. */
    public long handOverMinor() {
        return receiptsMinor - voidsMinor;
    }

    /**
     * The cash-up of {@code technicianId} on {@code day} in {@code zone}, from any lines of a cash book.
     *
     * @param currency the site's currency, which every line of the book carries
     */
    public static CashUp of(List<CashBookLine> book, String technicianId, LocalDate day, ZoneId zone,
            String currency) {
        List<CashBookLine> lines = book.stream()
                .filter(line -> line.technicianId().equals(technicianId))
                .filter(line -> line.at().atZone(zone).toLocalDate().equals(day))
                .sorted(Comparator.comparing(CashBookLine::at).thenComparing(CashBookLine::receipt)
                        .thenComparing(CashBookLine::kind))
                .toList();
        long receipts = 0;
        long voids = 0;
        for (CashBookLine line : lines) {
            if (line.kind() == CashBookLine.Kind.RECEIPT) {
                receipts = Math.addExact(receipts, line.amountMinor());
            } else {
                voids = Math.addExact(voids, line.amountMinor());
            }
        }
        return new CashUp(technicianId, day, currency, lines, receipts, voids);
    }
}
