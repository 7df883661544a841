package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code gridside --tcp HOST:PORT --screen NAME} and the language and theme options of the console and the demo
 * refuse what they cannot open before any window starts.
 */
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
    void aLanguageTheConsoleDoesNotSpeakIsNamedWithThoseItDoes() {
        CommandRun run = CommandRun.of("--lang", "de");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--lang takes one of en, fr, pt, sw, not 'de'.").endsWith("[USAGE]");
    }

    @Test
    void aLanguageTheConsoleDoesNotSpeakBeforeACommandIsRefusedAsTheDemoRefusesIt() {
        CommandRun run = CommandRun.of("--lang", "xx", "scenarios");
        CommandRun theme = CommandRun.of("--theme", "sepia", "scenarios");
        CommandRun spoken = CommandRun.of("--lang", "sw", "scenarios");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--lang takes one of en, fr, pt, sw, not 'xx'.").endsWith("[USAGE]");
        assertThat(run.out()).isEmpty();
        assertThat(theme.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(spoken.exitCode()).as(spoken.err()).isZero();
    }

    @Test
    void theDemosUnknownThemeIsNamedWithTheThemesThereAre() {
        CommandRun run = CommandRun.of("demo", "--lang", "fr", "--theme", "sepia");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--theme takes one of light, dark, high-contrast, not 'sepia'.").endsWith("[USAGE]");
    }

    @Test
    void aLanguageOrThemeGoesWithTheWindowNotWithAHeadlessDemo() {
        CommandRun run = CommandRun.of("demo", "--headless", "--theme", "dark");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("go with the window");
    }

    @Test
    void aHeadlessDemoNamesALanguageTheConsoleDoesNotSpeakBeforeSayingItGoesWithTheWindow() {
        CommandRun run = CommandRun.of("demo", "--lang", "de", "--headless");
        CommandRun theme = CommandRun.of("demo", "--headless", "--theme", "sepia");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--lang takes one of en, fr, pt, sw, not 'de'.").doesNotContain("go with the window");
        assertThat(theme.errLines()).singleElement().asString()
                .contains("--theme takes one of light, dark, high-contrast, not 'sepia'.");
    }

    @Test
    void theHelpOfTheConsoleAndOfTheDemoNamesTheLanguageAndThemeOptions() {
        assertThat(CommandRun.of("--help").out()).contains("--lang=en|fr|pt|sw", "--theme=light|dark|high-contrast");
        assertThat(CommandRun.of("demo", "--help").out()).contains("--lang=en|fr|pt|sw",
                "--theme=light|dark|high-contrast", "not kept");
    }

    @Test
    void anAddressWithoutAPortIsAUsageError() {
        CommandRun run = CommandRun.of("--tcp", "127.0.0.1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("HOST:PORT", "'127.0.0.1' is not").contains("[USAGE]");
    }
}
