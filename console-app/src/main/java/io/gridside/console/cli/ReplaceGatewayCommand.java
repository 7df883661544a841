package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.Progress;
import io.gridside.console.service.Reconciled;
import io.gridside.console.service.ReplacementRefusedException;
import io.gridside.console.service.ReplicaRestore;
import io.gridside.console.service.RestorableGateway;
import io.gridside.console.service.SiteMismatchException;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.HelloReply;
import io.gridside.console.imports.ImportProblem;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... replace-gateway}: restores a factory-fresh gateway in place of a site's dead one from
 * this laptop's verified replica, reconciles the gap, and pins the new gateway's key, in a supervisor's session.
 */
@Command(name = "replace-gateway", mixinStandardHelpOptions = true,
        description = {"Restores a factory-fresh gateway in place of the site's dead one from the replica in the "
                + "site database, bills each meter's gap to its register read now, credits the payments queued "
                + "since the last pull, and pins the new gateway's key (a supervisor's credential only).",
            "Before it restores anything it lists the payments it will credit; enter any other with --payment, "
                + "and say the list is complete with --payments-complete.",
            "Safe to run again after an interruption: nothing is restored or posted twice."})
final class ReplaceGatewayCommand implements Callable<Integer> {

    /** The gateway's refusal of a restore under another replica than the one it was restored from. */
    private static final String ALREADY_RESTORED = GatewayReplacing.ALREADY_RESTORED;
    /** A gateway that runs a site already and is no factory-fresh one, such as the site's own gateway alive. */
    static final String NOT_FRESH = RestorableGateway.NOT_FRESH;
    /** The code of a new gateway of another site than the database's. */
    static final String OTHER_SITE = "REPLACE_OTHER_SITE";

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", required = true, paramLabel = "FILE",
            description = "The site database that holds the replica pulled from the dead gateway.")
    Path site;

    @Option(names = "--credential", paramLabel = "FILE", description = "The supervisor's credential file "
            + "(default: the one given to connect, or credential.json in the config folder).")
    Path credential;

    @Option(names = "--payment", paramLabel = "REFERENCE,CUSTOMER,AMOUNT,TIME",
            description = "A payment made since the replica's last pull that this laptop does not list yet (cash "
                + "paid while the gateway was dead, a top-up the dead gateway took after the pull), as a line of a "
                + "payments file: amount in the currency's main unit, time in the site's time zone. Repeatable; "
                + "each reference is credited once. Cash the dead gateway took on a receipt goes in with --receipt: "
                + "a reference of a receipt number's form (such as AA11BB-0007) is refused here.")
    List<String> payments = new ArrayList<>();

    @Option(names = "--receipt", paramLabel = "RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME",
            description = "Cash the dead gateway took on a receipt after the replica's last pull, as the customer's "
                + "slip reads: the receipt number, the technician who took it, then as --payment. Credited once by "
                + "its reference; the new gateway's cash book holds the receipt, so the technician's cash-up and "
                + "cash limit count it and its number is never given again. Repeatable.")
    List<String> receipts = new ArrayList<>();

    @Option(names = "--last-receipt", paramLabel = "RECEIPT",
            description = "The highest receipt number the dead gateway issued from a book, as the slips' book shows "
                + "it (such as AA11BB-0007), where a slip may be lost and its cash not entered: the new gateway "
                + "numbers that book's receipts on after it. Counts only in the run that restores the gateway. "
                + "Repeatable, one per book.")
    List<String> lastReceipts = new ArrayList<>();

    @Option(names = "--payments-complete", description = "The payments listed (and entered) are every payment made "
            + "since the replica's last pull; without it the command lists them and replaces nothing.")
    boolean paymentsComplete;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        GatewayReplacing.Result result;
        ZoneId zone;
        Map<String, Long> lastIssued = lastIssued();
        try (SiteStore store = SiteFiles.openExisting(site)) {
            SiteInfo info = store.site().orElseThrow(() -> new RefusedException("The site database " + site
                    + " holds no replica to restore from; pull the site first.", "REPLACE_NO_REPLICA"));
            zone = info.zone();
            Instant pulledClock = store.pulledGatewayClock().orElse(Instant.now());
            if (!paymentsComplete) {
                return settlePayments(store, info, pulledClock);
            }
            if (!entriesHold(store, info, pulledClock)) {
                return ExitCode.FAILED;
            }
            try (GatewayClient client = connect.openForReplacement(credential, site,
                    hello -> judgeBeforePin(hello, store, info, pulledClock))) {
                Integer stopped = settlePayments(store, info, siteClock(client.hello(), pulledClock));
                if (stopped != null) {
                    return stopped;
                }
                result = GatewayReplacing.run(client, store, Progress.NONE, lastIssued);
            } catch (LinkException e) {
                if (!ALREADY_RESTORED.equals(e.gatewayCode())) {
                    throw e;
                }
                return refusedAfterRestore(GridsideCommand.linkLine(e), store.pendingPayments().size());
            } catch (ReplacementRefusedException e) {
                if (!ALREADY_RESTORED.equals(e.code())) {
                    throw e;
                }
                return refusedAfterRestore(e.getMessage() + " [" + e.code() + "]", store.pendingPayments().size());
            }
        } catch (ReplacementRefusedException e) {
            throw new RefusedException(e.getMessage(), e, e.code());
        } catch (SiteMismatchException e) {
            throw new RefusedException(e.getMessage(), e, OTHER_SITE);
        } catch (LinkException e) {
            if (!FieldOptions.refusedByGateway(e)) {
                throw e;
            }
            return FieldOptions.refused(command, e);
        }
        if (json) {
            command.commandLine().getOut().println(Json.write(fields(result)));
        } else {
            print(result, command.commandLine().getOut());
        }
        if (result.periodsIgnored()) {
            command.commandLine().getErr().printf("gridside: warning: gateway %s does not say it goes on with each "
                    + "account's block period and credit state, so it opens every account afresh: a household may "
                    + "get its cheap daily block and emergency credit again today. Update its firmware, and audit "
                    + "the site after the day's end (the audit shows where it differs). [REPLACE_PERIODS_IGNORED]%n",
                    result.gatewayId());
        }
        for (Reconciled.StaleRegister stale : result.reconciled().staleRegisters()) {
            command.commandLine().getErr().println("gridside: warning: " + staleWarning(stale, zone));
        }
        for (String meterId : result.reconciled().noStartKnown()) {
            command.commandLine().getErr().println("gridside: warning: " + I18n.text("replace.noGapStart", meterId,
                    result.reconciled().customerOfMeter(meterId)));
        }
        return ExitCode.OK;
    }

    /** The warning of a register read older than its meter's last reading in the replica (decision 0096). */
    private static String staleWarning(Reconciled.StaleRegister stale, ZoneId zone) {
        return I18n.text("replace.staleRegister", stale.meterId(), stale.customerId(), Formats.siteTime(stale.at(),
                zone), Formats.siteTime(stale.replicaReadingEnd(), zone), FieldOptions.kwh(stale.registerWh()),
                FieldOptions.kwh(stale.replicaRegisterWh()));
    }

    /**
    /** A gateway of another site is refused before its key is pinned for this one, in the replacement's words. */
    private static void requireSameSite(HelloReply hello, SiteStore store) {
        try {
            GatewayReplacing.requireSameSite(store, hello.gatewayId(), hello.siteId());
        } catch (SiteMismatchException e) {
            throw new RefusedException(e.getMessage(), e, OTHER_SITE);
        }
    }

    /**
     * Judges the new gateway and every payment and slip entered by its hello, before the session pins its key for
     * the site: a gateway that cannot take the replica ({@link RestorableGateway}, as the console asks it), or a
     * payment dated later than the new gateway's clock and this computer's, is refused while the site's pin and the
     * gateway are as they were.
     */
    private void judgeBeforePin(HelloReply hello, SiteStore store, SiteInfo info, Instant pulledClock) {
        RestorableGateway.require(hello);
        requireSameSite(hello, store);
        Instant clock = siteClock(hello, pulledClock);
        String option = "--payment";
        List<String> entered = payments;
        List<ImportProblem> problems = ReplacementPayments.checkByGatewayClock(store, info, payments, Instant.now(),
                clock);
        if (problems.isEmpty()) {
            option = "--receipt";
            entered = receipts;
            problems = ReplacementPayments.checkReceiptsByGatewayClock(store, info, receipts, Instant.now(), clock);
        }
        if (problems.isEmpty()) {
            return;
        }
        PrintWriter err = command.commandLine().getErr();
        String wrong = option;
        List<String> values = entered;
        problems.forEach(problem -> err.println("gridside: " + ReplacementPayments.describe(wrong, problem, values)));
        throw new RefusedException("a payment entered has a problem (above), judged by the clock of gateway "
                + hello.gatewayId() + " as its hello gave it; the site's key was not re-pinned, and nothing was "
                + "queued or replaced.", "REPLACE_PAYMENT_INVALID");
    }

    /**
     * The site's clock in a replacement: the new gateway's, as its hello gave it; one faster than this computer's (a
     * simulated site at --speed) dates the payments made meanwhile by its own time, which this computer's has not
     * reached. The replica's at its last pull when the gateway gave none.
     */
    private static Instant siteClock(HelloReply hello, Instant pulledClock) {
        return hello.clock() != null ? hello.clock() : pulledClock;
    }

    private Map<String, Long> lastIssued() {
        try {
            return ReplicaRestore.lastReceipts(lastReceipts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " Give --last-receipt as the slips' book prints it.", e,
                    UsageException.USAGE);
        }
    }

    /**
     * Prints the gateway's refusal of a second restore and, when payments queued here are not credited yet, how to
     * credit them now: the gateway was restored from an earlier replica, so they go to it as any payment does.
     */
    private int refusedAfterRestore(String refusal, int queued) {
        command.commandLine().getErr().println("gridside: " + refusal);
        if (queued > 0) {
            command.commandLine().getErr().printf("gridside: %d payments queued in %s are not credited yet; the new "
                    + "gateway runs the site's billing now, so send them to it with 'gridside connect ... push "
                    + "--site %s' and a supervisor's credential, which credits each reference once.%n", queued, site,
                    site);
        }
        return ExitCode.FAILED;
    }

    /**
     * Checks every payment and slip entered before the session re-pins the site to the new gateway, so that a typing
     * mistake changes nothing; prints the problems and answers false when there are any.
     */
    private boolean entriesHold(SiteStore store, SiteInfo info, Instant pulledClock) {
        String option = "--payment";
        List<String> entered = payments;
        List<ImportProblem> problems = ReplacementPayments.check(store, info, payments, Instant.now(), pulledClock);
        if (problems.isEmpty()) {
            option = "--receipt";
            entered = receipts;
            problems = ReplacementPayments.checkReceipts(store, info, receipts, Instant.now(), pulledClock);
        }
        if (problems.isEmpty()) {
            return true;
        }
        PrintWriter err = command.commandLine().getErr();
        String wrong = option;
        List<String> values = entered;
        problems.forEach(problem -> err.println("gridside: " + ReplacementPayments.describe(wrong, problem, values)));
        err.println("gridside: a payment entered has a problem (above); the gateway was not reached, and nothing was "
                + "pinned, queued or replaced. [REPLACE_PAYMENT_INVALID]");
        return false;
    }

    /**
     * Queues the payments entered, and stops, listing what the replacement would credit, until the technician says
     * the list is complete; returns the exit code when it stops, or null to go on.
     *
     * @param gatewayClock the site's clock as last seen, up to which (or this computer's, if later) a payment may be
     *     dated
     */
    private Integer settlePayments(SiteStore store, SiteInfo info, Instant gatewayClock) {
        ReplicaRestore.queueUnpostedReceipts(store, Instant.now());
        List<ImportProblem> problems = ReplacementPayments.enter(store, info, payments, Instant.now(),
                gatewayClock);
        PrintWriter err = command.commandLine().getErr();
        String option = "--payment";
        List<String> entered = payments;
        if (problems.isEmpty()) {
            problems = ReplacementPayments.enterReceipts(store, info, receipts, Instant.now(), gatewayClock);
            option = "--receipt";
            entered = receipts;
        }
        if (!problems.isEmpty()) {
            String wrong = option;
            List<String> values = entered;
            problems.forEach(problem -> err.println("gridside: " + ReplacementPayments.describe(wrong, problem,
                    values)));
            err.println("gridside: a payment entered has a problem (above); nothing was queued or replaced"
                    + (paymentsComplete ? "" : " (without --payments-complete the command does not reach the "
                    + "gateway, so a time is judged by this computer's clock and the gateway's at the last pull; with "
                    + "it, by the new gateway's clock)") + ". [REPLACE_PAYMENT_INVALID]");
            return ExitCode.FAILED;
        }
        if (!paymentsComplete) {
            ReplacementPayments.printKnown(store, info, command.commandLine().getOut());
            err.println("gridside: the gateway was not replaced: check the payments listed, enter any other with "
                    + "--payment, and run again with --payments-complete. [REPLACE_PAYMENTS_UNCONFIRMED]");
            return ExitCode.FAILED;
        }
        return null;
    }

    private static void print(GatewayReplacing.Result result, PrintWriter out) {
        Reconciled reconciled = result.reconciled();
        String currency = reconciled.currency();
        String replaces = result.gatewayId().equals(result.previousGatewayId()) ? "took the site over before"
                : "replaces " + result.previousGatewayId();
        out.printf("Gateway %s %s; its key %s is pinned for the site by %s.%n", result.gatewayId(), replaces,
                result.keyFingerprint(), result.pinnedBy());
        out.printf("Restored from the replica up to its ledger entry %d; the new gateway's ledger continues the "
                + "chain.%n", result.replicaTipSeq());
        if (result.posted().entries().isEmpty() && !result.posted().alreadyPosted().isEmpty()) {
            printNothingNew(result, out);
            return;
        }
        TextTable table = new TextTable(3, "customer", "name", "meter", "replica balance", "gap energy",
                "unposted energy", "energy charge", "other charges", "payments", "balance");
        for (Reconciled.Row row : reconciled.rows()) {
            table.add(List.of(row.customerId(), row.name(), row.meterId(),
                    Formats.money(row.replicaBalanceMinor(), currency),
                    row.unread() ? "unread" : staleRead(reconciled, row) ? "stale read"
                            : FieldOptions.kwh(row.gapEnergyWh()),
                    FieldOptions.kwh(row.unpostedEnergyWh()), Formats.money(row.energyChargeMinor(), currency),
                    Formats.money(row.otherChargesMinor(), currency), Formats.money(row.paymentsMinor(), currency),
                    Formats.money(row.resultingBalanceMinor(), currency)));
        }
        table.print(out);
        out.println("Balance = replica balance - energy charge - other charges + payments. The energy charge prices "
                + "the gap's energy (the register read now less the meter's last reading in the replica) and the "
                + "unposted energy (used before that reading, whose charges the dead gateway had not posted yet), with "
                + "their taxes and levies; other charges are the standing charges of the days passed, any minimum "
                + "charge and any debt recovered from the payments.");
        out.printf("%d ledger entries posted now, %d posted before and left as they were.%n",
                result.posted().entries().size(), result.posted().alreadyPosted().size());
        long unread = reconciled.rows().stream().filter(Reconciled.Row::unread).count();
        if (unread > 0) {
            out.printf("%d meters could not be read; their gap is billed at their next reading.%n", unread);
        }
    }

    private static boolean staleRead(Reconciled reconciled, Reconciled.Row row) {
        return reconciled.staleRegisters().stream().anyMatch(stale -> stale.meterId().equals(row.meterId()));
    }

    /**
     * Says that a run after the replacement posted nothing, in place of the table: its payments and gap energy are
     * worked out again from this run's readings, so they would not be what the first run posted.
     */
    private static void printNothingNew(GatewayReplacing.Result result, PrintWriter out) {
        out.printf("Nothing new was posted: the replacement's %d ledger entries were posted when it first ran, and "
                + "are left as they were. What was posted is in the new gateway's ledger: pull the site and see a "
                + "customer's statement with 'gridside bill statement --site FILE --customer ID'.%n",
                result.posted().alreadyPosted().size());
    }

    private static Map<String, Object> fields(GatewayReplacing.Result result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("gatewayId", result.gatewayId());
        fields.put("previousGatewayId", result.previousGatewayId());
        fields.put("keyFingerprint", result.keyFingerprint());
        fields.put("pinnedBy", result.pinnedBy());
        fields.put("currency", result.reconciled().currency());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Reconciled.Row row : result.reconciled().rows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("customerId", row.customerId());
            item.put("meterId", row.meterId());
            item.put("replicaBalanceMinor", row.replicaBalanceMinor());
            item.put("gapEnergyWh", row.gapEnergyWh());
            item.put("unpostedEnergyWh", row.unpostedEnergyWh());
            item.put("energyWh", row.energyWh());
            item.put("unread", row.unread());
            item.put("energyChargeMinor", row.energyChargeMinor());
            item.put("otherChargesMinor", row.otherChargesMinor());
            item.put("gapChargeMinor", row.gapChargeMinor());
            item.put("paymentsMinor", row.paymentsMinor());
            item.put("balanceMinor", row.resultingBalanceMinor());
            rows.add(item);
        }
        fields.put("customers", rows);
        List<Map<String, Object>> stale = new ArrayList<>();
        for (Reconciled.StaleRegister register : result.reconciled().staleRegisters()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", "STALE_REGISTER");
            item.put("meterId", register.meterId());
            item.put("customerId", register.customerId());
            item.put("registerWh", register.registerWh());
            item.put("registerAt", register.at().toString());
            item.put("replicaRegisterWh", register.replicaRegisterWh());
            item.put("replicaLastReadingAt", register.replicaReadingEnd().toString());
            stale.add(item);
        }
        fields.put("staleRegisters", stale);
        List<Map<String, Object>> notBilled = new ArrayList<>();
        for (String meterId : result.reconciled().noStartKnown()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", "GAP_NOT_BILLED");
            item.put("meterId", meterId);
            item.put("customerId", result.reconciled().customerOfMeter(meterId));
            notBilled.add(item);
        }
        fields.put("gapsNotBilled", notBilled);
        fields.put("postedNow", result.posted().entries().stream().map(LedgerEntry::reference).toList());
        fields.put("postedBefore", result.posted().alreadyPosted());
        fields.put("periodsIgnored", result.periodsIgnored());
        return fields;
    }
}
