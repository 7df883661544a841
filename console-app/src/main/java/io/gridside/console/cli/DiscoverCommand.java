package io.gridside.console.cli;

import io.gridside.console.service.GatewaySearch;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.LinkException;
import io.gridside.link.discovery.DiscoveredGateway;
import io.gridside.link.discovery.GatewayAdvert;
import io.gridside.link.discovery.GatewayDiscovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside discover}: lists the gateways that advertise themselves on the LAN. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Searches the LAN for gateways that advertise themselves (DNS-SD) and lists them.",
            "Prints that no gateway was found, and exits with 0, when none answered;",
            "exits with 3 when the LAN could not be searched, such as from a --bind address that is loopback "
                + "or belongs to no interface."})
final class DiscoverCommand implements Callable<Integer> {

    private static final double MAX_SECONDS = 60;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "3",
            description = "How long to listen for adverts (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Search on the LAN interface with this address only (default: every LAN interface); "
                + "loopback is refused, since adverts do not reach it.")
    String bind;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    /** The search to run instead of the LAN's, for tests that must not touch a network. */
    GatewaySearch searchInstead;

    /** One gateway as the JSON output carries it; the field names are a contract with scripts. */
    record GatewayJson(String gatewayId, String siteId, String siteName, String host, int port,
            List<String> addresses, List<Integer> protocolVersions, String keyFingerprint, String serviceName) {

        static GatewayJson of(DiscoveredGateway found) {
            GatewayAdvert advert = found.advert();
            return new GatewayJson(advert.gatewayId(), advert.siteId(), advert.siteName(), found.host(),
                    found.port(), found.addresses(), advert.protocolVersions(), advert.keyFingerprint(),
                    found.serviceName());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new UsageException("--seconds must be above 0 and at most " + (int) MAX_SECONDS + ".");
        }
        print(searchFor(Duration.ofMillis((long) (seconds * 1000))));
        return ExitCode.OK;
    }

    private List<DiscoveredGateway> searchFor(Duration time) throws LinkException {
        GatewaySearch search = search();
        try {
            return search.search(time, CancelSignal.NEVER);
        } catch (IOException e) {
            // Discovery says why in a sentence of its own, such as that no interface carries multicast.
            throw new LinkException(LinkException.Code.UNREACHABLE, e.getMessage(), e);
        }
    }

    private GatewaySearch search() throws LinkException {
        if (searchInstead != null) {
            return searchInstead;
        }
        if (bind == null) {
            return GatewaySearch.onTheLan();
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + bind + " is not an address of this machine.", e);
        }
        return GatewayDiscovery.on(requireLanAddress(address))::browse;
    }

    /** Refuses an address no advert can reach, which would otherwise find nothing and look like an empty LAN. */
    private static InetAddress requireLanAddress(InetAddress address) throws LinkException {
        String advice = " Give the address of this laptop on the gateway's network with --bind, or leave --bind out "
                + "to search every LAN interface.";
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            throw new LinkException(LinkException.Code.UNREACHABLE, "The LAN cannot be searched from "
                    + address.getHostAddress() + ": it is not the address of a LAN interface, and adverts do not "
                    + "reach it." + advice);
        }
        NetworkInterface networkInterface;
        try {
            networkInterface = NetworkInterface.getByInetAddress(address);
        } catch (SocketException e) {
            networkInterface = null;
        }
        if (networkInterface == null) {
            throw new LinkException(LinkException.Code.UNREACHABLE, "The LAN cannot be searched from "
                    + address.getHostAddress() + ": no interface of this laptop has that address." + advice);
        }
        return address;
    }

    private void print(List<DiscoveredGateway> found) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(found.stream().map(GatewayJson::of).toList()));
            return;
        }
        if (found.isEmpty()) {
            out.println("No gateway found: none answered within "
                    + BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString()
                    + " s. Check that this laptop is on the gateway's network, or connect by address.");
            return;
        }
        for (DiscoveredGateway gateway : found) {
            GatewayAdvert advert = gateway.advert();
            out.printf("%-12s %-21s %-12s %s%n", advert.gatewayId(), gateway.endpoint(), advert.siteId(),
                    advert.siteName());
        }
    }
}
