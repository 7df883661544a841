package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside bill ...}: billing views of a pulled site database, without a gateway. */
@Command(name = "bill", mixinStandardHelpOptions = true, subcommands = CreditCommand.class,
        description = "Shows the billing a site database holds, without a gateway.")
final class BillCommand {
}
