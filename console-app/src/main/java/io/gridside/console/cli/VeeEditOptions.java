package io.gridside.console.cli;

import io.gridside.console.service.VeeQueue;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * What every edit of an estimate names (the gap, who edits it and why), and the steps every edit takes: open the
 * site, find the estimate, make the edit, record it, say what was done.
 */
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

    @Option(names = "--json", description = "Print the recorded edit as a JSON object for programs.")
    boolean json;

    /** Makes the edit of an estimate; refuses with an {@link IllegalArgumentException} that says why. */
    @FunctionalInterface
    interface Editor {
        EstimateEdit edit(GapEstimate estimate, Instant now);
    }

    /** Says in a sentence what the recorded edit did to the estimate, with times in the site's zone. */
    @FunctionalInterface
    interface Sentence {
        String of(GapEstimate estimate, EstimateEdit edit, ZoneId zone);
    }

    /**
     * The edit as JSON carries it; the field names are a contract with scripts.
     *
     * @param outcome "accepted" or "overridden"
     */
    record EditJson(String meterId, Instant gapStart, Instant gapEnd, int intervals, long estimatedWh,
            String method, String outcome, List<Long> energiesWh, long editedWh, String by, Instant at, String why,
            String totalReason) {

        static EditJson of(GapEstimate estimate, EstimateEdit edit) {
            return new EditJson(estimate.meterId(), estimate.gapStart(), estimate.gapEnd(), estimate.intervals(),
                    estimate.deltaWh(), estimate.method().name().toLowerCase(Locale.ROOT),
                    edit.outcome().name().toLowerCase(Locale.ROOT), edit.energiesWh(),
                    edit.energiesWh().stream().mapToLong(Long::longValue).sum(), edit.by(), edit.at(), edit.why(),
                    edit.totalReason());
        }
    }

    /**
     * Records the edit {@code editor} makes of the estimate these options name in {@code vee}'s site database, and
     * prints it: as JSON when this command or {@code vee} was given {@code --json}, else as {@code sentence}.
     *
     * @throws RefusedException when no estimate starts there, or the editor refuses the edit
     */
    int record(VeeCommand vee, PrintWriter out, Editor editor, Sentence sentence) {
        try (SiteStore store = vee.open()) {
            SiteInfo site = vee.site(store);
            GapEstimate estimate = estimate(store, site, vee.siteFile.toString());
            EstimateEdit edit;
            try {
                edit = editor.edit(estimate, Instant.now());
            } catch (IllegalArgumentException e) {
                throw new RefusedException("The edit was refused: " + e.getMessage().replaceAll("\\.$", "") + ".",
                        e, EDIT_REFUSED);
            }
            VeeQueue.edit(store, edit);
            out.println(json || vee.json ? Json.write(EditJson.of(estimate, edit))
                    : sentence.of(estimate, edit, site.zone()));
        }
        return ExitCode.OK;
    }

    /** The estimate the options name, or a refusal that says how to find the right one. */
    private GapEstimate estimate(SiteStore store, SiteInfo site, String siteFile) {
        Instant start = VeeCommand.gapStart(gapStart, site.zone());
        return store.estimate(meterId, start).orElseThrow(() -> new RefusedException("No estimate of meter "
                + meterId + " starts at " + VeeCommand.siteTime(start, site.zone()) + " (" + site.zone().getId()
                + "); list them with: gridside bill vee --site " + siteFile + ".", NO_ESTIMATE));
    }
}
