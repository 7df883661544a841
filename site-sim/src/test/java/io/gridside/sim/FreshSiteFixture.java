package io.gridside.sim;

import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** An operator, its pack and its technician for commissioning a fresh simulated gateway in tests. */
final class FreshSiteFixture {

    static final Instant FACTORY = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant SITE_TIME = Instant.parse("2026-07-01T06:00:00Z");
    static final String SITE = "kisima-7";
    static final String TARIFF = "flat-kisima";
    static final SitePlan PLAN = new SitePlan(SITE, "Kisima", "Kisima Power", "KES", ZoneId.of("Africa/Nairobi"),
            List.of(LocalDate.of(2026, 10, 20)), -0.45, 36.9);
    static final OperatorSigningKey OPERATOR = new OperatorSigningKey("kisima-ops", SigningKey.fromSeed(
            ByteString.fromHex("a7".repeat(32))));
    static final OperatorSigningKey OTHER_OPERATOR = new OperatorSigningKey("other-ops", SigningKey.fromSeed(
            ByteString.fromHex("b8".repeat(32))));
    static final SignedCredential TECHNICIAN = OPERATOR.issue("T-21", "Wanjiru", Role.TECHNICIAN, List.of(SITE),
            SITE_TIME.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FreshSiteFixture() {
    }

    static String tariffFile(String currency) {
        return TariffFile.write(TariffSchedule.flat(new Tariff(TARIFF, currency, 3500, 1000, 5000)));
    }

    static CommissioningPack pack(OperatorSigningKey operator, String siteId, Instant notAfter) {
        return new CommissioningPack(siteId, operator.keyId(), operator.publicKey().publicKey(),
                SITE_TIME.minus(Duration.ofDays(3)), notAfter, List.of(tariffFile("KES")), List.of(TECHNICIAN));
    }

    static SignedCommissioningPack signedPack() {
        return OPERATOR.sign(pack(OPERATOR, SITE, SITE_TIME.plus(Duration.ofDays(30))));
    }

    static FreshGateway gateway(int meters, SimClock clock) {
        return new FreshGateway(new SiteSpec(meters, 77, 0, FACTORY), clock);
    }

    static GatewayClient open(InetSocketAddress address, SignedCredential credential, GatewayPins pins)
            throws IOException {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(credential, pins), TIMEOUT);
    }
}
