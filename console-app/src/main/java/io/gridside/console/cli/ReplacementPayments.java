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
import java.util.Optional;
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
    /** The reason of a payments file's time later than now. */
    private static final String FUTURE = "import.time.future";

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
        PaymentsImport.Plan plan = plan(store, site, entered, now, gatewayClock, source);
        if (plan.problems().isEmpty() && !entered.isEmpty()) {
            PaymentsImport.apply(store, plan, now);
        }
        return plan.problems();
    }

    /**
     * Checks the entered payments as {@link #enter} would queue them, writing nothing: the problems, numbered from 1
     * as the technician typed them. A time later than both this computer's clock and the gateway's at the last pull
     * is left to the session's own check, which judges it by the new gateway's clock.
     */
    static List<ImportProblem> check(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return plan(store, site, entered, now, gatewayClock, SOURCE).problems().stream()
                .filter(problem -> !FUTURE.equals(problem.reason())).toList();
    }

    /**
     * Plans the entered payments as a payments file would be, with each one's source and problems numbered from 1
     * as typed (the file the entries make has a header line, so its line 2 is the first entry), and refuses a payment
     * dated before the site went live, which no gateway of the site could have taken.
     */
    private static PaymentsImport.Plan plan(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source) {
        if (entered.isEmpty()) {
            return new PaymentsImport.Plan(source, site.currency(), 0, List.of(), List.of());
        }
        StringBuilder csv = new StringBuilder(String.join(",", PaymentsImport.COLUMNS)).append('\n');
        entered.forEach(line -> csv.append(line.strip()).append('\n'));
        PaymentsImport.Plan plan = PaymentsImport.plan(store, site, csv.toString().getBytes(StandardCharsets.UTF_8),
                source, now, gatewayClock);
        List<ImportProblem> problems = new ArrayList<>();
        plan.problems().forEach(problem -> problems.add(typed(problem)));
        Optional<Instant> live = store.ledger().stream().findFirst().map(LedgerEntry::at);
        List<PaymentsImport.ImportedPayment> payments = new ArrayList<>();
        for (PaymentsImport.ImportedPayment imported : plan.payments()) {
            QueuedPayment payment = imported.payment();
            if (live.isPresent() && payment.paidAt().isBefore(live.get())) {
                String liveAt = Formats.siteTime(live.get(), site.zone());
                problems.add(new ImportProblem(imported.line() - 1, "time", "paid at "
                        + Formats.siteTime(payment.paidAt(), site.zone()) + ", before the site went live at " + liveAt
                        + ", when no gateway took payments; check the date and the time."));
                continue;
            }
            payments.add(new PaymentsImport.ImportedPayment(imported.line() - 1, new QueuedPayment(
                    payment.reference(), payment.customerId(), payment.amountMinor(), payment.currency(),
                    payment.paidAt(), source + ":" + (imported.line() - 1), payment.state(), payment.answerCode(),
                    payment.answer()), imported.fate(), imported.ledgerSeq()));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new PaymentsImport.Plan(source, plan.currency(), plan.rows(), problems, payments);
    }

    private static ImportProblem typed(ImportProblem problem) {
        return new ImportProblem(problem.line() - 1, problem.field(), problem.message(), problem.reason(),
                problem.values());
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
        List<String> payments = new ArrayList<>();
        Map<String, String[]> slips = new LinkedHashMap<>();
        List<ImportProblem> problems = readSlips(entered, payments, slips);
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

    /** Checks the receipt slips entered as {@link #enterReceipts} would keep them, writing nothing. */
    static List<ImportProblem> checkReceipts(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        List<String> payments = new ArrayList<>();
        List<ImportProblem> problems = readSlips(entered, payments, new LinkedHashMap<>());
        return problems.isEmpty() ? check(store, site, payments, now, gatewayClock) : problems;
    }

    /** Splits each slip into its payment, added to {@code payments}, and its receipt and technician. */
    private static List<ImportProblem> readSlips(List<String> entered, List<String> payments,
            Map<String, String[]> slips) {
        List<ImportProblem> problems = new ArrayList<>();
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
        return problems;
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
