package io.gridside.console.cli;

import picocli.CommandLine.Command;

/** {@code gridside credential}: issues and shows technicians' credentials, and makes operator keys. */
@Command(name = "credential", mixinStandardHelpOptions = true,
        description = "Issues and shows technicians' credentials, and makes operator keys.",
        subcommands = {IssueCredentialCommand.class, ShowCredentialCommand.class, OperatorKeyCommand.class})
final class CredentialCommand {
}
