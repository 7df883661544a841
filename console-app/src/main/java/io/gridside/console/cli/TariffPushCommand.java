package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.site.LedgerEntry;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffProblem;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffValidator;
import io.gridside.site.tariff.TariffVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... tariff-push FILE}: sends the newest version of a tariff file (as the Tariffs screen
 * saves it) to the gateway, which re-rates from its effective time and posts what moved as adjustments.
 */
@Command(name = "tariff-push", mixinStandardHelpOptions = true,
        description = {"Sends the newest version of a tariff file to the gateway (a supervisor's credential only).",
            "The version may take effect in the past, as far back as the gateway still re-rates (a week); the "
                + "gateway re-rates every customer from then and posts only what moved, as adjustments.",
            "Sending the same version again posts nothing more."},
        footer = {"", "Exit codes: 0 the version is in the gateway's schedule; 1 the file is invalid or the gateway "
            + "refused it; 2 a usage error; 3 the gateway could not be reached."})
final class TariffPushCommand implements Callable<Integer> {

    /** The console's refusal of a version dated after the gateway's clock without {@code --future}. */
    static final String TARIFF_IN_FUTURE = "TARIFF_IN_FUTURE";

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The tariff file, whose last version is the one sent.")
    Path file;

    @Option(names = "--effective", paramLabel = "WHEN", description = {"When the version takes effect, a date or "
            + "date-time in the site's time zone (2026-12-04 or 2026-12-04T06:00), in place of the file's."})
    String effective;

    @Option(names = "--future", description = {"Send a version that takes effect after the gateway's clock. A "
            + "version is never changed and a later-dated one shuts out any dated before it, so a mistyped future "
            + "date cannot be mended by another push: without this, such a version is not sent."})
    boolean future;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TariffSchedule schedule = TariffCheckCommand.read(file);
        TariffVersion version = withEffective(newest(schedule));
        List<TariffVersion> versions = new ArrayList<>(schedule.versions());
        versions.set(versions.size() - 1, version);
        List<TariffProblem> problems = TariffValidator.problems(new TariffSchedule(schedule.tariffId(),
                schedule.currency(), versions));
        if (!problems.isEmpty()) {
            PrintWriter err = command.commandLine().getErr();
            problems.forEach(problem -> err.println(problem.field() + ": " + problem.message()));
            err.println("gridside: The tariff " + file + " has problems, listed above; fix the fields they name. ["
                    + TariffCheckCommand.TARIFF_INVALID + "]");
            return ExitCode.FAILED;
        }
        String oneVersion = TariffFile.write(new TariffSchedule(schedule.tariffId(), schedule.currency(),
                List.of(version)));
        try (GatewayClient client = connect.open()) {
            ZoneId zone = ZoneId.of(client.hello().timeZone());
            LocalDateTime gatewayNow = LocalDateTime.ofInstant(client.lastGatewayClock(), zone);
            if (!future && version.effectiveFrom().isAfter(gatewayNow)) {
                command.commandLine().getErr().println("gridside: The version takes effect "
                        + version.effectiveFrom() + ", after the gateway's clock (" + gatewayNow.withNano(0)
                        + "); a version is never changed and would shut out any dated before it. Check the date, "
                        + "and send it with --future if it is meant. [" + TARIFF_IN_FUTURE + "]");
                return ExitCode.FAILED;
            }
            TariffPushed pushed;
            try {
                pushed = client.billing().pushTariff(new PushTariff(versions.size(), oneVersion));
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
            print(pushed, version, client.hello().currency(), zone);
        }
        return ExitCode.OK;
    }

    private TariffVersion newest(TariffSchedule schedule) {
        if (schedule.versions().isEmpty()) {
            throw new UsageException("The tariff file " + file + " holds no version to send.");
        }
        return schedule.versions().get(schedule.versions().size() - 1);
    }

    private TariffVersion withEffective(TariffVersion version) {
        if (effective == null) {
            return version;
        }
        LocalDateTime from;
        try {
            from = effective.contains("T") ? LocalDateTime.parse(effective)
                    : LocalDate.parse(effective).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new UsageException("--effective takes a date or date-time such as 2026-12-04 or "
                    + "2026-12-04T06:00, not " + effective + ".", e);
        }
        return new TariffVersion(from, version.currency(), version.blocks(), version.blockReset(), version.tou(),
                version.standing(), version.minimumMonthlyMinor(), version.charges(),
                version.lifelinePowerLimitWatts());
    }

    private void print(TariffPushed pushed, TariffVersion version, String currency, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        Map<String, Long> byCustomer = new TreeMap<>();
        pushed.posted().forEach(entry -> byCustomer.merge(entry.customerId(), entry.amountMinor(), Long::sum));
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("versionNumber", pushed.versionNumber());
            fields.put("effectiveFrom", version.effectiveFrom().toString());
            fields.put("knownAt", pushed.knownAt());
            fields.put("repeated", pushed.repeated());
            fields.put("configDigest", HexFormat.of().formatHex(pushed.configDigest().toByteArray()));
            fields.put("perCustomerMinor", byCustomer);
            fields.put("adjustments", pushed.posted().stream().map(TariffPushCommand::fields).toList());
            fields.put("netMinor", pushed.netMinor());
            fields.put("currency", currency);
            out.println(Json.write(fields));
            return;
        }
        if (pushed.repeated()) {
            out.printf("The gateway holds version %d as sent already; nothing more was posted.%n",
                    pushed.versionNumber());
            return;
        }
        out.printf("Version %d takes effect %s; the gateway re-rated from then after its tick of %s.%n",
                pushed.versionNumber(), version.effectiveFrom(), Formats.siteTime(pushed.knownAt(), zone));
        byCustomer.forEach((customer, minor) -> out.printf("  %-12s %s%n", customer,
                Formats.money(minor, currency)));
        out.printf("%d adjustments to %d customers, net %s (positive gives back).%n", pushed.posted().size(),
                byCustomer.size(), Formats.money(pushed.netMinor(), currency));
    }

    private static Map<String, Object> fields(LedgerEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", entry.seq());
        fields.put("customerId", entry.customerId());
        fields.put("amountMinor", entry.amountMinor());
        fields.put("reference", entry.reference());
        return fields;
    }
}
