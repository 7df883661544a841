package io.gridside.console.cli;

import io.gridside.console.service.LedgerVerification;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside bill verify --site FILE}: re-walks the ledger's hash chain and balances of a site database. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-walks the ledger a site database holds: its hash chain from the first entry, each "
            + "customer's balance derived from the entries, and the trial balance (debits = credits per account).",
            "Exits 1 and names the first broken entry when the chain or a balance does not hold."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Override
    public Integer call() {
        LedgerVerification.Outcome outcome;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            outcome = LedgerVerification.run(store);
        }
        if (!outcome.intact()) {
            command.commandLine().getErr().println("gridside: " + outcome.summary());
            return ExitCode.FAILED;
        }
        PrintWriter out = command.commandLine().getOut();
        out.println(outcome.summary());
        out.println();
        LedgerVerification.trialBalanceLines(outcome.trialBalance()).forEach(out::println);
        return ExitCode.OK;
    }
}
