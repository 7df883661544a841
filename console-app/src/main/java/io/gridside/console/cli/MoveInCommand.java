package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MovedIn;
import io.gridside.site.CustomerCategory;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... move-in}: opens a new customer's account on a meter that a move-out freed. */
@Command(name = "move-in", mixinStandardHelpOptions = true,
        description = {"Opens a new customer's account on a meter a move-out freed (a supervisor's credential "
                + "only).",
            "The account is billed from the meter's register at the move-in; the relay is closed by command."})
final class MoveInCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--meter", required = true, paramLabel = "METER",
            description = "The freed meter: its id, or the serial on its label.")
    String meterId;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The new customer's id.")
    String customerId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The new customer's name.")
    String name;

    @Option(names = "--category", paramLabel = "CATEGORY", defaultValue = "HOUSEHOLD",
            description = "HOUSEHOLD, SHOP or MILL (default: ${DEFAULT-VALUE}).")
    CustomerCategory category;

    @Option(names = "--opening-balance", paramLabel = "AMOUNT", defaultValue = "0",
            description = "The credit the account starts with, in the site's currency (default: 0).")
    String openingBalance;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FieldOptions.required("--name", name);
        connect.requireSigningKey("Moving a customer in");
        try (GatewayClient client = connect.open()) {
            long opening = FieldOptions.minorUnits("--opening-balance", openingBalance, client.hello().currency());
            String freed = MeterNames.meterId(client, meterId);
            MovedIn movedIn;
            try {
                movedIn = client.billing().moveIn(new MoveIn(freed, customerId, name, category, opening));
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
            boolean before = FieldOptions.doneBefore(movedIn.openedAt(), client.hello().clock());
            print(movedIn, ZoneId.of(client.hello().timeZone()), before);
        }
        return ExitCode.OK;
    }

    private void print(MovedIn movedIn, ZoneId zone, boolean before) {
        PrintWriter out = command.commandLine().getOut();
        if (before && !json) {
            out.printf("Customer %s moved in before, at %s; the gateway answers as it did then.%n",
                    movedIn.customerId(), Formats.siteTime(movedIn.openedAt(), zone));
        }
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("customerId", movedIn.customerId());
            fields.put("meterId", movedIn.meterId());
            fields.put("openedAt", movedIn.openedAt());
            fields.put("openingRegisterWh", movedIn.openingRegisterWh());
            fields.put("balanceMinor", movedIn.balanceMinor());
            fields.put("currency", movedIn.currency());
            fields.put("relay", movedIn.relay().name());
            fields.put("doneBefore", before);
            out.println(Json.write(fields));
            return;
        }
        out.printf("Customer %s moved in on meter %s at %s, billed from register %s.%n", movedIn.customerId(),
                movedIn.meterId(), Formats.siteTime(movedIn.openedAt(), zone),
                FieldOptions.kwh(movedIn.openingRegisterWh()));
        out.printf("Opening balance %s; the relay is commanded %s.%n",
                Formats.money(movedIn.balanceMinor(), movedIn.currency()), movedIn.relay());
    }
}
