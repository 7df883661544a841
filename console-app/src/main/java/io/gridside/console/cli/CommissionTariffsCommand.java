package io.gridside.console.cli;

import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.io.PrintWriter;
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
            + "tariff-check' checks it, so that the customers' tariff ids and the dry run can use them.",
            "Prices in a tariff file are ten-thousandths of a minor unit per kWh (KES 25.00/kWh is 25000000); "
                + "each tariff's energy prices are printed per kWh, with a note when one is under a minor unit. "
                + "docs/examples/tariff-household-kes.json is an example."},
        footer = {"", "Exit codes: 0 kept; 1 a tariff is invalid or in another currency; 2 a usage error."})
final class CommissionTariffsCommand implements Callable<Integer> {

    static final String TARIFF_CURRENCY = "TARIFF_CURRENCY";
    /** A price of one minor unit per kWh, in the file's ten-thousandths of a minor unit (decision 0016). */
    private static final long ONE_MINOR_UNIT_PER_KWH = 10_000;

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
            PrintWriter out = command.commandLine().getOut();
            out.printf("Kept %d tariffs: %s.%n", tariffs.size(),
                    String.join(", ", store.commission().tariffs().stream().map(TariffSchedule::tariffId).toList()));
            tariffs.forEach(tariff -> printEnergy(tariff, out));
        }
        return ExitCode.OK;
    }

    /**
     * Prints the energy prices of the tariff's newest version in the currency per kWh, and a note when one is under
     * a minor unit a kWh: such a price was nearly always written in minor units, or in the main unit, instead of the
     * file's ten-thousandths of a minor unit, and would bill next to nothing for years.
     */
    private static void printEnergy(TariffSchedule tariff, PrintWriter out) {
        TariffVersion newest = tariff.versions().get(tariff.versions().size() - 1);
        String currency = tariff.currency();
        out.printf("  %s from %s: energy %s%n", tariff.tariffId(), newest.effectiveFrom(),
                TariffCheckCommand.blocks(newest, currency));
        List<Long> prices = new ArrayList<>(newest.blocks().stream().map(Block::price).toList());
        newest.tou().forEach(band -> prices.add(band.price()));
        long lowest = prices.stream().filter(price -> price > 0).mapToLong(Long::longValue).min().orElse(0);
        if (lowest > 0 && lowest < ONE_MINOR_UNIT_PER_KWH) {
            out.printf("Note: tariff %s prices energy at %s, less than one minor unit of %s a kWh. Prices in a "
                    + "tariff file are ten-thousandths of a minor unit per kWh: %s is written %d. Check the file with "
                    + "the operator before go-live.%n", tariff.tariffId(), TariffCheckCommand.price(lowest, currency),
                    currency, TariffCheckCommand.price(lowest * ONE_MINOR_UNIT_PER_KWH, currency),
                    lowest * ONE_MINOR_UNIT_PER_KWH);
        }
    }
}
