package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code gridside sim --fresh} refuses what a factory-fresh gateway cannot have before it starts anything, and checks
 * a death after go-live as the site simulator checks its own.
 */
class SimFreshCommandTest {

    @Test
    void aFreshGatewayWithACloudOrAnAdvertisementIsAUsageError() {
        CommandRun cloud = CommandRun.of("sim", "--fresh", "--cloud");
        CommandRun advertise = CommandRun.of("sim", "--fresh", "--advertise");

        assertThat(cloud.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cloud.err()).contains("--fresh").contains("--cloud");
        assertThat(advertise.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aFreshGatewayTakesADeathAfterGoLiveCheckedAsAnyGatewaysIs() {
        CommandRun atOnce = CommandRun.of("sim", "--fresh", "--tcp", "0", "--replace-gateway-after", "0");
        CommandRun serialOnly = CommandRun.of("sim", "--fresh", "--serial", "--replace-gateway-after", "20");

        assertThat(atOnce.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(atOnce.errLines()).singleElement().asString().contains("--replace-gateway-after", "was 0")
                .doesNotContain("leave out");
        assertThat(serialOnly.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(serialOnly.err()).contains("needs --tcp");
    }
}
