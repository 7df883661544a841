package io.gridside.console.cli;

import picocli.CommandLine.Command;

/**
 * {@code gridside commission}: the steps of commissioning a site offline, one subcommand each, for scripted and bulk
 * use: {@code create-site}, {@code tariffs}, {@code joined}, {@code customers}, {@code add-customer}, {@code assign},
 * {@code check-links}, {@code dry-run}, {@code progress}, {@code report} and {@code verify-report}. What needs the
 * gateway is {@code gridside connect ... commission ...}.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = {"Commissions a new site offline, step by step, into a new site database.",
            "What needs the gateway: gridside connect ... commission ..."},
        subcommands = {CommissionCreateSiteCommand.class, CommissionTariffsCommand.class, CommissionJoinedCommand.class,
            CommissionCustomersCommand.class, CommissionAddCustomerCommand.class, CommissionAssignCommand.class,
            CommissionCheckLinksCommand.class, CommissionDryRunCommand.class, CommissionProgressCommand.class,
            CommissionReportCommand.class, CommissionVerifyReportCommand.class, CommissionPackCommand.class,
            CommissionRunCommand.class})
final class CommissionCommand {
}
