package io.gridside.console.cli;

import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridside commission tariffs FILE...}: keeps the operator's tariffs, checked, for the customers' file. */
@Command(name = "tariffs", mixinStandardHelpOptions = true,
        description = {"Keeps the tariff files the operator issued for the site, each checked as 'gridside bill "
            + "tariff-check' checks it, so that the customers' tariff ids and the dry run can use them."},
        footer = {"", "Exit codes: 0 kept; 1 a tariff is invalid or in another currency; 2 a usage error."})
final class CommissionTariffsCommand implements Callable<Integer> {

    static final String TARIFF_CURRENCY = "TARIFF_CURRENCY";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Tariff files, JSON.")
    List<Path> files;

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            SitePlan plan = CommissionSite.plan(store);
            List<TariffSchedule> tariffs = new ArrayList<>();
            for (Path file : files) {
                TariffSchedule tariff = TariffCheckCommand.read(file);
                try {
                    tariff.validated();
                } catch (InvalidTariffException e) {
                    throw new RefusedException("The tariff " + file + " is invalid: " + e.getMessage() + " Check it "
                            + "with gridside bill tariff-check.", e, TariffCheckCommand.TARIFF_INVALID);
                }
                if (!tariff.currency().equals(plan.currency())) {
                    throw new RefusedException("The tariff " + tariff.tariffId() + " prices in " + tariff.currency()
                            + " and the site bills in " + plan.currency() + "; ask the operator for the site's "
                            + "tariff.", TARIFF_CURRENCY);
                }
                tariffs.add(tariff);
            }
            store.commission().saveTariffs(tariffs);
            command.commandLine().getOut().printf("Kept %d tariffs: %s.%n", tariffs.size(),
                    String.join(", ", store.commission().tariffs().stream().map(TariffSchedule::tariffId).toList()));
        }
        return ExitCode.OK;
    }
}
