package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.PaymentOutbox;
import io.gridside.site.QueuedPayment;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside import outbox --site FILE}: the payments imported into a site database's outbox, what the gateway
 * answered for each, and whether the ledger pulled since holds it; without a gateway.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = {"Lists the payments imported into a site database's outbox: pending (not sent yet), credited, "
            + "credited before or refused by the gateway, and the ledger entry that posted each once a pull brought "
            + "it."})
final class ImportOutboxCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    /**
     * One payment of the outbox; the field names are a contract with scripts.
     *
     * @param ledgerSeq the ledger entry that posted it, when the pulled ledger holds it, else null
     */
    record OutboxJson(String reference, String customerId, long amountMinor, String currency, Instant paidAt,
            String source, String state, String code, String answer, Long ledgerSeq) {

        static OutboxJson of(PaymentOutbox.Row row) {
            QueuedPayment p = row.payment();
            return new OutboxJson(p.reference(), p.customerId(), p.amountMinor(), p.currency(), p.paidAt(),
                    p.source(), p.state().name().toLowerCase(Locale.ROOT), p.answerCode(), p.answer(),
                    row.ledgerSeq());
        }
    }

    @Override
    public Integer call() {
        List<OutboxJson> payments;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            payments = PaymentOutbox.rows(store).stream().map(OutboxJson::of).toList();
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(payments));
            return ExitCode.OK;
        }
        out.printf("The outbox of %s holds %d payments, %d of them waiting to be pushed.%n", siteFile,
                payments.size(), payments.stream().filter(p -> p.state().equals("pending")).count());
        for (OutboxJson p : payments) {
            out.printf(Locale.ROOT, "  %-16s %-10s %16s  %-22s %s%n", p.reference(), p.customerId(),
                    Formats.money(p.amountMinor(), p.currency()), p.source(), describe(p));
        }
        return ExitCode.OK;
    }

    private static String describe(OutboxJson p) {
        String state = switch (p.state()) {
            case "pending" -> "pending: push it with gridside connect ... push";
            case "refused" -> "refused: " + p.answer() + " [" + p.code() + "]";
            default -> p.state().replace('_', ' ');
        };
        return p.ledgerSeq() == null ? state : state + ", in the ledger (entry " + p.ledgerSeq() + ")";
    }
}
