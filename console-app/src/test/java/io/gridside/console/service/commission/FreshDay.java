package io.gridside.console.service.commission;

import io.gridside.console.service.ConnectionTarget;
import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.CommissioningPackFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.JoinedMeter;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A factory-fresh simulated site on loopback with its operator, the operator's pack and a technician who holds
 * their key: what a commissioning test starts from. The meters join the mesh as the test moves the manual clock.
 */
final class FreshDay implements AutoCloseable {

    static final Instant FACTORY = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant SITE_TIME = Instant.parse("2026-07-01T06:00:00Z");
    static final String SITE = "ngamba-3";
    static final String TARIFF = "flat-ngamba";
    /** KES 35.00 a kWh, KES 10.00 a day. */
    static final Tariff FLAT = new Tariff(TARIFF, "KES", 3500, 1000, 5000);
    /** The shops' tariff: KES 50.00 a kWh, KES 20.00 a day. */
    static final Tariff SHOP = new Tariff("shop-ngamba", "KES", 5000, 2000, 5000);
    static final SitePlan PLAN = new SitePlan(SITE, "Ngamba", "Ngamba Power", "KES", ZoneId.of("Africa/Nairobi"),
            List.of(LocalDate.of(2026, 10, 20)), -0.31, 32.65);
    static final OperatorSigningKey OPERATOR = new OperatorSigningKey("ngamba-ops", SigningKey.fromSeed(
            ByteString.fromHex("5c".repeat(32))));
    static final SigningKey TECHNICIAN_KEY = SigningKey.fromSeed(ByteString.fromHex("3e".repeat(32)));
    static final SignedCredential TECHNICIAN = OPERATOR.sign(new TechnicianCredential("T-7", "Achieng",
            Role.TECHNICIAN, List.of(SITE), SITE_TIME.minus(Duration.ofDays(1)), SITE_TIME.plus(Duration.ofDays(60)),
            Map.of(), OPERATOR.keyId(), TECHNICIAN_KEY.publicKey()));
    /** Limits that every meter the simulated mesh reaches meets, so that the day is not held at the link check. */
    static final LinkThresholds LENIENT = new LinkThresholds(-104, -104, 20, 99, 1, 0, 150);

    /** The simulation's clock, moved by the test; null on a day run on a clock of its own. */
    final SimClock.Manual clock;
    final FreshGateway gateway;
    final FreshSite site;
    final InetSocketAddress address;
    final GatewayPins pins = GatewayPins.inMemory();
    final Path folder;
    final Path pack;

    FreshDay(int meters, Path folder) throws IOException {
        this(meters, folder, SimClock.manual(FACTORY));
    }

    /** A day on {@code simClock}, which starts at {@link #FACTORY}: a manual one, or one that runs by itself. */
    FreshDay(int meters, Path folder, SimClock simClock) throws IOException {
        this.folder = folder;
        this.clock = simClock instanceof SimClock.Manual manual ? manual : null;
        this.gateway = new FreshGateway(new SiteSpec(meters, 91, 0, FACTORY), simClock);
        this.site = FreshSite.start(gateway);
        this.address = site.listenTcp(0);
        this.pack = folder.resolve("ngamba-3.pack.json");
        CommissioningPack content = new CommissioningPack(SITE, OPERATOR.keyId(), OPERATOR.publicKey().publicKey(),
                SITE_TIME.minus(Duration.ofDays(3)), SITE_TIME.plus(Duration.ofDays(30)),
                List.of(TariffFile.write(TariffSchedule.flat(FLAT)), TariffFile.write(TariffSchedule.flat(SHOP))),
                List.of(TECHNICIAN));
        CommissioningPackFile.write(pack, OPERATOR.sign(content));
    }

    /** What a console gives the service: its sessions open to this site as the technician. */
    CommissionSetup setup(LinkThresholds thresholds) {
        return new CommissionSetup(folder.resolve("sites"), Clock.fixed(SITE_TIME, ZoneOffset.UTC),
                target -> this::open, TECHNICIAN, TECHNICIAN_KEY, thresholds);
    }

    /** As {@link #setup}, its sessions opened on the serial device a target names, at the UART's 115200 baud. */
    CommissionSetup setupOverSerial(LinkThresholds thresholds) {
        return new CommissionSetup(folder.resolve("sites"), Clock.fixed(SITE_TIME, ZoneOffset.UTC),
                target -> () -> GatewayClient.open(SerialTransport.open(((ConnectionTarget.Serial) target).device(),
                        115_200), Authentication.of(TECHNICIAN, pins).signingWith(TECHNICIAN_KEY),
                        Duration.ofSeconds(20)), TECHNICIAN, TECHNICIAN_KEY, thresholds);
    }

    ConnectionTarget target() {
        return new ConnectionTarget.Tcp(address.getHostString(), address.getPort());
    }

    GatewayClient open() throws IOException {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(TECHNICIAN, pins).signingWith(TECHNICIAN_KEY), Duration.ofSeconds(20));
    }

    /** Moves the simulation's clock on by {@code duration}, a quarter hour at a time, as the site's timer would. */
    void advance(Duration duration) {
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minusMinutes(15)) {
            clock.advance(Duration.ofMinutes(15));
            gateway.advance();
        }
    }

    /**
     * The customers file of the meters that joined: one customer a meter, a mill on each three-phase meter, every
     * fifth customer otherwise a shop on the shops' tariff, opening balances from KES 100.00 up, and the meter's
     * serial planned for all but the last {@code unplanned}.
     */
    static String customersCsv(List<JoinedMeter> meters, int unplanned) {
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < meters.size(); i++) {
            JoinedMeter meter = meters.get(i);
            String category = meter.phases() == 3 ? "MILL" : i % 5 == 0 ? "SHOP" : "HOUSEHOLD";
            String serial = i < meters.size() - unplanned ? meter.meterId() : "";
            csv.append(customerId(i)).append(",\"Customer ").append(i).append(", Ngamba\",,Plot ").append(i)
                    .append(',').append(category).append(',').append(tariffOf(meter, i).tariffId()).append(',')
                    .append(openingBalanceMinor(i) / 100).append('.')
                    .append(String.format("%02d", openingBalanceMinor(i) % 100)).append(',').append(serial)
                    .append('\n');
        }
        return csv.toString();
    }

    /** The tariff the customers file puts the customer of the {@code index}th meter joined on. */
    static Tariff tariffOf(JoinedMeter meter, int index) {
        return meter.phases() != 3 && index % 5 == 0 ? SHOP : FLAT;
    }

    static String customerId(int index) {
        return String.format("NG-%04d", index);
    }

    static long openingBalanceMinor(int index) {
        return 10_000 + 137L * index;
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }

    @Override
    public void close() {
        site.close();
    }
}
