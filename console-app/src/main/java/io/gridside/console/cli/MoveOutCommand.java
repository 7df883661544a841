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
import java.util.Optional;
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
            "Give the meter's register now with --final-kwh to bill the energy since its last reading; without it "
                + "the gateway reads the meter over the mesh, and a meter it cannot reach leaves that energy "
                + "billed to no one."})
final class MoveOutCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer moving out.")
    String customerId;

    @Option(names = "--final-kwh", paramLabel = "KWH",
            description = "The meter's register at the move-out, in kWh (default: the gateway reads it from the "
                    + "meter, or bills nothing more when the meter is off the mesh).")
    String finalKwh;

    @Option(names = "--confirm-kwh", paramLabel = "KWH",
            description = "The final register again, to send one above what the meter could plausibly have "
                    + "passed since its last reading.")
    String confirmKwh;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "A few words for the record.")
    String reason;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Long finalWh = finalKwh == null ? null : FieldOptions.wattHours("--final-kwh", finalKwh);
        if (finalWh == null && confirmKwh != null) {
            throw new UsageException("--confirm-kwh repeats a final register given with --final-kwh; give both.");
        }
        Long confirmedWh = finalWh == null ? null : FieldOptions.confirmation("--confirm-kwh", confirmKwh, finalWh);
        try (GatewayClient client = connect.open()) {
            ZoneId zone = ZoneId.of(client.hello().timeZone());
            Optional<FinalRegister> check = Optional.empty();
            if (finalWh != null) {
                check = FinalRegister.check(client, s -> s.customerId().equals(customerId), finalWh);
                if (!FieldOptions.sendable(command, check, confirmedWh, zone, json, "--confirm-kwh")) {
                    return ExitCode.FAILED;
                }
            }
            FinalStatement statement;
            try {
                statement = client.billing().moveOut(new MoveOut(customerId, finalWh, reason));
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
            boolean before = FieldOptions.doneBefore(statement.closedAt(), client.hello().clock());
            print(statement, zone, before, check);
        }
        return ExitCode.OK;
    }

    private void print(FinalStatement statement, ZoneId zone, boolean before, Optional<FinalRegister> check) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            Map<String, Object> fields = fields(statement);
            fields.put("finalRegisterTyped", finalKwh != null);
            fields.put("doneBefore", before);
            check.ifPresent(c -> fields.put("finalRegisterCheck", c.fields()));
            out.println(Json.write(fields));
            return;
        }
        if (before) {
            out.printf("Customer %s moved out before, at %s; the gateway answers with the statement it gave then.%n",
                    statement.customerId(), Formats.siteTime(statement.closedAt(), zone));
        }
        String currency = statement.currency();
        out.printf("Final statement of customer %s (%s), meter %s, closed %s%n", statement.customerId(),
                statement.customerName(), statement.meterId(), Formats.siteTime(statement.closedAt(), zone));
        // The gateway's last reading is the one before the move-out; a typed final register is the technician's.
        out.printf("  Last reading:      %s, register %s%n", Formats.siteTime(statement.lastReadingAt(), zone),
                FieldOptions.kwh(statement.lastRegisterWh() - statement.finalEnergyWh()));
        printFinalRegister(out, statement);
        out.printf("  Balance:           %s%s%n", Formats.money(statement.balanceMinor(), currency),
                statement.balanceMinor() > 0 ? " (owed to the customer)"
                        : statement.balanceMinor() < 0 ? " (owed by the customer)" : "");
        out.printf("  Credit state:      %s%n", statement.creditState());
        List<String> debts = FieldOptions.debtLines(statement.debts(), currency);
        out.printf("  Debts outstanding: %s%n", debts.isEmpty() ? "none" : String.join("; ", debts));
        out.println("The account is closed and the meter's relay is being opened; the meter is free for a move-in.");
    }

    private static void printFinalRegister(PrintWriter out, FinalStatement statement) {
        switch (statement.finalRegisterSource()) {
            case FinalStatement.TYPED -> out.printf("  Final register:    %s, typed by the technician at the "
                    + "move-out%n", FieldOptions.kwh(statement.lastRegisterWh()));
            case FinalStatement.METER -> out.printf("  Final register:    %s, read from the meter over the mesh "
                    + "at the move-out (none was typed)%n", FieldOptions.kwh(statement.lastRegisterWh()));
            default -> {
                out.printf("  Final register:    none typed, and meter %s could not be read over the mesh (no "
                        + "route or no power)%n", statement.meterId());
                out.printf("                     the energy since the last reading, the last quarter hour's, could "
                        + "not be settled: it is billed to no one%n");
                out.printf("                     typing the display's register with --final-kwh at a move-out "
                        + "avoids this%n");
                return;
            }
        }
        out.printf("  Final energy:      %s, %s%n", FieldOptions.kwh(statement.finalEnergyWh()),
                Formats.money(statement.finalChargeMinor(), statement.currency()));
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
        fields.put("finalRegisterSource", statement.finalRegisterSource());
        fields.put("balanceMinor", statement.balanceMinor());
        fields.put("currency", statement.currency());
        fields.put("creditState", statement.creditState().name());
        fields.put("debts", FieldOptions.debtFields(statement.debts()));
        return fields;
    }
}
