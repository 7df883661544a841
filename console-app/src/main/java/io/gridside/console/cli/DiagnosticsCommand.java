package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside diagnostics}: what the console gives its support team. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "Bundles what support needs to understand a fault, without credentials or personal data.",
        subcommands = {DiagnosticsExportCommand.class})
final class DiagnosticsCommand {
}
