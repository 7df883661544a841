package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside bill}: the site's billing as its database holds it, without a gateway. */
@Command(name = "bill", mixinStandardHelpOptions = true,
        description = "Works on the billing data a site database holds, without a gateway.",
        subcommands = {VeeCommand.class})
final class BillCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("Name what to do with the site's billing, such as: gridside bill vee --site FILE.");
    }
}
