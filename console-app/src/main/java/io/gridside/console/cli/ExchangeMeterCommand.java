package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.MeterExchanged;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... exchange-meter}: replaces a faulty meter. The gateway bills the old meter up to its
 * final register and carries the customer's account, with balance, debts and credit state, to the new meter.
 */
@Command(name = "exchange-meter", mixinStandardHelpOptions = true,
        description = {"Replaces a faulty meter: the customer's account moves to the new meter.",
            "The gateway bills the old meter's energy up to its final register; the new meter's opening register "
                + "is not billed. Balance, debts and credit state carry over, and the new meter joins the mesh."})
final class ExchangeMeterCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--old", required = true, paramLabel = "METER",
            description = "The meter taken out: its id, or the serial on its label.")
    String oldMeterId;

    @Option(names = "--new", required = true, paramLabel = "METER", description = "The meter fitted in its place.")
    String newMeterId;

    @Option(names = "--old-final-kwh", required = true, paramLabel = "KWH",
            description = "The old meter's register when taken out, in kWh, such as 1234.567.")
    String oldFinalKwh;

    @Option(names = "--confirm-kwh", paramLabel = "KWH",
            description = "The old meter's final register again, to send one above what the meter could "
                    + "plausibly have passed since its last reading.")
    String confirmKwh;

    @Option(names = "--new-opening-kwh", required = true, paramLabel = "KWH",
            description = "The new meter's register when fitted, in kWh.")
    String newOpeningKwh;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the meter was replaced.")
    String reason;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FieldOptions.required("--reason", reason);
        long oldFinalWh = FieldOptions.wattHours("--old-final-kwh", oldFinalKwh);
        long newOpeningWh = FieldOptions.wattHours("--new-opening-kwh", newOpeningKwh);
        Long confirmedWh = FieldOptions.confirmation("--confirm-kwh", confirmKwh, oldFinalWh);
        try (GatewayClient client = connect.open()) {
            String oldId = MeterNames.meterId(client, oldMeterId);
            ExchangeMeter request = new ExchangeMeter(oldId, newMeterId, oldFinalWh, newOpeningWh, reason);
            ZoneId zone = ZoneId.of(client.hello().timeZone());
            Optional<FinalRegister> check = FinalRegister.check(client, s -> s.meterId().equals(oldId),
                    request.oldFinalRegisterWh());
            if (!FieldOptions.sendable(command, check, confirmedWh, zone, json, "--confirm-kwh")) {
                return ExitCode.FAILED;
            }
            MeterExchanged exchanged;
            try {
                exchanged = client.billing().exchangeMeter(request);
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
            print(exchanged, zone, check);
        }
        return ExitCode.OK;
    }

    private void print(MeterExchanged done, ZoneId zone, Optional<FinalRegister> check) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            Map<String, Object> fields = fields(done);
            check.ifPresent(c -> fields.put("finalRegisterCheck", c.fields()));
            out.println(Json.write(fields));
            return;
        }
        String currency = done.currency();
        out.printf("Meter %s replaced by meter %s for customer %s at %s.%n", done.oldMeterId(), done.newMeterId(),
                done.customerId(), Formats.siteTime(done.at(), zone));
        out.printf("Old meter's last energy billed: %s, %s.%n", FieldOptions.kwh(done.finalEnergyWh()),
                Formats.money(done.finalChargeMinor(), currency));
        out.printf("Carried to the new meter: balance %s, credit state %s, relay %s.%n",
                Formats.money(done.balanceAfterMinor(), currency), done.creditState(), done.relay());
        for (String line : FieldOptions.debtLines(done.debts(), currency)) {
            out.println("Debt carried: " + line + ".");
        }
        out.println("The new meter joins the mesh at the gateway's next quarter hour.");
    }

    private static Map<String, Object> fields(MeterExchanged done) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerId", done.customerId());
        fields.put("oldMeterId", done.oldMeterId());
        fields.put("newMeterId", done.newMeterId());
        fields.put("at", done.at());
        fields.put("finalEnergyWh", done.finalEnergyWh());
        fields.put("finalChargeMinor", done.finalChargeMinor());
        fields.put("balanceAfterMinor", done.balanceAfterMinor());
        fields.put("currency", done.currency());
        fields.put("creditState", done.creditState().name());
        fields.put("relay", done.relay().name());
        fields.put("debts", FieldOptions.debtFields(done.debts()));
        return fields;
    }
}
