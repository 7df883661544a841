package io.gridside.console.cli;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;

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

    /** Stops the site and puts the home back. */
    @Override
    public void close() {
        site.close();
        Credentials.restoreHome(previousHome);
    }
}
