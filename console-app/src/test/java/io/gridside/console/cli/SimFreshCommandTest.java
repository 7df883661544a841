package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gridside sim --fresh} refuses what a factory-fresh gateway cannot have before it starts anything. */
class SimFreshCommandTest {

    @Test
    void aFreshGatewayWithACloudOrAnAdvertisementIsAUsageError() {
        CommandRun cloud = CommandRun.of("sim", "--fresh", "--cloud");
        CommandRun advertise = CommandRun.of("sim", "--fresh", "--advertise");

        assertThat(cloud.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cloud.err()).contains("--fresh").contains("--cloud");
        assertThat(advertise.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
