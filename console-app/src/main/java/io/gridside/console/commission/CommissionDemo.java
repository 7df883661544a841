package io.gridside.console.commission;

import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.CommissionSetup;
import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.CommissioningPackFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Meter;
import io.gridside.site.Tariff;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A commissioning day to train on: a factory-fresh simulated gateway on loopback whose meters join as its clock
 * runs, the demo operator's pack for it, a customers file with a serial planned for all but the last few meters (so
 * that the technician scans those), and a demo technician. DEMO ONLY: the demo operator's key is public.
 */
public final class CommissionDemo implements AutoCloseable {

    /** The site the demo's pack is for; the site form offers it. */
    public static final String SITE = "demo-new-site";
    private static final String TARIFF = "demo-flat";
    /** Customers whose serial is left out of the file, to be scanned on the screen. */
    private static final int TO_SCAN = 3;

    private final FreshSite site;
    private final CommissionStart start;

    private CommissionDemo(FreshSite site, CommissionStart start) {
        this.site = site;
        this.start = start;
    }

    /**
     * Starts the fresh gateway of {@code meters} meters on a clock {@code speed} times real time, and writes the
     * pack and the customers file into {@code folder}; the day's stores go there too.
     */
    public static CommissionDemo start(Path folder, int meters, double speed) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return start(folder, new SiteSpec(meters, SiteSpec.DEFAULT_SEED, 0, now), SimClock.scaled(now, speed));
    }

    /**
     * As {@link #start(Path, int, double)}, for the site {@code spec} lays out on {@code clock}, which starts at
     * {@code spec.now()}: a test's manual clock moves the meters' joins as it pleases.
     */
    public static CommissionDemo start(Path folder, SiteSpec spec, SimClock clock) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FreshSite site = FreshSite.start(new FreshGateway(spec, clock));
        InetSocketAddress address = site.listenTcp(0);
        Files.createDirectories(folder);
        SignedCredential technician = DemoOperator.issue("demo-technician", "Demo technician", Role.TECHNICIAN,
                List.of(SITE), now.minus(Duration.ofDays(1)), Duration.ofDays(3650), Map.of());
        Path pack = folder.resolve(SITE + ".pack.json");
        OperatorSigningKey operator = DemoOperator.signingKey();
        CommissioningPackFile.write(pack, operator.sign(new CommissioningPack(SITE, operator.keyId(),
                operator.publicKey().publicKey(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                List.of(TariffFile.write(TariffSchedule.flat(new Tariff(TARIFF, "KES", 3500, 1000, 5000)))),
                List.of(technician))));
        Path customers = Files.writeString(folder.resolve(SITE + ".customers.csv"),
                customersCsv(SiteGenerator.generate(spec).meters()));
        GatewayPins pins = GatewayPins.inMemory();
        CommissionStart start = new CommissionStart(() -> new CommissionService(new CommissionSetup(
                folder.resolve("sites"), Clock.systemUTC(), target -> () -> GatewayClient.open(
                        TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                        Authentication.of(technician, pins).signingWith(DemoOperator.holderKey()),
                        Duration.ofSeconds(10)), technician, DemoOperator.holderKey(), LinkThresholds.DEFAULTS)),
                address.getHostString() + ":" + address.getPort(), pack.toString(), customers.toString(),
                new SitePlan(SITE, "Demo village", "Demo Power", "KES", ZoneId.of("Africa/Nairobi"), List.of(),
                        -1.05, 36.7), file -> { });
        return new CommissionDemo(site, start);
    }

    private static String customersCsv(List<Meter> meters) {
        StringBuilder csv = new StringBuilder(String.join(",", io.gridside.site.commission.CustomerCsv.HEADER))
                .append('\n');
        for (int i = 0; i < meters.size(); i++) {
            String serial = i < meters.size() - TO_SCAN ? meters.get(i).serial() : "";
            csv.append(String.format("DN-%03d,Demo customer %d,,Plot %d,%s,%s,%d.00,%s\n", i + 1, i + 1, i + 1,
                    i % 4 == 0 ? "SHOP" : "HOUSEHOLD", TARIFF, 500 + 100 * (i % 8), serial));
        }
        return csv.toString();
    }

    /** The serials of the meters the customers file leaves to be scanned, in the file's order. */
    public static List<String> serialsToScan(SiteSpec spec) {
        List<Meter> meters = SiteGenerator.generate(spec).meters();
        return meters.subList(meters.size() - TO_SCAN, meters.size()).stream().map(Meter::serial).toList();
    }

    /** How the screen starts on this demo: its files and address offered, its technician signed in. */
    public CommissionStart commissionStart() {
        return start;
    }

    @Override
    public void close() {
        site.close();
    }
}
