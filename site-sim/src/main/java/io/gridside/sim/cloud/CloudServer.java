package io.gridside.sim.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SiteLayout;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated cloud that speaks the sync protocol (docs/sync.md) over HTTPS on 127.0.0.1 with the committed test
 * certificate, keeps what consoles send in its own SQLite store, serves down streams, and goes wrong on purpose
 * as its {@link CloudFaults} say. Tests read what it holds ({@link #ledger}, {@link #readings}, ...) to check that
 * every item arrived exactly once.
 */
public final class CloudServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudServer.class);
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int THREADS = 4;

    private final CloudStore store;
    private final CloudFaults faults;
    private final CloudApi api;
    private final Clock clock;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Map<String, CloudApi.Answer> answered = new ConcurrentHashMap<>();

    private CloudServer(Builder builder) throws IOException {
        this.store = CloudStore.open(builder.dir);
        this.faults = builder.faults;
        this.clock = builder.clock;
        this.api = new CloudApi(store, builder.trusted, clock);
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(CloudTls.serverContext()));
        server.createContext("/", this::exchange);
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "cloud-sim");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** How a cloud is started: its data folder, and optionally faults, a port, trusted operators and a clock. */
    public static final class Builder {

        private final Path dir;
        private CloudFaults faults = CloudFaults.none();
        private int port;
        private TrustedOperators trusted = DemoOperator.trusted();
        private Clock clock = Clock.systemUTC();

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        public Builder faults(CloudFaults value) {
            faults = Objects.requireNonNull(value, "faults");
            return this;
        }

        /** The port on 127.0.0.1 (0, the default: any free port). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** The operator keys whose credentials the cloud accepts (default: the demo operator's). */
        public Builder trusted(TrustedOperators value) {
            trusted = Objects.requireNonNull(value, "trusted");
            return this;
        }

        /** The clock of credential checks, server time and the top-up snapshot (default: the system's). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Starts the cloud; it listens when this returns. */
        public CloudServer start() {
            try {
                return new CloudServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("The simulated cloud could not listen on 127.0.0.1.", e);
            }
        }
    }

    /** A builder of a cloud keeping its store in {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts a cloud on any free port of 127.0.0.1, trusting the demo operator, with its store in {@code dataDir}. */
    public static CloudServer start(Path dataDir, CloudFaults faults) {
        return builder(dataDir).faults(faults).start();
    }

    /**
     * Starts the demo's cloud for the simulated site {@code layout} without faults, seeded once with its down
     * items (docs/sync.md, section 9). The single entry the demo and {@code gridside sim --cloud} use.
     */
    public static CloudServer startDemo(Path dataDir, SiteLayout layout) {
        return startDemo(builder(dataDir), layout);
    }

    /** As {@link #startDemo(Path, SiteLayout)}, with the builder's faults, port, trust and clock. */
    public static CloudServer startDemo(Builder builder, SiteLayout layout) {
        CloudServer cloud = builder.start();
        CloudDemo.seed(cloud, layout);
        return cloud;
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String url() {
        return "https://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The pin of the cloud's own certificate, {@code sha256/<base64>}. */
    public String pin() {
        return CloudTls.pin(CloudTls.serverCertificate());
    }

    /** The pin of the test CA that issued the cloud's certificate. */
    public String issuerPin() {
        return CloudTls.pin(CloudTls.caCertificate());
    }

    public CloudFaults faults() {
        return faults;
    }

    /** The cloud's epoch, which changes at every restore. */
    public String epoch() {
        return store.epoch();
    }

    /** Copies the store as it stands to a new backup. */
    public Path backup() {
        return store.backup();
    }

    /** Replaces the store by its latest backup and gives it a new epoch. */
    public void restoreLatestBackup() {
        store.restoreLatestBackup();
        LOG.info("The simulated cloud was restored from its latest backup; its epoch is now {}.", store.epoch());
    }

    /** Alters every site's stored ledger from UTC day {@code day} on; returns how many entries changed. */
    public int corruptLedgerFrom(LocalDate day) {
        return store.transaction(connection -> CloudLedger.corruptFrom(connection, day));
    }

    /** Publishes a down item (a record of {@link DownItems}) on {@code stream}; returns its number there. */
    public long publish(String site, String stream, Object item) {
        return store.transaction(connection -> CloudFeeds.publish(connection, site, stream, item, clock.instant()));
    }

    public long publishTariff(String site, DownItems.Tariff tariff) {
        return publish(site, SyncStreams.TARIFFS, tariff);
    }

    public long publishCustomerField(String site, DownItems.CustomerField field) {
        return publish(site, SyncStreams.CUSTOMERS, field);
    }

    /** Publishes a remote top-up; its paidAt is the time the 90-day snapshot bound reads. */
    public long publishTopUp(String site, DownItems.TopUp topUp) {
        return store.transaction(connection -> CloudFeeds.publish(connection, site, SyncStreams.TOPUPS, topUp,
                topUp.paidAt()));
    }

    public long publishFirmware(String site, DownItems.Firmware release) {
        return publish(site, SyncStreams.FIRMWARE, release);
    }

    /** Publishes a technician's credential to the site's consoles. */
    public long publishCredential(String site, SignedCredential credential) {
        return publish(site, SyncStreams.CREDENTIALS, new DownItems.Credential(DownItems.CREDENTIAL,
                credential.technicianId(), credential.signed().base64(), credential.signature().base64()));
    }

    /**
     * Publishes a signed revocation list (its signed bytes and signature as made by its owner's code) and makes
     * the cloud itself refuse the technicians and keys it names.
     */
    public long publishRevocations(String site, ByteString signed, ByteString signature,
            List<String> technicianIds, List<ByteString> technicianKeys) {
        technicianIds.forEach(this::revokeTechnician);
        technicianKeys.forEach(this::revokeKey);
        return publish(site, SyncStreams.CREDENTIALS, new DownItems.Credential(DownItems.REVOCATIONS, null,
                signed.base64(), signature.base64()));
    }

    /**
     * Publishes a revocation list signed by an operator and makes the cloud itself refuse the technicians and keys
     * it names.
     */
    public long publishRevocations(String site, SignedRevocationList revocations) {
        return publishRevocations(site, revocations.signed(), revocations.signature(),
                revocations.list().technicianIds(), revocations.list().technicianKeys());
    }

    /** From now on, refuses the laptop {@code laptopId} with 403 {@code laptop_reported_lost}. */
    public void reportLaptopLost(String laptopId) {
        revoke("INSERT OR IGNORE INTO lost_laptop (laptop_id, reported_ms) VALUES (?, ?)", laptopId,
                clock.millis());
    }

    /** From now on, refuses credentials of {@code technicianId} with 403 {@code credential_revoked}. */
    public void revokeTechnician(String technicianId) {
        revoke("INSERT OR IGNORE INTO revoked (kind, value) VALUES ('technician', ?)", technicianId);
    }

    /** From now on, refuses credentials that name the technician key {@code key}. */
    public void revokeKey(ByteString key) {
        revoke("INSERT OR IGNORE INTO revoked (kind, value) VALUES ('key', ?)", key.hex());
    }

    private void revoke(String sql, Object... parameters) {
        store.transaction(connection -> Sql.update(connection, sql, parameters));
    }

    /** The ledger the cloud holds for {@code site}, in seq order, each entry with its hash. */
    public List<UpItems.Ledger> ledger(String site) {
        return store.transaction(connection -> CloudLedger.entries(connection, site));
    }

    /** The reading block kept per meter and UTC day, by meter then day. */
    public List<UpItems.Block> readings(String site) {
        return store.transaction(connection -> CloudItems.readings(connection, site));
    }

    /**
     * The events the cloud holds, one per event id whatever seqs carried it (a day of the log that a later pull
     * replaced is queued again), each as last sent.
     */
    public List<UpItems.Event> events(String site) {
        return store.transaction(connection -> CloudItems.keyed(connection, site, SyncStreams.EVENTS)).stream()
                .filter(item -> !UpItems.COMMISSION_REPORT.equals(item.get("kind")))
                .map(item -> SyncJson.item(item, UpItems.Event.class)).toList();
    }

    /** The commissioning reports the site sent on its events stream, whose signatures held, by report id. */
    public List<UpItems.CommissionReport> commissionReports(String site) {
        return store.transaction(connection -> CloudItems.keyed(connection, site, SyncStreams.EVENTS)).stream()
                .filter(item -> UpItems.COMMISSION_REPORT.equals(item.get("kind")))
                .map(item -> SyncJson.item(item, UpItems.CommissionReport.class)).toList();
    }

    /** The payments stream's state by natural key: top-ups by ledger seq, credit by meter, payments by reference. */
    public List<Map<String, Object>> payments(String site) {
        return store.transaction(connection -> CloudItems.keyed(connection, site, SyncStreams.PAYMENTS));
    }

    /** Each customer field the cloud holds: {@code customerId/field -> value}. */
    public Map<String, String> customerFields(String site) {
        return store.transaction(connection -> {
            Map<String, String> fields = new TreeMap<>();
            Sql.list(connection, row -> fields.put(row.getString(1) + "/" + row.getString(2), row.getString(3)),
                    "SELECT customer_id, field, value FROM customer_field WHERE site = ?", site);
            return fields;
        });
    }

    /** Every item of an up stream other than the ledger, one per seq in seq order, rejected ones left out. */
    public List<Map<String, Object>> items(String site, String stream) {
        return store.transaction(connection -> CloudItems.items(connection, site, stream));
    }

    /** The watermark of an up stream of {@code site}. */
    public long watermark(String site, String stream) {
        return store.transaction(connection -> CloudItems.watermark(connection, site, stream));
    }

    /** Every item published on a down stream of {@code site}, in order. */
    public List<Map<String, Object>> published(String site, String stream) {
        return store.transaction(connection -> CloudFeeds.published(connection, site, stream));
    }

    /** The {@link SyncHeaders#CREDENTIAL} header of {@code credential}. */
    public static String credentialHeader(SignedCredential credential) {
        return CloudAuth.header(credential);
    }

    private void exchange(HttpExchange exchange) {
        try {
            byte[] body = body(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            CloudApi.Request request = new CloudApi.Request(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            if (!path.startsWith(SyncHeaders.PREFIX + "/")) {
                send(exchange, api.handle(request));
                return;
            }
            CloudFaults.Decision decision = faults.next(exchange.getRequestMethod() + " " + path);
            scheduled(decision);
            respond(exchange, request, decision.fault());
        } catch (IOException e) {
            LOG.debug("An answer of the simulated cloud could not be sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The simulated cloud failed on a request.", e);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange, CloudApi.Request request, CloudFaults.Kind fault)
            throws IOException {
        if (fault == CloudFaults.Kind.DROP_BEFORE) {
            return;
        }
        if (fault == CloudFaults.Kind.ERROR_500 || fault == CloudFaults.Kind.ERROR_503) {
            boolean internal = fault == CloudFaults.Kind.ERROR_500;
            send(exchange, CloudApi.Answer.error(internal ? 500 : 503, ApiError.of(
                    internal ? SyncErrors.INTERNAL : SyncErrors.UNAVAILABLE, "The cloud cannot take requests now; "
                    + "sync again in a few minutes."),
                    Map.of(SyncHeaders.RETRY_AFTER, String.valueOf(faults.retryAfter()))));
            return;
        }
        if (fault == CloudFaults.Kind.SLOW) {
            pause(faults.slow());
        }
        CloudApi.Answer answer = api.handle(request);
        if (fault == CloudFaults.Kind.DUPLICATE) {
            api.handle(request);
        }
        String route = request.method() + " " + request.path();
        CloudApi.Answer earlier = answered.put(route, answer);
        if (fault == CloudFaults.Kind.REPLAY && earlier != null) {
            answer = earlier;
        }
        if (fault != CloudFaults.Kind.DROP_AFTER) {
            send(exchange, answer);
        }
    }

    private void scheduled(CloudFaults.Decision decision) {
        if (decision.backup()) {
            store.backup();
        }
        if (decision.restore()) {
            restoreLatestBackup();
        }
        if (decision.corruptFrom() != null) {
            int altered = corruptLedgerFrom(decision.corruptFrom());
            LOG.info("The simulated cloud altered {} ledger entries from {} on.", altered, decision.corruptFrom());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("a request body is larger than " + MAX_BODY + " bytes");
        }
        return bytes;
    }

    private static void send(HttpExchange exchange, CloudApi.Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", SyncJson.CONTENT_TYPE);
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    /** Stops listening, waits for requests under way, and closes the store. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
