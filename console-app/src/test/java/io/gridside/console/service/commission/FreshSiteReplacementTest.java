package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site commissioned on a factory-fresh simulated gateway, as {@code sim --fresh --replace-gateway-after} runs it:
 * once live, the gateway dies and a second factory-fresh one takes its place at its address, trusting the operator
 * of the commissioning pack and keeping the site's time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FreshSiteReplacementTest {

    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("6c".repeat(32)));
    private static final SigningKey SUPERVISOR_KEY = SigningKey.fromSeed(ByteString.fromHex("3f".repeat(32)));
    private static final SignedCredential SUPERVISOR = FreshDay.OPERATOR.sign(new TechnicianCredential("S-1",
            "Wanjiku", Role.SUPERVISOR, List.of(FreshDay.SITE), FreshDay.SITE_TIME.minus(Duration.ofDays(1)),
            FreshDay.SITE_TIME.plus(Duration.ofDays(60)), Map.of(), FreshDay.OPERATOR.keyId(),
            SUPERVISOR_KEY.publicKey()));

    @TempDir
    Path home;

    @Test
    void aLiveFreshGatewayIsReplacedAtItsAddressAndTheAuditAgrees() throws Exception {
        try (FreshDay fresh = new FreshDay(12, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            goLive(fresh, day);
            fresh.advance(Duration.ofHours(1));
            try (GatewayClient client = fresh.open()) {
                SitePull.run(client, day.store(), Instant.EPOCH, client.hello().clock(), Progress.NONE,
                        CancelSignal.NEVER);
            }

            try (ReplacementSite replacement = ReplacementSite.takeOver(fresh.site, FreshDay.SITE + "-R", NEW_KEY,
                    fresh.address.getAddress(), fresh.address.getPort(), null)) {
                fresh.advance(Duration.ofHours(1));
                GatewayReplacing.Result result;
                try (GatewayClient client = supervisor(replacement)) {
                    result = GatewayReplacing.run(client, day.store(), Progress.NONE);
                }
                fresh.advance(Duration.ofMinutes(45));
                BillingReport report = pullAndAudit(replacement, day.store());

                assertThat(replacement.address()).isEqualTo(fresh.address);
                assertThat(result.gatewayId()).isEqualTo(FreshDay.SITE + "-R");
                assertThat(report.reconciliation().firstDifference()).isEmpty();
                assertThat(report.reconciliation().agrees()).isTrue();
            }
        }
    }

    @Test
    void aGatewayThatNeverWentLiveHasNothingToReplace() throws Exception {
        try (FreshDay fresh = new FreshDay(4, home)) {
            assertThatThrownBy(() -> ReplacementSite.takeOver(fresh.site, "GW-R", NEW_KEY,
                    fresh.address.getAddress(), fresh.address.getPort(), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not gone live");
        }
    }

    private void goLive(FreshDay fresh, CommissionService day) throws Exception {
        day.createSite(FreshDay.PLAN);
        day.useGateway(fresh.target());
        day.usePack(fresh.pack);
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.CUSTOMERS);
        fresh.advance(Duration.ofHours(2));
        List<JoinedMeter> joined = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.commissioning().joinedMeters(null, (batch, received, total) -> joined.addAll(batch),
                    CancelSignal.NEVER);
        }
        assertThat(day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                FreshDay.customersCsv(joined.subList(0, 9), 0))).problems()).isEmpty();
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.GO_LIVE);
        day.confirmGoLive();
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).complete()).isTrue();
    }

    private static BillingReport pullAndAudit(ReplacementSite replacement, SiteStore store) throws IOException {
        try (GatewayClient client = supervisor(replacement)) {
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE,
                    CancelSignal.NEVER);
        }
        return BillingAudit.run(store);
    }

    private static GatewayClient supervisor(ReplacementSite replacement) throws IOException {
        Authentication auth = Authentication.of(SUPERVISOR, GatewayPins.inMemory()).repinning();
        return GatewayClient.open(TcpTransport.connect(replacement.address().getHostString(),
                replacement.address().getPort(), 2000), auth, Duration.ofSeconds(10));
    }
}
