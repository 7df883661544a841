package io.gridside.console.cli;

import io.gridside.console.service.CashBooks;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.store.SiteStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... cashup}: a technician's end-of-day cash-up from the gateway's cash book: the day's
 * receipts and voids and the cash to hand over, with those of a gateway this one replaced that the site database
 * holds, marked as theirs.
 */
@Command(name = "cashup", mixinStandardHelpOptions = true,
        description = {"Lists a technician's cash receipts and voids of one site day, and the cash to hand over.",
            "The hand-over is the day's receipts less the voids made that day. On the day a gateway was replaced,",
            "the dead gateway's receipts that the site database (--site, or the site's own) holds count too,",
            "marked as the replaced gateway's."})
final class CashUpCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--technician", paramLabel = "ID",
            description = "The technician whose cash-up it is (default: yours, as your credential says).")
    String technicianId;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD",
            description = "The site day (default: the gateway's today).")
    String day;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate asked = day == null ? null : parseDay(day);
        try (GatewayClient client = connect.open()) {
            CashBooks.Day book = withReplica(CashBooks.day(client, asked, CancelSignal.NEVER), client);
            String who = technicianId != null ? technicianId : client.credential().technicianId();
            CashUpPrinter.print(command.commandLine().getOut(), book.cashUp(who), book.zone(), json,
                    book::fromReplica);
        }
        return ExitCode.OK;
    }

    /**
     * The day with the lines the site database holds of a gateway this one replaced (decision 0089): on the day of
     * a replacement, the dead gateway's receipts the replica pulled are the technician's cash too.
     */
    private CashBooks.Day withReplica(CashBooks.Day book, GatewayClient client) {
        Optional<SiteStore> database = connect.openSiteDatabase(client);
        if (database.isEmpty()) {
            return book;
        }
        try (SiteStore store = database.get()) {
            return book.withReplica(store.cashBook());
        }
    }

    static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--day takes a date such as 2026-06-03; '" + text + "' is not one.", e);
        }
    }
}
