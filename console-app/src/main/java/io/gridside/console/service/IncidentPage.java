package io.gridside.console.service;

import static io.gridside.console.service.StatementPage.escape;

import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.Reliability;
import io.gridside.site.outage.ReliabilityIndices;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An incident report as a printable web page: one self-contained HTML file with its own print style (A4, table
 * headers repeated on each page, no row split across pages), no scripts and nothing fetched, every text from the
 * site escaped, as {@link StatementPage} is.
 */
final class IncidentPage {

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #000; margin: 2em; }
            h1 { font-size: 16pt; margin: 0 0 0.2em 0; }
            h2 { font-size: 12.5pt; margin: 1.4em 0 0.4em 0; border-bottom: 1px solid #000; }
            h3 { font-size: 10.5pt; margin: 1em 0 0.3em 0; }
            .site { font-size: 11pt; margin: 0 0 1em 0; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.5em; margin: 0 0 1em 0; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            ul { margin: 0.2em 0 0.8em 0; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
            th, td { border-bottom: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; }
            table.affected td:nth-child(7), table.gaps td:nth-child(n+3):nth-child(-n+6) { text-align: right; }
            thead th { border-bottom: 2px solid #000; }
            .note { font-size: 8.5pt; color: #333; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { margin: 0; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; }
              section.outage { page-break-before: auto; }
            }
            """;

    private IncidentPage() {
    }

    /** The whole page of {@code report}. */
    static String of(IncidentReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title(report))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(html, report);
        for (Outage outage : report.outages()) {
            outage(html, report, outage);
        }
        indices(html, report);
        gaps(html, report);
        timeline(html, report);
        note(html, report);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String title(IncidentReport report) {
        SiteInfo site = report.review().site();
        return report.outage().map(o -> "Incident report " + o.id() + ", " + o.cause().label())
                .orElse("Outage report, " + IncidentText.local(report.from(), site.zone()) + " to "
                        + IncidentText.local(report.to(), site.zone()));
    }

    private static void header(StringBuilder html, IncidentReport report) {
        SiteInfo site = report.review().site();
        html.append("<h1>").append(escape(report.outage().isPresent() ? "Incident report" : "Outage report"))
                .append("</h1>\n<p class=\"site\">").append(escape(site.name())).append(" (")
                .append(escape(site.siteId())).append(")</p>\n<dl>\n");
        item(html, "From", IncidentText.local(report.from(), site.zone()));
        item(html, "To", IncidentText.local(report.to(), site.zone()));
        item(html, "Time zone", site.zone().getId());
        item(html, "Outages", Integer.toString(report.outages().size()));
        item(html, "Customers affected", Integer.toString(report.customerCount()));
        item(html, "Customers who lost supply", Integer.toString(report.customersWithoutSupply()));
        List<String> excluded = report.heldOff();
        if (!excluded.isEmpty()) {
            item(html, "Held off, not outages", String.join(", ", excluded));
        }
        html.append("</dl>\n");
        report.review().historyWarning().ifPresent(warning -> html.append("<p class=\"warning\"><strong>")
                .append(escape(warning)).append("</strong></p>\n"));
    }

    private static void outage(StringBuilder html, IncidentReport report, Outage outage) {
        SiteInfo site = report.review().site();
        html.append("<section class=\"outage\">\n<h2>").append(escape(outage.id() + ": " + outage.cause().label()))
                .append("</h2>\n<dl>\n");
        item(html, "Cause", outage.cause().label());
        item(html, "Started", IncidentText.local(outage.start(), site.zone()));
        item(html, "Ended", IncidentText.local(outage.end(), site.zone()));
        item(html, "Lasted", IncidentText.duration(outage.duration()));
        item(html, "Meters", Integer.toString(outage.meterCount()));
        item(html, "Feeders", !outage.feeders().isEmpty() ? String.join(", ", outage.feeders())
                : report.review().feederOf().isEmpty() ? "not mapped" : "none");
        item(html, "Customers lost supply", outage.supplyLost() ? "yes" : "no, only the site's messages were cut");
        html.append("</dl>\n<h3>Evidence</h3>\n<ul>\n");
        for (Evidence evidence : outage.evidence()) {
            html.append("<li>").append(escape(evidence.text())).append("</li>\n");
        }
        html.append(outage.evidence().isEmpty() ? "<li>none recorded</li>\n" : "").append("</ul>\n");
        if (!outage.competing().isEmpty()) {
            html.append("<h3>Competing explanations</h3>\n<ul>\n");
            for (Outage.Competing competing : outage.competing()) {
                html.append("<li><b>").append(escape(competing.cause().label())).append("</b>: ")
                        .append(escape(competing.why())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        affected(html, report, outage);
        html.append("</section>\n");
    }

    private static void affected(StringBuilder html, IncidentReport report, Outage outage) {
        SiteInfo site = report.review().site();
        if (outage.spans().isEmpty()) {
            html.append("<h3>Affected customers</h3>\n<p>No meter was out in it.</p>\n");
            return;
        }
        html.append("<h3>Affected customers</h3>\n<table class=\"affected\">\n<thead><tr><th>Customer</th>")
                .append("<th>Name</th><th>Meter</th><th>Feeder</th><th>Out from</th><th>Back at</th>")
                .append("<th class=\"n\">Minutes</th><th>Lost</th><th>Counted</th></tr></thead>\n<tbody>\n");
        for (IncidentReport.Affected a : report.affected()) {
            if (a.outage().equals(outage)) {
                row(html, a.customerId(), a.customerName(), a.span().meterId(), a.feeder(),
                        IncidentText.local(a.span().from(), site.zone()),
                        a.span().restored() ? IncidentText.local(a.span().to(), site.zone()) : "still out",
                        IncidentText.minutes(a.span().duration()), a.span().supplyLost() ? "supply" : "messages",
                        a.counted() ? "yes" : "no");
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void indices(StringBuilder html, IncidentReport report) {
        Reliability reliability = report.reliability();
        html.append("<h2>Reliability indices (IEEE 1366)</h2>\n<table class=\"indices\">\n<thead><tr><th>Scope</th>")
                .append("<th class=\"n\">Customers served</th><th class=\"n\">Sustained</th>")
                .append("<th class=\"n\">Momentary</th><th class=\"n\">SAIFI</th><th class=\"n\">SAIDI (min)</th>")
                .append("<th class=\"n\">CAIDI (min)</th><th class=\"n\">MAIFI</th></tr></thead>\n<tbody>\n");
        indexRow(html, "Site", reliability.site());
        reliability.byFeeder().forEach((feeder, indices) -> indexRow(html, "Feeder " + feeder, indices));
        html.append("</tbody>\n</table>\n");
    }

    private static void indexRow(StringBuilder html, String scope, ReliabilityIndices indices) {
        html.append("<tr><td>").append(escape(scope)).append("</td>");
        for (String figure : List.of(Integer.toString(indices.customersServed()),
                Long.toString(indices.sustainedInterruptions()), Long.toString(indices.momentaryInterruptions()),
                IncidentText.index(indices.saifi()), IncidentText.index(indices.saidiMinutes()),
                IncidentText.index(indices.caidiMinutes()), IncidentText.index(indices.maifi()))) {
            html.append("<td class=\"n\">").append(escape(figure)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static void gaps(StringBuilder html, IncidentReport report) {
        html.append("<h2>Missing readings and their estimates</h2>\n<table class=\"gaps\">\n<thead><tr>")
                .append("<th>Outage</th><th>Meter</th><th class=\"n\">Quarter hours out</th>")
                .append("<th class=\"n\">Missing</th><th class=\"n\">Estimated</th>")
                .append("<th class=\"n\">Estimated kWh</th><th>Method</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (DataGap gap : report.gaps()) {
            row(html, gap.outageId(), gap.meterId(), Integer.toString(gap.intervals()),
                    Integer.toString(gap.missing().size()), Integer.toString(gap.estimatedIntervals()),
                    Amounts.kwh(gap.estimatedWh()), words(gap.methods()), words(gap.statuses()));
        }
        html.append("</tbody>\n</table>\n");
        if (!report.review().estimatesHeld() && report.gaps().stream().anyMatch(gap -> !gap.missing().isEmpty())) {
            html.append("<p>Billing has not estimated these readings yet (run gridside bill vee --site FILE).</p>\n");
        }
    }

    private static void timeline(StringBuilder html, IncidentReport report) {
        SiteInfo site = report.review().site();
        html.append("<h2>Timeline</h2>\n<table class=\"timeline\">\n<thead><tr><th>Time</th><th>Source</th>")
                .append("<th>Event</th><th>Details</th><th>Outage</th></tr></thead>\n<tbody>\n");
        for (IncidentReport.Entry entry : report.timeline()) {
            row(html, IncidentText.local(entry.event().at(), site.zone()), entry.event().source(),
                    IncidentText.kind(entry.event()), IncidentText.details(entry.event()), entry.outage().id());
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void note(StringBuilder html, IncidentReport report) {
        html.append("<p class=\"note\">Times are in ").append(escape(report.review().site().zone().getId()))
                .append(". The indices count each meter as one customer served and each time a customer lost ")
                .append("supply as one interruption: shorter than ")
                .append(Reliability.MOMENTARY.toMinutes()).append(" minutes is momentary (MAIFI), longer is ")
                .append("sustained (SAIFI, SAIDI, CAIDI). A loss of the site's messages alone, and a meter held ")
                .append("off by billing or for maintenance, count in no index; such meters remain customers ")
                .append("served. An index is undefined when it would divide by zero. Missing readings are the ")
                .append("quarter hours of a meter's time out that the site database holds no reading of; the ")
                .append("estimates are billing's, as last pulled. The timeline lists the events the outages ")
                .append("explain.</p>\n");
    }

    private static String words(List<? extends Enum<?>> values) {
        return values.isEmpty() ? "none" : values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).collect(Collectors.joining(", "));
    }

    private static void item(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }
}
