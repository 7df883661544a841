package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gridside sim --fresh} refuses what a factory-fresh gateway cannot have before it starts anything. */
class SimFreshCommandTest {

    @Test
    void aFreshGatewayWithACloudAnAdvertisementOrADeathIsAUsageError() {
        CommandRun cloud = CommandRun.of("sim", "--fresh", "--cloud");
        CommandRun advertise = CommandRun.of("sim", "--fresh", "--advertise");
        CommandRun replace = CommandRun.of("sim", "--fresh", "--replace-gateway-after", "20");

        assertThat(cloud.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cloud.err()).contains("--fresh").contains("--cloud");
        assertThat(advertise.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(replace.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(replace.err()).contains("--replace-gateway-after");
    }
}
