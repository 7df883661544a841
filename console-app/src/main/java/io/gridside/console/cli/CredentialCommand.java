package io.gridside.console.cli;

import picocli.CommandLine.Command;

/**
 * {@code gridside credential}: issues and shows technicians' credentials, makes operator keys, and signs records of
 * gateways' new keys.
 */
@Command(name = "credential", mixinStandardHelpOptions = true,
        description = "Issues and shows technicians' credentials, makes operator keys, and signs records of "
            + "gateways' new keys.",
        subcommands = {IssueCredentialCommand.class, ShowCredentialCommand.class, OperatorKeyCommand.class,
            ReplaceKeyCommand.class})
final class CredentialCommand {
}
