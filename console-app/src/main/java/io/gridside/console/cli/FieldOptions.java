package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.Amounts;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.DebtOwed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** What the meter exchange and move commands share: registers in kWh, money, debts, and the gateway's refusals. */
final class FieldOptions {

    /** A register in kWh as a display shows it: digits, and up to three decimals (whole watt-hours). */
    private static final Pattern KWH = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,3})?");

    private FieldOptions() {
    }

    /** A register typed in kWh, in Wh exactly. */
    static long wattHours(String option, String kwh) {
        if (!KWH.matcher(kwh).matches()) {
            throw new UsageException(option + " takes a register in kWh with at most three decimals, such as "
                    + "1234.567; '" + kwh + "' is not one.");
        }
        return new BigDecimal(kwh).movePointRight(3).longValueExact();
    }

    /**
     * The register repeated in {@code option} to confirm a final register the console finds implausible, in Wh, or
     * null when none was; one that does not repeat {@code typedWh} exactly is a usage error.
     */
    static Long confirmation(String option, String kwh, long typedWh) {
        if (kwh == null) {
            return null;
        }
        long confirmed = wattHours(option, kwh);
        if (confirmed != typedWh) {
            throw new UsageException(option + " repeats the final register exactly, to confirm it: " + kwh
                    + " is not " + kwh(typedWh) + ".");
        }
        return confirmed;
    }

    /**
     * Prints what a typed final register implies (in text; JSON gives it with the answer), and whether it may be
     * sent: one beyond the plausible bound only when it was confirmed. A refusal is printed as the gateway's are.
     */
    static boolean sendable(CommandLine.Model.CommandSpec command, Optional<FinalRegister> check, Long confirmedWh,
            ZoneId zone, boolean json, String confirmOption) {
        if (check.isEmpty()) {
            return true;
        }
        if (!json) {
            command.commandLine().getOut().println(check.get().line(zone));
        }
        if (check.get().plausible() || confirmedWh != null) {
            return true;
        }
        command.commandLine().getErr().println("gridside: " + check.get().refusal(zone, confirmOption));
        return false;
    }

    /**
     * Whether the gateway answered a move with what it did before this session began: the same request again is
     * answered as it was, dated when it was done. A move made in the second the session began counts as new.
     */
    static boolean doneBefore(Instant doneAt, Instant sessionBegan) {
        return doneAt.isBefore(sessionBegan.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An amount typed in the currency's main unit, in minor units exactly; 0 is allowed. */
    static long minorUnits(String option, String amount, String currency) {
        try {
            return Amounts.parseMinor(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage() + ".", e);
        }
    }

    /** Text a command cannot do without, as typed; empty or only spaces is a usage error, not a refusal. */
    static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException(option + " must not be empty.");
        }
        return value;
    }

    /** A register in Wh as kWh with three decimals, as meters display it. */
    static String kwh(long wattHours) {
        return String.format(Locale.ROOT, "%d.%03d kWh", wattHours / 1000, wattHours % 1000);
    }

    /** Whether the gateway refused the request itself, which is a failed command rather than an unreachable one. */
    static boolean refusedByGateway(LinkException e) {
        return e.code() == LinkException.Code.GATEWAY_ERROR;
    }

    /** Prints the gateway's refusal as one line and gives the exit code of a failed command. */
    static int refused(CommandLine.Model.CommandSpec command, LinkException e) {
        command.commandLine().getErr().println("gridside: " + GridsideCommand.linkLine(e));
        return ExitCode.FAILED;
    }

    static List<String> debtLines(List<DebtOwed> debts, String currency) {
        List<String> lines = new ArrayList<>();
        for (DebtOwed debt : debts) {
            lines.add(debt.debtId() + " (" + debt.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                    + Formats.money(debt.remainingMinor(), currency) + " of "
                    + Formats.money(debt.principalMinor(), currency) + " still owed");
        }
        return lines;
    }

    static List<Map<String, Object>> debtFields(List<DebtOwed> debts) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DebtOwed debt : debts) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("debtId", debt.debtId());
            fields.put("kind", debt.kind().name());
            fields.put("principalMinor", debt.principalMinor());
            fields.put("remainingMinor", debt.remainingMinor());
            list.add(fields);
        }
        return list;
    }
}
