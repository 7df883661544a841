package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside commission create-site}: a new site database for a site that has never been online. */
@Command(name = "create-site", mixinStandardHelpOptions = true,
        description = {"Creates a new site database for a site being commissioned: its id, name, operator, "
            + "currency, time zone, holidays and location. An existing file is never overwritten."},
        footer = {"", "Exit codes: 0 the site was created; 2 a usage error, such as a file that exists already."})
final class CommissionCreateSiteCommand implements Callable<Integer> {

    static final String SITE_EXISTS = "SITE_EXISTS";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", description = {"The new site database's path (default: the "
            + "site's own file in the data folder, which the console and gridside connect use for the site once it "
            + "is live)."})
    Path siteFile;

    @Option(names = "--id", required = true, description = "The site's id, as the operator issued it.")
    String siteId;

    @Option(names = "--name", required = true, description = "The site's name as people say it.")
    String name;

    @Option(names = "--operator", required = true, description = "The operator that runs the site.")
    String operator;

    @Option(names = "--currency", required = true, description = "The ISO 4217 code of its currency, such as KES.")
    String currency;

    @Option(names = "--zone", required = true, description = "Its time zone, such as Africa/Nairobi.")
    String zone;

    @Option(names = "--holidays", paramLabel = "DATE,...", split = ",",
            description = "Its public holidays, such as 2026-12-25,2027-01-01.")
    List<String> holidays = List.of();

    @Option(names = "--location", paramLabel = "LAT,LON", required = true,
            description = "The gateway's latitude and longitude in degrees, such as -0.1022,34.7617.")
    String location;

    @Option(names = "--json", description = "Print the site as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SitePlan plan = plan();
        Path file = siteFile != null ? siteFile : AppDirs.forCurrentUser().siteDatabase(plan.siteId());
        try (SiteStore store = CommissionRecords.createSite(file, plan, Instant.now())) {
            if (json) {
                command.commandLine().getOut().println(Json.write(plan));
            } else {
                command.commandLine().getOut().printf("Created site %s (%s) in %s. Next: load the operator's "
                        + "tariffs and customers with gridside commission tariffs and customers.%n", plan.siteId(),
                        plan.name(), store.file());
            }
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e, SITE_EXISTS);
        }
        return ExitCode.OK;
    }

    private static LocalDate holiday(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("A holiday is a date such as 2026-12-25, not '" + text + "'", e);
        }
    }

    private SitePlan plan() {
        try {
            String[] parts = location.split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException("A location is LAT,LON in degrees, such as -0.1022,34.7617: "
                        + location);
            }
            List<LocalDate> days = holidays.stream().map(String::strip).map(CommissionCreateSiteCommand::holiday)
                    .sorted().toList();
            return new SitePlan(siteId, name, operator, currency, ZoneId.of(zone), days,
                    Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".", e, UsageException.USAGE);
        }
    }
}
