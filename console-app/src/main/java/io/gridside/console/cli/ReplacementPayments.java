package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The payments a gateway replacement credits: those this laptop queued since the replica's last pull, and those the
 * technician enters in the replacement itself, each queued by the rules of a payments import (so each reference is
 * credited once). A payment the laptop does not know of is not credited by the replacement; so the replacement
 * lists what it knows, and posts only once the technician has said the list is complete.
 */
final class ReplacementPayments {

    /** The name each entered payment carries as its source. */
    static final String SOURCE = "entered in replace-gateway";

    private ReplacementPayments() {
    }

    /**
     * Queues the entered payments, each written as {@code REFERENCE,CUSTOMER,AMOUNT,TIME} like a line of a payments
     * file; returns the problems, when there are any, and then queues nothing.
     */
    static List<ImportProblem> enter(SiteStore store, SiteInfo site, List<String> entered, Instant now) {
        if (entered.isEmpty()) {
            return List.of();
        }
        StringBuilder csv = new StringBuilder(String.join(",", PaymentsImport.COLUMNS)).append('\n');
        entered.forEach(line -> csv.append(line.strip()).append('\n'));
        PaymentsImport.Plan plan = PaymentsImport.plan(store, site, csv.toString().getBytes(StandardCharsets.UTF_8),
                SOURCE, now);
        if (plan.problems().isEmpty()) {
            PaymentsImport.apply(store, plan, now);
        }
        return plan.problems();
    }

    /** Lists the payments the replacement will credit, and says how to enter any other before it posts. */
    static void printKnown(SiteStore store, SiteInfo site, PrintWriter out) {
        List<QueuedPayment> known = store.pendingPayments();
        String since = store.ledger().stream().reduce((first, second) -> second).map(LedgerEntry::at)
                .map(at -> Formats.siteTime(at, site.zone())).orElse("the replica's start");
        out.printf("The replacement credits %d payments made since the replica's last ledger entry (%s):%n",
                known.size(), since);
        TextTable table = new TextTable(2, "reference", "customer", "amount", "paid", "source");
        for (QueuedPayment payment : known) {
            table.add(List.of(payment.reference(), payment.customerId(),
                    Formats.money(payment.amountMinor(), payment.currency()),
                    Formats.siteTime(payment.paidAt(), site.zone()), payment.source()));
        }
        table.print(out);
        out.println("Any other payment is not credited: cash a customer paid while the gateway was dead, or a top-up "
                + "the dead gateway took after the last pull. Enter each with --payment REFERENCE,CUSTOMER,AMOUNT,TIME "
                + "(amount in the currency's main unit, time in the site's time zone), or import a file with "
                + "'gridside import payments'; then run again with --payments-complete to replace the gateway.");
    }
}
