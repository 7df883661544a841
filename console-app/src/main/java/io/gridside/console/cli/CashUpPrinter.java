package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cash.CashUp;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a technician's cash-up of a day, for {@code connect ... cashup} and {@code bill cashup} alike. */
final class CashUpPrinter {

    /** A line's time of day in the site's zone: the day is the cash-up's own, so it is said once, above. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CashUpPrinter() {
    }

    static void print(PrintWriter out, CashUp cashUp, ZoneId zone, boolean json) {
        if (json) {
            out.println(Json.write(fields(cashUp)));
            return;
        }
        out.printf("Cash-up of %s on %s (site time, %s):%n", cashUp.technicianId(), cashUp.day(), zone.getId());
        if (cashUp.lines().isEmpty()) {
            out.println("  No receipts and no voids.");
        }
        long receipts = 0;
        long voids = 0;
        for (CashBookLine line : cashUp.lines()) {
            String money = Formats.money(line.handOverMinor(), line.currency());
            if (line.kind() == CashBookLine.Kind.RECEIPT) {
                receipts++;
                out.printf("  %s  receipt %s  %s  customer %s, reference %s%n", TIME.format(line.at().atZone(zone)),
                        line.receipt(), money, line.customerId(), line.reference());
            } else {
                voids++;
                out.printf("  %s  void    %s  %s  customer %s, voided by %s: %s%n",
                        TIME.format(line.at().atZone(zone)), line.receipt(), money, line.customerId(), line.voidedBy(),
                        line.reason());
            }
        }
        out.printf("Receipts: %d, %s. Voids: %d, %s. Hand over: %s.%n", receipts,
                Formats.money(cashUp.receiptsMinor(), cashUp.currency()), voids,
                Formats.money(cashUp.voidsMinor(), cashUp.currency()),
                Formats.money(cashUp.handOverMinor(), cashUp.currency()));
    }

    private static Map<String, Object> fields(CashUp cashUp) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("technicianId", cashUp.technicianId());
        fields.put("day", cashUp.day().toString());
        fields.put("currency", cashUp.currency());
        fields.put("receiptsMinor", cashUp.receiptsMinor());
        fields.put("voidsMinor", cashUp.voidsMinor());
        fields.put("handOverMinor", cashUp.handOverMinor());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CashBookLine line : cashUp.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", line.kind().name());
            row.put("receipt", line.receipt());
            row.put("at", line.at());
            row.put("customerId", line.customerId());
            row.put("reference", line.reference());
            row.put("amountMinor", line.amountMinor());
            row.put("voidedBy", line.voidedBy());
            row.put("reason", line.reason());
            lines.add(row);
        }
        fields.put("lines", lines);
        return fields;
    }
}
