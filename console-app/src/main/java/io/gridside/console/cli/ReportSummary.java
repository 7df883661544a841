package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.DataGap;
import io.gridside.console.service.IncidentReport;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.Reliability;
import io.gridside.site.outage.ReliabilityIndices;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The summary {@code gridside report} prints for a person: the outages as a table, then the indices and gaps. */
final class ReportSummary {

    private ReportSummary() {
    }

    static void print(PrintWriter out, IncidentReport report) {
        SiteInfo site = report.review().site();
        int outages = report.outages().size();
        out.println("Outages of " + site.name() + " (" + site.siteId() + ") from " + local(report.from(), site.zone())
                + " to " + local(report.to(), site.zone()) + " (" + site.zone() + "): " + outages
                + (outages == 1 ? " outage, " : " outages, ") + report.customerCount()
                + (report.customerCount() == 1 ? " customer" : " customers") + " affected, "
                + report.customersWithoutSupply() + " of them without supply.");
        report.review().historyWarning().ifPresent(warning -> out.println("Note: " + warning));
        if (outages > 0) {
            outages(out, report, site.zone());
        }
        report.outage().ifPresent(outage -> evidence(out, outage));
        if (!report.heldOff().isEmpty()) {
            out.println("Held off by billing or for maintenance, not outages: "
                    + String.join(", ", report.heldOff()) + ".");
        }
        indices(out, report.reliability());
        gaps(out, report.gaps(), report.review().estimatesHeld());
    }

    private static void outages(PrintWriter out, IncidentReport report, ZoneId zone) {
        TextTable table = new TextTable(2, "OUTAGE", "CAUSE", "STARTED", "LASTED", "METERS", "SUPPLY LOST",
                "FEEDERS");
        for (Outage outage : report.outages()) {
            table.add(List.of(outage.id(), outage.cause().label(), local(outage.start(), zone),
                    lasted(outage.duration()), Integer.toString(outage.meterCount()),
                    outage.supplyLost() ? "yes" : "no", outage.feeders().isEmpty() ? "-"
                            : String.join(" ", outage.feeders())));
        }
        table.print(out);
    }

    private static void evidence(PrintWriter out, Outage outage) {
        out.println("Evidence:");
        outage.evidence().stream().map(Evidence::text).forEach(text -> out.println("  " + text));
        for (Outage.Competing competing : outage.competing()) {
            out.println("Also fits " + competing.cause().label() + ": " + competing.why());
        }
    }

    private static void indices(PrintWriter out, Reliability reliability) {
        out.println("Reliability indices (IEEE 1366; minutes per customer served, momentary under "
                + Reliability.MOMENTARY.toMinutes() + " minutes):");
        TextTable table = new TextTable(1, "SCOPE", "CUSTOMERS", "SUSTAINED", "MOMENTARY", "SAIFI", "SAIDI MIN",
                "CAIDI MIN", "MAIFI");
        table.add(row("site", reliability.site()));
        reliability.byFeeder().forEach((feeder, indices) -> table.add(row(feeder, indices)));
        table.print(out);
        if (reliability.site().caidiMinutes().isEmpty()) {
            out.println("CAIDI is undefined without a sustained interruption.");
        }
    }

    private static List<String> row(String scope, ReliabilityIndices indices) {
        return List.of(scope, Integer.toString(indices.customersServed()),
                Long.toString(indices.sustainedInterruptions()), Long.toString(indices.momentaryInterruptions()),
                figure(indices.saifi()), figure(indices.saidiMinutes()), figure(indices.caidiMinutes()),
                figure(indices.maifi()));
    }

    /**
     * The readings the outages cost; when billing's VEE holds no estimate of the window at all it has not been run
     * over it, which is said rather than a count of none estimated.
     */
    private static void gaps(PrintWriter out, List<DataGap> gaps, boolean estimatesHeld) {
        int missing = gaps.stream().mapToInt(gap -> gap.missing().size()).sum();
        int estimated = gaps.stream().mapToInt(DataGap::estimatedIntervals).sum();
        long meters = gaps.stream().filter(gap -> !gap.missing().isEmpty()).map(DataGap::meterId).distinct().count();
        long wh = gaps.stream().mapToLong(DataGap::estimatedWh).sum();
        String estimates = missing > 0 && !estimatesHeld
                ? "billing has not estimated these yet (run gridside bill vee --site FILE)."
                : "billing estimated " + estimated + " of them, " + Amounts.kwh(wh) + " kWh.";
        out.println("Missing readings: " + missing + " quarter hours of " + meters
                + (meters == 1 ? " meter" : " meters") + "; " + estimates);
    }

    private static String figure(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
    }

    private static String lasted(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
                : duration.toSeconds() >= 60 ? minutes + " min" : duration.toSeconds() + " s";
    }

    private static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}
