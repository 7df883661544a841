package io.gridside.console.cli;

import picocli.CommandLine.Command;

/**
 * {@code gridside credential}: issues and shows technicians' credentials, makes operator keys, signs records of
 * gateways' new keys, and shows the revocation list a site database holds.
 */
@Command(name = "credential", mixinStandardHelpOptions = true,
        description = "Issues and shows technicians' credentials, makes operator keys, signs records of "
            + "gateways' new keys, and shows the revocation list a site database holds.",
        subcommands = {IssueCredentialCommand.class, ShowCredentialCommand.class, OperatorKeyCommand.class,
            ReplaceKeyCommand.class, RevocationsCommand.class})
final class CredentialCommand {
}
