package io.gridside.sim;

import static io.gridside.sim.FreshSiteFixture.FACTORY;
import static io.gridside.sim.FreshSiteFixture.OPERATOR;
import static io.gridside.sim.FreshSiteFixture.OTHER_OPERATOR;
import static io.gridside.sim.FreshSiteFixture.PLAN;
import static io.gridside.sim.FreshSiteFixture.SITE;
import static io.gridside.sim.FreshSiteFixture.SITE_TIME;
import static io.gridside.sim.FreshSiteFixture.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fresh gateway takes its operator from the first good pack, and refuses each kind of bad pack by its code. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreshSitePackTest {

    private static final SignedCredential OTHER_TECHNICIAN = OTHER_OPERATOR.issue("T-99", "Omari", Role.TECHNICIAN,
            List.of(SITE), SITE_TIME.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of());

    private final GatewayPins pins = GatewayPins.inMemory();

    @Test
    void refusesEachBadPackByItsOwnCodeAndStaysFresh() throws IOException {
        CommissioningPack good = FreshSiteFixture.pack(OPERATOR, SITE, SITE_TIME.plus(Duration.ofDays(30)));
        SignedCommissioningPack signed = OPERATOR.sign(good);
        SignedCommissioningPack unsigned = new SignedCommissioningPack(good, signed.signed(), ByteString.of(
                new byte[0]));
        CommissioningPack later = new CommissioningPack(SITE, good.operatorKeyId(), good.operatorKey(),
                good.issuedAt(), good.notAfter().plus(Duration.ofDays(365)), good.tariffFiles(), good.credentials());
        SignedCommissioningPack altered = new SignedCommissioningPack(later, ByteString.of(later.encode()),
                signed.signature());
        SignedCommissioningPack elsewhere = OPERATOR.sign(FreshSiteFixture.pack(OPERATOR, "other-site",
                SITE_TIME.plus(Duration.ofDays(30))));
        SignedCommissioningPack expired = OPERATOR.sign(FreshSiteFixture.pack(OPERATOR, SITE,
                SITE_TIME.minusSeconds(1)));
        SignedCommissioningPack strangeCredential = OPERATOR.sign(new CommissioningPack(SITE, good.operatorKeyId(),
                good.operatorKey(), good.issuedAt(), good.notAfter(), good.tariffFiles(), List.of(OTHER_TECHNICIAN)));

        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(4, SimClock.manual(FACTORY)));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            assertRefused(client, unsigned, "COMMISSION_PACK_UNSIGNED");
            assertRefused(client, altered, "COMMISSION_PACK_ALTERED");
            assertRefused(client, elsewhere, "COMMISSION_PACK_WRONG_SITE");
            assertRefused(client, expired, "COMMISSION_PACK_EXPIRED");
            assertRefused(client, strangeCredential, "COMMISSION_PACK_BAD_CREDENTIAL");

            assertThat(client.commissioning().state().factoryFresh()).isTrue();
            assertThat(pins.find(SITE)).isEmpty();
        }
    }

    @Test
    void theFirstPackFixesTheOperatorAndLaterOnlyThatKeysPacksAreTaken() throws IOException {
        SignedCommissioningPack otherOperators = OTHER_OPERATOR.sign(new CommissioningPack(SITE,
                OTHER_OPERATOR.keyId(), OTHER_OPERATOR.publicKey().publicKey(), SITE_TIME.minus(Duration.ofDays(1)),
                SITE_TIME.plus(Duration.ofDays(30)), List.of(FreshSiteFixture.tariffFile("KES")),
                List.of(OTHER_TECHNICIAN)));
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(4, SimClock.manual(FACTORY)))) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                client.commissioning().setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                assertRefused(client, otherOperators, "COMMISSION_PACK_OTHER_OPERATOR");
            }

            assertThatThrownBy(() -> FreshSiteFixture.open(address, OTHER_TECHNICIAN, pins))
                    .isInstanceOf(LinkException.class).hasMessageContaining("AUTH_UNKNOWN_OPERATOR");
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                assertThat(client.hello().siteId()).isEqualTo(SITE);
                assertThat(client.commissioning().state().operatorKeyId()).isEqualTo(OPERATOR.keyId());
            }
        }
    }

    @Test
    void aSetupIsRefusedToACredentialThePacksOperatorDidNotIssue() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(4, SimClock.manual(FACTORY)));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), OTHER_TECHNICIAN, pins)) {
            assertRefused(client, FreshSiteFixture.signedPack(), "COMMISSION_CREDENTIAL_REFUSED");
            assertThat(client.commissioning().state().factoryFresh()).isTrue();
        }
    }

    @Test
    void aPackWithATariffInAnotherCurrencyIsRefused() throws IOException {
        SignedCommissioningPack dollars = OPERATOR.sign(new CommissioningPack(SITE, OPERATOR.keyId(),
                OPERATOR.publicKey().publicKey(), SITE_TIME.minus(Duration.ofDays(1)),
                SITE_TIME.plus(Duration.ofDays(30)), List.of(FreshSiteFixture.tariffFile("USD")),
                List.of(TECHNICIAN)));
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(4, SimClock.manual(FACTORY)));
                GatewayClient client = FreshSiteFixture.open(site.listenTcp(0), TECHNICIAN, pins)) {
            assertRefused(client, dollars, "COMMISSION_PACK_BAD_TARIFF");
        }
    }

    private static void assertRefused(GatewayClient client, SignedCommissioningPack pack, String code) {
        assertThatThrownBy(() -> client.commissioning().setUpSite(PLAN, SITE_TIME, pack))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR))
                .hasMessageContaining(code);
    }
}
