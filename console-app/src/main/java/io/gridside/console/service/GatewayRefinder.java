package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
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
 * <p>On every port that looks like a gateway (and on the dropped port itself, when the technician had confirmed
 * it) it first asks to resume the suspended session, which only the same gateway can grant; a gateway that no
 * longer holds the session (it restarted) is said hello to, and its session kept when its hello names the same
 * gateway of the same site. It never writes to any other port.
 *
 * <p>A gateway on TCP stays where it was, so there the session is resumed over a new connection to the same
 * address, or opened anew when the gateway no longer holds it.
 */
public final class GatewayRefinder {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRefinder.class);
    /** How long the console waits between two scans of the ports, while the gateway is still away. */
    static final Duration SCAN_PAUSE = Duration.ofSeconds(1);
    private static final long CANCEL_CHECK_MS = 100;

    private final Connector connector;
    private final SerialPorts ports;
    /** What came of asking the gateway on a port to resume the lost session. */
    private enum ResumeOutcome {
        /** The session carries on over that port. */
        RESUMED,
        /** A gateway answered that it holds no such session: it restarted, or is another one. */
        REFUSED,
        /** Nothing answered the resume. */
        SILENT,
        /** There was no suspended session to resume. */
        NOTHING_TO_RESUME
    }

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
        return find(wanted, credential, null, giveUpAfter, progress, cancel);
    }

    /**
     * Scans as {@link #find(Wanted, SignedCredential, Duration, Progress, CancelSignal)} does, asking each port
     * first to resume {@code lost}.
     *
     * @return {@code lost} itself when it was resumed, else a new session with the gateway
     */
    public GatewayClient find(Wanted wanted, GatewayClient lost, Duration giveUpAfter, Progress progress,
            CancelSignal cancel) throws LinkException {
        return find(wanted, lost.credential(), lost, giveUpAfter, progress, cancel);
    }

    private GatewayClient find(Wanted wanted, SignedCredential credential, GatewayClient lost, Duration giveUpAfter,
            Progress progress, CancelSignal cancel) throws LinkException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int round = 1; ; round++) {
            Optional<GatewayClient> found = scanOnce(wanted, credential, lost, round, progress, cancel);
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
        return scanOnce(wanted, credential, null, round, progress, cancel);
    }

    private Optional<GatewayClient> scanOnce(Wanted wanted, SignedCredential credential, GatewayClient lost,
            int round, Progress progress, CancelSignal cancel) {
        List<SerialPorts.Port> candidates = candidates(wanted);
        for (SerialPorts.Port port : candidates) {
            if (cancel.isCancelled()) {
                throw new CancellationException("The search for gateway " + wanted.gatewayId() + " was stopped.");
            }
            progress.update(Sentence.of("refind.trying", wanted.gatewayId(), port.device(), round), -1, -1);
            ResumeOutcome resume = tryResume(port, lost);
            if (resume == ResumeOutcome.RESUMED) {
                return Optional.of(lost);
            }
            // A port that did not answer a resume would not answer a hello either.
            Optional<GatewayClient> client = resume == ResumeOutcome.SILENT ? Optional.empty()
                    : tryPort(port, wanted, credential);
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

    /** Asks the gateway on {@code port} to resume {@code lost}, when there is a suspended session to resume. */
    private ResumeOutcome tryResume(SerialPorts.Port port, GatewayClient lost) {
        if (lost == null || !lost.isSuspended()) {
            return ResumeOutcome.NOTHING_TO_RESUME;
        }
        try {
            if (lost.resume(connector.transportTo(new ConnectionTarget.Serial(port.device(), true)))) {
                LOG.info("Resumed the session with gateway {} on {}.", lost.hello().gatewayId(), port.device());
                return ResumeOutcome.RESUMED;
            }
            LOG.debug("The gateway on {} holds no session of this console to resume.", port.device());
            return ResumeOutcome.REFUSED;
        } catch (LinkException e) {
            LOG.debug("No gateway answered a resume on {}: {}", port.device(), e.getMessage());
            return ResumeOutcome.SILENT;
        }
    }

    /**
     * After the session was resumed where possible: keeps {@code lost} if it was resumed over a new connection to
     * {@code target}, else opens a new session there. Tries until {@code giveUpAfter} has passed.
     *
     * @return {@code lost} itself when it was resumed, else a new session with the same gateway
     * @throws LinkException when the gateway did not answer in time, refused, or turned out to be another one
     * @throws CancellationException when cancelled
     */
    public GatewayClient resumeAt(ConnectionTarget target, GatewayClient lost, Duration giveUpAfter,
            Progress progress, CancelSignal cancel) throws LinkException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        String gatewayId = lost.hello().gatewayId();
        LinkException last = null;
        for (int round = 1; ; round++) {
            if (cancel.isCancelled()) {
                throw new CancellationException("Resuming the session with " + gatewayId + " was stopped.");
            }
            progress.update(Sentence.of("refind.resuming", gatewayId, target.describe(), round), -1, -1);
            try {
                return resumeOrReopen(target, lost);
            } catch (LinkException e) {
                if (e.code() != LinkException.Code.UNREACHABLE && e.code() != LinkException.Code.TIMEOUT
                        && e.code() != LinkException.Code.CLOSED) {
                    throw e;
                }
                last = e;
                LOG.debug("Gateway {} is not back at {} yet: {}", gatewayId, target.describe(), e.getMessage());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new LinkException(LinkException.Code.UNREACHABLE, I18n.text("refind.gaveUpAt", gatewayId,
                        target.describe(), giveUpAfter.toSeconds()), last);
            }
            pause(cancel);
        }
    }

    private GatewayClient resumeOrReopen(ConnectionTarget target, GatewayClient lost) throws LinkException {
        if (lost.isSuspended() && lost.resume(connector.transportTo(target))) {
            return lost;
        }
        GatewayClient fresh;
        try {
            fresh = connector.reconnect(target, lost.credential());
        } catch (LinkException e) {
            throw e;
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.UNREACHABLE, e.getMessage(), e);
        }
        HelloReply was = lost.hello();
        HelloReply now = fresh.hello();
        if (!(target instanceof ConnectionTarget.Demo)
                && (!now.gatewayId().equals(was.gatewayId()) || !now.siteId().equals(was.siteId()))) {
            fresh.close();
            throw new LinkException(LinkException.Code.NOT_A_GATEWAY, I18n.text("refind.otherGateway",
                    target.describe(), now.gatewayId(), now.siteId(), was.gatewayId()));
        }
        return fresh;
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
