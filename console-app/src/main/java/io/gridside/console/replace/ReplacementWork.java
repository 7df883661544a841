package io.gridside.console.replace;

import io.gridside.console.Failures;
import io.gridside.console.imports.EnteredPayments;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GapReconciliation;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.GatewayReplacing.RegistersReview;
import io.gridside.console.service.ReplacementRefusedException;
import io.gridside.console.service.ReplicaRestore;
import io.gridside.console.service.RestorableGateway;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.commission.CommissionTargets;
import io.gridside.console.tasks.TaskContext;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.HelloReply;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The replacement's work off the JavaFX thread, each step on the console's own services: the site database's
 * replica checked ({@link ReplicaRestore}), the new gateway reached and shown with nothing pinned, the payments
 * entered checked and queued by the rules of a payments import ({@link EnteredPayments}), and the
 * replacement itself ({@link GatewayReplacing}) in two sessions, which the command line runs in one: the registers
 * read for review, then the post. Each of the two pins the key of the gateway shown at the reach, and no other.
 */
final class ReplacementWork {

    /** The source each payment entered here carries. */
    static final String SOURCE = "entered in the console's gateway replacement";
    /** The source each payment entered here from a receipt slip carries. */
    static final String RECEIPT_SOURCE = "receipt slip entered in the console's gateway replacement";

    /**
     * The replica a replacement restores from, as the site database holds it.
     *
     * @param deadGatewayId the gateway the database followed, or empty
     * @param lastPull the dead gateway's clock at the replica's last pull, or null when never pulled
     * @param tipSeq the replica's last ledger entry
     * @param queued the payments this laptop queued that the replacement credits
     */
    record SiteFacts(String siteId, String name, ZoneId zone, String deadGatewayId, Instant lastPull, long tipSeq,
            int queued) {
    }

    /**
     * The new gateway as its hello presented it when it was reached, which nothing pinned: the later steps pin its
     * key, under {@code supervisor}'s credential, only in a session with this gateway under this key.
     */
    record GatewayFacts(String gatewayId, ByteString key, String keyFingerprint, String supervisor) {
    }

    /**
     * A payment the technician entered, as its fields read: a receipt slip's when {@code receipt} is not blank.
     *
     * @param time in the site's time zone, as a payments file writes it
     */
    record Entered(String receipt, String technician, String reference, String customer, String amount,
            String time) {

        boolean fromSlip() {
            return receipt != null && !receipt.isBlank();
        }

        /** The payment as a line of a payments file, or of a slip when it is one. */
        String line() {
            String payment = String.join(",", reference.strip(), customer.strip(), amount.strip(), time.strip());
            return fromSlip() ? receipt.strip() + "," + technician.strip() + "," + payment : payment;
        }
    }

    private final AppDirs dirs;

    ReplacementWork(AppDirs dirs) {
        this.dirs = dirs;
    }

    /**
     * Checks the replica in {@code database} as the replacement will (its chain, and the history the gap is billed
     * from), and says what it holds.
     */
    SiteFacts openSite(Path database) {
        try (SiteStore store = SiteStore.openExisting(database)) {
            ReplicaRestore replica = ReplicaRestore.of(store);
            GapReconciliation.prepare(store, replica);
            SiteInfo site = replica.site();
            return new SiteFacts(site.siteId(), site.name(), site.zone(), store.gatewayId().orElse(""),
                    store.pulledGatewayClock().orElse(null), replica.tipSeq(), store.pendingPayments().size());
        }
    }

    /**
     * Reaches the new gateway at {@code address} and ends the session as soon as the gateway has proved the key it
     * presents, before any pin is checked or changed: the technician is shown the gateway, and only that gateway's
     * key is pinned, at the restore ({@link #readRegisters}). A gateway that cannot take the replica, or serves
     * another site, is refused here in words.
     *
     * @throws ReplacementRefusedException before any connection when {@code credentialFile} is not a supervisor's
     */
    GatewayFacts reach(Path database, String address, Path credentialFile) throws IOException {
        SignedCredential credential = supervisor(credentialFile);
        String siteId = siteId(database);
        HelloReply hello;
        try (Connector connector = connector(credentialFile)) {
            hello = connector.hello(CommissionTargets.parse(address), credential);
        }
        requireRestorableFor(hello, siteId);
        return new GatewayFacts(hello.gatewayId(), hello.gatewayKey(), Ed25519.fingerprint(hello.gatewayKey()),
                credential.technicianId());
    }

    /** The problems of the payments entered, each in a sentence naming its row; none queued. */
    List<String> check(Path database, List<Entered> entered) {
        try (SiteStore store = SiteStore.openExisting(database)) {
            SiteInfo site = store.site().orElseThrow();
            Instant clock = store.pulledGatewayClock().orElse(Instant.now());
            List<Entered> fresh = notQueued(store, entered);
            List<String> problems = new ArrayList<>();
            List<Entered> payments = fresh.stream().filter(entry -> !entry.fromSlip()).toList();
            List<Entered> slips = fresh.stream().filter(Entered::fromSlip).toList();
            worded(EnteredPayments.check(store, site, lines(payments), Instant.now(), clock), payments, entered,
                    problems);
            worded(EnteredPayments.checkReceipts(store, site, lines(slips), Instant.now(), clock), slips, entered,
                    problems);
            return problems;
        }
    }

    /**
     * Restores the new gateway at {@code address} from the replica and reads the meters' registers through it, in a
     * supervisor's session, for the technician to review: nothing is queued or posted. The session pins the key of
     * the gateway {@code shown} at the reach, and only that: another gateway, or a payment {@code entered} dated
     * later than the gateway's clock and this computer's, is refused before the pin. {@code lastIssued} numbers
     * the receipt books on (the command's {@code --last-receipt}); it counts only in the run that restores.
     */
    RegistersReview readRegisters(Path database, String address, Path credentialFile, GatewayFacts shown,
            List<Entered> entered, Map<String, Long> lastIssued, TaskContext context) throws IOException {
        try (SiteStore store = SiteStore.openExisting(database);
                Connector connector = connector(credentialFile);
                GatewayClient client = open(connector, store, address, credentialFile, shown, entered)) {
            return GatewayReplacing.readRegisters(client, store, context, lastIssued, context);
        }
    }

    /**
     * Queues the payments entered and posts the reconciliation of the registers {@code review} read, in a new
     * supervisor's session with the gateway {@code shown} at {@code address}, judged as {@link #readRegisters}
     * judges it before the pin; stops before the post when {@code context} is cancelled. A run again resumes and
     * posts nothing twice, as {@link GatewayReplacing} guarantees; a payment queued by an earlier run is not entered
     * again.
     */
    GatewayReplacing.Result post(Path database, String address, Path credentialFile, GatewayFacts shown,
            List<Entered> entered, RegistersReview review, TaskContext context) throws IOException {
        try (SiteStore store = SiteStore.openExisting(database);
                Connector connector = connector(credentialFile);
                GatewayClient client = open(connector, store, address, credentialFile, shown, entered)) {
            SiteInfo site = store.site().orElseThrow();
            Instant clock = gatewayClock(client.hello(), store);
            List<Entered> fresh = notQueued(store, entered);
            List<Entered> payments = fresh.stream().filter(entry -> !entry.fromSlip()).toList();
            List<Entered> slips = fresh.stream().filter(Entered::fromSlip).toList();
            List<String> problems = new ArrayList<>();
            worded(EnteredPayments.enter(store, site, lines(payments), Instant.now(), clock, SOURCE), payments,
                    entered, problems);
            if (problems.isEmpty()) {
                worded(EnteredPayments.enterReceipts(store, site, lines(slips), Instant.now(), clock,
                        RECEIPT_SOURCE), slips, entered, problems);
            }
            if (!problems.isEmpty()) {
                throw new ReplacementRefusedException("REPLACE_PAYMENT_INVALID", String.join(" ", problems));
            }
            return GatewayReplacing.post(client, store, review, context);
        }
    }

    /**
     * A supervisor's session with the gateway at {@code address} that pins its key for the site, once its hello has
     * shown it to be the gateway {@code shown}, able to take the replica of this site, with a clock by which every
     * payment {@code entered} holds; a hello that does not is refused with the site's pin as it was.
     */
    private GatewayClient open(Connector connector, SiteStore store, String address, Path credentialFile,
            GatewayFacts shown, List<Entered> entered) throws IOException {
        SignedCredential credential = supervisor(credentialFile);
        String siteId = store.site().map(SiteInfo::siteId).orElseThrow();
        return connector.repin(CommissionTargets.parse(address), credential, hello -> {
            RestorableGateway.requireShown(hello, shown.gatewayId(), shown.key());
            requireRestorableFor(hello, siteId);
            List<String> problems = checkByClock(store, entered, gatewayClock(hello, store));
            if (!problems.isEmpty()) {
                throw new ReplacementRefusedException("REPLACE_PAYMENT_INVALID", String.join(" ", problems));
            }
        });
    }

    /** Refuses a gateway that cannot take the replica, or serves another site than {@code siteId}. */
    private static void requireRestorableFor(HelloReply hello, String siteId) {
        RestorableGateway.require(hello);
        if (!siteId.equals(hello.siteId())) {
            throw new ReplacementRefusedException("REPLACE_OTHER_SITE", ReplaceTexts.text("refusal.site",
                    hello.gatewayId(), hello.siteId(), siteId));
        }
    }

    /**
     * The problems of the payments entered and not queued yet, a time judged by {@code clock}, the new gateway's
     * own as its hello gave it: a payment dated later than it and than this computer's clock is refused.
     */
    private static List<String> checkByClock(SiteStore store, List<Entered> entered, Instant clock) {
        SiteInfo site = store.site().orElseThrow();
        List<Entered> fresh = notQueued(store, entered);
        List<Entered> payments = fresh.stream().filter(entry -> !entry.fromSlip()).toList();
        List<Entered> slips = fresh.stream().filter(Entered::fromSlip).toList();
        List<String> problems = new ArrayList<>();
        worded(EnteredPayments.checkByGatewayClock(store, site, lines(payments), Instant.now(), clock), payments,
                entered, problems);
        worded(EnteredPayments.checkReceiptsByGatewayClock(store, site, lines(slips), Instant.now(), clock), slips,
                entered, problems);
        return problems;
    }

    /** The site's clock: the new gateway's, as its hello gave it, or the replica's at its last pull. */
    private static Instant gatewayClock(HelloReply hello, SiteStore store) {
        return hello.clock() != null ? hello.clock() : store.pulledGatewayClock().orElse(Instant.now());
    }

    private static String siteId(Path database) {
        try (SiteStore store = SiteStore.openExisting(database)) {
            return store.site().map(SiteInfo::siteId).orElseThrow();
        }
    }

    /** The credential in {@code file}, refused unless it is a supervisor's: only one may pin a gateway's key. */
    private static SignedCredential supervisor(Path file) throws IOException {
        SignedCredential credential = CredentialFile.read(file);
        if (credential.role() != Role.SUPERVISOR) {
            throw new ReplacementRefusedException("REPLACE_SUPERVISOR_REQUIRED", ReplaceTexts.text(
                    "refusal.supervisor", credential.technicianId(), credential.role().wireName()));
        }
        return credential;
    }

    private Connector connector(Path credentialFile) throws IOException {
        Connector connector = new Connector(GatewayPinFile.of(dirs));
        SignedCredential credential = supervisor(credentialFile);
        connector.signWith(Connector.technicianKeyFor(credentialFile, credential));
        return connector;
    }

    /** The entries whose reference this laptop has not queued yet: a run again does not enter them twice. */
    private static List<Entered> notQueued(SiteStore store, List<Entered> entered) {
        Set<String> queued = store.pendingPayments().stream().map(QueuedPayment::reference)
                .collect(Collectors.toSet());
        return entered.stream().filter(entry -> !queued.contains(entry.reference().strip())).toList();
    }

    private static List<String> lines(List<Entered> entered) {
        return entered.stream().map(Entered::line).toList();
    }

    /** Adds each problem, named by its row among all {@code entered} (1 for the first), to {@code problems}. */
    private static void worded(List<ImportProblem> found, List<Entered> part, List<Entered> entered,
            List<String> problems) {
        for (ImportProblem problem : found) {
            int index = problem.line() - 1;
            int row = index >= 0 && index < part.size() ? entered.indexOf(part.get(index)) + 1 : problem.line();
            String field = problem.field() == null ? "" : problem.field();
            problems.add(ReplaceTexts.text("problem.row", row, field, Failures.worded(problem, problem.message())));
        }
    }
}
