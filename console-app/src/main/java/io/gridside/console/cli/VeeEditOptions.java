package io.gridside.console.cli;

import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import picocli.CommandLine.Option;

/** What every edit of an estimate names: the gap, who edits it and why. */
final class VeeEditOptions {

    static final String NO_ESTIMATE = "NO_ESTIMATE";
    static final String EDIT_REFUSED = "EDIT_REFUSED";

    @Option(names = "--meter", paramLabel = "METER", required = true, description = "The meter of the gap.")
    String meterId;

    @Option(names = "--gap-start", paramLabel = "WHEN", required = true, description = "The start of the gap, in "
        + "the site's time zone (2026-06-01T21:30) or with an offset or Z, as 'bill vee' lists it.")
    String gapStart;

    @Option(names = "--by", paramLabel = "NAME", required = true, description = "Who decides: your name or id.")
    String by;

    @Option(names = "--why", paramLabel = "TEXT", required = true, description = "Why, in a sentence.")
    String why;

    /** The estimate the options name, or a refusal that says how to find the right one. */
    GapEstimate estimate(SiteStore store, SiteInfo site, String siteFile) {
        Instant start = VeeCommand.gapStart(gapStart, site.zone());
        return store.estimate(meterId, start).orElseThrow(() -> new UsageException("No estimate of meter " + meterId
                + " starts at " + VeeCommand.siteTime(start, site.zone()) + " (" + site.zone().getId()
                + "); list them with: gridside bill vee --site " + siteFile + ".", null, NO_ESTIMATE));
    }
}
