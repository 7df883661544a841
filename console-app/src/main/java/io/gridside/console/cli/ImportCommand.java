package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside import}: readings and payments from CSV files into a site's database. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports readings or payments from a CSV file into a site's database, and lists the "
            + "outbox of payments waiting for the gateway.",
            "--dry-run shows what would change and writes nothing; a file with any bad row changes nothing, and "
                + "each bad row is named with its line."},
        subcommands = {ImportReadingsCommand.class, ImportPaymentsCommand.class, ImportOutboxCommand.class})
final class ImportCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("Name what to import: gridside import readings FILE --site FILE, or gridside "
                + "import payments FILE --site FILE.");
    }
}
