package io.gridside.console.cli;

import io.gridside.billing.rerate.ChargeDetail;
import io.gridside.billing.rerate.LineDifference;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.CorrectionPosting;
import io.gridside.console.service.LedgerReconciliation;
import io.gridside.link.auth.Role;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.Currencies;
import io.gridside.site.EntryKind;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * {@code gridside connect ... reconcile}: compares the gateway's ledger with the console's own rating, customer
 * day by customer day, prints every line that differs, and with {@code --post-corrections} has the gateway post
 * the corrections; exits with 1 while differences remain.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Re-rates the gateway's customers and reports, per customer and day, every charge line the "
            + "gateway's ledger has otherwise.", "Moves only the customer days whose digests differ from this "
            + "laptop's copy of the ledger."})
final class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database whose ledger copy spares pulling (default: the site's own file).")
    Path siteFile;

    @Option(names = "--from", paramLabel = "DATE", description = "The first site day to compare (default: the "
            + "ledger's first).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "The last site day to compare (default: the "
            + "gateway's yesterday, the last day it finished billing; a later day is not compared).")
    String to;

    @Option(names = "--post-corrections", description = {"Have the gateway post an adjustment for every line "
            + "that differs (a supervisor's credential only), then reconcile again."})
    boolean postCorrections;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate first = day("--from", from);
        LocalDate last = day("--to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new UsageException("--to " + last + " is before --from " + first + ".");
        }
        PrintWriter out = command.commandLine().getOut();
        try (GatewayClient client = connect.open()) {
            Path database = siteFile != null ? siteFile
                    : AppDirs.forCurrentUser().siteDatabase(client.hello().siteId());
            try (SiteStore store = SiteStore.open(database)) {
                LedgerReconciliation.Result result =
                        LedgerReconciliation.run(client, store, first, last, CancelSignal.NEVER);
                if (last != null && result.to().isBefore(last)) {
                    command.commandLine().getErr().printf("gridside: the gateway posts a day's charges when the day "
                            + "ends, so days after %s, still under way on its clock, are not compared.%n", result.to());
                }
                List<LedgerLink> posted = List.of();
                LedgerReconciliation.Result after = null;
                if (postCorrections && !result.clean()) {
                    if (Role.ofWireName(client.hello().role()) != Role.SUPERVISOR) {
                        command.commandLine().getErr().println("gridside: posting corrections needs a supervisor's "
                                + "credential; the report is below. [ROLE_FORBIDDEN]");
                        print(out, client, result, posted, null);
                        return ExitCode.FAILED;
                    }
                    posted = CorrectionPosting.post(client, CorrectionPosting.plan(result));
                    after = LedgerReconciliation.run(client, store, result.from(), result.to(), CancelSignal.NEVER);
                }
                print(out, client, result, posted, after);
                return (after != null ? after : result).clean() ? ExitCode.OK : ExitCode.FAILED;
            }
        } catch (LinkException e) {
            if (e.code() != LinkException.Code.GATEWAY_ERROR) {
                throw e;
            }
            command.commandLine().getErr().println("gridside: " + GridsideCommand.linkLine(e));
            return ExitCode.FAILED;
        }
    }

    private void print(PrintWriter out, GatewayClient client, LedgerReconciliation.Result result,
            List<LedgerLink> posted, LedgerReconciliation.Result after) {
        String currency = client.hello().currency();
        if (json) {
            out.println(Json.write(json(result, posted, after, currency)));
            return;
        }
        if (result.to().isBefore(result.from())) {
            out.printf("Nothing to compare: the gateway's last ended day is %s, before %s; its charges of a day are "
                    + "posted when the day ends.%n", result.to(), result.from());
            return;
        }
        out.printf("Compared %d customer days from %s to %s; fetched %d customer days from the gateway and took "
                + "the rest from this laptop's copy of the ledger.%n", result.customerDays(), result.from(),
                result.to(), result.pulled());
        if (result.clean()) {
            out.println("Every charge line agrees with the console's re-rating.");
            return;
        }
        out.printf("%d lines differ:%n", result.differences().size());
        out.printf("  %-12s %-10s %-14s %12s %12s %12s%n", "customer", "day", "line", "gateway", "console",
                "correction");
        for (LineDifference d : result.differences()) {
            out.printf("  %-12s %-10s %-14s %12s %12s %12s%n", d.customerDay().customerId(), d.customerDay().day(),
                    d.line().label(), money(d.gatewayMinor(), currency), money(d.consoleMinor(), currency),
                    money(d.correction().amountMinor(), currency));
            for (ChargeDetail detail : result.detailsOf(d)) {
                out.printf("      %-38s %12s %12s%n", detail.reference(), money(detail.gatewayMinor(), currency),
                        money(detail.consoleMinor(), currency));
            }
        }
        if (after != null) {
            out.printf("Posted %d corrections; reconciled again: %s%n", CorrectionPosting.corrections(posted).size(),
                    after.clean() ? "every charge line agrees." : after.differences().size() + " lines still differ.");
        } else {
            out.println("A supervisor can have the gateway post the corrections: add --post-corrections.");
        }
    }

    private static Map<String, Object> json(LedgerReconciliation.Result result, List<LedgerLink> posted,
            LedgerReconciliation.Result after, String currency) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", result.from().toString());
        fields.put("to", result.to().toString());
        fields.put("currency", currency);
        fields.put("customerDays", result.customerDays());
        fields.put("pulled", result.pulled());
        fields.put("clean", result.clean());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (LineDifference d : result.differences()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("customerId", d.customerDay().customerId());
            line.put("day", d.customerDay().day().toString());
            line.put("line", d.line().label());
            line.put("gatewayMinor", d.gatewayMinor());
            line.put("consoleMinor", d.consoleMinor());
            line.put("correctionMinor", d.correction().amountMinor());
            List<Map<String, Object>> details = new ArrayList<>();
            for (ChargeDetail detail : result.detailsOf(d)) {
                Map<String, Object> detailFields = new LinkedHashMap<>();
                detailFields.put("reference", detail.reference());
                detailFields.put("gatewayMinor", detail.gatewayMinor());
                detailFields.put("consoleMinor", detail.consoleMinor());
                details.add(detailFields);
            }
            line.put("details", details);
            lines.add(line);
        }
        fields.put("differences", lines);
        fields.put("posted", CorrectionPosting.corrections(posted).stream().map(link -> link.entry().seq()).toList());
        // A correction changes a balance, so the gateway posts what the customer accrued before it (decision 0025).
        fields.put("chargesPostedBefore", posted.stream().filter(link -> link.entry().kind() != EntryKind.ADJUSTMENT)
                .map(link -> link.entry().seq()).toList());
        if (after != null) {
            fields.put("cleanAfterCorrections", after.clean());
        }
        return fields;
    }

    private static String money(long minor, String currency) {
        return Currencies.toDecimal(minor, currency).toPlainString();
    }

    private LocalDate day(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes a site day such as 2026-03-02, not '" + text + "'.", e);
        }
    }
}
