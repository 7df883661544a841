package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside bill}: billing on the technician's laptop, without a gateway. */
@Command(name = "bill", mixinStandardHelpOptions = true,
        description = "Billing on this laptop, without a gateway: checks a tariff file, validates and estimates "
            + "the readings a site database holds, shows its customers' credit, verifies its ledger's hash chain, and "
            + "cashes up a technician's day.",
        subcommands = {TariffCheckCommand.class, VeeCommand.class, CreditCommand.class, VerifyCommand.class,
            BillCashUpCommand.class})
final class BillCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("Name what to do with the site's billing, such as: gridside bill tariff-check FILE, "
                + "gridside bill vee --site FILE, gridside bill credit --site FILE or "
                + "gridside bill verify --site FILE.");
    }
}
