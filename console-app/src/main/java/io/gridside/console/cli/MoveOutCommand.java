package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.MoveOut;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... move-out}: closes a customer's account as they leave, and prints its final
 * statement. The meter's relay is opened and the meter is free for a move-in.
 */
@Command(name = "move-out", mixinStandardHelpOptions = true,
        description = {"Closes a customer's account as they move out, and prints the final statement (a "
                + "supervisor's credential only).",
            "Give the meter's register now with --final-kwh to bill the energy since its last reading."})
final class MoveOutCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer moving out.")
    String customerId;

    @Option(names = "--final-kwh", paramLabel = "KWH",
            description = "The meter's register at the move-out, in kWh (default: bill nothing more).")
    String finalKwh;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "A few words for the record.")
    String reason;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Long finalWh = finalKwh == null ? null : FieldOptions.wattHours("--final-kwh", finalKwh);
        try (GatewayClient client = connect.open()) {
            FinalStatement statement;
            try {
                statement = client.billing().moveOut(new MoveOut(customerId, finalWh, reason));
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
            print(statement, ZoneId.of(client.hello().timeZone()));
        }
        return ExitCode.OK;
    }

    private void print(FinalStatement statement, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(fields(statement)));
            return;
        }
        String currency = statement.currency();
        out.printf("Final statement of customer %s (%s), meter %s, closed %s%n", statement.customerId(),
                statement.customerName(), statement.meterId(), Formats.siteTime(statement.closedAt(), zone));
        out.printf("  Last reading:      %s, register %s%n", Formats.siteTime(statement.lastReadingAt(), zone),
                FieldOptions.kwh(statement.lastRegisterWh()));
        out.printf("  Final energy:      %s, %s%n", FieldOptions.kwh(statement.finalEnergyWh()),
                Formats.money(statement.finalChargeMinor(), currency));
        out.printf("  Balance:           %s%s%n", Formats.money(statement.balanceMinor(), currency),
                statement.balanceMinor() > 0 ? " (owed to the customer)"
                        : statement.balanceMinor() < 0 ? " (owed by the customer)" : "");
        out.printf("  Credit state:      %s%n", statement.creditState());
        List<String> debts = FieldOptions.debtLines(statement.debts(), currency);
        out.printf("  Debts outstanding: %s%n", debts.isEmpty() ? "none" : String.join("; ", debts));
        out.println("The account is closed and the meter's relay is being opened; the meter is free for a move-in.");
    }

    private static Map<String, Object> fields(FinalStatement statement) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerId", statement.customerId());
        fields.put("customerName", statement.customerName());
        fields.put("meterId", statement.meterId());
        fields.put("closedAt", statement.closedAt());
        fields.put("lastReadingAt", statement.lastReadingAt());
        fields.put("lastRegisterWh", statement.lastRegisterWh());
        fields.put("finalEnergyWh", statement.finalEnergyWh());
        fields.put("finalChargeMinor", statement.finalChargeMinor());
        fields.put("balanceMinor", statement.balanceMinor());
        fields.put("currency", statement.currency());
        fields.put("creditState", statement.creditState().name());
        fields.put("debts", FieldOptions.debtFields(statement.debts()));
        return fields;
    }
}
