package io.gridside.console.cli;

import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashUp;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill cashup --site FILE}: a technician's cash-up of a day from the cash book a pull kept in the
 * site database, without the gateway.
 */
@Command(name = "cashup", mixinStandardHelpOptions = true,
        description = {"Lists a technician's cash receipts and voids of one site day, and the cash to hand over, "
            + "from a site database.",
            "Reads the gateway's cash book as the last 'connect ... audit' pulled it; the gateway's own "
                + "'connect ... cashup' also sees what was taken since."})
final class BillCashUpCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--technician", paramLabel = "ID", required = true,
            description = "The technician whose cash-up it is.")
    String technicianId;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", required = true, description = "The site day.")
    String day;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() {
        LocalDate date = CashUpCommand.parseDay(day);
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            Optional<SiteInfo> site = store.site();
            if (site.isEmpty()) {
                throw SiteFiles.noSite(siteFile);
            }
            CashUp cashUp = CashUp.of(store.cashBook(), technicianId, date, site.get().zone(),
                    site.get().currency());
            CashUpPrinter.print(command.commandLine().getOut(), cashUp, site.get().zone(), json);
        }
        return ExitCode.OK;
    }
}
