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
import java.util.function.Predicate;

/** Prints a technician's cash-up of a day, for {@code connect ... cashup} and {@code bill cashup} alike. */
final class CashUpPrinter {

    /** A line's time of day in the site's zone: the day is the cash-up's own, so it is said once, above. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CashUpPrinter() {
    }

    static void print(PrintWriter out, CashUp cashUp, ZoneId zone, boolean json) {
        print(out, cashUp, zone, json, line -> false);
    }

    /**
     * Prints the cash-up, marking each line {@code fromReplica} says is a replaced gateway's, which the site
     * database's replica holds and the gateway's own book does not (decision 0089).
     */
    static void print(PrintWriter out, CashUp cashUp, ZoneId zone, boolean json,
            Predicate<CashBookLine> fromReplica) {
        if (json) {
            out.println(Json.write(fields(cashUp, fromReplica)));
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
                out.printf("  %s  receipt %s  %s  customer %s, reference %s%s%n",
                        TIME.format(line.at().atZone(zone)), line.receipt(), money, line.customerId(),
                        line.reference(), mark(line, fromReplica));
            } else {
                voids++;
                out.printf("  %s  void    %s  %s  customer %s, voided by %s: %s%s%n",
                        TIME.format(line.at().atZone(zone)), line.receipt(), money, line.customerId(), line.voidedBy(),
                        line.reason(), mark(line, fromReplica));
            }
        }
        out.printf("Receipts: %d, %s. Voids: %d, %s. Hand over: %s.%n", receipts,
                Formats.money(cashUp.receiptsMinor(), cashUp.currency()), voids,
                Formats.money(cashUp.voidsMinor(), cashUp.currency()),
                Formats.money(cashUp.handOverMinor(), cashUp.currency()));
    }

    private static String mark(CashBookLine line, Predicate<CashBookLine> fromReplica) {
        return fromReplica.test(line) ? " (taken by the replaced gateway, from the replica)" : "";
    }

    private static Map<String, Object> fields(CashUp cashUp, Predicate<CashBookLine> fromReplica) {
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
            row.put("fromReplica", fromReplica.test(line));
            lines.add(row);
        }
        fields.put("lines", lines);
        return fields;
    }
}
