import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayPins;
import io.gridside.sim.DemoOperator;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Pulls a week of a 200-meter site into a fresh site database over TCP and the pseudo-terminal, then audits it. */
public final class PullBench {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 200;
    private static final int DAYS = 7;
    private static final int RUNS = 3;
    /**
     * The limit: a day of readings of a 5,000-meter site (480,000 readings) pulled and stored within five
     * minutes on a LAN, which is what a technician can wait for on a site visit.
     */
    private static final double LIMIT_READINGS_PER_S = 480_000 / 300.0;

    public static void main(String[] args) throws Exception {
        Instant now = NOW;
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(METERS, 42, DAYS, now), SimClock.manual(now))) {
            InetSocketAddress tcp = site.listenTcp(0);
            String serial = site.listenSerial();
            Instant from = Reading.intervalStartOf(now).minus(Duration.ofDays(DAYS));
            long readings = (long) METERS * DAYS * 96;

            double tcpSeconds = median(() -> pull(TcpTransport.connect(tcp.getHostString(), tcp.getPort(), 2000),
                    from, now, readings));
            double serialSeconds = median(() -> pull(SerialTransport.open(serial, 115_200), from, now, readings));
            double auditSeconds = median(() -> audit(site, from, now, readings));

            print("readings", readings);
            print("pull_tcp_s", tcpSeconds);
            print("pull_pty_s", serialSeconds);
            print("pull_pty_to_tcp_ratio", serialSeconds / tcpSeconds);
            print("audit_s", auditSeconds);
            print("audit_readings_per_s", readings / auditSeconds);
            print("audit_to_limit_ratio", readings / auditSeconds / LIMIT_READINGS_PER_S);
            print("pull_tcp_readings_per_s", readings / tcpSeconds);
            print("pull_tcp_to_limit_ratio", readings / tcpSeconds / LIMIT_READINGS_PER_S);
        }
    }

    private interface Measurement {
        double seconds() throws Exception;
    }

    private static double median(Measurement measurement) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(measurement.seconds());
        }
        Collections.sort(runs);
        return runs.get(RUNS / 2);
    }

    private static double pull(Transport transport, Instant from, Instant to, long expected) throws Exception {
        Path file = Files.createTempFile("gridside-bench-", ".db");
        try (GatewayClient client = GatewayClient.open(transport,
                Authentication.of(DemoOperator.supervisorFor("site-42", NOW), GatewayPins.inMemory()),
                Duration.ofSeconds(30));
                SiteStore store = SiteStore.open(file)) {
            long started = System.nanoTime();
            SitePull.Result result = SitePull.run(client, store, from, to, Progress.NONE, CancelSignal.NEVER);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.readingsNew() != expected) {
                throw new IllegalStateException("Pulled " + result.readingsNew() + " readings, not " + expected);
            }
            return seconds;
        } finally {
            delete(file);
        }
    }

    private static double audit(SimulatedSite site, Instant from, Instant to, long expected) throws Exception {
        Path file = Files.createTempFile("gridside-bench-", ".db");
        try (SiteStore store = SiteStore.open(file)) {
            var gateway = site.gateway();
            var layout = gateway.layout();
            store.saveSite(layout.site(), layout.gatewayId());
            store.saveTariff(layout.tariff());
            store.saveRoster(layout.customers(), layout.meters());
            store.insertReadings(gateway.readings(from, to));
            store.insertLedger(gateway.ledgerAfter(0));
            long started = System.nanoTime();
            BillingReport report = BillingAudit.run(store);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!report.reconciliation().agrees()) {
                throw new IllegalStateException("The audit disagreed: " + report.reconciliation());
            }
            return seconds;
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
