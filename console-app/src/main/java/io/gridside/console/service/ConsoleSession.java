package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.HelloReply;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One session of the console with one gateway and that site's database: what the screens ask of the site,
 * without a thought for sockets or SQL. Every method blocks, so screens call it through the task runner.
 */
public final class ConsoleSession implements AutoCloseable {

    /** How far back the first pull from a real gateway reaches. */
    static final Duration FIRST_PULL = Duration.ofDays(2);

    private final ConnectionTarget target;
    private final GatewayClient client;
    private final SiteStore store;
    private volatile Instant pulledUpTo;
    private long measuredAt;
    private long bytesAtMeasure;

    private ConsoleSession(ConnectionTarget target, GatewayClient client, SiteStore store) {
        this.target = target;
        this.client = client;
        this.store = store;
    }

    /**
     * Connects to {@code target} with the technician's credential and opens the site's database: the site's own
     * file in the data folder for a real gateway, a fresh temporary one for the demo site (whose history is
     * made anew at every start).
     */
    public static ConsoleSession open(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential) throws IOException {
        return withStore(dirs, target, connector.connect(target, credential));
    }

    /** Connects to {@code target} as {@link #open} does, re-pinning the site's gateway key on purpose. */
    public static ConsoleSession repin(Connector connector, AppDirs dirs, ConnectionTarget target,
            SignedCredential credential) throws IOException {
        return withStore(dirs, target, connector.repin(target, credential));
    }

    /** Connects to the demo site as its demo supervisor. */
    public static ConsoleSession openDemo(Connector connector, AppDirs dirs, ConnectionTarget.Demo demo)
            throws IOException {
        return withStore(dirs, demo, connector.connectDemo(demo));
    }

    private static ConsoleSession withStore(AppDirs dirs, ConnectionTarget target, GatewayClient client)
            throws IOException {
        try {
            return new ConsoleSession(target, client, SiteStore.open(databaseFor(dirs, target, client.hello())));
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static Path databaseFor(AppDirs dirs, ConnectionTarget target, HelloReply hello) throws IOException {
        if (target instanceof ConnectionTarget.Demo) {
            Path file = Files.createTempFile("gridside-demo-", ".db");
            file.toFile().deleteOnExit();
            return file;
        }
        return dirs.siteDatabase(hello.siteId());
    }

    public HelloReply hello() {
        return client.hello();
    }

    /** The credential the session runs under. */
    public SignedCredential credential() {
        return client.credential();
    }

    /** The link as a person names it: {@code TCP 127.0.0.1:7700} or {@code SERIAL /dev/ttyACM0}. */
    public String linkLabel() {
        return client.transport().kind() + " " + client.transport().address();
    }

    public String address() {
        return client.transport().address();
    }

    /** Runs {@code listener} with the cause when the link drops (not when this session closes it). */
    public void onLinkLost(Consumer<IOException> listener) {
        client.onClosed(cause -> {
            if (cause != null) {
                listener.accept(cause);
            }
        });
    }

    /** Pulls what is new since the last pull (or the first window), up to the gateway's clock now. */
    public SitePull.Result pull(Progress progress, CancelSignal cancel) throws LinkException {
        client.ping();
        Instant to = client.lastGatewayClock();
        Instant from = pulledUpTo != null ? pulledUpTo.minus(Reading.INTERVAL) : firstPullFrom(to);
        SitePull.Result result = SitePull.run(client, store, from, to, progress, cancel);
        pulledUpTo = to;
        return result;
    }

    private Instant firstPullFrom(Instant to) {
        if (target instanceof ConnectionTarget.Demo demo) {
            return Reading.intervalStartOf(demo.spec().now()).minus(Duration.ofDays(demo.spec().historyDays()));
        }
        return to.minus(FIRST_PULL);
    }

    /** A meter's stored readings of the {@code window} up to the gateway's clock, oldest first. */
    public List<Reading> readings(String meterId, Duration window) {
        Instant end = client.lastGatewayClock().plus(Reading.INTERVAL);
        return store.readings(meterId, end.minus(window), end);
    }

    /** Audits the billing of everything pulled so far; see {@link BillingAudit}. */
    public BillingReport audit() {
        return BillingAudit.run(store);
    }

    /** Measures the link now: a round trip, and the rate bytes arrived at since the last measurement. */
    public synchronized LinkHealth ping() throws LinkException {
        Duration roundTrip = client.ping();
        long now = System.nanoTime();
        long bytes = client.bytesReceived();
        double rate = measuredAt == 0 ? 0 : (bytes - bytesAtMeasure) * 1e9 / Math.max(1, now - measuredAt);
        measuredAt = now;
        bytesAtMeasure = bytes;
        return new LinkHealth(roundTrip, client.stats().framesDropped(), client.lastGatewayClock(), rate);
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
