package io.gridside.console.imports;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payments a gateway replacement is told of by hand, from the command line or the console: cash paid while the
 * gateway was dead, or taken on a receipt after the replica's last pull. Each is queued by the rules of a payments
 * import, so each reference is credited once, and a list with any problem queues nothing.
 */
public final class EnteredPayments {

    /** A receipt number as a gateway gives one: a book code of hex digits, a dash, and at least four digits. */
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("[0-9A-F]{6,}-[0-9]{4,}");
    /** A payment's reference of a receipt number's form, its book code's hex digits in either case as typed. */
    private static final Pattern RECEIPT_LIKE = Pattern.compile("([0-9A-F]{6,})-[0-9]{4,}", Pattern.CASE_INSENSITIVE);
    /** The reason of a payments file's time later than now. */
    private static final String FUTURE = "import.time.future";
    /** The bundle that words the refusals in each language, its English beside the code. */
    private static final String REFUSALS = "io.gridside.console.refusals";
    /** The reason of a payment entered as such whose reference is a cash receipt's number. */
    public static final String RECEIPT_AS_PAYMENT = "replace.receiptAsPayment";

    private EnteredPayments() {
    }

    /**
     * Queues the entered payments, each written as {@code REFERENCE,CUSTOMER,AMOUNT,TIME} like a line of a payments
     * file, each carrying {@code source}; returns the problems, when there are any, and then queues nothing. A
     * payment whose reference is of a cash receipt number's form ({@code 79115E-0003}) is refused: cash a gateway
     * took on a receipt is entered from its slip ({@link #enterReceipts}), so that the receipt is kept with it.
     *
     * @param gatewayClock the site's clock as last seen: the new gateway's, once a session with it read it, else the
     *     replica's at its last pull; a payment may be dated up to it even when it is ahead of {@code now}
     */
    public static List<ImportProblem> enter(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source) {
        return queue(store, site, entered, now, gatewayClock, source, true);
    }

    /**
     * The problems {@link #enter} would find in {@code entered}, with nothing queued: so that a form or a command's
     * options can be checked before anything changes. A time later than both this computer's clock and the
     * gateway's as last seen is left to {@link #checkByGatewayClock}, which judges it by the new gateway's clock.
     */
    public static List<ImportProblem> check(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock) {
        return withoutFuture(checkByGatewayClock(store, site, entered, now, gatewayClock));
    }

    /**
     * The problems {@link #enter} would find in {@code entered}, with nothing queued, a time judged by
     * {@code gatewayClock} as the new gateway's own: read from its hello, before the session pins its key, so that
     * a payment dated later than it and than {@code now} is refused while nothing has changed yet.
     */
    public static List<ImportProblem> checkByGatewayClock(SiteStore store, SiteInfo site, List<String> entered,
            Instant now, Instant gatewayClock) {
        return plan(store, site, entered, now, gatewayClock, "", true).problems();
    }

    /** The problems {@link #enterReceipts} would find in {@code entered}, with nothing queued or kept. */
    public static List<ImportProblem> checkReceipts(SiteStore store, SiteInfo site, List<String> entered,
            Instant now, Instant gatewayClock) {
        return withoutFuture(checkReceiptsByGatewayClock(store, site, entered, now, gatewayClock));
    }

    /**
     * The problems {@link #enterReceipts} would find in {@code entered}, with nothing queued or kept, a time judged
     * by {@code gatewayClock} as {@link #checkByGatewayClock} judges it.
     */
    public static List<ImportProblem> checkReceiptsByGatewayClock(SiteStore store, SiteInfo site,
            List<String> entered, Instant now, Instant gatewayClock) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        slips(entered, problems, payments);
        return problems.isEmpty() ? plan(store, site, payments, now, gatewayClock, "", false).problems() : problems;
    }

    private static List<ImportProblem> withoutFuture(List<ImportProblem> problems) {
        return problems.stream().filter(problem -> !FUTURE.equals(problem.reason())).toList();
    }

    /**
     * Queues {@code entered} when it has no problem; {@code typedAsPayments} when they were entered as payments,
     * not read from slips, whose payment's reference may be its receipt's number.
     */
    private static List<ImportProblem> queue(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source, boolean typedAsPayments) {
        PaymentsImport.Plan plan = plan(store, site, entered, now, gatewayClock, source, typedAsPayments);
        if (plan.problems().isEmpty() && !entered.isEmpty()) {
            PaymentsImport.apply(store, plan, now);
        }
        return plan.problems();
    }

    /**
     * Plans the entered payments as a payments file would be, with each one's source and problems numbered from 1
     * as typed (the file the entries make has a header line, so its line 2 is the first entry), and refuses a payment
     * dated before the site went live, which no gateway of the site could have taken, and, when
     * {@code typedAsPayments}, one whose reference is a cash receipt's number.
     */
    private static PaymentsImport.Plan plan(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source, boolean typedAsPayments) {
        if (entered.isEmpty()) {
            return new PaymentsImport.Plan(source, site.currency(), 0, List.of(), List.of());
        }
        StringBuilder csv = new StringBuilder(String.join(",", PaymentsImport.COLUMNS)).append('\n');
        entered.forEach(line -> csv.append(line.strip()).append('\n'));
        PaymentsImport.Plan plan = PaymentsImport.plan(store, site, csv.toString().getBytes(StandardCharsets.UTF_8),
                source, now, gatewayClock);
        List<ImportProblem> problems = new ArrayList<>();
        plan.problems().forEach(problem -> problems.add(new ImportProblem(problem.line() - 1, problem.field(),
                problem.message(), problem.reason(), problem.values())));
        Optional<Instant> live = store.ledger().stream().findFirst().map(LedgerEntry::at);
        List<PaymentsImport.ImportedPayment> payments = new ArrayList<>();
        for (PaymentsImport.ImportedPayment imported : plan.payments()) {
            QueuedPayment payment = imported.payment();
            if (live.isPresent() && payment.paidAt().isBefore(live.get())) {
                problems.add(new ImportProblem(imported.line() - 1, "time", "paid at "
                        + Formats.siteTime(payment.paidAt(), site.zone()) + ", before the site went live at "
                        + Formats.siteTime(live.get(), site.zone()) + ", when no gateway took payments; check the "
                        + "date and the time."));
                continue;
            }
            payments.add(new PaymentsImport.ImportedPayment(imported.line() - 1, new QueuedPayment(
                    payment.reference(), payment.customerId(), payment.amountMinor(), payment.currency(),
                    payment.paidAt(), source + ":" + (imported.line() - 1), payment.state(), payment.answerCode(),
                    payment.answer()), imported.fate(), imported.ledgerSeq()));
        }
        if (typedAsPayments) {
            problems.addAll(receiptsTypedAsPayments(entered));
        }
        problems.sort((one, other) -> Integer.compare(one.line(), other.line()));
        return new PaymentsImport.Plan(source, plan.currency(), plan.rows(), problems, payments);
    }

    /**
     * The payments among {@code entered} whose reference is of a cash receipt number's form: cash a gateway took on
     * a receipt, entered as a bare payment, would be credited with no receipt kept, so the technician's cash-up
     * would miss it and the new gateway would give its number again. Such cash is entered from its slip.
     */
    private static List<ImportProblem> receiptsTypedAsPayments(List<String> entered) {
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < entered.size(); i++) {
            String reference = entered.get(i).strip().split(",", 2)[0].strip();
            Matcher receipt = RECEIPT_LIKE.matcher(reference);
            if (receipt.matches()) {
                String book = receipt.group(1).toUpperCase(Locale.ROOT);
                problems.add(new ImportProblem(i + 1, "reference", english(RECEIPT_AS_PAYMENT, reference, book),
                        RECEIPT_AS_PAYMENT, reference, book));
            }
        }
        return problems;
    }

    /** The English sentence of the refusal {@code reason}, as the command line prints it and the log keeps it. */
    private static String english(String reason, Object... values) {
        String pattern = I18n.bundle(REFUSALS, Locale.ENGLISH).getString("refused." + reason);
        return new MessageFormat(pattern, Locale.ENGLISH).format(values);
    }

    /**
     * Queues the cash receipts entered from the slips customers hold, each written as
     * {@code RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME}: the payment as {@link #enter} queues one, and the
     * receipt in the site database's cash book, where the replacement finds it as a receipt the dead gateway issued
     * after the pull (its payment is still queued) and carries it to the new gateway. Returns the problems, when
     * there are any, and then queues nothing.
     */
    public static List<ImportProblem> enterReceipts(SiteStore store, SiteInfo site, List<String> entered, Instant now,
            Instant gatewayClock, String source) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        Map<String, String[]> slips = slips(entered, problems, payments);
        if (!problems.isEmpty()) {
            return problems;
        }
        problems.addAll(queue(store, site, payments, now, gatewayClock, source, false));
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

    /**
     * Reads each slip as {@code RECEIPT,TECHNICIAN,PAYMENT...}: adds its payment's line to {@code payments}, or its
     * problem to {@code problems}; returns each slip's receipt and technician by its payment's reference.
     */
    private static Map<String, String[]> slips(List<String> entered, List<ImportProblem> problems,
            List<String> payments) {
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
        return slips;
    }
}
