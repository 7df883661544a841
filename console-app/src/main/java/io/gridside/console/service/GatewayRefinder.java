package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.HelloReply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a gateway again by its identity after its serial link dropped. A USB gateway that is unplugged and plugged
 * back in comes back under whatever device name is free ({@code ttyACM0} becomes {@code ttyACM1}), so the device
 * path means nothing; what the gateway says in its hello does.
 *
 * <p>It says hello on every port that looks like a gateway (and on the dropped port itself, when the technician had
 * confirmed it), and keeps the session whose hello names the same gateway of the same site. It never writes to any
 * other port.
 */
public final class GatewayRefinder {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRefinder.class);
    /** How long the console waits between two scans of the ports, while the gateway is still away. */
    static final Duration SCAN_PAUSE = Duration.ofSeconds(1);
    private static final long CANCEL_CHECK_MS = 100;

    private final Connector connector;
    private final SerialPorts ports;

    /** The gateway to find: who it said it was, and where it was last. */
    public record Wanted(String gatewayId, String siteId, String lastDevice, boolean lastConfirmed) {
    }

    public GatewayRefinder(Connector connector) {
        this.connector = connector;
        this.ports = connector.serialPorts();
    }

    /**
     * Scans the ports until the gateway answers on one, {@code giveUpAfter} has passed, or {@code cancel} says stop.
     *
     * @return the new session with the gateway
     * @throws LinkException with {@link LinkException.Code#UNREACHABLE} when the gateway did not come back in time
     * @throws CancellationException when cancelled
     */
    public GatewayClient find(Wanted wanted, SignedCredential credential, Duration giveUpAfter, Progress progress,
            CancelSignal cancel) throws LinkException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int round = 1; ; round++) {
            Optional<GatewayClient> found = scanOnce(wanted, credential, round, progress, cancel);
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new LinkException(LinkException.Code.UNREACHABLE, I18n.text("refind.gaveUp",
                        wanted.gatewayId(), giveUpAfter.toMinutes() > 0 ? giveUpAfter.toMinutes() + " min"
                                : giveUpAfter.toSeconds() + " s"));
            }
            pause(cancel);
        }
    }

    /**
     * Says hello once on each candidate port, the last device first, and returns the session with the wanted
     * gateway, or empty when it answered on none of them.
     */
    Optional<GatewayClient> scanOnce(Wanted wanted, SignedCredential credential, int round, Progress progress,
            CancelSignal cancel) {
        List<SerialPorts.Port> candidates = candidates(wanted);
        for (SerialPorts.Port port : candidates) {
            if (cancel.isCancelled()) {
                throw new CancellationException("The search for gateway " + wanted.gatewayId() + " was stopped.");
            }
            progress.update(I18n.text("refind.trying", wanted.gatewayId(), port.device(), round), -1, -1);
            Optional<GatewayClient> client = tryPort(port, wanted, credential);
            if (client.isPresent()) {
                return client;
            }
        }
        LOG.debug("Gateway {} answered on none of {} candidate ports in round {}.", wanted.gatewayId(),
                candidates.size(), round);
        return Optional.empty();
    }

    /** The ports to try: the dropped one first, then every other that looks like a gateway. */
    List<SerialPorts.Port> candidates(Wanted wanted) {
        List<SerialPorts.Port> candidates = new ArrayList<>();
        SerialPorts.Port last = ports.describe(wanted.lastDevice());
        boolean lastUsable = last.looksLikeGateway() || (wanted.lastConfirmed() && last.needsConfirmation());
        if (lastUsable) {
            candidates.add(last);
        }
        for (SerialPorts.Port port : ports.candidates()) {
            if (!port.device().equals(last.device()) && !publishedForAnother(port, wanted)) {
                candidates.add(port);
            }
        }
        return candidates;
    }

    /** A simulator that published its port for another gateway is not asked: it said whom it serves there. */
    private static boolean publishedForAnother(SerialPorts.Port port, Wanted wanted) {
        return port.gatewayId() != null && !port.gatewayId().equals(wanted.gatewayId());
    }

    private Optional<GatewayClient> tryPort(SerialPorts.Port port, Wanted wanted, SignedCredential credential) {
        GatewayClient client;
        try {
            // Judged above: the port looks like a gateway, or the technician confirmed it for this session.
            client = connector.connect(new ConnectionTarget.Serial(port.device(), true), credential);
        } catch (IOException e) {
            LOG.debug("No gateway answered on {}: {}", port.device(), e.getMessage());
            return Optional.empty();
        }
        HelloReply hello = client.hello();
        if (hello.gatewayId().equals(wanted.gatewayId()) && hello.siteId().equals(wanted.siteId())) {
            LOG.info("Found gateway {} again on {}.", wanted.gatewayId(), port.device());
            return Optional.of(client);
        }
        LOG.info("The gateway on {} is {} of site {}, not the one being looked for, {}.", port.device(),
                hello.gatewayId(), hello.siteId(), wanted.gatewayId());
        client.close();
        return Optional.empty();
    }

    private static void pause(CancelSignal cancel) {
        long until = System.nanoTime() + SCAN_PAUSE.toNanos();
        try {
            while (System.nanoTime() - until < 0) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("The search for a gateway was stopped.");
                }
                Thread.sleep(CANCEL_CHECK_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The search for a gateway was interrupted.");
        }
    }
}
