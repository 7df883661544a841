package io.gridside.console.replay;

import io.gridside.console.I18n;
import io.gridside.site.outage.Outage;
import java.nio.file.Path;
import java.util.List;

/** Writes the incident report of an outage or a window as a printable page and CSV. Runs off the JavaFX thread. */
final class ReplayReports {

    private ReplayReports() {
    }

    /**
     * Writes the report of {@code outage} (null for the whole window) at {@code page} and its CSV beside it.
     *
     * @return the files written, the page first
     */
    static List<Path> write(ReplayWindow window, Outage outage, Path page) {
        // Shortcoming: the incident report (IEEE 1366 indices, data gaps) is not in this build; the buttons say so.
        throw new ReplayUnavailableException(I18n.text("replay.report.missing"));
    }
}
