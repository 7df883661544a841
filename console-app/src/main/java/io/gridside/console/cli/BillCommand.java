package io.gridside.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridside bill}: billing on the technician's laptop, without a gateway. */
@Command(name = "bill", mixinStandardHelpOptions = true,
        description = "Billing on this laptop, without a gateway: checks a tariff file before it goes to a site.",
        subcommands = TariffCheckCommand.class)
final class BillCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("Name what to do, such as: gridside bill tariff-check FILE.");
    }
}
