package io.gridside.console.replay;

import io.gridside.console.I18n;
import io.gridside.console.service.IncidentReport;
import io.gridside.console.service.OutageReview;
import io.gridside.console.service.ReplayHistory;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Outage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the incident report of an outage or a window as a printable page and, beside it, the same as CSV, from the
 * window's outage review (read again from the site database when the window has none). Run it off the JavaFX
 * thread.
 */
final class ReplayReports {

    private ReplayReports() {
    }

    /**
     * Writes the report of {@code outage} (null for the whole window) at {@code page} and its CSV beside it.
     *
     * @return the files written, the page first
     */
    static List<Path> write(ReplayHistory history, ReplayWindow window, Outage outage, Path page)
            throws IOException {
        OutageReview review = window.review() != null ? window.review()
                : history.review(window.from(), window.to(), Diagnoser::diagnose);
        Outage reported = outage == null ? null : review.outage(outage.id()).orElseThrow(
                () -> new ReplayUnavailableException(I18n.text("replay.report.gone", outage.id())));
        IncidentReport report = IncidentReport.of(review, reported);
        Path csv = csvBeside(page);
        Path folder = page.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        report.writeHtml(page);
        report.writeCsv(csv);
        return List.of(page, csv);
    }

    /** The CSV's file: the page's name with {@code .csv} in place of its extension. */
    static Path csvBeside(Path page) {
        String name = page.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return page.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }
}
