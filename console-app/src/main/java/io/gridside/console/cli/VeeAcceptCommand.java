package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside bill vee --site FILE accept ...}: accepts a gap's estimate, recorded with who, when and why. */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accepts a gap's estimate as it stands; the edit is kept with who, when and why.")
final class VeeAcceptCommand implements Callable<Integer> {

    @ParentCommand
    VeeCommand vee;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    VeeEditOptions edit;

    @Override
    public Integer call() {
        try (SiteStore store = vee.open()) {
            SiteInfo site = vee.site(store);
            GapEstimate estimate = edit.estimate(store, site, vee.siteFile.toString());
            EstimateEdit accepted;
            try {
                accepted = EstimateEditor.accept(estimate, edit.by, Instant.now(), edit.why);
            } catch (IllegalArgumentException e) {
                throw new UsageException("The edit was refused: " + e.getMessage() + ".", e,
                        VeeEditOptions.EDIT_REFUSED);
            }
            store.recordEdit(accepted);
            command.commandLine().getOut().printf("Accepted the estimate of meter %s from %s to %s (%d quarter hours,"
                    + " %d Wh, %s).%n", estimate.meterId(), VeeCommand.siteTime(estimate.gapStart(), site.zone()),
                    VeeCommand.siteTime(estimate.gapEnd(), site.zone()), estimate.intervals(), estimate.deltaWh(),
                    estimate.method().name().toLowerCase(Locale.ROOT));
        }
        return ExitCode.OK;
    }
}
