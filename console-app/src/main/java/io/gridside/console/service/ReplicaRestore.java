package io.gridside.console.service;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.Takeover;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.console.Sentence;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;
import io.gridside.link.server.CashBook;
import io.gridside.site.Customer;
import io.gridside.site.Debt;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's verified replica of a site, as a factory-fresh gateway takes it over (protocol section 6.32): the
 * site, its tariff, each customer with their meter and balance, the ledger's tip, and the billing configuration
 * the dead gateway billed with (section 6.35), in as many frames as it takes (section 6.39), and to a gateway that
 * takes it the whole ledger from entry 1 (section 6.41), so that a laptop that never pulled the site can pull it
 * from the new gateway. Sending it resumes: the gateway says which chunks and parts it lacks, and only those are
 * sent.
 *
 * @param restoreId {@code SITE:SEQ}: the same replica names the same restore, however often it is sent
 * @param billingConfig the configuration document the site database keeps, as the dead gateway answered it; null
 *     for a site whose gateway never said (it billed its flat tariff under plain terms)
 * @param receiptBooks each credential's receipt book as the replica's cash book leaves it, which the new gateway
 *     numbers on from
 * @param ledger the replica's ledger from entry 1 to the tip, checked, which a gateway listing
 *     {@code restore-ledger} is sent; empty to send it none
 * @param readings the readings the replica holds, which the dead gateway billed, sent with the ledger so that a
 *     laptop that pulls the replaced site from entry 1 can re-run its billing
 */
public record ReplicaRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
        List<RestoreChunk.Account> accounts, byte[] billingConfig, List<BeginRestore.ReceiptBook> receiptBooks,
        List<LedgerEntry> ledger, List<Reading> readings) {

    /** How many accounts one chunk carries, which keeps a chunk of a full roster well inside one frame. */
    public static final int CHUNK_ACCOUNTS = 50;

    public ReplicaRestore {
        accounts = List.copyOf(accounts);
        billingConfig = billingConfig == null ? null : billingConfig.clone();
        receiptBooks = List.copyOf(receiptBooks);
        ledger = List.copyOf(ledger);
        readings = List.copyOf(readings);
    }

    /** A replica that sends the new gateway its tip only, as before section 6.41. */
    public ReplicaRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
            List<RestoreChunk.Account> accounts, byte[] billingConfig, List<BeginRestore.ReceiptBook> receiptBooks) {
        this(restoreId, site, tariff, tip, tipHash, accounts, billingConfig, receiptBooks, List.of(), List.of());
    }

    /**
     * The replica {@code store} holds, once its ledger's chain checks.
     *
     * @throws ReplacementRefusedException with {@code REPLACE_REPLICA_UNVERIFIED} when the chain does not check,
     *     and {@code REPLACE_REPLICA_INCOMPLETE} when the store lacks the site, its tariff, its roster or a ledger
     */
    public static ReplicaRestore of(SiteStore store) {
        return of(store, Map.of());
    }

    /**
     * As {@link #of(SiteStore)}, each receipt book numbered on after the number {@code lastIssued} names for its
     * code where that is higher than the replica's: a slip lost before its cash was entered leaves a number only
     * the slips' book shows, which the new gateway must not give again.
     *
     * @param lastIssued the highest receipt number issued, by book code, as the technician read it
     */
    public static ReplicaRestore of(SiteStore store, Map<String, Long> lastIssued) {
        SiteInfo site = store.site().orElseThrow(() -> incomplete("no site"));
        Tariff tariff = store.tariff().orElseThrow(() -> incomplete("no tariff"));
        LedgerCheck.Result check = store.checkLedger();
        if (!check.intact()) {
            throw new ReplacementRefusedException("REPLACE_REPLICA_UNVERIFIED", "The replica's ledger does not "
                    + "check at entry " + check.firstBadSeq() + " (" + check.problem() + "), so no gateway can be "
                    + "restored from it; restore from another console's replica.");
        }
        List<LedgerEntry> ledger = store.ledger();
        if (ledger.isEmpty() || store.meters().isEmpty()) {
            throw incomplete(ledger.isEmpty() ? "no ledger" : "no meters");
        }
        LedgerEntry tip = ledger.get(ledger.size() - 1);
        ByteString tipHash = ByteString.of(store.ledgerHash(tip.seq()).orElseThrow(() -> incomplete("no ledger hash")));
        return new ReplicaRestore(site.siteId() + ":" + tip.seq(), site, tariff, tip, tipHash, accounts(store),
                store.billingConfig().orElse(null), receiptBooks(pulledReceipts(store), lastIssued), ledger,
                store.readings(Instant.EPOCH, Instant.MAX));
    }

    /** The source the payment of a receipt pulled with the replica but missing from its ledger is queued under. */
    public static final String UNPOSTED_RECEIPT_SOURCE = "receipt pulled with the replica, not in its ledger";

    /**
     * Queues the payment of each receipt in the replica's cash book that has no top-up in its ledger: cash the dead
     * gateway took before the last pull, which its ledger would have posted at the next quarter hour. The
     * replacement then lists it, credits it and carries its receipt to the new gateway, as it does a slip entered.
     * A receipt voided, or whose payment is queued already, is left as it is. Returns how many were queued.
     */
    public static int queueUnpostedReceipts(SiteStore store, Instant now) {
        Set<String> known = new HashSet<>(store.ledgerPayments().keySet());
        store.queuedPayments().forEach(payment -> known.add(payment.reference()));
        List<QueuedPayment> unposted = store.cashBook().stream()
                .filter(line -> line.kind() == CashBookLine.Kind.RECEIPT && line.voidedBy() == null
                        && !known.contains(line.reference()))
                .map(line -> new QueuedPayment(line.reference(), line.customerId(), line.amountMinor(),
                        line.currency(), line.at(), UNPOSTED_RECEIPT_SOURCE, QueuedPayment.State.PENDING, null, null))
                .toList();
        return unposted.isEmpty() ? 0 : store.queuePayments(unposted, now);
    }

    /**
     * The receipts of the site database's cash book that the dead gateway issued after the replica's last pull,
     * entered from their slips in the replacement: those whose payment is still queued, as a receipt pulled from a
     * gateway never is (its payment is in the ledger). The reconciliation carries them to the new gateway.
     */
    static List<CashBookLine> lateReceipts(SiteStore store) {
        Set<String> queued = store.pendingPayments().stream().map(QueuedPayment::reference)
                .collect(Collectors.toSet());
        return store.cashBook().stream()
                .filter(line -> line.kind() == CashBookLine.Kind.RECEIPT && queued.contains(line.reference()))
                .toList();
    }

    /** The cash book's lines the replica pulled from the dead gateway: all but {@link #lateReceipts}. */
    private static List<CashBookLine> pulledReceipts(SiteStore store) {
        List<CashBookLine> late = lateReceipts(store);
        return store.cashBook().stream().filter(line -> !late.contains(line)).toList();
    }

    /**
     * Each meter with its customer, the customer's balance after their last entry of the replica, and what each of
     * the customer's debts under the site's terms owes after it.
     */
    private static List<RestoreChunk.Account> accounts(SiteStore store) {
        Map<String, Customer> customers = store.customers().stream()
                .collect(Collectors.toMap(Customer::customerId, Function.identity()));
        Map<String, Long> balances = new HashMap<>();
        for (LedgerEntry entry : store.ledger()) {
            balances.put(entry.customerId(), entry.balanceAfterMinor());
        }
        Map<String, List<DebtOwed>> debts = debtsOwed(store);
        List<RestoreChunk.Account> accounts = new ArrayList<>();
        for (Meter meter : store.meters()) {
            Customer customer = customers.get(meter.customerId());
            Long balance = balances.get(meter.customerId());
            if (customer == null || balance == null) {
                throw incomplete("no customer or ledger entry for meter " + meter.meterId());
            }
            accounts.add(new RestoreChunk.Account(customer, meter, balance, debts.get(customer.customerId())));
        }
        return accounts;
    }

    /**
     * Each receipt book of the replica's cash book, in code order: the highest receipt number it holds and the cash
     * taken under it, voided receipts included, as the gateway counted it against the credential's limit.
     */
    static List<BeginRestore.ReceiptBook> receiptBooks(List<CashBookLine> cashBook) {
        return receiptBooks(cashBook, Map.of());
    }

    /** As above, each book's number raised to the one {@code lastIssued} names for its code, if higher. */
    static List<BeginRestore.ReceiptBook> receiptBooks(List<CashBookLine> cashBook, Map<String, Long> lastIssued) {
        Map<String, long[]> books = new TreeMap<>();
        lastIssued.forEach((code, number) -> books.put(code, new long[] {number, 0}));
        for (CashBookLine line : cashBook) {
            if (line.kind() != CashBookLine.Kind.RECEIPT) {
                continue;
            }
            long[] book = books.computeIfAbsent(CashBook.codeOf(line.receipt()), code -> new long[2]);
            book[0] = Math.max(book[0], CashBook.numberOf(line.receipt()));
            book[1] += line.amountMinor();
        }
        List<BeginRestore.ReceiptBook> receiptBooks = new ArrayList<>();
        books.forEach((code, book) -> receiptBooks.add(new BeginRestore.ReceiptBook(code, book[0], book[1])));
        return receiptBooks;
    }

    /**
     * The book code and running number of each receipt number given ({@code AA11BB-0007}), the highest of each
     * book kept.
     *
     * @throws IllegalArgumentException naming a receipt number not of that form
     */
    public static Map<String, Long> lastReceipts(List<String> receipts) {
        Map<String, Long> last = new TreeMap<>();
        for (String receipt : receipts) {
            int dash = receipt.lastIndexOf('-');
            long number;
            try {
                number = dash < 1 ? 0 : Long.parseLong(receipt.substring(dash + 1));
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1) {
                throw new IllegalArgumentException("A receipt number is a book code, a dash and a running number "
                        + "from 1, such as AA11BB-0007, not '" + receipt + "'.");
            }
            last.merge(receipt.substring(0, dash), number, Math::max);
        }
        return last;
    }

    /** Each indebted customer's debts with what each owes after the replica's ledger, as the terms list them. */
    private static Map<String, List<DebtOwed>> debtsOwed(SiteStore store) {
        Map<String, List<DebtOwed>> debts = new HashMap<>();
        Optional<CreditTerms> terms = store.billingConfig().map(BillingConfigDocument::decode)
                .map(BillingConfig::terms);
        if (terms.isEmpty()) {
            return debts;
        }
        Map<String, Long> owed = Takeover.debtsOwed(terms.get(), Map.of(), store.ledger());
        for (Debt debt : terms.get().debts()) {
            debts.computeIfAbsent(debt.customerId(), id -> new ArrayList<>()).add(new DebtOwed(debt.debtId(),
                    debt.kind(), debt.principalMinor(), owed.get(debt.debtId())));
        }
        return debts;
    }

    private static ReplacementRefusedException incomplete(String what) {
        return new ReplacementRefusedException("REPLACE_REPLICA_INCOMPLETE", "The site database holds " + what
                + ", so it is no replica to restore a gateway from; pull the site before its gateway fails.");
    }

    /** The sequence of the replica's last ledger entry. */
    public long tipSeq() {
        return tip.seq();
    }

    /** The balance the replica holds for a customer. */
    public long balance(String customerId) {
        return accounts.stream().filter(a -> a.customer().customerId().equals(customerId))
                .mapToLong(RestoreChunk.Account::balanceMinor).findFirst().orElse(0);
    }

    /**
     * Restores the gateway of {@code client}'s session from this replica, or finds it restored already: begins,
     * sends the configuration's parts, the ledger's parts (to a gateway that lists {@code restore-ledger}) and the
     * chunks the gateway lacks, and finishes. Run again after a dropped link, it sends only what is missing.
     */
    public RestoreState sendTo(GatewayClient client, Progress progress) throws LinkException {
        List<List<RestoreChunk.Account>> chunks = chunks();
        List<RestoreLedgerPart> ledgerParts = ledgerParts(client);
        BeginRestore begin = begin(chunks.size());
        begin = ledgerParts.isEmpty() ? begin : begin.withLedgerParts(ledgerParts.size());
        List<RestoreConfigPart> parts = configParts(begin);
        RestoreState state = client.replacement().begin(begin);
        int total = chunks.size() + parts.size() + ledgerParts.size();
        int sent = total - state.missingChunks().size() - state.configPartsMissing().size()
                - state.ledgerPartsMissing().size();
        for (int index : state.configPartsMissing()) {
            state = client.replacement().configPart(parts.get(index));
            progress.update(Sentence.of("progress.restore"), ++sent, total);
        }
        for (int index : List.copyOf(state.ledgerPartsMissing())) {
            state = client.replacement().ledgerPart(ledgerParts.get(index));
            progress.update(Sentence.of("progress.restore"), ++sent, total);
        }
        for (int index : state.missingChunks()) {
            state = client.replacement().chunk(new RestoreChunk(restoreId, index, chunks.get(index)));
            progress.update(Sentence.of("progress.restore"), ++sent, total);
        }
        return state.applied() ? state : client.replacement().finish(new FinishRestore(restoreId));
    }

    /**
     * The restore's first request, with the billing configuration compressed: in the begin itself when the whole
     * begin fits one frame, as schema 2 sent it, and otherwise in as many {@link RestoreConfigPart}s as it takes,
     * which the begin counts and names by the document's digest (protocol section 6.39).
     */
    BeginRestore begin(int chunkCount) {
        List<BeginRestore.ReceiptBook> books = receiptBooks.isEmpty() ? null : receiptBooks;
        BeginRestore inline = new BeginRestore(restoreId, site, tariff, tip, tipHash, chunkCount,
                billingConfig == null ? null : MeshDayBatch.chunksOf(billingConfig), books);
        if (billingConfig == null || MessageCodec.encode(inline).length <= Frame.MAX_PAYLOAD) {
            return inline;
        }
        int parts = RestoreConfigPart.partsOf(restoreId, inline.billingConfig()).size();
        return new BeginRestore(restoreId, site, tariff, tip, tipHash, chunkCount, null, books, parts,
                BillingConfigBatch.digestOf(billingConfig));
    }

    /**
     * The parts that carry the replica's ledger to {@code client}'s gateway: none when it does not list
     * {@code restore-ledger}, which then holds the ledger from the tip on, as before.
     */
    private List<RestoreLedgerPart> ledgerParts(GatewayClient client) {
        if (ledger.isEmpty() || !client.replacement().takesLedger()) {
            return List.of();
        }
        // KNOWN SHORTCOMING: every reading the replica holds goes with the ledger, one part per 64; a site of
        // thousands of meters with a month pulled sends millions, more than a serial cable carries in a visit. They
        // should move by digest, as a history pull does, and only the days the audit re-runs.
        return RestoreLedgerPart.partsOf(restoreId, ledger, readings);
    }

    /** The parts that carry the configuration of {@code begin}, when it carries it in parts; none otherwise. */
    List<RestoreConfigPart> configParts(BeginRestore begin) {
        return begin.configInParts()
                ? RestoreConfigPart.partsOf(restoreId, MeshDayBatch.chunksOf(billingConfig)) : List.of();
    }

    /** The configuration document, or null for none. */
    @Override
    public byte[] billingConfig() {
        return billingConfig == null ? null : billingConfig.clone();
    }

    private List<List<RestoreChunk.Account>> chunks() {
        List<List<RestoreChunk.Account>> chunks = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += CHUNK_ACCOUNTS) {
            chunks.add(accounts.subList(from, Math.min(accounts.size(), from + CHUNK_ACCOUNTS)));
        }
        return chunks;
    }
}
