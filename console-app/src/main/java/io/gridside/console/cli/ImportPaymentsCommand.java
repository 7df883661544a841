package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.console.imports.PaymentsImport.Fate;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code gridside import payments FILE --site FILE}: payments from a CSV file into the site database's outbox, from
 * which {@code connect ... push} sends them to the gateway, the ledger's only writer.
 */
@Command(name = "payments", mixinStandardHelpOptions = true,
        description = {"Queues payments from a CSV file in a site database's outbox for the gateway.",
            "The file's first line names the columns reference,customer,amount,time (any order; other columns are "
                + "ignored). The amount is in the site's currency's main unit with at most its decimals, such as "
                + "250.00; the time is 2026-06-02T10:15 in the site's time zone, or carries its offset.",
            "Each reference is queued once: a payment the ledger or the outbox holds already is not queued again, "
                + "so importing a file twice queues nothing new. 'gridside connect ... push' sends the outbox; only "
                + "a supervisor's session may, and the gateway credits each reference once."})
final class ImportPaymentsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    ImportFileOptions options;

    /** What the import found or did, as the JSON output carries it; the field names are a contract with scripts. */
    record PaymentsJson(String file, boolean dryRun, String currency, int rows, long invalid, long queued,
            long requeued, long queuedAlready, long inLedger, long repeated, long queuedMinor,
            List<PaymentJson> payments, List<ImportProblem> problems) {
    }

    /** One payment of the file and what becomes of it. */
    record PaymentJson(int line, String reference, String customerId, long amountMinor, Instant paidAt,
            String fate, Long ledgerSeq) {

        static PaymentJson of(PaymentsImport.ImportedPayment p) {
            return new PaymentJson(p.line(), p.payment().reference(), p.payment().customerId(),
                    p.payment().amountMinor(), p.payment().paidAt(), p.fate().name().toLowerCase(Locale.ROOT),
                    p.fate() == Fate.IN_LEDGER ? p.ledgerSeq() : null);
        }
    }

    @Override
    public Integer call() {
        byte[] bytes = options.bytes();
        Instant now = Instant.now();
        try (SiteStore store = options.openSite()) {
            SiteInfo site = options.site(store);
            PaymentsImport.Plan plan = PaymentsImport.plan(store, site, bytes, options.source(), now);
            if (!plan.problems().isEmpty()) {
                if (options.json || options.dryRun) {
                    print(plan, site.zone());
                }
                return options.refuse(plan.problems(), command.commandLine().getErr());
            }
            if (!options.dryRun) {
                PaymentsImport.apply(store, plan, now);
            }
            print(plan, site.zone());
        }
        return ExitCode.OK;
    }

    private PaymentsJson json(PaymentsImport.Plan plan) {
        return new PaymentsJson(options.source(), options.dryRun, plan.currency(), plan.rows(), plan.invalidLines(),
                plan.count(Fate.NEW),
                plan.count(Fate.REQUEUED), plan.count(Fate.QUEUED_ALREADY), plan.count(Fate.IN_LEDGER),
                plan.count(Fate.REPEATED), plan.queuedMinor(), plan.payments().stream().map(PaymentJson::of).toList(),
                plan.problems());
    }

    private void print(PaymentsImport.Plan plan, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        PaymentsJson found = json(plan);
        if (options.json) {
            out.println(Json.write(found));
            return;
        }
        long toQueue = found.queued() + found.requeued();
        String money = Formats.money(found.queuedMinor(), found.currency());
        out.printf("%s: %d rows of payments in %s.%n", found.file(), found.rows(), found.currency());
        out.println(options.dryRun ? "Dry run, nothing was written. The import would do this:" : "Imported:");
        out.printf("  payments queued for the gateway: %d (%s), of them refused before and queued again: %d; in the "
                + "ledger already: %d; queued already: %d; repeating an earlier line: %d.%n", toQueue, money,
                found.requeued(), found.inLedger(), found.queuedAlready(), found.repeated());
        if (found.invalid() > 0) {
            out.printf("  lines with problems, which stop the import until they are fixed: %d (on stderr).%n",
                    found.invalid());
        }
        out.printf("%n  %-6s %-16s %-10s %16s  %-22s %s%n", "line", "reference", "customer", "amount",
                "paid (" + zone.getId() + ")", "what becomes of it");
        for (PaymentJson p : found.payments()) {
            out.printf(Locale.ROOT, "  %-6d %-16s %-10s %16s  %-22s %s%n", p.line(), p.reference(), p.customerId(),
                    Formats.money(p.amountMinor(), found.currency()), VeeCommand.siteTime(p.paidAt(), zone),
                    fate(p));
        }
        if (toQueue > 0 && found.invalid() == 0) {
            out.printf("%nSend them with a supervisor's credential: gridside connect ... push --site %s%n",
                    options.siteFile);
        }
    }

    private static String fate(PaymentJson p) {
        return switch (p.fate()) {
            case "new" -> "queued";
            case "requeued" -> "queued again (refused before)";
            case "queued_already" -> "queued already";
            case "in_ledger" -> "in the ledger already (entry " + p.ledgerSeq() + ")";
            default -> "repeats an earlier line";
        };
    }
}
