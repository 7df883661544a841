package io.gridside.console.service;

import io.gridside.site.CreditState;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A statement as a printable web page: one self-contained HTML file with its own print style (A4, a repeated
 * table header, no row split across pages), no scripts, no links and nothing fetched, so that it prints the same
 * anywhere. Every piece of text from the site (names, ids) is escaped, so a name cannot add markup.
 */
public final class StatementPage {

    // KNOWN SHORTCOMING: the page is written in English whatever the console's language; its words are not in the
    // bundles yet, and the command line writes the same page.

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000; margin: 2em; }
            h1 { font-size: 16pt; margin: 0 0 0.2em 0; }
            .site { font-size: 11pt; margin: 0 0 1em 0; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.5em; margin: 0 0 1.2em 0; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.2em; }
            th, td { border-bottom: 1px solid #999; padding: 0.25em 0.5em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            thead th { border-bottom: 2px solid #000; }
            tfoot td, tr.total td { font-weight: bold; border-top: 2px solid #000; }
            .note { font-size: 8.5pt; color: #333; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { margin: 0; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; }
            }
            """;

    private StatementPage() {
    }

    /** The whole page. */
    public static String of(CustomerStatement s) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Statement ")
                .append(escape(s.customerId())).append(", ").append(escape(period(s))).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        header(html, s);
        days(html, s);
        charges(html, s);
        html.append("<p class=\"note\">Amounts in ").append(escape(s.currency())).append(". Energy is the ")
                .append("meter's exact register, in kWh. Each day runs from midnight to midnight in ")
                .append(escape(s.site().zone().getId())).append("; a quarter hour counts on the day it ended, ")
                .append("when it was charged. Figures come from the site's ledger as the gateway posted it.</p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, CustomerStatement s) {
        html.append("<h1>Statement of account</h1>\n<p class=\"site\">").append(escape(s.site().name()))
                .append(" (").append(escape(s.site().siteId())).append(")</p>\n<dl>\n");
        item(html, "Customer", s.customerName().isEmpty() ? s.customerId()
                : s.customerName() + " (" + s.customerId() + ")");
        item(html, "Meter", s.meterIds().isEmpty() ? "none" : String.join(", ", s.meterIds()));
        item(html, "Tariff", s.tariffId());
        item(html, "Period", period(s));
        item(html, "Opening balance", money(s.openingMinor(), s));
        item(html, "Closing balance", money(s.closingMinor(), s));
        if (s.state() != null) {
            item(html, "Credit state at the last update", state(s.state()));
        }
        html.append("</dl>\n");
    }

    private static void days(StringBuilder html, CustomerStatement s) {
        html.append("<table class=\"days\">\n<thead><tr><th>Date</th><th>Energy (kWh)</th><th>Charges</th>")
                .append("<th>Top-ups</th><th>Adjustments</th><th>Balance</th></tr></thead>\n<tbody>\n")
                .append("<tr><td>Opening balance</td><td></td><td></td><td></td><td></td><td>")
                .append(escape(Amounts.plain(s.openingMinor(), s.currency()))).append("</td></tr>\n");
        for (CustomerStatement.Day day : s.days()) {
            row(html, "", DAY.format(day.date()), Amounts.kwh(day.energyWh()), plain(day.lines().chargesMinor(), s),
                    plain(day.lines().topUpsMinor(), s), plain(day.lines().adjustmentsMinor(), s),
                    plain(day.balanceMinor(), s));
        }
        html.append("</tbody>\n<tfoot>\n");
        row(html, "", "Total", Amounts.kwh(s.energyWh()), plain(s.totals().chargesMinor(), s),
                plain(s.totals().topUpsMinor(), s), plain(s.totals().adjustmentsMinor(), s),
                plain(s.closingMinor(), s));
        html.append("</tfoot>\n</table>\n");
    }

    private static void charges(StringBuilder html, CustomerStatement s) {
        StatementLines t = s.totals();
        html.append("<table class=\"charges\">\n<thead><tr><th>Charges of the period</th><th>")
                .append(escape(s.currency())).append("</th></tr></thead>\n<tbody>\n");
        row(html, "", "Energy", plain(t.energyMinor(), s));
        row(html, "", "Standing charge", plain(t.standingMinor(), s));
        row(html, "", "Tax", plain(t.taxMinor(), s));
        row(html, "", "Levy", plain(t.levyMinor(), s));
        row(html, "", "Minimum charge", plain(t.minimumMinor(), s));
        row(html, "", "Debt recovery", plain(t.debtRecoveryMinor(), s));
        row(html, "total", "Total charged", plain(t.chargesMinor(), s));
        html.append("</tbody>\n</table>\n");
    }

    private static void item(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static void row(StringBuilder html, String style, String... cells) {
        html.append(style.isEmpty() ? "<tr>" : "<tr class=\"" + style + "\">");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String period(CustomerStatement s) {
        return DAY.format(s.firstDay()) + " to " + DAY.format(s.lastDay());
    }

    private static String plain(long minor, CustomerStatement s) {
        return Amounts.plain(minor, s.currency());
    }

    private static String money(long minor, CustomerStatement s) {
        return Amounts.money(minor, s.currency());
    }

    private static String state(CreditState state) {
        return switch (state) {
            case ACTIVE -> "active";
            case LOW -> "low credit";
            case EMERGENCY -> "on emergency credit";
            case GRACE -> "in grace";
            case ARREARS -> "in arrears";
            case DISCONNECTED -> "disconnected";
        };
    }

    /** Text as HTML shows it and never reads it as markup: &amp;, &lt;, &gt;, both quotes escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
