package io.gridside.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gridside.console.service.TariffUnits;
import io.gridside.site.Currencies;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffProblem;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffValidator;
import io.gridside.site.tariff.TariffVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill tariff-check FILE}: validates a tariff file and prints either each problem with its field
 * or a summary of its versions.
 */
@Command(name = "tariff-check", mixinStandardHelpOptions = true,
        description = {"Checks a tariff file: prints each problem with the field that holds it, or a summary of "
            + "the tariff's versions.",
            "Prices in the file are ten-thousandths of a minor unit per kWh (KES 25.00/kWh is 25000000); "
                + "amounts are minor units."},
        footer = {"", "Exit codes: 0 the tariff is valid; 1 it is not; 2 a usage error, such as a missing file."})
final class TariffCheckCommand implements Callable<Integer> {

    static final String TARIFF_INVALID = "TARIFF_INVALID";
    static final String TARIFF_UNREADABLE = "TARIFF_UNREADABLE";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The tariff file, JSON.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<TariffProblem> problems;
        TariffSchedule schedule = null;
        try {
            schedule = read(file);
            problems = TariffValidator.problems(schedule);
        } catch (InvalidTariffException e) {
            problems = e.problems();
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> out.println(problem.field() + ": " + problem.message()));
            command.commandLine().getErr().println("gridside: The tariff " + file + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ", listed above; fix the fields they "
                    + "name. [" + TARIFF_INVALID + "]");
            return ExitCode.FAILED;
        }
        printSummary(schedule, out);
        return ExitCode.OK;
    }

    /** The schedule in {@code file}, not yet validated; the simulator's {@code --tariff} reads it the same way. */
    static TariffSchedule read(Path file) {
        try {
            return TariffFile.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("The tariff file " + file + " does not exist; check the path.", e,
                    TARIFF_UNREADABLE);
        } catch (AccessDeniedException e) {
            throw new UsageException("The tariff file " + file + " cannot be opened: this user may not read it.", e,
                    TARIFF_UNREADABLE);
        } catch (JsonProcessingException e) {
            throw new InvalidTariffException(List.of(new TariffProblem("(file)", "is not JSON: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UsageException("The tariff file " + file + " cannot be read: " + e.getMessage(), e,
                    TARIFF_UNREADABLE);
        }
    }

    static void printSummary(TariffSchedule schedule, PrintWriter out) {
        out.printf("Tariff %s in %s: %d %s, valid.%n", schedule.tariffId(), schedule.currency(),
                schedule.versions().size(), schedule.versions().size() == 1 ? "version" : "versions");
        for (TariffVersion version : schedule.versions()) {
            out.printf("from %s:%n", version.effectiveFrom());
            out.printf("  energy   %s%n", blocks(version, schedule.currency()));
            if (!version.tou().isEmpty()) {
                out.printf("  tou      %d bands%n", version.tou().size());
            }
            if (version.standing() != null) {
                out.printf("  standing %s %s%s%n", money(version.standing().amountMinor(), schedule.currency()),
                        version.standing().period().name().toLowerCase(),
                        version.standing().dueDay() == null ? "" : ", due on day " + version.standing().dueDay());
            }
            if (version.minimumMonthlyMinor() != null) {
                out.printf("  minimum  %s a month%n", money(version.minimumMonthlyMinor(), schedule.currency()));
            }
            for (ChargeLine line : version.charges()) {
                out.printf("  %-8s %s %s%n", line.kind().name().toLowerCase(), line.name(), line.basisPoints() != null
                        ? BigDecimal.valueOf(line.basisPoints(), 2).toPlainString() + "% of energy"
                        : price(line.price(), schedule.currency()));
            }
            if (version.lifelinePowerLimitWatts() != null) {
                out.printf("  lifeline power limit %d W%n", version.lifelinePowerLimitWatts());
            }
        }
    }

    /** A version's energy blocks in the currency per kWh: KES 10.00/kWh lifeline up to 30000 Wh, then ... */
    static String blocks(TariffVersion version, String currency) {
        String blocks = version.blocks().stream()
                .map(block -> price(block.price(), currency) + upTo(block))
                .collect(Collectors.joining(", then "));
        return version.blocks().size() > 1 ? blocks + " (reset " + version.blockReset().name().toLowerCase() + ")"
                : blocks;
    }

    private static String upTo(Block block) {
        String lifeline = block.lifeline() ? " lifeline" : "";
        return block.upToWh() == null ? lifeline : lifeline + " up to " + block.upToWh() + " Wh";
    }

    /** A price in the currency's main unit per kWh, exactly: KES 25.0005/kWh. */
    static String price(long price, String currency) {
        return currency + " " + TariffUnits.price(price, currency) + "/kWh";
    }

    private static String money(long minor, String currency) {
        return currency + " " + Currencies.toDecimal(minor, currency).toPlainString();
    }
}
