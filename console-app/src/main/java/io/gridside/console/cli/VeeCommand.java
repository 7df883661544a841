package io.gridside.console.cli;

import io.gridside.console.service.VeeQueue;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.RawReadsStored;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.ReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill vee --site FILE}: validates the readings a pull stored, estimates the gaps between good
 * ones, and prints the exceptions queue and the estimates; its subcommands record a technician's edit.
 */
@Command(name = "vee", mixinStandardHelpOptions = true,
        description = {"Validates the readings a site database holds, estimates the gaps between good ones, and "
            + "prints the exceptions queue and every gap's estimate.",
            "Gaps up to 2 hours are spread evenly; longer ones by the customer's own profile of the 4 weeks before. "
                + "Quarter hours the event log shows a meter without supply get no energy. Reads from the future "
                + "are judged by the gateway's clock at the last pull."},
        subcommands = {VeeAcceptCommand.class, VeeOverrideCommand.class})
final class VeeCommand implements Callable<Integer> {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Not required by the parser, so that a subcommand's {@code --help} needs none; {@link #open} insists. */
    @Option(names = "--site", paramLabel = "FILE", description = "The site database file (required).")
    Path siteFile;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    /**
     * What a run of VEE found, as the JSON output carries it; the field names are a contract with scripts.
     *
     * @param clockSource "gateway" when the clock is the gateway's at the last pull, "computer" when no pull
     *     recorded one
     */
    record VeeJson(Instant gatewayClock, String clockSource, RawReadsStored rawReads, long actualIntervals,
            List<ExceptionJson> exceptions, List<EstimateJson> estimates) {
    }

    /** One entry of the exceptions queue. */
    record ExceptionJson(String meterId, Instant at, long registerWh, String rule, String detail) {

        static ExceptionJson of(ReadException e) {
            return new ExceptionJson(e.meterId(), e.at(), e.read().registerWh(),
                    e.rule().name().toLowerCase(Locale.ROOT), e.detail());
        }
    }

    /** One gap's estimate as it stands. */
    record EstimateJson(String meterId, Instant gapStart, Instant gapEnd, int intervals, long deltaWh,
            String method, String status, List<Long> energiesWh) {

        static EstimateJson of(GapEstimate g) {
            return new EstimateJson(g.meterId(), g.gapStart(), g.gapEnd(), g.intervals(), g.deltaWh(),
                    g.method().name().toLowerCase(Locale.ROOT), g.status().name().toLowerCase(Locale.ROOT),
                    g.energiesWh());
        }
    }

    @Override
    public Integer call() {
        try (SiteStore store = open()) {
            SiteInfo site = site(store);
            VeeQueue.Run run = VeeQueue.run(store, site, Instant.now());
            print(new VeeJson(run.clock(), run.gatewayClock() ? "gateway" : "computer", run.rawReads(),
                    run.actualIntervals(), run.exceptions().stream().map(ExceptionJson::of).toList(),
                    run.estimates().stream().map(EstimateJson::of).toList()), site.zone());
        }
        return ExitCode.OK;
    }

    /** The site database named by {@code --site}, which must exist: VEE never creates one. */
    SiteStore open() {
        if (siteFile == null) {
            throw new UsageException("Name the site database with --site FILE, before the subcommand: gridside bill "
                    + "vee --site FILE.");
        }
        return SiteFiles.openExisting(siteFile);
    }

    SiteInfo site(SiteStore store) {
        return store.site().orElseThrow(() -> SiteFiles.noSite(siteFile));
    }

    private void print(VeeJson found, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(found));
            return;
        }
        out.printf("Judged reads from the future by %s, %s; %d new raw reads, %d quarter hours read outright.%n%n",
                found.clockSource().equals("gateway") ? "the gateway's clock at the last pull"
                        : "this computer's clock (no pull recorded the gateway's)", found.gatewayClock(),
                found.rawReads().stored(), found.actualIntervals());
        out.printf("Exceptions queue (%d), times in %s:%n", found.exceptions().size(), zone.getId());
        for (ExceptionJson e : found.exceptions()) {
            out.printf(Locale.ROOT, "  %-8s %s %10d Wh  %-18s %s%n", e.meterId(), siteTime(e.at(), zone),
                    e.registerWh(), e.rule(), e.detail());
        }
        out.printf("%nEstimates (%d), times in %s:%n", found.estimates().size(), zone.getId());
        out.printf("  %-8s %-16s %-16s %9s %8s %-17s %-10s%n", "meter", "from", "to", "quarters", "Wh", "method",
                "status");
        for (EstimateJson g : found.estimates()) {
            out.printf(Locale.ROOT, "  %-8s %-16s %-16s %9d %8d %-17s %-10s%n", g.meterId(),
                    siteTime(g.gapStart(), zone), siteTime(g.gapEnd(), zone), g.intervals(), g.deltaWh(), g.method(),
                    g.status());
        }
    }

    static String siteTime(Instant at, ZoneId zone) {
        return SITE_TIME.format(at.atZone(zone));
    }

    /** The start of the quarter hour a technician named, refused when it is not on one. */
    static Instant gapStart(String text, ZoneId zone) {
        Instant at = SiteTimes.parse("--gap-start", text, zone, false, false);
        if (!Reading.intervalStartOf(at).equals(at)) {
            throw new UsageException("--gap-start must be on a quarter hour, as 'bill vee' lists it; '" + text
                    + "' is not.");
        }
        return at;
    }
}
