package io.gridside.console.cli;

import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.sim.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside sim month}: makes (or finds in the cache) a month of a simulated site's data. */
@Command(name = "month", mixinStandardHelpOptions = true,
        description = {"Makes a month of a simulated site's data, or finds it in the cache.",
            "Writes a site database, as the benchmarks use it, and prints its path."})
final class SimMonthCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--meters", paramLabel = "N", defaultValue = "500",
            description = "How many meters the site has (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "The seed of the site and its loads (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = MonthSpec.NO_SCENARIO,
            description = "A scenario 'gridside scenarios' lists, or none (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--days", paramLabel = "D", defaultValue = "" + MonthSpec.DEFAULT_DAYS,
            description = "How many simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--cache", paramLabel = "DIR",
            description = {"The cache folder (default: the gridside.months.dir property,",
                "else gridside/months in the user's cache folder, ~/.cache by default)."})
    Path cache;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the month to FILE, replacing it.")
    Path out;

    @Override
    public Integer call() {
        MonthSpec spec = spec();
        Path file;
        try {
            file = SiteMonth.obtain(spec, cache == null ? SiteMonth.defaultCache() : cache);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                    : e.getMessage();
            throw new UsageException(reason + "; give more --meters or another --scenario.", e);
        }
        if (out != null) {
            file = copy(file, out);
        }
        command.commandLine().getOut().println(file.toAbsolutePath());
        return ExitCode.OK;
    }

    private MonthSpec spec() {
        if (!MonthSpec.NO_SCENARIO.equals(scenario) && !Scenarios.names().contains(scenario)) {
            throw new UsageException("sim month plays a scenario that ships with the simulator, one of "
                    + String.join(", ", Scenarios.names()) + ", or none; '" + scenario + "' is not one.");
        }
        try {
            return new MonthSpec(meters, seed, scenario, days);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The month cannot be made: " + e.getMessage() + ".", e);
        }
    }

    /** Copies through a temporary file beside {@code target}, so that a copy cut short leaves no half month. */
    private static Path copy(Path month, Path target) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
            try {
                Files.copy(month, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("The month could not be copied to " + target + ": " + e.getMessage(), e);
        }
    }
}
