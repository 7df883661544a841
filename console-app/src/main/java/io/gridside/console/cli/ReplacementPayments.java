package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.imports.EnteredPayments;
import io.gridside.console.imports.ImportProblem;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
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
    /** The name each payment entered from a receipt slip carries as its source. */
    static final String RECEIPT_SOURCE = "receipt slip entered in replace-gateway";

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
        return EnteredPayments.enter(store, site, entered, now, gatewayClock, SOURCE);
    }

    /** The problems {@link #enter} would find, with nothing queued; see {@link EnteredPayments#check}. */
    static List<ImportProblem> check(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return EnteredPayments.check(store, site, entered, now, gatewayClock);
    }

    /** The problems {@link #enter} would find, with nothing queued; see {@link EnteredPayments#checkByGatewayClock}. */
    static List<ImportProblem> checkByGatewayClock(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return EnteredPayments.checkByGatewayClock(store, site, entered, now, gatewayClock);
    }

    /** The problems {@link #enterReceipts} would find, a time judged by the new gateway's clock; none queued. */
    static List<ImportProblem> checkReceiptsByGatewayClock(SiteStore store, SiteInfo site, List<String> entered,
            Instant now, Instant gatewayClock) {
        return EnteredPayments.checkReceiptsByGatewayClock(store, site, entered, now, gatewayClock);
    }

    /** The problems {@link #enterReceipts} would find, with nothing queued or kept. */
    static List<ImportProblem> checkReceipts(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return EnteredPayments.checkReceipts(store, site, entered, now, gatewayClock);
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
        return EnteredPayments.enterReceipts(store, site, entered, now, gatewayClock, RECEIPT_SOURCE);
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
