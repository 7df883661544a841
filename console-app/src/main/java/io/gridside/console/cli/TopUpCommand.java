package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.Amounts;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.site.Currencies;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... topup}: credits cash collected on site to a customer. The gateway decides: it
 * takes each reference once and holds the credential to its offline cash limit.
 */
@Command(name = "topup", mixinStandardHelpOptions = true,
        description = {"Credits cash collected on site to a customer's account, under a receipt number.",
            "The gateway holds your credential to its offline cash limit and credits each reference once, so "
                + "running the same command again credits nothing more and shows the same receipt number."})
final class TopUpCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CustomerOrMeter who;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT",
            description = "The cash collected, in the currency's main unit, such as 500 or 499.50.")
    String amount;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "The currency of the cash, an ISO 4217 code (default: the site's).")
    String currency;

    @Option(names = "--reference", required = true, paramLabel = "REF",
            description = "The payment's own reference, such as the receipt's number.")
    String reference;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "A few words for the record.")
    String note;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FieldOptions.required("--reference", reference);
        connect.requireSigningKey("Crediting cash");
        try (GatewayClient client = connect.open()) {
            String code = currency != null ? currency : client.hello().currency();
            String meterId = who.meter == null ? null : MeterNames.meterId(client, who.meter);
            CashTopUp request = new CashTopUp(who.customerId, meterId, minorUnits(code), code, reference, note);
            CashReceipt receipt;
            try {
                receipt = client.topUp(request);
            } catch (LinkException e) {
                if (e.code() != LinkException.Code.GATEWAY_ERROR) {
                    throw e;
                }
                command.commandLine().getErr().println("gridside: " + GridsideCommand.linkLine(e));
                return ExitCode.FAILED;
            }
            print(receipt, ZoneId.of(client.hello().timeZone()));
        }
        return ExitCode.OK;
    }

    /** The amount in minor units of {@code code}, exactly; more decimals than the currency has is an error. */
    private long minorUnits(String code) {
        try {
            Currencies.exponent(code);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--currency takes an ISO 4217 code such as KES; '" + code + "' is not one.", e);
        }
        try {
            return Amounts.parse(amount, code);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--amount: " + e.getMessage() + ".", e);
        }
    }

    private void print(CashReceipt receipt, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(fields(receipt, zone)));
            return;
        }
        String money = Formats.money(receipt.amountMinor(), receipt.currency());
        if (receipt.outcome() == CashReceipt.Outcome.CREDITED) {
            // The time as the slip gives it, to the second in the site's zone: replace-gateway --receipt takes it so.
            out.printf("Receipt %s: credited %s in cash to customer %s under reference %s, paid %s.%n",
                    receipt.receipt(), money, receipt.customerId(), receipt.reference(), paidAt(receipt, zone));
        } else {
            out.printf("Reference %s was credited before (%s to customer %s, paid %s%s); nothing was credited "
                    + "again.%n", receipt.reference(), money, receipt.customerId(),
                    paidAt(receipt, zone),
                    receipt.receipt() == null ? "" : ", receipt " + receipt.receipt());
        }
        if (receipt.balanceAfterMinor() == null) {
            out.println("The gateway posts it to the ledger at its next quarter hour.");
        } else {
            out.printf("The customer's balance after it: %s.%n",
                    Formats.money(receipt.balanceAfterMinor(), receipt.currency()));
        }
        out.printf("Your credential may still credit %s in cash (limit %s, credited %s).%n",
                Formats.money(receipt.remainingMinor(), receipt.currency()),
                Formats.money(receipt.limitMinor(), receipt.currency()),
                Formats.money(receipt.usedMinor(), receipt.currency()));
    }

    private static String paidAt(CashReceipt receipt, ZoneId zone) {
        return receipt.paidAt() == null ? "at a time the gateway did not give" : Formats.siteSecond(receipt.paidAt(),
                zone);
    }

    private static Map<String, Object> fields(CashReceipt receipt, ZoneId zone) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", receipt.outcome().name());
        fields.put("receipt", receipt.receipt());
        fields.put("reference", receipt.reference());
        fields.put("customerId", receipt.customerId());
        fields.put("amountMinor", receipt.amountMinor());
        fields.put("currency", receipt.currency());
        fields.put("paidAt", receipt.paidAt());
        fields.put("paidAtSiteTime", receipt.paidAt() == null ? null : Formats.siteSecond(receipt.paidAt(), zone));
        fields.put("timeZone", zone.getId());
        fields.put("balanceAfterMinor", receipt.balanceAfterMinor());
        fields.put("limitMinor", receipt.limitMinor());
        fields.put("usedMinor", receipt.usedMinor());
        fields.put("remainingMinor", receipt.remainingMinor());
        return fields;
    }
}
