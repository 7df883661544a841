package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replacement in two halves, as the console runs it: the restore and the registers read for the technician to
 * review, which post nothing, then the post in a later session, which bills the gaps reviewed. And a gateway that
 * runs the site already is refused before anything is sent to it, by the service both faces run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayReplacingReviewTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    private static final int METERS = 12;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("5b".repeat(32)));

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final GatewayPins pins = GatewayPins.inMemory();
    private SimulatedSite site;
    private SimulatedGateway old;
    private SiteStore store;
    private ReplacementSite replacement;
    private long replicaTip;

    @BeforeEach
    void runTheSiteUntilItsGatewayDies() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW), clock);
        old = site.gateway();
        store = SiteStore.open(dir.resolve("site.db"));
        try (GatewayClient client = ReplacedSites.supervisor(site.listenTcp(0), siteId(), clock.now(), pins,
                false)) {
            SitePull.run(client, store, FROM, NOW, Progress.NONE, () -> false);
        }
        replicaTip = store.ledger().stream().mapToLong(LedgerEntry::seq).max().orElseThrow();
        clock.advance(Duration.ofHours(5));
        site.stopListeningTcp();
        site.endTcpSessions();
        String customerId = old.layout().customers().get(3).customerId();
        store.queuePayments(List.of(QueuedPayment.pending("CASH-7", customerId, 1_500, old.profile().currency(),
                clock.now(), "cash paid while the gateway was dead")), clock.now());
        clock.advance(Duration.ofHours(3));
        replacement = ReplacementSite.listen(new ReplacementGateway(siteId(), "GW-NEW002", NEW_KEY,
                DemoOperator.trusted(), clock, MeterRegisters.of(old)));
    }

    @AfterEach
    void close() {
        replacement.close();
        store.close();
        site.close();
    }

    @Test
    void readsTheRegistersForReviewPostingNothingAndPostsThemInALaterSession() throws IOException {
        GatewayReplacing.RegistersReview review;
        try (GatewayClient client = supervisorRepinning()) {
            review = GatewayReplacing.readRegisters(client, store, Progress.NONE, Map.of(), CancelSignal.NEVER);
        }

        assertThat(review.restore().applied()).isTrue();
        assertThat(review.registers().registers()).hasSize(METERS);
        assertThat(review.preview().rows()).hasSize(METERS)
                .anySatisfy(row -> assertThat(row.gapEnergyWh()).isPositive());
        assertThat(replacement.gateway().ledgerAfter(replicaTip)).as("posted before the confirmation").isEmpty();
        assertThat(store.pendingPayments()).extracting(QueuedPayment::reference).containsExactly("CASH-7");

        clock.advance(Duration.ofMinutes(10));
        GatewayReplacing.Result result;
        try (GatewayClient client = supervisorRepinning()) {
            result = GatewayReplacing.post(client, store, review, CancelSignal.NEVER);
        }

        assertThat(result.posted().entries()).isNotEmpty();
        assertThat(replacement.gateway().ledgerAfter(replicaTip)).isNotEmpty();
        Map<String, Long> reviewed = gaps(review.preview());
        assertThat(gaps(result.reconciled())).as("the gaps posted are those reviewed").isEqualTo(reviewed);
        for (Reconciled.Row row : result.reconciled().rows()) {
            assertThat(replacement.gateway().balance(row.customerId())).as(row.customerId())
                    .isEqualTo(row.resultingBalanceMinor());
        }
        assertThat(result.reconciled().payments()).extracting(QueuedPayment::reference).containsExactly("CASH-7");
        assertThat(store.replacements().all()).singleElement().satisfies(record -> assertThat(record.readAt())
                .isEqualTo(review.registers().at()));
    }

    @Test
    void aReviewLeftUnpostedLeavesTheGatewayUnpostedAndAReadAgainPostsOnce() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.readRegisters(client, store, Progress.NONE, Map.of(), CancelSignal.NEVER);
        }
        assertThat(replacement.gateway().ledgerAfter(replicaTip)).isEmpty();

        GatewayReplacing.Result result;
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.RegistersReview again = GatewayReplacing.readRegisters(client, store, Progress.NONE,
                    Map.of(), CancelSignal.NEVER);
            result = GatewayReplacing.post(client, store, again, CancelSignal.NEVER);
        }

        assertThat(result.posted().alreadyPosted()).isEmpty();
        assertThat(replacement.gateway().ledgerAfter(replicaTip)).extracting(LedgerEntry::reference)
                .doesNotHaveDuplicates();
    }

    @Test
    void refusesToPostAReviewOfAnotherReplicaAndPostsNothing() throws IOException {
        GatewayReplacing.RegistersReview review;
        try (GatewayClient client = supervisorRepinning()) {
            review = GatewayReplacing.readRegisters(client, store, Progress.NONE, Map.of(), CancelSignal.NEVER);
        }
        GatewayReplacing.RegistersReview ofAnother = new GatewayReplacing.RegistersReview(siteId() + ":1",
                review.restore(), review.registers(), review.preview());

        try (GatewayClient client = supervisorRepinning()) {
            ReplacementRefusedException refused = catchThrowableOfType(() -> GatewayReplacing.post(client, store,
                    ofAnother, CancelSignal.NEVER), ReplacementRefusedException.class);
            assertThat(refused.code()).isEqualTo("REPLACE_REPLICA_CHANGED");
        }
        assertThat(replacement.gateway().ledgerAfter(replicaTip)).isEmpty();
        assertThat(store.replacements().all()).isEmpty();
    }

    @Test
    void refusesTheSitesOwnGatewayAliveBeforeSendingItAnything() throws IOException {
        try (GatewayClient client = ReplacedSites.supervisor(site.listenTcp(0), siteId(), clock.now(), pins,
                false)) {
            ReplacementRefusedException refused = catchThrowableOfType(() -> GatewayReplacing.readRegisters(client,
                    store, Progress.NONE, Map.of(), CancelSignal.NEVER), ReplacementRefusedException.class);

            assertThat(refused.code()).isEqualTo(RestorableGateway.NOT_FRESH);
            assertThat(refused.getMessage()).contains("already runs site " + siteId());
        }
        assertThat(store.pendingPayments()).extracting(QueuedPayment::reference).containsExactly("CASH-7");
    }

    private static Map<String, Long> gaps(Reconciled reconciled) {
        return reconciled.rows().stream().collect(Collectors.toMap(Reconciled.Row::meterId,
                Reconciled.Row::gapEnergyWh));
    }

    private String siteId() {
        return old.profile().siteId();
    }

    private GatewayClient supervisorRepinning() throws IOException {
        return ReplacedSites.supervisor(replacement.address(), siteId(), clock.now(), pins, true);
    }
}
