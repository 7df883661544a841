package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks of {@code sim --replace-gateway-after}, which come before the site listens. */
class SimReplacementOptionTest {

    @Test
    void aGatewayThatDiesAtOnceIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0",
                "--replace-gateway-after", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--replace-gateway-after", "was 0");
    }

    @Test
    void aGatewayServedOnlyOnSerialCannotBeReplacedAtItsAddress() {
        CommandRun run = CommandRun.of("sim", "--serial", "--meters", "5", "--days", "0",
                "--replace-gateway-after", "30");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("needs --tcp");
    }
}
