package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code gridside bill vee --site FILE accept ...}: accepts a gap's estimate, recorded with who, when and why. */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accepts a gap's estimate as it stands; the edit is kept with who, when and why.",
        footer = {"", "Exit codes: 0 recorded; 1 refused: no estimate starts there, or the edit breaks a rule; "
            + "2 a usage error, such as a missing site database."})
final class VeeAcceptCommand extends VeeEditCommand {

    @Override
    EstimateEdit edit(GapEstimate estimate, Instant now) {
        return EstimateEditor.accept(estimate, edit.by, now, edit.why);
    }

    @Override
    String sentence(GapEstimate estimate, EstimateEdit recorded, ZoneId zone) {
        return String.format(Locale.ROOT, "Accepted the estimate of meter %s from %s to %s (%d quarter hours, %d Wh, "
                + "%s).", estimate.meterId(), VeeCommand.siteTime(estimate.gapStart(), zone),
                VeeCommand.siteTime(estimate.gapEnd(), zone), estimate.intervals(), estimate.deltaWh(),
                estimate.method().name().toLowerCase(Locale.ROOT));
    }
}
