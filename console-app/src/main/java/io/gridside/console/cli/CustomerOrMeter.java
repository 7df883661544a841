package io.gridside.console.cli;

import picocli.CommandLine.Option;

/**
 * A customer named on the command line by their id, or by their meter: its id, or the serial on its label, which
 * is what the technician has in front of them at the house. One of the two, as an exclusive group.
 */
final class CustomerOrMeter {

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer's id.")
    String customerId;

    @Option(names = "--meter", required = true, paramLabel = "METER",
            description = "The customer's meter: its id, or the serial on its label.")
    String meter;
}
