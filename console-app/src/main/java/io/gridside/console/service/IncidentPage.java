package io.gridside.console.service;

import static io.gridside.console.service.StatementPage.escape;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.outage.Reliability;
import io.gridside.site.outage.ReliabilityIndices;
import java.util.List;
import java.util.OptionalDouble;
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

    /**
     * The whole page of {@code report}, in the console's language: its headings, terms, figures and causes. The
     * command line writes it in the computer's language.
     * Each outage's evidence and why another cause competes are worded as on the Replay screen
     * ({@link DiagnosisWords}), the events' details by {@link EventWords}.
     */
    static String of(IncidentReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(I18n.locale().getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title(report)))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
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
        return report.outage().map(o -> I18n.text("page.incident.title.outage", o.id(), cause(o.cause())))
                .orElse(I18n.text("page.incident.title.window", IncidentText.local(report.from(), site.zone()),
                        IncidentText.local(report.to(), site.zone())));
    }

    private static void header(StringBuilder html, IncidentReport report) {
        SiteInfo site = report.review().site();
        html.append("<h1>").append(words(report.outage().isPresent() ? "page.incident.heading.outage"
                : "page.incident.heading.window")).append("</h1>\n<p class=\"site\">").append(escape(site.name()))
                .append(" (").append(escape(site.siteId())).append(")</p>\n<dl>\n");
        item(html, "page.incident.from", IncidentText.local(report.from(), site.zone()));
        item(html, "page.incident.to", IncidentText.local(report.to(), site.zone()));
        item(html, "page.incident.zone", site.zone().getId());
        item(html, "page.incident.outages", Formats.number(report.outages().size()));
        item(html, "page.incident.customers", Formats.number(report.customerCount()));
        item(html, "page.incident.lostSupply", Formats.number(report.customersWithoutSupply()));
        List<String> excluded = report.heldOff();
        if (!excluded.isEmpty()) {
            item(html, "page.incident.heldOff", String.join(", ", excluded));
        }
        html.append("</dl>\n");
        report.review().historyWarningWorded().ifPresent(warning -> html.append("<p class=\"warning\"><strong>")
                .append(escape(warning)).append("</strong></p>\n"));
    }

    private static void outage(StringBuilder html, IncidentReport report, Outage outage) {
        SiteInfo site = report.review().site();
        html.append("<section class=\"outage\">\n<h2>").append(escape(outage.id() + ": " + cause(outage.cause())))
                .append("</h2>\n<dl>\n");
        item(html, "page.incident.cause", cause(outage.cause()));
        item(html, "page.incident.started", IncidentText.local(outage.start(), site.zone()));
        item(html, "page.incident.ended", IncidentText.local(outage.end(), site.zone()));
        item(html, "page.incident.lasted", IncidentText.duration(outage.duration()));
        item(html, "page.incident.meters", Formats.number(outage.meterCount()));
        item(html, "page.incident.feeders", !outage.feeders().isEmpty() ? String.join(", ", outage.feeders())
                : I18n.text(report.review().feederOf().isEmpty() ? "page.incident.notMapped" : "page.incident.none"));
        item(html, "page.incident.supplyLost", I18n.text(outage.supplyLost() ? "page.incident.yes"
                : "page.incident.messagesOnly"));
        html.append("</dl>\n<h3>").append(words("page.incident.evidence")).append("</h3>\n<ul>\n");
        for (Evidence evidence : outage.evidence()) {
            html.append("<li>").append(escape(DiagnosisWords.evidence(evidence))).append("</li>\n");
        }
        if (outage.evidence().isEmpty()) {
            html.append("<li>").append(words("page.incident.noEvidence")).append("</li>\n");
        }
        html.append("</ul>\n");
        if (!outage.competing().isEmpty()) {
            html.append("<h3>").append(words("page.incident.competing")).append("</h3>\n<ul>\n");
            for (Outage.Competing competing : outage.competing()) {
                html.append("<li><b>").append(escape(cause(competing.cause()))).append("</b>: ")
                        .append(escape(DiagnosisWords.why(competing))).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        affected(html, report, outage);
        html.append("</section>\n");
    }

    private static void affected(StringBuilder html, IncidentReport report, Outage outage) {
        SiteInfo site = report.review().site();
        html.append("<h3>").append(words("page.incident.affected")).append("</h3>\n");
        if (outage.spans().isEmpty()) {
            html.append("<p>").append(words("page.incident.noneOut")).append("</p>\n");
            return;
        }
        html.append("<table class=\"affected\">\n");
        head(html, "page.incident.col.customer", "page.incident.col.name", "page.incident.col.meter",
                "page.incident.col.feeder", "page.incident.col.outFrom", "page.incident.col.backAt",
                "#page.incident.col.minutes", "page.incident.col.lost", "page.incident.col.counted");
        for (IncidentReport.Affected a : report.affected()) {
            if (a.outage().equals(outage)) {
                row(html, a.customerId(), a.customerName(), a.span().meterId(), a.feeder(),
                        IncidentText.local(a.span().from(), site.zone()),
                        a.span().restored() ? IncidentText.local(a.span().to(), site.zone())
                                : I18n.text("page.incident.stillOut"),
                        Formats.decimal(a.span().duration().toMillis() / 60_000.0, 1),
                        I18n.text(a.span().supplyLost() ? "page.incident.lost.supply" : "page.incident.lost.messages"),
                        I18n.text(a.counted() ? "page.incident.yes" : "page.incident.no"));
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void indices(StringBuilder html, IncidentReport report) {
        Reliability reliability = report.reliability();
        html.append("<h2>").append(words("page.incident.indices")).append("</h2>\n<table class=\"indices\">\n");
        head(html, "page.incident.col.scope", "#page.incident.col.served", "#page.incident.col.sustained",
                "#page.incident.col.momentary", "#=SAIFI", "#=SAIDI (min)", "#=CAIDI (min)", "#=MAIFI");
        indexRow(html, I18n.text("page.incident.scope.site"), reliability.site());
        reliability.byFeeder().forEach((feeder, indices) -> indexRow(html,
                I18n.text("page.incident.scope.feeder", feeder), indices));
        html.append("</tbody>\n</table>\n");
    }

    private static void indexRow(StringBuilder html, String scope, ReliabilityIndices indices) {
        html.append("<tr><td>").append(escape(scope)).append("</td>");
        for (String figure : List.of(Formats.number(indices.customersServed()),
                Formats.number(indices.sustainedInterruptions()), Formats.number(indices.momentaryInterruptions()),
                index(indices.saifi()), index(indices.saidiMinutes()), index(indices.caidiMinutes()),
                index(indices.maifi()))) {
            html.append("<td class=\"n\">").append(escape(figure)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static void gaps(StringBuilder html, IncidentReport report) {
        html.append("<h2>").append(words("page.incident.gaps")).append("</h2>\n<table class=\"gaps\">\n");
        head(html, "page.incident.col.outage", "page.incident.col.meter", "#page.incident.col.intervals",
                "#page.incident.col.missing", "#page.incident.col.estimated", "#page.incident.col.estimatedKwh",
                "page.incident.col.method", "page.incident.col.status");
        for (DataGap gap : report.gaps()) {
            row(html, gap.outageId(), gap.meterId(), Formats.number(gap.intervals()),
                    Formats.number(gap.missing().size()), Formats.number(gap.estimatedIntervals()),
                    Formats.kwh(gap.estimatedWh()), names("page.incident.method.", gap.methods()),
                    names("page.incident.status.", gap.statuses()));
        }
        html.append("</tbody>\n</table>\n");
        if (!report.review().estimatesHeld() && report.gaps().stream().anyMatch(gap -> !gap.missing().isEmpty())) {
            html.append("<p>").append(words("page.incident.notEstimated")).append("</p>\n");
        }
    }

    private static void timeline(StringBuilder html, IncidentReport report) {
        SiteInfo site = report.review().site();
        html.append("<h2>").append(words("page.incident.timeline")).append("</h2>\n<table class=\"timeline\">\n");
        head(html, "page.incident.col.time", "page.incident.col.source", "page.incident.col.event",
                "page.incident.col.details", "page.incident.col.outage");
        for (IncidentReport.Entry entry : report.timeline()) {
            row(html, IncidentText.local(entry.event().at(), site.zone()), entry.event().source(),
                    I18n.text("page.incident.kind." + entry.event().kind().name()), EventWords.details(entry.event()),
                    entry.outage().id());
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void note(StringBuilder html, IncidentReport report) {
        html.append("<p class=\"note\">").append(escape(I18n.text("page.incident.note",
                report.review().site().zone().getId(), Reliability.MOMENTARY.toMinutes()))).append("</p>\n");
    }

    /** What the cause is called in the language in use, as the Replay screen calls it. */
    private static String cause(OutageCause cause) {
        return I18n.text("replay.cause." + cause.code());
    }

    /** An index to three decimals as the language writes them, or a word when it would divide by zero. */
    private static String index(OptionalDouble value) {
        return value.isPresent() ? Formats.decimal(value.getAsDouble(), 3) : I18n.text("page.incident.undefined");
    }

    /** {@code values} as the language names them, from {@code prefix} and each one's name. */
    private static String names(String prefix, List<? extends Enum<?>> values) {
        return values.isEmpty() ? I18n.text("page.incident.none") : values.stream().map(v -> I18n.text(prefix
                + v.name())).collect(Collectors.joining(", "));
    }

    /** A table's head and the start of its body; a key after {@code #} heads a figures' column, {@code =} a name. */
    private static void head(StringBuilder html, String... keys) {
        html.append("<thead><tr>");
        for (String key : keys) {
            boolean figures = key.startsWith("#");
            String name = figures ? key.substring(1) : key;
            html.append(figures ? "<th class=\"n\">" : "<th>")
                    .append(escape(name.startsWith("=") ? name.substring(1) : I18n.text(name))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    private static String words(String key) {
        return escape(I18n.text(key));
    }

    private static void item(StringBuilder html, String termKey, String value) {
        html.append("<dt>").append(words(termKey)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }
}
