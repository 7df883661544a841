package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.GatewaySearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

    @Test
    void findingNoGatewayIsNoErrorAndSaysSo() {
        CommandRun run = discover((time, cancel) -> List.of(), "--seconds", "0.5");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("No gateway found").contains("0.5 s");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void findingNoGatewayPrintsAnEmptyArrayForPrograms() {
        CommandRun run = discover((time, cancel) -> List.of(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().replaceAll("\\s", "")).isEqualTo("[]");
    }

    @Test
    void aLanThatCannotBeSearchedIsOneLineWithItsCodeAndExitThree() {
        CommandRun run = discover((time, cancel) -> {
            throw new IOException("No network interface of this machine is up; join the gateway's network first.");
        });

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("gridside: No network interface")
                .endsWith("[UNREACHABLE]");
    }

    /** Runs {@code discover} with a search of the test's own instead of the LAN's, which a test must not touch. */
    @Test
    void searchingFromLoopbackSaysTheLanCannotBeSearchedFromThereAndExitsThree() {
        CommandRun run = CommandRun.of("discover", "--bind", "127.0.0.1", "--seconds", "0.2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.out()).doesNotContain("No gateway found");
        assertThat(run.errLines()).singleElement().asString()
                .contains("cannot be searched from 127.0.0.1", "--bind").endsWith(" [UNREACHABLE]");
    }

    @Test
    void searchingFromAnAddressOfNoInterfaceSaysSoAndExitsThree() {
        // 192.0.2.0/24 is reserved for documentation, so no interface of a test machine carries it.
        CommandRun run = CommandRun.of("discover", "--bind", "192.0.2.77", "--seconds", "0.2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("cannot be searched from 192.0.2.77", "no interface").endsWith(" [UNREACHABLE]");
    }

    private static CommandRun discover(GatewaySearch search, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GridsideCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CommandLine discover = commandLine.getSubcommands().get("discover");
        ((DiscoverCommand) discover.getCommand()).searchInstead = search;
        String[] line = new String[args.length + 1];
        line[0] = "discover";
        System.arraycopy(args, 0, line, 1, args.length);
        int exit = commandLine.execute(line);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
