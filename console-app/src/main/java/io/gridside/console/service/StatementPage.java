package io.gridside.console.service;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A statement as a printable web page: one self-contained HTML file with its own print style (A4, a repeated
 * table header, no row split across pages), no scripts, no links and nothing fetched, so that it prints the same
 * anywhere. Every piece of text from the site (names, ids) is escaped, so a name cannot add markup.
 */
public final class StatementPage {

    /** A day of the statement, its weekday and month in the language's words. */
    private static final String DAY = "EEE d MMM yyyy";

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

    /**
     * The whole page, in the console's language: its words, its amounts and its dates, since the page is handed to a
     * customer who reads that language. The command line writes it in the computer's language.
     */
    public static String of(CustomerStatement s) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(I18n.locale().getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(I18n.text("page.statement.title", s.customerId(), period(s))))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(html, s);
        days(html, s);
        charges(html, s);
        html.append("<p class=\"note\">")
                .append(escape(I18n.text("page.statement.note", s.currency(), s.site().zone().getId())))
                .append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, CustomerStatement s) {
        html.append("<h1>").append(escape(I18n.text("page.statement.heading"))).append("</h1>\n<p class=\"site\">")
                .append(escape(s.site().name())).append(" (").append(escape(s.site().siteId()))
                .append(")</p>\n<dl>\n");
        item(html, "page.customer", s.customerName().isEmpty() ? s.customerId()
                : s.customerName() + " (" + s.customerId() + ")");
        item(html, "page.statement.meter", s.meterIds().isEmpty() ? I18n.text("page.statement.noMeter")
                : String.join(", ", s.meterIds()));
        item(html, "page.statement.tariff", s.tariffId());
        item(html, "page.statement.period", period(s));
        item(html, "page.statement.opening", money(s.openingMinor(), s));
        item(html, "page.statement.closing", money(s.closingMinor(), s));
        if (s.state() != null) {
            item(html, "page.statement.state", I18n.text("state." + s.state().name()));
        }
        html.append("</dl>\n");
    }

    private static void days(StringBuilder html, CustomerStatement s) {
        html.append("<table class=\"days\">\n<thead><tr>");
        for (String key : List.of("page.statement.col.date", "page.statement.col.energy", "page.statement.col.charges",
                "page.statement.col.topUps", "page.statement.col.adjustments", "page.statement.col.balance")) {
            html.append("<th>").append(escape(I18n.text(key))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        row(html, "", I18n.text("page.statement.opening"), "", "", "", "", plain(s.openingMinor(), s));
        DateTimeFormatter day = Formats.pattern(DAY);
        for (CustomerStatement.Day d : s.days()) {
            row(html, "", day.format(d.date()), Formats.kwh(d.energyWh()), plain(d.lines().chargesMinor(), s),
                    plain(d.lines().topUpsMinor(), s), plain(d.lines().adjustmentsMinor(), s),
                    plain(d.balanceMinor(), s));
        }
        html.append("</tbody>\n<tfoot>\n");
        row(html, "", I18n.text("page.statement.total"), Formats.kwh(s.energyWh()),
                plain(s.totals().chargesMinor(), s), plain(s.totals().topUpsMinor(), s),
                plain(s.totals().adjustmentsMinor(), s), plain(s.closingMinor(), s));
        html.append("</tfoot>\n</table>\n");
    }

    private static void charges(StringBuilder html, CustomerStatement s) {
        StatementLines t = s.totals();
        html.append("<table class=\"charges\">\n<thead><tr><th>").append(escape(I18n.text("page.charges.heading")))
                .append("</th><th>").append(escape(s.currency())).append("</th></tr></thead>\n<tbody>\n");
        row(html, "", I18n.text("page.charges.energy"), plain(t.energyMinor(), s));
        row(html, "", I18n.text("page.charges.standing"), plain(t.standingMinor(), s));
        row(html, "", I18n.text("page.charges.tax"), plain(t.taxMinor(), s));
        row(html, "", I18n.text("page.charges.levy"), plain(t.levyMinor(), s));
        row(html, "", I18n.text("page.charges.minimum"), plain(t.minimumMinor(), s));
        row(html, "", I18n.text("page.charges.debtRecovery"), plain(t.debtRecoveryMinor(), s));
        row(html, "total", I18n.text("page.charges.total"), plain(t.chargesMinor(), s));
        html.append("</tbody>\n</table>\n");
    }

    private static void item(StringBuilder html, String termKey, String value) {
        html.append("<dt>").append(escape(I18n.text(termKey))).append("</dt><dd>").append(escape(value))
                .append("</dd>\n");
    }

    private static void row(StringBuilder html, String style, String... cells) {
        html.append(style.isEmpty() ? "<tr>" : "<tr class=\"" + style + "\">");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String period(CustomerStatement s) {
        DateTimeFormatter day = Formats.pattern(DAY);
        return I18n.text("page.statement.periodRange", day.format(s.firstDay()), day.format(s.lastDay()));
    }

    /** An amount in a column whose heading names the currency. */
    private static String plain(long minor, CustomerStatement s) {
        return Formats.amount(minor, s.currency());
    }

    private static String money(long minor, CustomerStatement s) {
        return Formats.money(minor, s.currency());
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
