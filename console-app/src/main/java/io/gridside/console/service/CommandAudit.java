package io.gridside.console.service;

import io.gridside.billing.LedgerStore;
import io.gridside.billing.rerate.Adjustment;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.ReplacementRecords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a gateway's command log on the console's own terms, and traces the ledger's entries that a technician
 * causes to the signed commands that asked for them. A command counts only when its credential's bytes are a
 * credential, it names that credential and this site, and its signature is the key's that the credential names;
 * what the gateway says of it counts for nothing more. Whether the operator signed the credential is the
 * gateway's check at sign-in, which the console cannot repeat without the operator keys the gateway trusts.
 *
 * <p>An entry needs a command when it is cash the gateway's cash book lists, a void, a correction (other than a gap's
 * estimate replaced by its meter's quarter hours, which the gateway posts of itself; a late tariff version's are
 * traced by the TariffPushed answer that lists them), or an opening balance after the site's first; and a TOP_UP
 * of a payment the gateway says it credited as imported from a file (it keeps the payment's channel, which the
 * ledger does not record), so an imported payment without a command is caught as cash is. Adjustments that
 * reads sent from the console made are traced by the sequences their answer lists.
 *
 * <p>KNOWN SHORTCOMING: the channel is the gateway's word; a gateway that posted an import and then forgot its
 * channel would pass it off as mobile money.
 */
public final class CommandAudit {

    /** A command that checks out, with what it asked for and what the gateway answered. */
    public record Verified(CommandsBatch.Entry entry, TechnicianCommand command, SignedCredential credential,
            Message request, Message answer) {
    }

    /** A log entry that does not check out, and why. */
    public record Broken(long seq, String reason) {
    }

    /**
     * What the audit found.
     *
     * @param unsigned the ledger entries that need a signed command and have none that checks out
     * @param slips the cash a gateway replacement's reconciliation credited from receipt slips the technician typed
     *     in, which no signed command vouches for: the dead gateway took it after its log was last read, and its log
     *     died with it. Not unsigned cash, which a gateway took from a technician who signed nothing; the slip is the
     *     record, and its entry is to be checked against the paper.
     * @param notChecked the replaced gateway's entries that a signed command may stand behind (its payments, voids,
     *     corrections and later openings) when this laptop holds no command log of that gateway: it never pulled
     *     the gateway before it died, and the log died with it. Neither traced nor unsigned; the laptop that
     *     replaced the gateway, or a copy of its site database, checks them.
     */
    public record Result(List<Verified> verified, List<Broken> broken, List<LedgerEntry> unsigned,
            List<LedgerEntry> slips, List<LedgerEntry> notChecked) {

        public Result(List<Verified> verified, List<Broken> broken, List<LedgerEntry> unsigned) {
            this(verified, broken, unsigned, List.of(), List.of());
        }

        public boolean clean() {
            return broken.isEmpty() && unsigned.isEmpty();
        }
    }

    private CommandAudit() {
    }

    /** Checks every entry of {@code log} for site {@code siteId}, one by one. */
    public static Result verify(List<CommandsBatch.Entry> log, String siteId) {
        List<Verified> verified = new ArrayList<>();
        List<Broken> broken = new ArrayList<>();
        for (CommandsBatch.Entry entry : log) {
            try {
                verified.add(verifyOne(entry, siteId));
            } catch (RuntimeException e) {
                broken.add(new Broken(entry.seq(), e.getMessage()));
            }
        }
        return new Result(verified, broken, List.of());
    }

    /** {@link #verify}, and the entries of {@code ledger} that need a command and have none. */
    public static Result audit(List<CommandsBatch.Entry> log, String siteId, List<LedgerEntry> ledger,
            List<CashBookLine> cashBook) {
        return audit(log, siteId, ledger, cashBook, List.of());
    }

    /**
     * {@link #verify}, and the entries of {@code ledger} that need a command and have none.
     *
     * @param imported the references of the payments the gateway credited as imported from a file
     */
    public static Result audit(List<CommandsBatch.Entry> log, String siteId, List<LedgerEntry> ledger,
            List<CashBookLine> cashBook, List<String> imported) {
        return audit(log, List.of(), siteId, ledger, cashBook, imported);
    }

    /**
     * {@link #verify}, and the entries of {@code ledger} that need a command and have none. On a site whose gateway
     * was replaced, the dead gateway's part of the ledger (up to the replacement's {@code afterSeq}) traces to the
     * commands of {@code kept} alone and the new gateway's part to {@code log} alone (decision 0090); each kept
     * command counts only when it checks out as a live one does, and one that does not is listed as broken.
     *
     * @param kept the commands of the site's earlier gateways that the site database kept when it read their logs
     * @param imported the references of the payments the gateway credited as imported from a file
     */
    public static Result audit(List<CommandsBatch.Entry> log, List<CommandsBatch.Entry> kept, String siteId,
            List<LedgerEntry> ledger, List<CashBookLine> cashBook, List<String> imported) {
        return audit(log, kept, siteId, ledger, cashBook, imported, List.of());
    }

    /**
     * {@link #audit(List, List, String, List, List, List)}, the replacement found by the record this console kept of
     * it as well as by its {@code gap:} lines, so a reconciliation that charged no gap is told apart as one that did.
     *
     * @param records the replacements this console ran on the site (decision 0094)
     */
    public static Result audit(List<CommandsBatch.Entry> log, List<CommandsBatch.Entry> kept, String siteId,
            List<LedgerEntry> ledger, List<CashBookLine> cashBook, List<String> imported,
            List<ReplacementRecords.Replacement> records) {
        Result checked = verify(log, siteId);
        Optional<BillingAudit.Replacement> replaced = BillingAudit.replacement(ledger, records);
        Result before = verify(kept, siteId);
        List<Verified> verified = new ArrayList<>(checked.verified());
        verified.addAll(before.verified());
        List<Broken> broken = new ArrayList<>(checked.broken());
        before.broken().forEach(b -> broken.add(new Broken(b.seq(), "kept from the replaced gateway's log: "
                + b.reason())));
        List<LedgerEntry> slips = new ArrayList<>();
        List<LedgerEntry> unsigned = unsigned(checked.verified(), before.verified(), replaced, ledger, cashBook,
                imported, slips);
        List<LedgerEntry> notChecked = new ArrayList<>();
        if (replaced.isPresent() && kept.isEmpty() && records.isEmpty()) {
            // No kept command and no record of the replacement: this laptop never pulled the dead gateway, so the
            // dead gateway's part was taken as covered for want of its cash book and log, not checked.
            notChecked.addAll(needingACommand(ledger, replaced.get().afterSeq()));
            unsigned.removeAll(notChecked);
        }
        return new Result(verified, broken, unsigned, slips, notChecked);
    }

    /**
     * The dead gateway's entries, up to {@code afterSeq}, that a signed command may stand behind: every payment and
     * void (without its cash book a laptop cannot tell cash from mobile money), every correction the gateway did not
     * post of itself, and every opening after the site's own, which go-live posted and no command asks for.
     * KNOWN SHORTCOMING: a laptop that pulled the dead gateway when its log was empty keeps no command and no record
     * either, and lists these as not checked though it could vouch for them. A replacement whose reconciliation
     * charged no gap leaves no {@code gap:} line, so such a laptop, holding no record, finds no replacement at all:
     * it traces the whole ledger to the new gateway's log and lists nothing here.
     */
    private static List<LedgerEntry> needingACommand(List<LedgerEntry> ledger, long afterSeq) {
        java.time.Instant siteOpened = ledger.stream().filter(e -> e.kind() == EntryKind.OPENING)
                .map(LedgerEntry::at).min(java.util.Comparator.naturalOrder()).orElse(null);
        return ledger.stream().filter(e -> e.seq() <= afterSeq).filter(e -> switch (e.kind()) {
            case TOP_UP -> true;
            case ADJUSTMENT -> !Traced.gatewaysOwn(e.reference()) && !carriedForward(e);
            case OPENING -> e.at().isAfter(siteOpened);
            default -> false;
        }).toList();
    }

    private static Verified verifyOne(CommandsBatch.Entry entry, String siteId) {
        SignedCredential credential = SignedCredential.of(entry.credential(), entry.credentialSignature());
        TechnicianCommand command = TechnicianCommand.decode(entry.command().toByteArray());
        if (!TechnicianCommand.signedBy(credential.credential(), entry.command(), entry.signature())) {
            throw new IllegalArgumentException("its signature is not by the key its credential names");
        }
        if (!command.credential().equals(TechnicianCommand.credentialDigest(credential.signed()))) {
            throw new IllegalArgumentException("it names another credential than the one logged with it");
        }
        if (!command.siteId().equals(siteId)) {
            throw new IllegalArgumentException("it is for site " + command.siteId() + ", not " + siteId);
        }
        return new Verified(entry, command, credential, command.decodedRequest(), entry.decodedAnswer());
    }

    /** The entries that need a signed command and have none; the slips the reconciliation credited go to slips. */
    private static List<LedgerEntry> unsigned(List<Verified> commands, List<Verified> keptCommands,
            Optional<BillingAudit.Replacement> replaced, List<LedgerEntry> ledger, List<CashBookLine> cashBook,
            List<String> imported, List<LedgerEntry> slips) {
        Traced traced = Traced.of(commands);
        Traced dead = Traced.of(keptCommands);
        // Cash and imported payments are a technician's doing; mobile money is no one's on site.
        Set<String> cash = new HashSet<>(imported);
        cashBook.stream().filter(line -> line.kind() == CashBookLine.Kind.RECEIPT)
                .forEach(line -> cash.add(line.reference()));
        java.time.Instant siteOpened = ledger.stream().filter(e -> e.kind() == EntryKind.OPENING)
                .map(LedgerEntry::at).min(java.util.Comparator.naturalOrder()).orElse(null);
        // A gap filled by its meter may move a block's position on later days too: those lines go as carried-forward
        // adjustments of the same customer at the same instant as the gap's estimate-replaced ones.
        Set<String> fills = new HashSet<>();
        ledger.stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT && Traced.gatewaysOwn(e.reference()))
                .forEach(e -> fills.add(e.customerId() + "@" + e.at()));
        // A replacement's reconciliation posted its lines on a supervisor's word, and the audit takes them as posted
        // (BillingAudit#takenAsPosted): cash among them, entered from its slip, was the dead gateway's, whose
        // command log died with it, and is listed as a slip. What the dead gateway posted before that, and its cash
        // that the reconciliation posted again, trace to the commands the site database kept from its log (decision
        // 0090); cash it took after the log was last read has none: no laptop read the command that vouches for it.
        List<LedgerEntry> unsigned = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            boolean reconciled = replaced.isPresent() && entry.seq() > replaced.get().afterSeq()
                    && entry.seq() <= replaced.get().afterSeq() + replaced.get().entries();
            boolean deadGateways = replaced.isPresent() && entry.seq() <= replaced.get().afterSeq();
            boolean covered = deadGateways ? dead.covers(entry, cash, siteOpened)
                    : traced.covers(entry, cash, siteOpened) || dead.tookCash(entry);
            if (reconciled && !covered && Traced.isCash(entry, cash)) {
                slips.add(entry);
            } else if (!reconciled && !covered
                    && !(carriedForward(entry) && fills.contains(entry.customerId() + "@" + entry.at()))) {
                unsigned.add(entry);
            }
        }
        return unsigned;
    }

    private static boolean carriedForward(LedgerEntry entry) {
        return entry.kind() == EntryKind.ADJUSTMENT
                && entry.reference().contains(" " + Adjustment.Reason.CARRIED_FORWARD.token() + " ");
    }

    /** What the verified commands account for, by what ties them to ledger entries. */
    private record Traced(Set<String> topUps, Set<String> voids, Set<Long> adjustments, Set<String> movedIn) {

        static Traced of(List<Verified> commands) {
            Traced traced = new Traced(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Verified verified : commands) {
                if (!(verified.answer() instanceof ErrorReply)) {
                    traced.add(verified.request(), verified.answer());
                }
            }
            return traced;
        }

        private void add(Message request, Message answer) {
            if (request instanceof CashTopUp topUp) {
                topUps.add(topUp.reference());
            } else if (request instanceof PostPayments post) {
                post.payments().forEach(payment -> topUps.add(payment.reference()));
            } else if (request instanceof PostReadings && answer instanceof ReadingsTaken taken) {
                adjustments.addAll(taken.postedSeqs());
            } else if (request instanceof CashVoid && answer instanceof CashVoided voided) {
                voids.add(voided.reference());
            } else if (answer instanceof LedgerBatch batch) {
                batch.entries().forEach(entry -> adjustments.add(entry.seq()));
            } else if (answer instanceof TariffPushed pushed) {
                pushed.posted().forEach(entry -> adjustments.add(entry.seq()));
            } else if (answer instanceof MovedIn movedIn) {
                this.movedIn.add(movedIn.customerId());
            }
        }

        /**
         * Whether an adjustment is one the gateway posts of itself, with no one asking: a gap's estimate replaced by
         * the quarter hours its meter sent (decision 0029). No command stands behind it; the audit's re-run checks
         * its amount as it checks every charge.
         */
        private static boolean gatewaysOwn(String reference) {
            return reference.contains(" " + Adjustment.Reason.ESTIMATE_REPLACED.token() + " ");
        }

        /** The payment's own reference, which a TOP_UP entry's carries after its prefix. */
        private static String payment(String reference) {
            return reference.startsWith(LedgerStore.PAYMENT_PREFIX)
                    ? reference.substring(LedgerStore.PAYMENT_PREFIX.length()) : reference;
        }

        /**
         * Whether {@code entry} is a top-up of cash these commands took: on the new gateway, the dead gateway's cash
         * that the replica had not pulled yet, which the replacement's reconciliation posted again.
         */
        boolean tookCash(LedgerEntry entry) {
            return entry.kind() == EntryKind.TOP_UP && !entry.reference().startsWith(LedgerStore.VOID_PREFIX)
                    && topUps.contains(payment(entry.reference()));
        }

        /** Whether {@code entry} credits cash taken on a receipt or a payment imported from a file. */
        static boolean isCash(LedgerEntry entry, Set<String> cash) {
            return entry.kind() == EntryKind.TOP_UP && !entry.reference().startsWith(LedgerStore.VOID_PREFIX)
                    && cash.contains(payment(entry.reference()));
        }

        boolean covers(LedgerEntry entry, Set<String> cash, java.time.Instant siteOpened) {
            String reference = entry.reference();
            return switch (entry.kind()) {
                case TOP_UP -> reference.startsWith(LedgerStore.VOID_PREFIX)
                        ? voids.contains(reference.substring(LedgerStore.VOID_PREFIX.length()))
                        : !cash.contains(payment(reference)) || topUps.contains(payment(reference));
                case ADJUSTMENT -> adjustments.contains(entry.seq()) || gatewaysOwn(reference);
                case OPENING -> !entry.at().isAfter(siteOpened) || movedIn.contains(entry.customerId());
                default -> true;
            };
        }
    }
}
