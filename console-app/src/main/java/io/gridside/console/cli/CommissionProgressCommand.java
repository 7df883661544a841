package io.gridside.console.cli;

import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside commission progress}: which steps of the day are done, when and with what, and which are left. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = {"Shows which commissioning steps are done, when (in the site's time zone) and with what, and "
            + "which are left."})
final class CommissionProgressCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--json", description = "Print the steps done as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            List<StepRecord> done = store.commission().progress();
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(Json.write(done));
                return ExitCode.OK;
            }
            SitePlan plan = CommissionSite.plan(store);
            Map<CommissionStep, StepRecord> byStep = done.stream()
                    .collect(Collectors.toMap(StepRecord::step, Function.identity()));
            // A time without its zone is misread by a technician whose laptop keeps another zone's clock.
            out.printf("Steps of site %s, times in %s:%n", plan.siteId(), plan.zone().getId());
            for (CommissionStep step : CommissionStep.values()) {
                StepRecord record = byStep.get(step);
                out.printf("%-11s %s%n", step.name(), record == null ? "left"
                        : "done " + VeeCommand.siteTime(record.doneAt(), plan.zone())
                                + (record.detail().isEmpty() ? "" : ": " + record.detail()));
            }
        }
        return ExitCode.OK;
    }
}
