package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PaymentPush;
import io.gridside.console.service.Progress;
import io.gridside.console.service.ReadingPush;
import io.gridside.console.service.SiteMismatchException;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.QueuedPayment;
import io.gridside.site.QueuedRead;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... push}: sends the payments that {@code import payments} queued in the site's database
 * to the gateway, then the register reads that {@code import readings} and the exceptions queue's decisions queued,
 * and keeps each answer; exits with 1 when the gateway refused any.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends the payments queued in the site's database (by 'gridside import payments') to the "
            + "gateway, which alone posts them to the ledger, then the register reads queued (by 'gridside import "
            + "readings' and by decisions on the exceptions queue), which its billing takes: a read that fills a "
            + "gap billed by estimate, or an override of a register billed, posts what it moves as adjustments.",
            "Needs a supervisor's credential. The gateway credits each reference once, so pushing again is safe; "
                + "it posts what it credited at its next quarter hour, and 'connect ... audit' then pulls it."})
final class PushCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database file (default: connect's --site, else the site's own file in the "
                    + "data folder).")
    Path siteFile;

    @Option(names = "--json", description = "Print the answers as JSON.")
    boolean json;

    /** One payment sent and the gateway's answer. */
    record AnswerJson(String reference, String customerId, long amountMinor, String currency, String outcome,
            String code, String message) {

        static AnswerJson of(QueuedPayment p) {
            return new AnswerJson(p.reference(), p.customerId(), p.amountMinor(), p.currency(),
                    p.state().name(), p.answerCode(), p.answer());
        }
    }

    /** One read sent and the gateway's answer. */
    record ReadJson(String meterId, Instant readAt, long registerWh, String origin, String originId, String outcome,
            String code, String message) {

        static ReadJson of(QueuedRead r) {
            return new ReadJson(r.meterId(), r.readAt(), r.registerWh(), r.origin(), r.originId(), r.state().name(),
                    r.answerCode(), r.answer());
        }
    }

    /** What the push did; the field names are a contract with scripts (the reads' fields came later). */
    record PushJson(String gatewayId, long sent, long credited, long alreadyCredited, long refused,
            List<AnswerJson> payments, long readsSent, long readsRefused, List<ReadJson> reads) {
    }

    @Override
    public Integer call() throws Exception {
        PaymentPush.Result result;
        ReadingPush.Result reads;
        String gatewayId;
        try (GatewayClient client = connect.open()) {
            gatewayId = client.hello().gatewayId();
            Path database = siteFile != null ? siteFile
                    : connect.site != null ? connect.site
                    : AppDirs.forCurrentUser().siteDatabase(client.hello().siteId());
            try (SiteStore store = SiteFiles.openExisting(database)) {
                result = push(client, store);
                reads = store.pendingReads().isEmpty() ? new ReadingPush.Result(List.of())
                        : ReadingPush.run(client, store, Progress.NONE);
            }
        }
        PushJson pushed = new PushJson(gatewayId, result.answered().size(),
                result.count(QueuedPayment.State.CREDITED), result.count(QueuedPayment.State.ALREADY_CREDITED),
                result.count(QueuedPayment.State.REFUSED), result.answered().stream().map(AnswerJson::of).toList(),
                reads.answered().size(), reads.count(QueuedRead.State.REFUSED),
                reads.answered().stream().map(ReadJson::of).toList());
        print(pushed);
        return pushed.refused() > 0 || pushed.readsRefused() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static PaymentPush.Result push(GatewayClient client, SiteStore store) throws LinkException {
        try {
            return PaymentPush.run(client, store, Progress.NONE);
        } catch (SiteMismatchException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static void printReads(PushJson pushed, PrintWriter out) {
        if (pushed.readsSent() == 0) {
            return;
        }
        out.printf("Sent %d reads to gateway %s's billing: %d filled a gap, %d corrected a register, %d held "
                + "already, %d refused.%n", pushed.readsSent(), pushed.gatewayId(), count(pushed, "FILLED"),
                count(pushed, "CORRECTED"), count(pushed, "DUPLICATE"), pushed.readsRefused());
        for (ReadJson r : pushed.reads()) {
            if (r.code() != null) {
                out.printf(Locale.ROOT, "  %-10s %s %12d Wh  %-18s refused: %s [%s]%n", r.meterId(), r.readAt(),
                        r.registerWh(), r.originId(), r.message(), r.code());
            }
        }
    }

    private static long count(PushJson pushed, String outcome) {
        return pushed.reads().stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private void print(PushJson pushed) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(pushed));
            return;
        }
        printReads(pushed, out);
        if (pushed.sent() == 0) {
            out.println("The outbox holds no payment waiting for the gateway; import some with: gridside import "
                    + "payments FILE --site FILE.");
            return;
        }
        out.printf("Sent %d payments to gateway %s: %d credited, %d credited before, %d refused.%n", pushed.sent(),
                pushed.gatewayId(), pushed.credited(), pushed.alreadyCredited(), pushed.refused());
        for (AnswerJson p : pushed.payments()) {
            out.printf(Locale.ROOT, "  %-16s %-10s %16s  %s%n", p.reference(), p.customerId(),
                    Formats.money(p.amountMinor(), p.currency()), p.code() == null
                            ? p.outcome().toLowerCase(Locale.ROOT).replace('_', ' ')
                            : "refused: " + p.message() + " [" + p.code() + "]");
        }
        out.println("The gateway posts what it credited to its ledger at its next quarter hour; pull it with: "
                + "gridside connect ... audit.");
    }
}
