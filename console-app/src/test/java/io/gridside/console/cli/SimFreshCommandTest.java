package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gridside sim --fresh} refuses what a factory-fresh gateway cannot have before it starts anything. */
class SimFreshCommandTest {

    @Test
    void aFreshGatewayWithAJournalOrACloudIsAUsageError() {
        CommandRun journal = CommandRun.of("sim", "--fresh", "--journal", "/tmp/no-such-journal");
        CommandRun cloud = CommandRun.of("sim", "--fresh", "--cloud");

        assertThat(journal.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(journal.err()).contains("--fresh").contains("--journal");
        assertThat(cloud.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
