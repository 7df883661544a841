package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridside bill vee --site FILE override ...}: replaces a gap's estimated values with the technician's,
 * which keep the gap's total unless a reason says why not; recorded with who, when and why.
 */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = {"Replaces a gap's estimate with your values, one per quarter hour, in Wh; the edit is kept "
            + "with who, when and why.", "The values must sum to the register's rise over the gap, unless "
                + "--total-reason says why they do not."},
        footer = {"", "Exit codes: 0 recorded; 1 refused: no estimate starts there, or the values break a rule "
            + "(their count, their sum without --total-reason, a quarter hour past the meter's rating); 2 a usage "
            + "error, such as a missing site database."})
final class VeeOverrideCommand extends VeeEditCommand {

    @Option(names = "--wh", paramLabel = "WH", required = true, split = ",",
            description = "The energy of each quarter hour of the gap, in Wh, comma-separated, in time order.")
    List<Long> energiesWh;

    @Option(names = "--total-reason", paramLabel = "TEXT",
            description = "Why the values do not sum to the register's rise over the gap.")
    String totalReason;

    @Override
    EstimateEdit edit(GapEstimate estimate, Instant now) {
        return EstimateEditor.override(estimate, energiesWh, edit.by, now, edit.why, totalReason);
    }

    @Override
    String sentence(GapEstimate estimate, EstimateEdit recorded, ZoneId zone) {
        return String.format(Locale.ROOT, "Overrode the estimate of meter %s from %s to %s with %d Wh over %d "
                + "quarter hours.", estimate.meterId(), VeeCommand.siteTime(estimate.gapStart(), zone),
                VeeCommand.siteTime(estimate.gapEnd(), zone), recorded.energiesWh().stream().mapToLong(e -> e).sum(),
                recorded.energiesWh().size());
    }
}
