package io.gridside.console.cli;

import io.gridside.sim.SimBilling;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.MeshTopology;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioRunner;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.SiteCalendar;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that shape a simulated site, shared by {@code demo} and {@code sim}. */
final class SiteOptions {

    @Option(names = "--meters", paramLabel = "N", defaultValue = "60",
            description = "How many meters the site has (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--days", paramLabel = "D",
            description = "Days of history the gateway holds at start (default: 1, or the scenario's length).")
    Integer days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "The seed: the same seed gives the same site and readings (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", paramLabel = "X|max", defaultValue = "1", converter = SpeedConverter.class,
            description = {"How much faster than real time the site's clock runs (default: ${DEFAULT-VALUE}); max "
                + "runs it as fast as the machine can simulate the site, months in a minute: for soak runs, since "
                + "credentials soon expire by so fast a clock."})
    double speed;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = {"Play a scenario from the start of "
        + "the site's history: one of those 'gridside scenarios' lists, or a scenario file."})
    String scenarioName;

    @Option(names = "--billing", paramLabel = "flat|realistic", defaultValue = "flat",
            description = {"What the gateway bills with (default: ${DEFAULT-VALUE}): flat is the site reply's flat "
                + "tariff under plain terms; realistic is a daily lifeline block, an evening peak band and VAT, "
                + "with night, weekend and holiday grace, a small emergency credit, two customers never cut off "
                + "and a few appliance loans."})
    String billing = "flat";

    @Option(names = "--tariff", paramLabel = "FILE", description = {"Bill with this tariff file (JSON, as "
        + "'gridside bill tariff-check' reads it) instead of the realistic schedule; implies --billing realistic."})
    Path tariffFile;

    @Option(names = "--calendar", paramLabel = "FILE", description = {"Grant grace by this site calendar file "
        + "(night, weekend, holiday and every-year lines) instead of the realistic one; implies --billing "
        + "realistic."})
    Path calendarFile;

    private Scenario scenario;

    /** Reads a speed: a number, or {@code max} for a clock as fast as the site can run. */
    static final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if ("max".equalsIgnoreCase(value)) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
            }
        }
    }

    /** The scenario asked for, or none; read once. */
    Scenario scenario() {
        if (scenario == null) {
            try {
                scenario = scenarioName == null ? Scenario.NONE : Scenarios.byNameOrFile(scenarioName);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        return scenario;
    }

    SiteSpec spec() {
        if (!(speed > 0) || speed > 1_000_000 && !Double.isInfinite(speed)) {
            throw new UsageException("--speed must be above 0 and at most 1000000, or max; was " + speed + ".");
        }
        if (meters < 1 || meters > 20_000) {
            throw new UsageException("--meters must be between 1 and 20000, was " + meters + ".");
        }
        int history = days != null ? days : scenarioName != null ? scenario().days() : 1;
        if (history < 0 || history > 400) {
            throw new UsageException("--days must be between 0 and 400, was " + history + ".");
        }
        SiteSpec spec = new SiteSpec(meters, seed, history, Instant.now(), simBilling());
        checkScenarioFits(spec);
        return spec;
    }

    /** The billing asked for, its files read and checked before any site starts. */
    private SimBilling simBilling() {
        if (!billing.equals("flat") && !billing.equals("realistic")) {
            throw new UsageException("--billing must be flat or realistic, was '" + billing + "'.");
        }
        if (billing.equals("flat") && tariffFile == null && calendarFile == null) {
            return SimBilling.FLAT;
        }
        return new SimBilling(true, tariffFile == null ? null : schedule(tariffFile),
                calendarFile == null ? null : calendar(calendarFile));
    }

    private static TariffSchedule schedule(Path file) {
        try {
            TariffSchedule schedule = TariffCheckCommand.read(file).validated();
            if (!schedule.currency().equals(SimBilling.CURRENCY)) {
                throw new UsageException("The tariff file " + file + " prices in " + schedule.currency()
                        + ", but the simulated site bills in " + SimBilling.CURRENCY + ".");
            }
            return schedule;
        } catch (InvalidTariffException e) {
            throw new UsageException("The tariff file " + file + " is invalid: " + e.getMessage()
                    + " 'gridside bill tariff-check " + file + "' lists every problem.", e);
        }
    }

    private static SiteCalendar calendar(Path file) {
        try {
            return SiteCalendar.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UsageException("The calendar file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The calendar file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Refuses, before any site starts, a scenario that names a meter or feeder the site will not have. */
    private void checkScenarioFits(SiteSpec spec) {
        if (scenarioName == null) {
            return;
        }
        SiteLayout layout = SiteGenerator.generate(spec);
        try {
            ScenarioRunner.check(scenario(), MeshTopology.fixed(layout.gatewayId(), layout.meters()),
                    layout.grid().names());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; give more --meters or another scenario.", e);
        }
    }
}
