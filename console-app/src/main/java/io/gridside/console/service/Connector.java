package io.gridside.console.service;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.HelloCheck;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.HelloReply;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.cloud.CloudServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Opens a session with a gateway wherever it is, checking the gateway's key against this laptop's pins. It opens a
 * serial port only if the port looks like a gateway or the technician confirmed it. For the demo it first starts a
 * simulated site on loopback, which lives as long as the connector; the demo site's key is pinned in memory only,
 * since the site is new at every start. The demo's cloud, for sync, starts beside it when first asked for and ends
 * with it.
 */
public final class Connector implements AutoCloseable {

    /** The baud rate of a gateway's serial port. */
    public static final int SERIAL_BAUD = 115_200;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** How long a gateway may take to answer before the console gives up, unless told otherwise. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final GatewayPins pins;
    private final GatewayPins demoPins = GatewayPins.inMemory();
    private final Duration answerTimeout;
    private final SerialPorts serialPorts;
    private SimulatedSite demoSite;
    private CloudServer demoCloud;
    private Path demoCloudDir;
    /** The technician's private key, which signs what moves money; null while the console only reads. */
    private volatile SigningKey technicianKey;
    private InetSocketAddress demoAddress;

    /** A connector for this user that checks real gateways against {@code pins}, with the default answer time. */
    public Connector(GatewayPins pins) {
        this(pins, DEFAULT_ANSWER_TIMEOUT);
    }

    /** A connector for this user whose sessions wait at most {@code answerTimeout} for each answer. */
    public Connector(GatewayPins pins, Duration answerTimeout) {
        this(pins, answerTimeout,
                SerialPorts.forUser(AppDirs.forCurrentUser(), Settings.load(AppDirs.forCurrentUser())));
    }

    /** A connector that checks gateways against {@code pins} and judges serial ports with {@code serialPorts}. */
    public Connector(GatewayPins pins, Duration answerTimeout, SerialPorts serialPorts) {
        this.pins = pins;
        this.answerTimeout = answerTimeout;
        this.serialPorts = serialPorts;
    }

    /**
     * Connects and says hello with {@code credential}; the result is a live session with a gateway that proved
     * it holds the key pinned for its site (pinned now, if this is a supervisor's first visit).
     *
     * @throws UnconfirmedPortException for a serial port that does not look like a gateway and was not confirmed
     * @throws LinkException when the gateway cannot be reached or refuses the session
     */
    public GatewayClient connect(ConnectionTarget target, SignedCredential credential) throws IOException {
        requireConfirmedPort(target);
        return open(target, Authentication.of(credential, pinsFor(target)));
    }

    /**
     * Connects as {@link #connect} does, but replaces the site's pinned key with the one the gateway presents
     * now: the explicit re-pin after a gateway was replaced, which the session allows for a supervisor only.
     */
    public GatewayClient repin(ConnectionTarget target, SignedCredential credential) throws IOException {
        return repin(target, credential, HelloCheck.NONE);
    }

    /**
     * Re-pins as {@link #repin(ConnectionTarget, SignedCredential)} does, once {@code beforePin} has judged the
     * gateway's hello: a check that throws ends the session with the site's pin as it was.
     */
    public GatewayClient repin(ConnectionTarget target, SignedCredential credential, HelloCheck beforePin)
            throws IOException {
        requireConfirmedPort(target);
        return open(target, Authentication.of(credential, pinsFor(target)).repinning().checkingBeforePin(beforePin));
    }

    /**
     * Says hello with {@code credential} and ends the session once the gateway has proved that it holds the key it
     * presents, before that key is checked against any pin: what the gateway says of itself, with no pin read or
     * changed, so that a technician can be shown a gateway before its key is trusted.
     *
     * @throws LinkException when the gateway cannot be reached, refuses the credential or does not prove its key
     */
    public HelloReply hello(ConnectionTarget target, SignedCredential credential) throws IOException {
        requireConfirmedPort(target);
        Authentication auth = Authentication.of(credential, pinsFor(target)).checkingBeforePin(reply -> {
            throw new HelloHeard(reply);
        });
        try (GatewayClient unexpected = open(target, auth)) {
            throw new IllegalStateException("The session with " + unexpected.hello().gatewayId() + " went on past "
                    + "the check that ends it before the pin.");
        } catch (HelloHeard heard) {
            return heard.reply;
        }
    }

    /** Ends a session at its check before the pin, carrying the hello it judged. */
    private static final class HelloHeard extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient HelloReply reply;

        HelloHeard(HelloReply reply) {
            super("the hello was heard", null, false, false);
            this.reply = reply;
        }
    }

    /**
     * Connects as {@link #connect} does, and when the gateway presents another key than the pinned one, pins it
     * if {@code record}, the operator's record of the new key, checks out; in a session of any role.
     */
    public GatewayClient repinWithRecord(ConnectionTarget target, SignedCredential credential,
            SignedKeyReplacement record) throws IOException {
        requireConfirmedPort(target);
        return open(target, Authentication.of(credential, pinsFor(target)).withReplacement(record));
    }

    /**
     * Connects to the demo site, started on first use, as a demo supervisor whose credential is issued from the
     * demo operator's key there and then: the demo needs no setup, and no other path uses that key.
     */
    public GatewayClient connectDemo(ConnectionTarget.Demo demo) throws LinkException {
        SimulatedGateway gateway = startDemo(demo).gateway();
        SignedCredential supervisor = DemoOperator.supervisorFor(gateway.profile().siteId(), gateway.clock());
        return open(demo, Authentication.of(supervisor, demoPins).signingWith(DemoOperator.holderKey()));
    }

    private void requireConfirmedPort(ConnectionTarget target) throws UnconfirmedPortException {
        if (target instanceof ConnectionTarget.Serial serial && !serial.confirmed()) {
            SerialPorts.Port port = serialPorts.describe(serial.device());
            if (port.needsConfirmation()) {
                throw new UnconfirmedPortException(port);
            }
        }
    }

    /**
     * Connects again with {@code credential} after a session could not be resumed: to the demo site as its demo
     * supervisor, to any other target as {@link #connect} does.
     */
    public GatewayClient reconnect(ConnectionTarget target, SignedCredential credential) throws IOException {
        return target instanceof ConnectionTarget.Demo demo ? connectDemo(demo) : connect(target, credential);
    }

    private GatewayClient open(ConnectionTarget target, Authentication auth) throws LinkException {
        SigningKey key = technicianKey;
        boolean named = key != null && key.publicKey().equals(auth.credential().credential().technicianKey());
        return GatewayClient.open(transportTo(target), named ? auth.signingWith(key) : auth, answerTimeout);
    }

    /**
     * Signs every request that moves money with {@code key} in the sessions opened from now on with the credential
     * that names it; null signs nothing, and a gateway then refuses such requests with a code that says why.
     */
    public void signWith(SigningKey key) {
        this.technicianKey = key;
    }

    /**
     * The private key kept next to the credential file {@code file}, which {@code credential} names; null when it
     * names none or no key file lies next to it.
     *
     * @throws IOException when the key file cannot be read or holds another key
     */
    public static SigningKey technicianKeyFor(Path file, SignedCredential credential) throws IOException {
        return TechnicianKeyFile.readFor(file, credential).orElse(null);
    }

    private GatewayPins pinsFor(ConnectionTarget target) {
        return target instanceof ConnectionTarget.Demo ? demoPins : pins;
    }

    private SimulatedSite startDemo(ConnectionTarget.Demo demo) throws LinkException {
        try {
            demoAddress(demo);
            return demoSite();
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.UNREACHABLE,
                    "The demo site could not be started: " + e.getMessage(), e);
        }
    }

    /** How long a session waits for each answer of its gateway. */
    public Duration answerTimeout() {
        return answerTimeout;
    }

    public SerialPorts serialPorts() {
        return serialPorts;
    }

    /**
     * Opens a bare transport to {@code target}, to resume a session over it. It does not judge a serial port:
     * the caller opens only ports that look like a gateway or that the technician confirmed.
     */
    public Transport transportTo(ConnectionTarget target) throws LinkException {
        try {
            if (target instanceof ConnectionTarget.Tcp tcp) {
                return TcpTransport.connect(tcp.host(), tcp.port(), CONNECT_TIMEOUT_MILLIS);
            }
            if (target instanceof ConnectionTarget.Serial serial) {
                return SerialTransport.open(serial.device(), SERIAL_BAUD);
            }
            InetSocketAddress address = demoAddress((ConnectionTarget.Demo) target);
            return TcpTransport.connect(address.getHostString(), address.getPort(), CONNECT_TIMEOUT_MILLIS);
        } catch (UnknownHostException e) {
            throw new LinkException(LinkException.Code.UNREACHABLE,
                    "The host " + e.getMessage() + " is unknown; check the gateway's address.", e);
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.UNREACHABLE,
                    "Nothing answered at " + target.describe() + ": " + e.getMessage(), e);
        }
    }

    private synchronized InetSocketAddress demoAddress(ConnectionTarget.Demo demo) throws IOException {
        if (demoSite == null) {
            demoSite = SimulatedSite.start(demo.spec(), SimClock.scaled(demo.spec().now(), demo.speed()),
                    demo.scenario());
            demoAddress = demoSite.listenTcp(0);
        }
        return demoAddress;
    }

    /**
     * The demo site's cloud on loopback, started on first use with its data in a temporary folder and seeded with
     * the demo's down items; empty before the demo site started.
     */
    public synchronized Optional<CloudServer> demoCloud() throws IOException {
        if (demoSite == null) {
            return Optional.empty();
        }
        if (demoCloud == null) {
            demoCloudDir = Files.createTempDirectory("gridside-demo-cloud-");
            demoCloud = CloudServer.startDemo(demoCloudDir, demoSite.gateway().layout());
        }
        return Optional.of(demoCloud);
    }

    /** The demo site this connector started, or null. */
    public synchronized SimulatedSite demoSite() {
        return demoSite;
    }

    @Override
    public synchronized void close() {
        closeDemoCloud();
        if (demoSite != null) {
            demoSite.close();
            demoSite = null;
        }
    }

    private void closeDemoCloud() {
        if (demoCloud == null) {
            return;
        }
        demoCloud.close();
        demoCloud = null;
        try (Stream<Path> files = Files.walk(demoCloudDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(Connector.class).warn("The demo cloud's folder {} could not be removed.",
                    demoCloudDir, e);
        }
    }
}
