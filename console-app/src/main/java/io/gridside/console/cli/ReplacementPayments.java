package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The payments a gateway replacement credits: those this laptop queued since the replica's last pull, and those the
 * technician enters in the replacement itself, each queued by the rules of a payments import (so each reference is
 * credited once). A payment the laptop does not know of is not credited by the replacement; so the replacement
 * lists what it knows, and posts only once the technician has said the list is complete.
 */
final class ReplacementPayments {

    /** The name each entered payment carries as its source. */
    static final String SOURCE = "entered in replace-gateway";
    /** The name each payment entered from a receipt slip carries as its source. */
    static final String RECEIPT_SOURCE = "receipt slip entered in replace-gateway";
    /** A receipt number as a gateway gives one: a book code of hex digits, a dash, and at least four digits. */
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("[0-9A-F]{6,}-[0-9]{4,}");

    private ReplacementPayments() {
    }

    /**
     * Queues the entered payments, each written as {@code REFERENCE,CUSTOMER,AMOUNT,TIME} like a line of a payments
     * file; returns the problems, when there are any, and then queues nothing.
     *
     * @param gatewayClock the site's clock as last seen: the new gateway's, once a session with it read it, else the
     *     replica's at its last pull; a payment may be dated up to it even when it is ahead of {@code now}
     */
    static List<ImportProblem> enter(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return enter(store, site, entered, now, gatewayClock, SOURCE);
    }

    private static List<ImportProblem> enter(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source) {
        if (entered.isEmpty()) {
            return List.of();
        }
        StringBuilder csv = new StringBuilder(String.join(",", PaymentsImport.COLUMNS)).append('\n');
        entered.forEach(line -> csv.append(line.strip()).append('\n'));
        PaymentsImport.Plan plan = PaymentsImport.plan(store, site, csv.toString().getBytes(StandardCharsets.UTF_8),
                source, now, gatewayClock);
        if (plan.problems().isEmpty()) {
            PaymentsImport.apply(store, plan, now);
        }
        // The file the entries make has a header line: its line 2 is the first entry, as the technician counts.
        return plan.problems().stream().map(problem -> new ImportProblem(problem.line() - 1, problem.field(),
                problem.message())).toList();
    }

    /**
     * A problem of one of the values an option was given, as the technician typed them: which one by its place
     * among them and by the number it starts with (the slip's receipt, or the payment's reference), such as
     * {@code --receipt 1 (AA11BB-0007), time: ...}.
     */
    static String describe(String option, ImportProblem problem, List<String> entered) {
        int number = problem.line();
        String which = number < 1 || number > entered.size() ? ""
                : " " + number + " (" + entered.get(number - 1).strip().split(",", 2)[0].strip() + ")";
        return option + which + (problem.field() == null ? "" : ", " + problem.field()) + ": " + problem.message();
    }

    /**
     * Queues the cash receipts entered from the slips customers hold, each written as
     * {@code RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME}: the payment as {@link #enter} queues one, and the
     * receipt in the site database's cash book, where the replacement finds it as a receipt the dead gateway issued
     * after the pull (its payment is still queued) and carries it to the new gateway. Returns the problems, when
     * there are any, and then queues nothing.
     */
    static List<ImportProblem> enterReceipts(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        Map<String, String[]> slips = new LinkedHashMap<>();
        for (int i = 0; i < entered.size(); i++) {
            String[] fields = entered.get(i).strip().split(",", 3);
            if (fields.length < 3 || !RECEIPT_NUMBER.matcher(fields[0].strip()).matches() || fields[1].isBlank()) {
                problems.add(new ImportProblem(i + 1, "receipt", "write the slip as RECEIPT,TECHNICIAN,REFERENCE,"
                        + "CUSTOMER,AMOUNT,TIME, the receipt number as on the slip (AA11BB-0007)"));
                continue;
            }
            payments.add(fields[2]);
            slips.put(fields[2].split(",", 2)[0].strip(), new String[] {fields[0].strip(), fields[1].strip()});
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        problems.addAll(enter(store, site, payments, now, gatewayClock, RECEIPT_SOURCE));
        if (!problems.isEmpty()) {
            return problems;
        }
        List<CashBookLine> receipts = new ArrayList<>();
        for (QueuedPayment payment : store.pendingPayments()) {
            String[] slip = slips.get(payment.reference());
            if (slip != null) {
                receipts.add(new CashBookLine(CashBookLine.Kind.RECEIPT, slip[0], slip[1], payment.reference(),
                        payment.customerId(), payment.amountMinor(), payment.currency(), payment.paidAt(), null,
                        null));
            }
        }
        store.insertCashBook(receipts);
        return List.of();
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
                + "'gridside import payments'; enter cash the dead gateway took on a receipt with --receipt "
                + "RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME as the customer's slip reads. Then run again "
                + "with --payments-complete to replace the gateway.");
    }
}
