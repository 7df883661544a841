package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... void}: voids a cash receipt, which only a supervisor may, and not one taken under
 * their own credential. The gateway takes the payment's credit back with a correcting ledger entry.
 */
@Command(name = "void", mixinStandardHelpOptions = true,
        description = {"Voids a cash receipt (a supervisor's credential only).",
            "The gateway takes the payment's credit back from the customer and records who voided it, when and "
                + "why. Voiding the same receipt again changes nothing. A void does not give the technician's "
                + "credential back any room under its offline cash limit."})
final class VoidCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--receipt", required = true, paramLabel = "NUMBER",
            description = "The receipt's number as the gateway printed it, such as 3FA2C9-0007.")
    String receipt;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why the receipt is voided, for the record (at most 200 characters).")
    String reason;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FieldOptions.required("--reason", reason);
        connect.requireSigningKey("Voiding a receipt");
        try (GatewayClient client = connect.open()) {
            CashVoided voided;
            try {
                voided = client.billing().voidCash(new CashVoid(receipt, reason));
            } catch (LinkException e) {
                return refused(e, client);
            }
            print(voided, ZoneId.of(client.hello().timeZone()));
        }
        return ExitCode.OK;
    }

    private int refused(LinkException e, GatewayClient client) throws LinkException {
        PrintWriter err = command.commandLine().getErr();
        if (e.code() == LinkException.Code.FORBIDDEN) {
            err.println("gridside: Only a supervisor may void a receipt, and " + client.credential().technicianId()
                    + " signed in as a " + client.credential().role() + "; ask a supervisor to void receipt "
                    + receipt + ". [ROLE_FORBIDDEN]");
            return ExitCode.FAILED;
        }
        if (e.code() == LinkException.Code.GATEWAY_ERROR) {
            err.println("gridside: " + GridsideCommand.linkLine(e));
            return ExitCode.FAILED;
        }
        throw e;
    }

    private void print(CashVoided voided, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(fields(voided)));
            return;
        }
        String money = Formats.money(voided.amountMinor(), voided.currency());
        if (voided.outcome() == CashVoided.Outcome.VOIDED) {
            out.printf("Voided receipt %s: %s taken by %s from customer %s (reference %s).%n", voided.receipt(),
                    money, voided.technicianId(), voided.customerId(), voided.reference());
            out.println("The gateway takes the credit back from the customer at its next quarter hour.");
        } else {
            out.printf("Receipt %s was voided before, by %s at %s (%s); nothing more was done.%n", voided.receipt(),
                    voided.voidedBy(), Formats.siteTime(voided.voidedAt(), zone), voided.reason());
        }
    }

    private static Map<String, Object> fields(CashVoided voided) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", voided.outcome().name());
        fields.put("receipt", voided.receipt());
        fields.put("reference", voided.reference());
        fields.put("customerId", voided.customerId());
        fields.put("amountMinor", voided.amountMinor());
        fields.put("currency", voided.currency());
        fields.put("technicianId", voided.technicianId());
        fields.put("paidAt", voided.paidAt());
        fields.put("voidedAt", voided.voidedAt());
        fields.put("voidedBy", voided.voidedBy());
        fields.put("reason", voided.reason());
        return fields;
    }
}
