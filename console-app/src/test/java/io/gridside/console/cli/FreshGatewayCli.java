package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A factory-fresh simulated gateway of eight meters on loopback for the commissioning commands' tests, with the
 * data folder in {@code home}, a technician's credential file for site {@code kisima-7}, and the operator's pack.
 */
final class FreshGatewayCli implements AutoCloseable {

    static final String SITE = "kisima-7";
    static final String TARIFF = "flat-kisima";

    private static final OperatorSigningKey OPERATOR = new OperatorSigningKey("kisima-ops", SigningKey.fromSeed(
            ByteString.fromHex("c3".repeat(32))));

    /** The technician may credit cash once the site is live, as on the commissioning day's first top-ups. */
    private static final Map<String, Long> CASH_LIMIT = Map.of("maxOfflineCashCreditMinor", 500_000L);

    final Path home;
    final FreshSite site;
    final SimClock.Manual clock;
    final String tcp;
    final String credential;
    private final String previousHome;

    FreshGatewayCli(Path home) throws IOException {
        this.home = home;
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        Instant start = Instant.now().minus(Duration.ofHours(1));
        clock = SimClock.manual(start);
        site = FreshSite.start(new FreshGateway(new SiteSpec(8, 5, 0, start), clock));
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        Instant from = Instant.now().minus(Duration.ofDays(1));
        // The holder's key file lies next to the credential, so that the technician can sign the day's report.
        credential = Credentials.write(home, "technician.json", OPERATOR.sign(new TechnicianCredential("T-5",
                "Pendo", Role.TECHNICIAN, List.of(SITE), from, from.plus(Duration.ofDays(10)), CASH_LIMIT,
                OPERATOR.keyId()).withTechnicianKey(DemoOperator.holderKey().publicKey())));
    }

    /** Lets {@code duration} of simulated time pass on the gateway, a quarter hour at a time, as it bills them. */
    void advance(Duration duration) {
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minusMinutes(15)) {
            clock.advance(Duration.ofMinutes(15));
            site.gateway().advance();
        }
    }

    /** The tariff file of the site's one flat tariff. */
    Path tariff() throws IOException {
        Path tariff = home.resolve("tariff.json");
        Files.writeString(tariff, TariffFile.write(TariffSchedule.flat(new Tariff(TARIFF, "KES", 3500, 1000,
                5000))));
        return tariff;
    }

    /** The operator's pack for the site, made by {@code gridside commission pack}. */
    Path pack() throws IOException {
        Path operatorKey = home.resolve("operator.key.json");
        OperatorKeyFile.writeSigning(operatorKey, OPERATOR);
        Path pack = home.resolve(SITE + ".pack.json");
        CommandRun made = CommandRun.of("commission", "pack", "--operator-key", operatorKey.toString(), "--tariff",
                tariff().toString(), "--credential", credential, "--site-id", SITE, "--out", pack.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return pack;
    }

    /** Creates the site database {@code database} of site {@code siteId} with {@code commission create-site}. */
    static void createSite(Path database, String siteId) {
        CommandRun created = CommandRun.of("commission", "create-site", "--site", database.toString(), "--id",
                siteId, "--name", "Kisima", "--operator", "Kisima Power", "--currency", "KES", "--zone",
                "Africa/Nairobi", "--location", "-0.45,36.9");
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    @Override
    public void close() {
        site.close();
        Credentials.restoreHome(previousHome);
    }
}
