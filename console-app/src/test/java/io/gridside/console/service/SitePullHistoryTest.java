package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.server.GatewayService;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull moves the event log and the mesh's history by day digests: it fetches the days the store holds under
 * another digest, and a second pull right after fetches nothing but the digests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SitePullHistoryTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 200;

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(METERS, 42, 2, NOW), clock);
    /** How often the gateway was asked for each of its service's methods, by name. */
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private GatewayLinks links;
    private ServerSocket server;
    private GatewayClient client;
    private SiteStore store;

    @BeforeEach
    void connect() throws IOException {
        links = new GatewayLinks(counting(gateway));
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptOne, "history-test-accept");
        accept.setDaemon(true);
        accept.start();
        client = GatewayClient.open(TcpTransport.connect(server.getInetAddress().getHostAddress(),
                server.getLocalPort(), 2000), Authentication.of(DemoOperator.supervisorFor("site-42", NOW),
                GatewayPins.inMemory()), Duration.ofSeconds(30));
        store = SiteStore.open(dir.resolve("site.db"));
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        links.close();
        server.close();
        store.close();
    }

    private void acceptOne() {
        try {
            Socket socket = server.accept();
            links.serve(TcpTransport.accepted(socket), () -> { });
        } catch (IOException e) {
            throw new IllegalStateException("The test's gateway could not take the console's connection.", e);
        }
    }

    /** The gateway, counting every call of its service by the method's name. */
    private GatewayService counting(GatewayService service) {
        return (GatewayService) Proxy.newProxyInstance(GatewayService.class.getClassLoader(),
                new Class<?>[] {GatewayService.class}, (proxy, method, args) -> {
                    asked.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int asked(String method) {
        AtomicInteger count = asked.get(method);
        return count == null ? 0 : count.get();
    }

    private SitePull.Result pull() throws IOException {
        client.ping();
        return SitePull.run(client, store, gateway.historyStart(), client.lastGatewayClock(), Progress.NONE,
                CancelSignal.NEVER);
    }

    @Test
    void firstPullFetchesEveryDayAndASecondOnlyComparesDigests() throws IOException {
        SitePull.Result first = pull();
        int eventRequests = asked("events");
        asked.clear();

        SitePull.Result second = pull();
        long bytesBefore = client.bytesReceived();
        HistoryPull.Result third = HistoryPull.run(client, store, gateway.historyStart(), client.lastGatewayClock(),
                Progress.NONE, CancelSignal.NEVER);
        long historyBytes = client.bytesReceived() - bytesBefore;

        assertThat(first.daysCompared()).isEqualTo(3);
        assertThat(first.daysFetched()).isEqualTo(3);
        assertThat(eventRequests).isEqualTo(3);
        assertThat(second.daysCompared()).isEqualTo(3);
        assertThat(second.daysFetched()).isZero();
        assertThat(second.meshBytes()).isZero();
        // Two pulls, each asking for the three days' digests a few days a request.
        int requestsPerPull = (3 + HistoryPull.DAYS_PER_DIGEST_REQUEST - 1) / HistoryPull.DAYS_PER_DIGEST_REQUEST;
        assertThat(asked("dayDigests")).isEqualTo(2 * requestsPerPull);
        assertThat(asked("meshDay")).isZero();
        assertThat(asked("events")).isZero();
        assertThat(third.daysFetched()).isZero();
        // Three digests and the stream's end, framed: well under a kilobyte against the first pull's mesh alone.
        assertThat(historyBytes).isLessThan(1024).isLessThan(first.meshBytes() / 100);
    }

    @Test
    void aPullFromTheSitesBeginningFindsTheGatewaysFirstDayInAFewRequests() throws IOException {
        client.ping();
        // An audit pulls from 1970: some 20,600 days before the gateway's first.
        SitePull.Result pulled = SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(),
                Progress.NONE, CancelSignal.NEVER);

        assertThat(pulled.daysCompared()).isEqualTo(3);
        assertThat(pulled.daysFetched()).isEqualTo(3);
        // One chunk, then a binary search of one-day requests over the days to today, then two chunks.
        assertThat(asked("dayDigests")).isLessThan(40);
    }

    @Test
    void aLaterPullFetchesOnlyTheDaysThatChanged() throws IOException {
        pull();
        asked.clear();
        clock.advance(Duration.ofHours(1));

        SitePull.Result later = pull();

        assertThat(later.daysCompared()).isEqualTo(3);
        assertThat(later.daysFetched()).isEqualTo(1);
        assertThat(asked("meshDay")).isEqualTo(1);
        List<DayDigest> held = store.dayDigests(LocalDate.MIN.withYear(2000), LocalDate.MAX.withYear(3000));
        assertThat(held).containsExactlyElementsOf(gateway.dayDigests(null, null));
    }

    @Test
    void theStoreRebuildsTheMeshOfAnyQuarterHourAsTheGatewayGivesIt() throws IOException {
        pull();
        ZoneId zone = gateway.layout().site().zone();
        Instant yesterday = HistoryDigests.dayStart(HistoryDigests.dayOf(NOW, zone).minusDays(1), zone);

        for (Instant at : List.of(yesterday, yesterday.plus(Duration.ofMinutes(45)),
                yesterday.plus(Duration.ofHours(17)), NOW.minus(Duration.ofHours(3)), NOW)) {
            TopologySnapshot offline = store.meshAt(at).orElseThrow();
            TopologySnapshot online = gateway.topologySnapshot(at);

            assertThat(offline.at()).isEqualTo(online.at());
            assertThat(offline.nodes()).extracting(TopologySnapshot.Node::id, TopologySnapshot.Node::parentId,
                    TopologySnapshot.Node::rank, TopologySnapshot.Node::hops)
                    .containsExactlyElementsOf(online.nodes().stream().map(node -> org.assertj.core.groups.Tuple
                            .tuple(node.id(), node.parentId(), node.rank(), node.hops())).toList());
            Map<String, MeshDay.LinkSample> inUse = online.links().stream()
                    .filter(TopologySnapshot.Link::preferred).map(MeshDay.LinkSample::of)
                    .collect(Collectors.toMap(MeshDay.LinkSample::from, Function.identity()));
            assertThat(offline.links()).map(MeshDay.LinkSample::of)
                    .containsExactlyInAnyOrderElementsOf(inUse.values());
        }
    }
}
