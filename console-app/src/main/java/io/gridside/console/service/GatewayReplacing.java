package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.Role;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreState;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.ReplacementRecords;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a site's dead gateway with a factory-fresh one, in a supervisor's session that re-pinned the site to
 * the new gateway's key: restores it from the store's verified replica, reads the meters' registers through it,
 * reconciles the gap and the payments made since (see {@link GapReconciliation}) and posts the result to its
 * ledger; the site database then follows the new gateway. Every step may be run again after an interruption;
 * nothing is restored or posted twice.
 */
public final class GatewayReplacing {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayReplacing.class);
    private static final String PAYMENT_PREFIX = "payment:";
    /** The code of a run on a gateway restored already, as the gateway itself refuses a second restore. */
    public static final String ALREADY_RESTORED = "REPLACE_ALREADY_RESTORED";

    /**
     * What a replacement did.
     *
     * @param previousGatewayId the gateway the site database followed before: the dead one's id, or the new one's
     *     when the replacement ran before
     * @param pinnedBy the supervisor whose session pinned the new gateway's key for the site
     * @param replicaTipSeq the replica's last ledger entry, which the new gateway's ledger follows
     * @param restore where the restore stands on the new gateway
     * @param posted what the new gateway posted now, and the references it had posted before
     * @param periodsIgnored the reconciliation carried the accounts' periods to a gateway that does not say it takes
     *     them (section 6.40): it opens every account afresh, and the technician is told so
     */
    public record Result(String previousGatewayId, String gatewayId, String keyFingerprint, String pinnedBy,
            long replicaTipSeq, RestoreState restore, Reconciled reconciled, ReconciliationPosted posted,
            boolean periodsIgnored) {
    }

    private GatewayReplacing() {
    }

    /**
     * Runs the replacement over {@code client}'s session.
     *
     * @throws ReplacementRefusedException when the session is not a supervisor's, or the store holds no replica the
     *     gateway can be restored from (its code says which)
     * @throws SiteMismatchException when the store is of another site than the gateway's
     * @throws LinkException when the link fails or the gateway refuses a step; run again to resume
     */
    public static Result run(GatewayClient client, SiteStore store, Progress progress) throws LinkException {
        return run(client, store, progress, Map.of());
    }

    /**
     * As {@link #run(GatewayClient, SiteStore, Progress)}, the new gateway numbering each receipt book on after the
     * number {@code lastIssued} gives for it when that is higher than the replica's ({@link ReplicaRestore#of(
     * SiteStore, Map)}); it counts only in the restore, so only in the run that sends it.
     */
    public static Result run(GatewayClient client, SiteStore store, Progress progress, Map<String, Long> lastIssued)
            throws LinkException {
        return run(client, store, progress, lastIssued, CancelSignal.NEVER);
    }

    /**
     * As {@link #run(GatewayClient, SiteStore, Progress, Map)}, stopping when {@code cancel} says so before the
     * restore, between it and the registers, and before the post: a run stopped there posted nothing, and the next
     * run resumes the restore where it stood.
     *
     * @throws CancellationException when {@code cancel} asked to stop before the post
     */
    public static Result run(GatewayClient client, SiteStore store, Progress progress, Map<String, Long> lastIssued,
            CancelSignal cancel) throws LinkException {
        ReplicaRestore replica = checked(client, store, lastIssued);
        GapReconciliation gap = GapReconciliation.prepare(store, replica);
        RestoreState restored = restore(client, replica, progress, cancel);
        RegistersRead registers = read(client, progress, cancel);
        return post(client, store, replica, gap, restored, registers);
    }

    /**
     * The first half of a replacement whose registers the technician reviews before anything is posted: restores the
     * gateway (as {@link #run} does, stopping when {@code cancel} says so) and reads the meters' registers through
     * it. The gap each register bills, and which are stale or unread, are worked out here but posted only by {@link
     * #post(GatewayClient, SiteStore, RegistersReview, CancelSignal)}; a review left unposted leaves the gateway
     * restored and unposted, and a run or a review again reads the registers anew.
     *
     * @throws CancellationException when {@code cancel} asked to stop
     */
    public static RegistersReview readRegisters(GatewayClient client, SiteStore store, Progress progress,
            Map<String, Long> lastIssued, CancelSignal cancel) throws LinkException {
        ReplicaRestore replica = checked(client, store, lastIssued);
        GapReconciliation gap = GapReconciliation.prepare(store, replica);
        RestoreState restored = restore(client, replica, progress, cancel);
        RegistersRead registers = read(client, progress, cancel);
        Reconciled preview = gap.reconcile(registers, store.pendingPayments());
        return new RegistersReview(replica.restoreId(), restored, registers, preview);
    }

    /**
     * The second half: reconciles the registers {@code review} read, with the payments queued now, and posts it to
     * the gateway, in this session or a later one. The gateway bills on from the registers it read last, which are
     * these unless they were read again since.
     *
     * @throws ReplacementRefusedException with {@code REPLACE_REPLICA_CHANGED} when the site database's replica is
     *     no longer the one the gateway was restored from
     * @throws CancellationException when {@code cancel} asked to stop before the post
     */
    public static Result post(GatewayClient client, SiteStore store, RegistersReview review, CancelSignal cancel)
            throws LinkException {
        ReplicaRestore replica = checked(client, store, Map.of());
        if (!replica.restoreId().equals(review.restoreId())) {
            throw new ReplacementRefusedException("REPLACE_REPLICA_CHANGED", "The site database's replica changed "
                    + "since the registers were read (restore " + review.restoreId() + ", now " + replica.restoreId()
                    + "); read the registers again.");
        }
        GapReconciliation gap = GapReconciliation.prepare(store, replica);
        stopIfAsked(cancel);
        return post(client, store, replica, gap, review.restore(), review.registers());
    }

    /**
     * What the first half of a replacement read, for the technician to review before the post.
     *
     * @param restoreId the replica the gateway was restored from
     * @param preview the reconciliation of these registers with the payments queued when they were read: the gap
     *     each meter bills, and the stale and unread registers; what is posted is worked out again at the post
     */
    public record RegistersReview(String restoreId, RestoreState restore, RegistersRead registers,
            Reconciled preview) {
    }

    /** The checks before anything is sent to the gateway, and the replica it is restored from. */
    private static ReplicaRestore checked(GatewayClient client, SiteStore store, Map<String, Long> lastIssued) {
        requireSupervisor(client);
        RestorableGateway.require(client.hello());
        requireSameSite(store, client.hello().gatewayId(), client.hello().siteId());
        refuseIfRestoredAlready(client, store);
        ReplicaRestore.queueUnpostedReceipts(store, Instant.now());
        return ReplicaRestore.of(store, lastIssued);
    }

    private static RestoreState restore(GatewayClient client, ReplicaRestore replica, Progress progress,
            CancelSignal cancel) throws LinkException {
        stopIfAsked(cancel);
        RestoreState restored = replica.sendTo(client, progress);
        stopIfAsked(cancel);
        return restored;
    }

    private static RegistersRead read(GatewayClient client, Progress progress, CancelSignal cancel)
            throws LinkException {
        progress.update(Sentence.of("progress.registers"), 0, 1);
        RegistersRead registers = client.replacement().readRegisters();
        stopIfAsked(cancel);
        return registers;
    }

    private static Result post(GatewayClient client, SiteStore store, ReplicaRestore replica, GapReconciliation gap,
            RestoreState restored, RegistersRead registers) throws LinkException {
        Reconciled reconciled = gap.reconcile(registers, store.pendingPayments());
        ReconciliationPosted posted = client.replacement().post(new PostReconciliation(replica.restoreId(),
                reconciled.lines(), receiptsOf(reconciled, ReplicaRestore.lateReceipts(store)), reconciled.periods(),
                reconciled.billedTo()));
        store.recordPaymentAnswers(answers(reconciled.payments(), posted), Instant.now());

        String gatewayId = client.hello().gatewayId();
        String previous = store.gatewayId().orElse(null);
        keepRecord(store, replica, registers, reconciled, posted, gatewayId, previous);
        reconciled.staleRegisters().forEach(stale -> LOG.warn("The register of meter {} was read at {}, before its "
                + "last reading in the replica at {}; it billed no gap, and the meter is billed on from that "
                + "reading.", stale.meterId(), stale.at(), stale.replicaReadingEnd()));
        if (!reconciled.noStartKnown().isEmpty()) {
            LOG.warn("The replica holds no reading of {} meters read ({}) and no register their billing began from, "
                    + "so their gap was not billed: what they used from go-live to the register read is lost to "
                    + "billing.", reconciled.noStartKnown().size(), reconciled.noStartKnown());
        }
        boolean periodsIgnored = !reconciled.periods().isEmpty()
                && !client.hello().capabilities().contains(PostReconciliation.ACCOUNT_PERIODS);
        if (periodsIgnored) {
            LOG.warn("Gateway {} does not take the accounts' periods the reconciliation carried; it opens every "
                    + "account afresh.", gatewayId);
        }
        // From here on the database follows the new gateway: its pulls continue the same chain.
        store.saveSite(replica.site(), gatewayId);
        LOG.info("Supervisor {} replaced gateway {} of site {} with gateway {}: {} entries posted, {} posted before.",
                client.credential().technicianId(), previous, replica.site().siteId(),
                gatewayId, posted.entries().size(), posted.alreadyPosted().size());
        return new Result(previous, gatewayId, Ed25519.fingerprint(client.hello().gatewayKey()),
                client.credential().technicianId(), replica.tipSeq(), restored, reconciled, posted, periodsIgnored);
    }

    /**
     * Keeps what this run saw (decision 0094) when its reconciliation is the one the gateway bills from: it posted
     * nothing before. A run after one that posted keeps the first run's record, read from other registers. A meter
     * whose register read was stale is kept with the register it was billed to (decision 0096).
     *
     * <p>KNOWN SHORTCOMING: a run whose post reached the gateway but whose answer did not reach the laptop keeps no
     * record, since the next run is answered "posted before" and its registers are not the ones billed; the audit
     * of that site then takes the registers from the new gateway's readings, as for a database from before V22.
     */
    private static void keepRecord(SiteStore store, ReplicaRestore replica, RegistersRead registers,
            Reconciled reconciled, ReconciliationPosted posted, String gatewayId, String previous) {
        if (!posted.alreadyPosted().isEmpty()) {
            return;
        }
        Map<String, RegistersRead.Register> read = new HashMap<>();
        registers.registers().forEach(register -> read.put(register.meterId(), register));
        // A stale register is kept as the one the meter was billed to, its last reading in the replica (decision
        // 0096): the audit bills the gap and takes the new gateway's readings from there, as the gateway does.
        reconciled.staleRegisters().forEach(stale -> read.put(stale.meterId(), new RegistersRead.Register(
                stale.meterId(), stale.replicaRegisterWh(), stale.replicaReadingEnd())));
        // A meter the replica held no reading of is kept with the register its gap was billed from (decision 0103).
        List<ReplacementRecords.MeterRegister> meters = replica.accounts().stream()
                .map(account -> account.meter().meterId()).distinct()
                .map(meterId -> read.containsKey(meterId)
                        ? recorded(read.get(meterId), reconciled.gapStarts().get(meterId))
                        : ReplacementRecords.MeterRegister.unread(meterId))
                .toList();
        Instant reconciledAt = posted.entries().isEmpty() ? registers.at() : posted.entries().get(0).at();
        store.replacements().keep(new ReplacementRecords.Replacement(gatewayId, replica.tipSeq(), previous,
                registers.at(), reconciledAt, meters));
    }

    private static ReplacementRecords.MeterRegister recorded(RegistersRead.Register read,
            RegistersRead.Register from) {
        return from == null ? new ReplacementRecords.MeterRegister(read.meterId(), read.registerWh(), read.at())
                : new ReplacementRecords.MeterRegister(read.meterId(), read.registerWh(), read.at(),
                        from.registerWh(), from.at());
    }

    /**
     * Refuses a run on a gateway this console restored once the site database has pulled it since: the replica is
     * then the new gateway's own ledger, which the gateway would refuse to be restored from as restored already. Said
     * before the replica is re-run, since a re-run of a ledger the new gateway billed on is no check of a replica and
     * may stop first for other reasons (readings the laptop never held of the dead gateway's part, say).
     */
    private static void refuseIfRestoredAlready(GatewayClient client, SiteStore store) {
        String gatewayId = client.hello().gatewayId();
        long pulledTo = store.ledger().stream().mapToLong(LedgerEntry::seq).max().orElse(0);
        store.replacements().all().stream()
                .filter(record -> record.newGatewayId().equals(gatewayId) && record.afterSeq() < pulledTo)
                .findFirst()
                .ifPresent(record -> {
                    throw new ReplacementRefusedException(ALREADY_RESTORED, "Gateway " + gatewayId + " was restored "
                            + "already from the replica up to its ledger entry " + record.afterSeq() + ", and this "
                            + "site database has pulled it since; a gateway is restored once.");
                });
    }

    private static void stopIfAsked(CancelSignal cancel) {
        if (cancel.isCancelled()) {
            throw new CancellationException("The gateway replacement was stopped before its post.");
        }
    }

    /**
     * Refuses a new gateway of another site than the replica's, in words of the replacement: a gateway takes over
     * only its own site's replica, and the technician is told which database and which gateway are of which site.
     *
     * @throws SiteMismatchException when the database holds another site than the gateway's, or none
     */
    public static void requireSameSite(SiteStore store, String gatewayId, String gatewaySite) {
        String storeSite = store.site().map(SiteInfo::siteId).orElse(null);
        if (gatewaySite == null || gatewaySite.equals(storeSite)) {
            return;
        }
        throw new SiteMismatchException("site.mismatch.replace", "The site database " + store.file() + " is of site "
                + storeSite + ", but gateway " + gatewayId + " is of site " + gatewaySite + ": a gateway takes over "
                + "only its own site's replica. Nothing was restored and the site's pin is as it was. Give --site the "
                + "database of site " + gatewaySite + ", or connect the new gateway set up for site " + storeSite
                + ".", store.file(), storeSite, gatewayId, gatewaySite);
    }

    private static void requireSupervisor(GatewayClient client) {
        if (client.credential().role() != Role.SUPERVISOR
                || !Role.SUPERVISOR.wireName().equals(client.hello().role())) {
            throw new ReplacementRefusedException("REPLACE_SUPERVISOR_REQUIRED", "Replacing a gateway pins its key "
                    + "for the site and sets every balance, so it takes a supervisor's credential; "
                    + client.credential().technicianId() + " signed in as a " + client.credential().role() + ".");
        }
    }

    /** The receipts entered from their slips whose payments the reconciliation's lines credit. */
    private static List<CashBookLine> receiptsOf(Reconciled reconciled, List<CashBookLine> late) {
        Set<String> credited = reconciled.lines().stream().map(PostReconciliation.Line::reference)
                .collect(Collectors.toSet());
        return late.stream().filter(receipt -> credited.contains(PAYMENT_PREFIX + receipt.reference())).toList();
    }

    /** Each payment the lines credited, as the gateway answered: posted now, or posted before. */
    private static List<QueuedPayment> answers(List<QueuedPayment> payments, ReconciliationPosted posted) {
        Set<String> now = posted.entries().stream().map(LedgerEntry::reference).collect(Collectors.toSet());
        Set<String> before = Set.copyOf(posted.alreadyPosted());
        List<QueuedPayment> answers = new ArrayList<>();
        for (QueuedPayment payment : payments) {
            String reference = PAYMENT_PREFIX + payment.reference();
            QueuedPayment.State state = now.contains(reference) ? QueuedPayment.State.CREDITED
                    : before.contains(reference) ? QueuedPayment.State.ALREADY_CREDITED : null;
            if (state != null) {
                answers.add(new QueuedPayment(payment.reference(), payment.customerId(), payment.amountMinor(),
                        payment.currency(), payment.paidAt(), payment.source(), state, null, null));
            }
        }
        return answers;
    }
}
