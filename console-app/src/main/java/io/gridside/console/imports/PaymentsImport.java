package io.gridside.console.imports;

import io.gridside.console.Formats;
import io.gridside.console.Sentence;
import io.gridside.link.server.CashDesk;
import io.gridside.site.Currencies;
import io.gridside.site.Customer;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports payments from a CSV file ({@code reference,customer,amount,time}) into a site database's outbox, from
 * which {@code connect ... push} sends them to the gateway, the ledger's only writer. {@link #plan} works out what
 * the import would queue without writing anything; {@link #apply} queues it, in one transaction. A file with any
 * bad row queues nothing: its problems are listed with their lines.
 *
 * <p>A payment's reference makes it idempotent at every step: a payment the ledger replica holds already, or the
 * outbox holds already, is not queued again, so importing the same file twice queues nothing new; one the gateway
 * refused is queued again, for the file may have been corrected. A reference that names another payment than the
 * one held (another customer or amount) is a problem of the file.
 */
public final class PaymentsImport {

    public static final String REFERENCE = "reference";
    public static final String CUSTOMER = "customer";
    public static final String AMOUNT = "amount";
    public static final String TIME = "time";
    public static final List<String> COLUMNS = List.of(REFERENCE, CUSTOMER, AMOUNT, TIME);
    /** How far a payment's time may be ahead of this computer's clock, as the gateway allows of its own. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** What becomes of one payment of the file. */
    public enum Fate {
        /** It is queued for the gateway. */
        NEW,
        /** The gateway refused it when it was queued before; it is queued again. */
        REQUEUED,
        /** The outbox holds it already, sent or not: nothing is queued. */
        QUEUED_ALREADY,
        /** The ledger replica holds it: the gateway credited it already, nothing is queued. */
        IN_LEDGER,
        /** An earlier line of the file holds the same payment: it counts once. */
        REPEATED
    }

    /**
     * One payment of the file, with its line and what becomes of it.
     *
     * @param ledgerSeq the ledger entry that credited it, when its fate is {@link Fate#IN_LEDGER}, else 0
     */
    public record ImportedPayment(int line, QueuedPayment payment, Fate fate, long ledgerSeq) {
    }

    /**
     * What importing the file would queue: its good rows' payments, and its problems; only a plan without problems
     * may be applied.
     */
    public record Plan(String source, String currency, int rows, List<ImportProblem> problems,
            List<ImportedPayment> payments) {

        public Plan {
            problems = List.copyOf(problems);
            payments = List.copyOf(payments);
        }

        public long count(Fate fate) {
            return payments.stream().filter(p -> p.fate() == fate).count();
        }

        /** How many lines of the file have a problem. */
        public long invalidLines() {
            return problems.stream().mapToInt(ImportProblem::line).distinct().count();
        }

        /** The payments the import queues: new ones and those the gateway refused before. */
        public List<QueuedPayment> toQueue() {
            return payments.stream().filter(p -> p.fate() == Fate.NEW || p.fate() == Fate.REQUEUED)
                    .map(ImportedPayment::payment).toList();
        }

        /** The sum of the payments the import queues, in minor units. */
        public long queuedMinor() {
            return toQueue().stream().mapToLong(QueuedPayment::amountMinor).sum();
        }
    }

    private PaymentsImport() {
    }

    /**
     * Reads {@code bytes} and works out what importing them into {@code store}'s outbox would queue, writing nothing.
     *
     * @param source the file's name, which each queued payment carries with its line
     * @param now this computer's clock, which no payment may be dated after unless the gateway's clock, as the last
     *     pull saw it, is later
     */
    public static Plan plan(SiteStore store, SiteInfo site, byte[] bytes, String source, Instant now) {
        return plan(store, site, bytes, source, now, store.pulledGatewayClock().orElse(now));
    }

    /**
     * As {@link #plan(SiteStore, SiteInfo, byte[], String, Instant)}, with the gateway's clock as a session with it
     * read it. The site's clock is the gateway's once set; a payment may be dated up to the later of the two clocks,
     * so a gateway whose clock runs ahead of this computer's (a simulated site faster than real time) takes the
     * payments made by its own time.
     *
     * @param gatewayClock the site gateway's clock as last seen
     */
    public static Plan plan(SiteStore store, SiteInfo site, byte[] bytes, String source, Instant now,
            Instant gatewayClock) {
        CsvTable table = CsvReader.read(bytes, COLUMNS);
        List<ImportProblem> problems = new ArrayList<>(table.problems());
        Set<String> customers = store.customers().stream().map(Customer::customerId).collect(Collectors.toSet());
        Map<String, CashBookLine> voided = new HashMap<>();
        store.cashBook().stream().filter(line -> line.kind() == CashBookLine.Kind.VOID)
                .forEach(line -> voided.put(line.reference(), line));
        Rules rules = new Rules(site.currency(), customers, closedAccounts(store), store.ledgerPayments(), voided,
                outbox(store), new Clocks(now, gatewayClock));
        List<ImportedPayment> payments = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            rules.judge(row, source, site, problems).ifPresent(payments::add);
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Plan(source, site.currency(), table.rows().size(), problems, payments);
    }

    /**
     * Queues what {@code plan} found new in {@code store}'s outbox, in one transaction; returns how many it queued.
     *
     * @throws IllegalStateException for a plan with problems, which queues nothing
     */
    public static int apply(SiteStore store, Plan plan, Instant now) {
        if (!plan.problems().isEmpty()) {
            throw new IllegalStateException("a file with problems is not imported");
        }
        return store.queuePayments(plan.toQueue(), now);
    }

    private static Map<String, QueuedPayment> outbox(SiteStore store) {
        Map<String, QueuedPayment> byReference = new HashMap<>();
        store.queuedPayments().forEach(p -> byReference.put(p.reference(), p));
        return byReference;
    }

    /** When each customer who moved out did, by customer, from the pulled event log. */
    private static Map<String, Instant> closedAccounts(SiteStore store) {
        Map<String, Instant> closed = new HashMap<>();
        store.events(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z")).stream()
                .filter(event -> event.kind() == EventKind.CUSTOMER_MOVED_OUT)
                .forEach(event -> closed.put(event.detail("customerId"), event.at()));
        return closed;
    }

    /** This computer's clock and the gateway's as last seen, by the later of which a payment is in the future. */
    private record Clocks(Instant computer, Instant gateway) {

        Instant latest() {
            return gateway.isAfter(computer) ? gateway : computer;
        }

        /** The later clock's time in the site's zone, as a person reads it, and whose clock it is. */
        String said(ZoneId zone) {
            return gateway.isAfter(computer) ? Formats.siteTime(gateway, zone) + " by the gateway's clock as last seen"
                    : Formats.siteTime(computer, zone);
        }
    }

    /** The checks of each row, with what the file's earlier rows, the ledger and the outbox hold. */
    private static final class Rules {

        private final String currency;
        private final Set<String> customers;
        private final Map<String, Instant> closed;
        private final Map<String, LedgerEntry> ledger;
        /** The voids of the pulled cash book, by the voided payment's reference. */
        private final Map<String, CashBookLine> voided;
        private final Map<String, QueuedPayment> outbox;
        private final Clocks now;
        private final Map<String, ImportedPayment> earlier = new HashMap<>();

        Rules(String currency, Set<String> customers, Map<String, Instant> closed, Map<String, LedgerEntry> ledger,
                Map<String, CashBookLine> voided, Map<String, QueuedPayment> outbox, Clocks now) {
            this.currency = currency;
            this.customers = customers;
            this.closed = closed;
            this.ledger = ledger;
            this.voided = voided;
            this.outbox = outbox;
            this.now = now;
        }

        Optional<ImportedPayment> judge(CsvRow row, String source, SiteInfo site, List<ImportProblem> problems) {
            int before = problems.size();
            String reference = row.get(REFERENCE);
            if (!ID.matcher(reference).matches()) {
                problems.add(new ImportProblem(row.line(), REFERENCE, (reference.isEmpty() ? "the reference is empty"
                        : "'" + reference + "' is not a payment reference") + "; write 1-64 letters, digits or "
                        + ". _ : -, starting with a letter or digit.", reference.isEmpty()
                                ? "import.reference.empty" : "import.reference.form", words(reference)));
            }
            String customerId = row.get(CUSTOMER);
            if (closed.containsKey(customerId)) {
                String movedOut = Formats.siteTime(closed.get(customerId), site.zone());
                problems.add(new ImportProblem(row.line(), CUSTOMER, "customer " + customerId + " moved out at "
                        + movedOut + " and their account takes no payment; check the id, or refund the customer.",
                        "import.customer.movedOut", customerId, movedOut));
            } else if (!customers.contains(customerId)) {
                problems.add(new ImportProblem(row.line(), CUSTOMER, customerId.isEmpty() ? "the customer is empty; "
                        + "write the customer's id." : "the site has no customer '" + customerId + "'; check the "
                        + "id, or pull the site again if the customer is new.", customerId.isEmpty()
                                ? "import.customer.empty" : "import.customer.unknown", words(customerId)));
            }
            long amountMinor = value(row, AMOUNT, problems, () -> ImportValues.minorUnits(row.get(AMOUNT), currency,
                    CashDesk.MAX_AMOUNT_MINOR));
            Instant paidAt = time(row, site, problems);
            if (problems.size() > before) {
                return Optional.empty();
            }
            QueuedPayment payment = QueuedPayment.pending(reference, customerId, amountMinor, currency, paidAt,
                    source + ":" + row.line());
            return fate(row.line(), payment, problems);
        }

        private Instant time(CsvRow row, SiteInfo site, List<ImportProblem> problems) {
            Instant paidAt;
            try {
                paidAt = ImportValues.time(row.get(TIME), site.zone());
            } catch (ImportValues.BadValue e) {
                problems.add(e.at(row.line(), TIME));
                return null;
            }
            if (paidAt.isAfter(now.latest().plus(FUTURE_TOLERANCE))) {
                problems.add(new ImportProblem(row.line(), TIME, "'" + row.get(TIME) + "' is later than now ("
                        + now.said(site.zone()) + "); check the time, or this computer's clock.", "import.time.future",
                        row.get(TIME), Formats.siteTime(now.latest(), site.zone())));
            }
            return paidAt;
        }

        private Optional<ImportedPayment> fate(int line, QueuedPayment payment, List<ImportProblem> problems) {
            ImportedPayment previous = earlier.get(payment.reference());
            if (previous != null) {
                return repeated(line, payment, previous, problems);
            }
            LedgerEntry posted = ledger.get(payment.reference());
            QueuedPayment queued = outbox.get(payment.reference());
            CashBookLine voids = voided.get(payment.reference());
            ImportedPayment judged;
            if (voids != null) {
                // The ledger holds the reference, but its cash was given back: saying it is credited already would
                // drop the row, and the gateway, which credits a reference once, would not credit it either.
                problems.add(new ImportProblem(line, REFERENCE, "reference " + payment.reference() + " is cash "
                        + "receipt " + voids.receipt() + " for customer " + voids.customerId() + ", voided by "
                        + voids.voidedBy() + " (" + voids.reason() + "); a payment made another way needs its own "
                        + "reference.", "import.reference.voided", payment.reference(), voids.receipt(),
                        voids.customerId(), voids.voidedBy(), voids.reason()));
                judged = null;
            } else if (posted != null) {
                judged = inLedger(line, payment, posted, problems);
            } else if (queued != null && queued.state() != QueuedPayment.State.REFUSED) {
                judged = queuedAlready(line, payment, queued, problems);
            } else {
                judged = new ImportedPayment(line, payment, queued == null ? Fate.NEW : Fate.REQUEUED, 0);
            }
            if (judged != null) {
                earlier.put(payment.reference(), judged);
            }
            return Optional.ofNullable(judged);
        }

        private Optional<ImportedPayment> repeated(int line, QueuedPayment payment, ImportedPayment previous,
                List<ImportProblem> problems) {
            if (previous.payment().samePaymentAs(payment)) {
                return Optional.of(new ImportedPayment(line, payment, Fate.REPEATED, 0));
            }
            problems.add(new ImportProblem(line, REFERENCE, "reference " + payment.reference() + " is on line "
                    + previous.line() + " for another payment (" + describe(previous.payment()) + "); each payment "
                    + "has its own reference.", "import.reference.repeated", payment.reference(),
                    Integer.toString(previous.line()), money(previous.payment()), previous.payment().customerId()));
            return Optional.empty();
        }

        private ImportedPayment inLedger(int line, QueuedPayment payment, LedgerEntry posted,
                List<ImportProblem> problems) {
            if (posted.customerId().equals(payment.customerId()) && posted.amountMinor() == payment.amountMinor()) {
                return new ImportedPayment(line, payment, Fate.IN_LEDGER, posted.seq());
            }
            problems.add(new ImportProblem(line, REFERENCE, "the ledger holds payment " + payment.reference()
                    + " already, as " + money(posted.amountMinor()) + " to customer " + posted.customerId()
                    + " (entry " + posted.seq() + "), not " + money(payment.amountMinor()) + " to customer "
                    + payment.customerId() + "; check the file.", "import.reference.inLedger", payment.reference(),
                    Sentence.money(posted.amountMinor(), currency), posted.customerId(), Long.toString(posted.seq()),
                    money(payment), payment.customerId()));
            return null;
        }

        private ImportedPayment queuedAlready(int line, QueuedPayment payment, QueuedPayment queued,
                List<ImportProblem> problems) {
            if (queued.customerId().equals(payment.customerId()) && queued.amountMinor() == payment.amountMinor()) {
                return new ImportedPayment(line, payment, Fate.QUEUED_ALREADY, 0);
            }
            problems.add(new ImportProblem(line, REFERENCE, "payment " + payment.reference() + " is queued already "
                    + "from " + queued.source() + ", as " + describe(queued) + "; check the file.",
                    "import.reference.queued", payment.reference(), queued.source(), money(queued),
                    queued.customerId()));
            return null;
        }

        private String describe(QueuedPayment payment) {
            return money(payment.amountMinor()) + " to customer " + payment.customerId();
        }

        /** A payment's amount, kept to be written as the language of the moment writes money. */
        private Sentence.Money money(QueuedPayment payment) {
            return Sentence.money(payment.amountMinor(), currency);
        }

        private String money(long minor) {
            return currency + " " + Currencies.toDecimal(minor, currency).toPlainString();
        }
    }

    /** What goes in the sentence of a value that may be empty: nothing for an empty one, whose sentence needs none. */
    private static Object[] words(String value) {
        return value.isEmpty() ? new Object[0] : new Object[] {value};
    }

    /** Reads one value, or notes its problem under {@code column} and gives 0. */
    private static long value(CsvRow row, String column, List<ImportProblem> problems, LongValue read) {
        try {
            return read.get();
        } catch (ImportValues.BadValue e) {
            problems.add(e.at(row.line(), column));
            return 0;
        }
    }

    @FunctionalInterface
    private interface LongValue {
        long get() throws ImportValues.BadValue;
    }
}
