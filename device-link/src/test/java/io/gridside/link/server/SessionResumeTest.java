package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session whose transport breaks is resumed over a new one, and carries on where it stopped. Each wait below is for
 * something the link's threads do in milliseconds; its bound is only a safety net, far above what a loaded machine
 * needs, and the test's timeout above them all.
 */
@Timeout(90)
class SessionResumeTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** The bound of each wait for the link's threads. */
    private static final long WAIT_SECONDS = 20;
    private static final Instant FROM = SampleMessages.DAY_START;
    private static final Instant TO = FROM.plus(Duration.ofDays(400));

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** A gateway's TCP listener on 127.0.0.1 that hands every connection to its links. */
    private final class Listener implements AutoCloseable {

        final GatewayLinks links;
        final ServerSocket server;
        final AtomicInteger accepted = new AtomicInteger();

        Listener(GatewayService service, Duration linger) throws IOException {
            links = new GatewayLinks(service, linger);
            server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
            Thread thread = new Thread(this::acceptLoop, "resume-test-listener");
            thread.setDaemon(true);
            thread.start();
            open.add(this);
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    links.serve(TcpTransport.accepted(socket), () -> { });
                } catch (IOException e) {
                    return;
                }
            }
        }

        TcpTransport connect() throws IOException {
            return TcpTransport.connect("127.0.0.1", server.getLocalPort(), 2_000);
        }

        @Override
        public void close() throws IOException {
            server.close();
            links.close();
        }
    }

    private GatewayClient open(Listener listener) throws IOException {
        GatewayClient client = GatewayClient.open(listener.connect(),
                Authentication.of(TestCredentials.supervisor(), GatewayPins.inMemory()), ANSWER_TIMEOUT);
        client.setResumeWindow(Duration.ofMinutes(1));
        open.add(client);
        return client;
    }

    /** Resumes {@code client} over a new connection each time its link breaks, as the console's session does. */
    private static void resumeWhenSuspended(GatewayClient client, Listener listener, List<Boolean> outcomes) {
        client.onSuspended(cause -> CompletableFuture.runAsync(() -> {
            try {
                outcomes.add(client.resume(listener.connect()));
            } catch (IOException e) {
                outcomes.add(false);
            }
        }));
    }

    @Test
    void streamCutThreeTimesArrivesWholeOnceAndInOrderWithoutBeingAskedForAgain() throws Exception {
        List<Reading> readings = SampleMessages.readings(20_000);
        FakeGatewayService service = new FakeGatewayService().withReadings(readings);
        Listener listener = new Listener(service, Duration.ofMinutes(1));
        GatewayClient client = open(listener);
        List<Boolean> resumes = new CopyOnWriteArrayList<>();
        resumeWhenSuspended(client, listener, resumes);
        Set<Integer> cutAtBatch = Set.of(1, 40, 90);
        List<Reading> received = new ArrayList<>();
        int[] batches = {0};

        long count = client.readings(FROM, TO, (batch, sofar, total) -> {
            received.addAll(batch);
            if (cutAtBatch.contains(++batches[0])) {
                listener.links.dropTransports(TransportKind.TCP);
            }
        }, CancelSignal.NEVER);

        assertThat(count).isEqualTo(readings.size());
        assertThat(received).containsExactlyElementsOf(readings);
        assertThat(service.readingsRequests()).isEqualTo(1);
        // The last cut may come after the last batch arrived; a request afterwards waits for its resume.
        assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
        awaitSize(resumes, 3);
        assertThat(resumes).containsExactly(true, true, true);
        assertThat(listener.accepted.get()).isEqualTo(4);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void requestWaitingWhileTheLinkIsDownIsAnsweredAfterTheResumeEvenPastItsAnswerTime() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        GatewayClient client = open(listener);
        CompletableFuture<IOException> suspended = new CompletableFuture<>();
        client.onSuspended(suspended::complete);
        listener.links.dropTransports(TransportKind.TCP);
        suspended.get(WAIT_SECONDS, TimeUnit.SECONDS);

        CompletableFuture<Object> site = CompletableFuture.supplyAsync(() -> {
            try {
                return client.site();
            } catch (LinkException e) {
                return e;
            }
        });
        Thread.sleep(ANSWER_TIMEOUT.toMillis() + 500);
        assertThat(site).isNotDone();

        assertThat(client.resume(listener.connect())).isTrue();
        assertThat(site.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(SampleMessages.siteReply());
    }

    @Test
    void gatewayThatHoldsNoSuchSessionRefusesTheResumeAndTheSessionStaysSuspended() throws Exception {
        Listener home = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        Listener other = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        GatewayClient client = open(home);
        CompletableFuture<IOException> suspended = new CompletableFuture<>();
        client.onSuspended(suspended::complete);
        home.links.dropTransports(TransportKind.TCP);
        suspended.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(client.resume(other.connect())).isFalse();
        assertThat(client.isSuspended()).isTrue();
        assertThat(client.resume(home.connect())).isTrue();
        assertThat(client.ping()).isPositive();
    }

    @Test
    void gatewayForgetsASessionNotResumedWithinItsLingerTime() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMillis(200));
        GatewayClient client = open(listener);
        CompletableFuture<IOException> suspended = new CompletableFuture<>();
        client.onSuspended(suspended::complete);
        listener.links.dropTransports(TransportKind.TCP);
        suspended.get(WAIT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!listener.links.sessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(listener.links.sessions()).isEmpty();
        assertThat(client.resume(listener.connect())).isFalse();
    }

    @Test
    void sessionNotResumedWithinTheConsolesWindowClosesAndFailsWhatWaits() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        GatewayClient client = open(listener);
        client.setResumeWindow(Duration.ofMillis(300));
        CompletableFuture<IOException> closed = new CompletableFuture<>();
        client.onClosed(closed::complete);
        listener.links.dropTransports(TransportKind.TCP);

        assertThatThrownBy(client::site).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));
        assertThat(closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void linkBrokenBeforeTheHelloIsAcceptedIsNotKeptForAResume() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        try (TcpTransport transport = listener.connect()) {
            transport.output().write(new byte[] {0});
            transport.output().flush();
        }
        GatewayClient client = open(listener);
        listener.links.dropTransports(TransportKind.TCP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (listener.links.sessions().stream().anyMatch(s -> !s.isSuspended())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(listener.links.sessions()).hasSize(1).allMatch(GatewaySession::isSuspended);
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void sessionClosedOnPurposeEndsAtTheGatewayAtOnceInsteadOfWaiting() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        GatewayClient client = open(listener);
        assertThat(listener.links.sessions()).hasSize(1);

        client.close();

        awaitNoSessions(listener);
        assertThat(listener.links.sessions()).isEmpty();
    }

    @Test
    void withoutAResumeWindowADroppedLinkFailsWhatWaitsAtOnce() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        GatewayClient client = open(listener);
        client.setResumeWindow(null);
        CompletableFuture<IOException> closed = new CompletableFuture<>();
        client.onClosed(closed::complete);

        listener.links.dropTransports(TransportKind.TCP);

        assertThat(closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThatThrownBy(client::site).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));
    }

    @Test
    void gatewayKeepsAtMostSixteenSessionsWaitingToBeResumed() throws Exception {
        Listener listener = new Listener(new FakeGatewayService(), Duration.ofMinutes(1));
        for (int i = 0; i < GatewayLinks.MAX_SUSPENDED + 3; i++) {
            open(listener);
        }
        listener.links.dropTransports(TransportKind.TCP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (listener.links.sessions().size() > GatewayLinks.MAX_SUSPENDED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(listener.links.sessions()).hasSize(GatewayLinks.MAX_SUSPENDED)
                .allMatch(GatewaySession::isSuspended);
    }

    private static void awaitNoSessions(Listener listener) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!listener.links.sessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
