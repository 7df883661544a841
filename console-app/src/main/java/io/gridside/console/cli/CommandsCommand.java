package io.gridside.console.cli;

import io.gridside.console.service.CommandAudit;
import io.gridside.console.service.KeptCommandLog;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.Message;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... commands}: pulls the gateway's command log, keeps it in the site's database when
 * there is one (decision 0092), and checks every signed command on the console's own terms; exits with 1 when one
 * does not check out.
 */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Lists the signed commands that moved money at the gateway, each checked against the key its "
            + "credential names.")
final class CommandsCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        List<CommandsBatch.Entry> log = new ArrayList<>();
        String siteId;
        try (GatewayClient client = connect.open()) {
            siteId = client.hello().siteId();
            client.billing().commands(0, (batch, received, total) -> log.addAll(batch), CancelSignal.NEVER);
            Optional<SiteStore> database = connect.openSiteDatabase(client);
            if (database.isPresent()) {
                try (SiteStore store = database.get()) {
                    KeptCommandLog.keepRead(store, client.hello(), log);
                }
            }
        }
        CommandAudit.Result result = CommandAudit.verify(log, siteId);
        PrintWriter out = command.commandLine().getOut();
        print(result, out);
        return result.broken().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    static void print(CommandAudit.Result result, PrintWriter out) {
        for (CommandAudit.Verified verified : result.verified()) {
            out.printf("%d  %s  %s  %s -> %s  signature valid%n", verified.entry().seq(), verified.entry().takenAt(),
                    verified.credential().technicianId(), verified.request().getClass().getSimpleName(),
                    answer(verified.answer()));
        }
        for (CommandAudit.Broken broken : result.broken()) {
            out.printf("%d  DOES NOT CHECK OUT: %s%n", broken.seq(), broken.reason());
        }
        out.printf("%d signed commands, %d valid, %d that do not check out.%n",
                result.verified().size() + result.broken().size(), result.verified().size(), result.broken().size());
    }

    private static String answer(Message answer) {
        if (answer instanceof TariffPushed pushed) {
            return "TariffPushed (version " + pushed.versionNumber() + ", " + pushed.posted().size()
                    + " adjustments" + (pushed.posted().isEmpty() ? "" : ", entries " + pushed.posted().get(0).seq()
                    + " to " + pushed.posted().get(pushed.posted().size() - 1).seq()) + ")";
        }
        if (answer instanceof ReadingsTaken taken) {
            return "ReadingsTaken " + outcomes(taken) + (taken.postedSeqs().isEmpty() ? ", nothing posted"
                    : ", adjustments " + taken.postedSeqs().stream().map(String::valueOf)
                            .collect(Collectors.joining(" ")));
        }
        return answer instanceof ErrorReply error ? "refused " + error.code() : answer.getClass().getSimpleName();
    }

    /** How many reads came to each outcome, as {@code (11 filled, 1 refused)}. */
    private static String outcomes(ReadingsTaken taken) {
        Map<ReadingsTaken.Outcome, Long> counts = new EnumMap<>(ReadingsTaken.Outcome.class);
        taken.results().forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
