package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated site on loopback TCP for command-line tests: the console's home moved to a private folder while it
 * runs, and a demo supervisor's credential for the site written there.
 *
 * @param tcp where the site listens, as {@code --tcp} takes it
 * @param supervisor the path of the supervisor's credential file
 */
record CommandSite(SimulatedSite site, String tcp, String supervisor, String previousHome)
        implements AutoCloseable {

    /** Builds the site, once the home has moved. */
    @FunctionalInterface
    interface Builder {
        SimulatedSite build() throws IOException;
    }

    /** Moves the home to {@code home}, starts the site {@code builder} makes, and issues a supervisor's credential. */
    static CommandSite start(Path home, Instant now, Builder builder) throws IOException {
        String previous = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        SimulatedSite site = builder.build();
        InetSocketAddress address = site.listenTcp(0);
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(site.gateway().profile().siteId(), now));
        return new CommandSite(site, address.getHostString() + ":" + address.getPort(), supervisor, previous);
    }

    /** Connects once as the supervisor, as a site's first connection must be, so that its gateway's key is pinned. */
    CommandSite pinned() {
        CommandRun pin = connect(supervisor, "status");
        assertThat(pin.exitCode()).as("a supervisor pins the site first: " + pin.err()).isZero();
        return this;
    }

    /**
     * Writes the credential of technician T-0042, Amina Wanjiru, for this site to {@code technician.json} in
     * {@code home}, with its key beside it so that it signs money moves: valid from a day before {@code now} for
     * {@code validity}, with {@code limits} (a cash limit, say). Returns the file's path as the CLI takes it.
     */
    String technician(Path home, Instant now, Duration validity, Map<String, Long> limits) throws IOException {
        return Credentials.write(home, "technician.json", DemoOperator.issue("T-0042", "Amina Wanjiru",
                Role.TECHNICIAN, List.of(site.gateway().profile().siteId()), now.minus(Duration.ofDays(1)), validity,
                limits));
    }

    /** Runs {@code connect --tcp} to this site under {@code credential}, with {@code args} after it. */
    CommandRun connect(String credential, String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", credential};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    /** The id of the site's customer at {@code index} of its layout. */
    String customer(int index) {
        return site.gateway().layout().customers().get(index).customerId();
    }

    /** Stops the site and puts the home back. */
    @Override
    public void close() {
        site.close();
        Credentials.restoreHome(previousHome);
    }
}
