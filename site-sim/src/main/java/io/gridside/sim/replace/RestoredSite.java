package io.gridside.sim.replace;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.Takeover;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.link.server.CashBook;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a replacement gateway took over from a restore: the site, its accounts and their balances, the billing
 * configuration the dead gateway billed with (decision 0075), and its own ledger, whose first entry follows the
 * replica's tip in the same hash chain (decision 0067). Not thread-safe: its gateway locks around it.
 */
final class RestoredSite {

    private static final String GAP_PREFIX = "gap:";
    private static final String PAYMENT_PREFIX = "payment:";

    private final BeginRestore begin;
    private final Map<String, RestoreChunk.Account> accounts = new LinkedHashMap<>();
    private final Map<String, Long> balances = new LinkedHashMap<>();
    private final ContinuedLedger ledger;
    /** The references its reconciliations posted, in the order they were posted. */
    private final Set<String> references = new LinkedHashSet<>();
    private final byte[] billingDocument;
    private final BillingConfig billingConfig;
    /** The dead gateway's receipts after the replica's last pull, which the reconciliation carried. */
    private final List<CashBookLine> lateReceipts = new ArrayList<>();
    /** What each debt owed after the replica's ledger, as the restore carried it. */
    private final Map<String, Long> debtsOwed = new LinkedHashMap<>();
    /** The readings the dead gateway billed, which the restore carried; none from a restore that carried none. */
    private final List<Reading> replicaReadings;

    /**
     * @param carried the configuration document the restore carried, in its begin or in its parts (section 6.39),
     *     or null for none
     * @param replicaLedger the replica's ledger as the restore carried it, checked: its tip alone, or every entry
     *     from 1 (section 6.41)
     * @param replicaReadings the readings the dead gateway billed, as the restore carried them (section 6.41)
     */
    RestoredSite(BeginRestore begin, byte[] carried, List<RestoreChunk.Account> all, List<LedgerLink> replicaLedger,
            List<Reading> replicaReadings) throws RestoreRefusedException {
        this.begin = begin;
        this.billingDocument = carried != null ? carried.clone() : plainDocument(begin);
        this.billingConfig = billingConfigOf(begin, billingDocument);
        Set<String> meters = new HashSet<>();
        for (RestoreChunk.Account account : all) {
            String customerId = account.customer().customerId();
            if (accounts.put(customerId, account) != null || !meters.add(account.meter().meterId())) {
                throw new RestoreRefusedException("REPLACE_INVALID", "The restore names customer " + customerId
                        + " or meter " + account.meter().meterId() + " twice; nothing was restored.");
            }
            balances.put(customerId, account.balanceMinor());
            takeDebts(account);
        }
        this.ledger = new ContinuedLedger(replicaLedger);
        this.replicaReadings = List.copyOf(replicaReadings);
    }

    /** Keeps what the account's debts owe, each of which must be one of the customer's under the site's terms. */
    private void takeDebts(RestoreChunk.Account account) throws RestoreRefusedException {
        if (account.debts() == null) {
            return;
        }
        String customerId = account.customer().customerId();
        for (DebtOwed debt : account.debts()) {
            boolean known = billingConfig.terms().debts().stream()
                    .anyMatch(d -> d.debtId().equals(debt.debtId()) && d.customerId().equals(customerId));
            if (!known || debt.remainingMinor() < 0 || debt.remainingMinor() > debt.principalMinor()) {
                throw new RestoreRefusedException("REPLACE_INVALID", "The restore says customer " + customerId
                        + " owes " + debt.remainingMinor() + " on debt " + debt.debtId() + ", which the site's "
                        + "terms do not give them at that amount; nothing was restored.");
            }
            debtsOwed.put(debt.debtId(), debt.remainingMinor());
        }
    }

    /**
     * What each of the terms' debts owes after the reconciliation: what the restore carried, less the recoveries
     * its lines posted ({@link Takeover#debtsOwed}).
     */
    Map<String, Long> debtsOwedNow() {
        return Takeover.debtsOwed(billingConfig.terms(), debtsOwed, ledger.after(begin.tip().seq()));
    }

    BeginRestore begin() {
        return begin;
    }

    /**
     * What the site bills with: the configuration the restore carried, or, from a console that sent none, the
     * site's flat tariff under plain credit terms.
     */
    BillingConfig billingConfig() {
        return billingConfig;
    }

    /** {@link #billingConfig} as its document, which a GetBillingConfig is answered with. */
    byte[] billingConfigDocument() {
        return billingDocument.clone();
    }

    /** The document of the site's flat tariff under plain terms, what a restore that carried none bills with. */
    private static byte[] plainDocument(BeginRestore begin) {
        return BillingConfigDocument.encode(new BillingConfig(TariffSchedule.flat(begin.tariff()), CreditTerms.PLAIN));
    }

    private static BillingConfig billingConfigOf(BeginRestore begin, byte[] document)
            throws RestoreRefusedException {
        BillingConfig config;
        try {
            config = BillingConfigDocument.decode(document);
        } catch (IllegalArgumentException e) {
            throw invalidConfig(e.getMessage());
        }
        if (!config.schedule().currency().equals(begin.site().currency())) {
            throw invalidConfig("it bills in " + config.schedule().currency() + ", the site in "
                    + begin.site().currency());
        }
        return config;
    }

    static RestoreRefusedException invalidConfig(String why) {
        return new RestoreRefusedException("REPLACE_CONFIG_INVALID", "The restore's billing configuration cannot "
                + "be billed with (" + why + "); nothing was restored. Pull the site's configuration again and "
                + "restore from that replica.");
    }

    List<RestoreChunk.Account> accounts() {
        return List.copyOf(accounts.values());
    }

    long balance(String customerId) {
        return balances.get(customerId);
    }

    /** Every customer's balance as restored and reconciled, before the gateway's own billing began. */
    Map<String, Long> balances() {
        return Map.copyOf(balances);
    }

    long tipSeq() {
        return ledger.lastSeq();
    }

    ByteString tipHash() {
        return ledger.tipHash();
    }

    /** The ledger the new gateway's billing continues. */
    ContinuedLedger ledger() {
        return ledger;
    }

    /** The readings the dead gateway billed in [from, to), of one meter or all, as the restore carried them. */
    List<Reading> replicaReadings(Instant from, Instant to, String meterId) {
        return replicaReadings.stream()
                .filter(r -> !r.intervalStart().isBefore(from) && r.intervalStart().isBefore(to))
                .filter(r -> meterId == null || r.meterId().equals(meterId))
                .toList();
    }

    /** Whether {@code post} holds a line whose reference this site has not posted yet. */
    boolean postsAnythingNew(PostReconciliation post) {
        return post.lines().stream().anyMatch(line -> !references.contains(line.reference()));
    }

    /**
     * The entries after {@code afterSeq} with their links: the replica's ledger as the restore carried it (from entry
     * 1, or its tip alone), then those this gateway posted.
     */
    List<LedgerLink> linksAfter(long afterSeq) {
        return ledger.linksAfter(afterSeq);
    }

    /**
     * The cash receipts the dead gateway issued after the replica's last pull, as the first reconciliation that
     * posted anything carried them: the new gateway's cash book holds them.
     */
    List<CashBookLine> lateReceipts() {
        return List.copyOf(lateReceipts);
    }

    /**
     * Checks every line, then posts those whose reference is new, in order; all or none. The receipts it carries are
     * kept when it posts its first line, so a reconciliation sent again changes nothing. One that posts nothing new
     * answers with every reference posted before, not only its own lines': a run again reads the registers later,
     * and its lines need not be the first run's, but it reports what the gateway holds.
     */
    ReconciliationPosted post(PostReconciliation post, Instant at) throws RestoreRefusedException {
        check(post);
        if (references.isEmpty()) {
            lateReceipts.addAll(post.receiptsCarried());
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<ByteString> hashes = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (PostReconciliation.Line line : post.lines()) {
            if (!references.add(line.reference())) {
                already.add(line.reference());
                continue;
            }
            LedgerEntry entry = append(line, at);
            entries.add(entry);
            hashes.add(ledger.tipHash());
        }
        return new ReconciliationPosted(entries, hashes, entries.isEmpty() ? List.copyOf(references) : already);
    }

    private LedgerEntry append(PostReconciliation.Line line, Instant at) {
        long balance = Math.addExact(balances.get(line.customerId()), line.amountMinor());
        balances.put(line.customerId(), balance);
        LedgerEntry entry = new LedgerEntry(ledger.lastSeq() + 1, at, line.customerId(), line.kind(),
                line.amountMinor(), balance, line.reference());
        ledger.append(entry);
        return entry;
    }

    /**
     * Checks every line of {@code post} (see {@link #check(PostReconciliation.Line)}) and every receipt it carries:
     * each the receipt of one of its payment lines, of the same customer and amount, in the site's currency, with
     * a number and a reference no other receipt holds; and every account's period it carries (see
     * {@link #check(PostReconciliation.AccountPeriod)}), at most one per customer.
     */
    void check(PostReconciliation post) throws RestoreRefusedException {
        for (PostReconciliation.Line line : post.lines()) {
            check(line);
        }
        Set<String> withPeriods = new HashSet<>();
        for (PostReconciliation.AccountPeriod period : post.periodsCarried()) {
            check(period);
            if (!withPeriods.add(period.customerId())) {
                throw new RestoreRefusedException("REPLACE_INVALID", "The reconciliation carries customer "
                        + period.customerId() + "'s period twice; nothing of the reconciliation was posted.");
            }
        }
        Set<String> numbers = new HashSet<>();
        Set<String> paid = new HashSet<>();
        for (CashBookLine receipt : post.receiptsCarried()) {
            boolean credited = post.lines().stream().anyMatch(line -> line.kind() == EntryKind.TOP_UP
                    && line.reference().equals(PAYMENT_PREFIX + receipt.reference())
                    && line.customerId().equals(receipt.customerId()) && line.amountMinor() == receipt.amountMinor());
            if (!credited || receipt.kind() != CashBookLine.Kind.RECEIPT
                    || !receipt.currency().equals(begin.site().currency()) || !wellNumbered(receipt.receipt())
                    || !numbers.add(receipt.receipt()) || !paid.add(receipt.reference())) {
                throw new RestoreRefusedException("REPLACE_RECEIPT_INVALID", "Receipt " + receipt.receipt() + " of "
                        + receipt.reference() + " is not the receipt of a payment line of customer "
                        + receipt.customerId() + " for the same amount in " + begin.site().currency()
                        + ", or its number or reference is another receipt's; nothing of the reconciliation was "
                        + "posted.");
            }
        }
    }

    private static boolean wellNumbered(String receipt) {
        try {
            return CashBook.numberOf(receipt) >= 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A period is of a restored customer, with no amount or energy below zero, no more in grace than past zero, and
     * each line's remainder below one minor unit.
     */
    private void check(PostReconciliation.AccountPeriod period) throws RestoreRefusedException {
        if (!accounts.containsKey(period.customerId())) {
            throw new RestoreRefusedException("REPLACE_UNKNOWN_CUSTOMER", "This gateway has no customer "
                    + period.customerId() + "; nothing of the reconciliation was posted.");
        }
        boolean counted = period.blockPeriodWh() >= 0 && period.monthEnergyUnits() >= 0
                && period.emergencyDebtMinor() >= 0 && period.energyPastZeroWh() >= 0
                && period.energyInGraceWh() >= 0 && period.energyInGraceWh() <= period.energyPastZeroWh()
                && period.remaindersCarried().stream().allMatch(r -> r.line() != null && r.unitsPerMinor() > 0
                        && r.units() >= 0 && r.units() < r.unitsPerMinor());
        if (!counted || period.firstFullMonth() == null || period.credit() == null || period.relay() == null) {
            throw new RestoreRefusedException("REPLACE_INVALID", "The period of customer " + period.customerId()
                    + " counts energy or credit below zero, more in grace than past zero, a line's remainder outside "
                    + "one minor unit, or lacks its first whole month, credit state or relay; nothing of the "
                    + "reconciliation was posted.");
        }
    }

    /** A payment credits under {@code payment:}; anything else is a charge of the gap, under {@code gap:}. */
    private void check(PostReconciliation.Line line) throws RestoreRefusedException {
        if (!accounts.containsKey(line.customerId())) {
            throw new RestoreRefusedException("REPLACE_UNKNOWN_CUSTOMER", "This gateway has no customer "
                    + line.customerId() + "; nothing of the reconciliation was posted.");
        }
        boolean payment = line.kind() == EntryKind.TOP_UP && line.amountMinor() > 0
                && line.reference().startsWith(PAYMENT_PREFIX);
        boolean charge = line.kind() != EntryKind.TOP_UP && line.kind() != EntryKind.OPENING
                && line.amountMinor() <= 0 && line.reference().startsWith(GAP_PREFIX);
        if (!payment && !charge) {
            throw new RestoreRefusedException("REPLACE_INVALID", "The line " + line.reference() + " of customer "
                    + line.customerId() + " is neither a payment credited under 'payment:' nor a charge of the gap "
                    + "under 'gap:'; nothing of the reconciliation was posted.");
        }
    }
}
