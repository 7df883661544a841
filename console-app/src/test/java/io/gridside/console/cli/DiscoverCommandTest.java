package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks of {@code discover} and {@code sim --advertise} that come before any network is touched. */
class DiscoverCommandTest {

    @Test
    void advertisingWithoutALanAddressIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--advertise");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--advertise needs --bind", "loopback");
    }

    @Test
    void searchingForNoTimeIsAUsageError() {
        CommandRun run = CommandRun.of("discover", "--seconds", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--seconds");
    }
}
