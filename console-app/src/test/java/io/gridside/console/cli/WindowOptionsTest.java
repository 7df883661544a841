package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gridside --tcp HOST:PORT --screen NAME} refuses what it cannot open before any window starts. */
class WindowOptionsTest {

    @Test
    void aScreenWithoutAGatewayIsAUsageError() {
        CommandRun run = CommandRun.of("--screen", "dashboard");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("gridside: --screen goes with --tcp. (see gridside --help) [USAGE]");
    }

    @Test
    void aScreenNamedLikeACommandIsTakenAsTheScreen() {
        CommandRun run = CommandRun.of("--screen", "sync");

        assertThat(run.errLines()).containsExactly("gridside: --screen goes with --tcp. (see gridside --help) [USAGE]");
    }

    @Test
    void anUnknownScreenIsNamedWithTheScreensThereAre() {
        CommandRun run = CommandRun.of("--tcp", "127.0.0.1:7700", "--screen", "maps");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("not 'maps'", "dashboard, meters, mesh")
                .endsWith("[USAGE]");
    }

    @Test
    void anAddressWithoutAPortIsAUsageError() {
        CommandRun run = CommandRun.of("--tcp", "127.0.0.1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("HOST:PORT", "'127.0.0.1' is not").contains("[USAGE]");
    }
}
