package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.billing.config.BillingConfig;
import io.gridside.link.client.GatewayClient;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
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
 * A simulated gateway billing with a block and time-of-use tariff with VAT, under grace, emergency credit,
 * protected customers and loans, is pulled over TCP and proved right by the console's audit, which replays with
 * the configuration the pull kept.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BillingConfigAuditTest {

    private static final Instant START = Instant.parse("2026-06-03T21:07:00Z");
    /** A day later, 21:07 in Nairobi: by then a customer of this site draws on emergency credit. */
    private static final Instant NOW = START.plus(Duration.ofDays(1));
    private static final Instant FROM = Instant.parse("2026-05-31T21:00:00Z");
    private static final int METERS = 60;

    @TempDir
    Path dir;

    private PulledSite fixture;
    private SimulatedSite site;
    private GatewayClient client;
    private SiteStore store;

    @BeforeEach
    void connect() throws IOException {
        SimClock.Manual clock = SimClock.manual(START);
        SimulatedSite started = SimulatedSite.start(new SiteSpec(METERS, 8, 3, START)
                .withBilling(SimBilling.REALISTIC), clock);
        clock.advance(Duration.ofDays(1));
        fixture = PulledSite.connect(started, NOW, dir.resolve("site.db"));
        site = fixture.site();
        client = fixture.client();
        store = fixture.store();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theAuditReplaysTheGatewaysScheduleAndTermsEntryForEntry() throws IOException {
        fixture.pull(FROM, NOW);

        BillingReport report = BillingAudit.run(store);

        List<LedgerEntry> ledger = store.ledger();
        assertThat(ledger).anyMatch(e -> e.kind() == EntryKind.TAX);
        assertThat(report.reconciliation().compared()).isEqualTo(ledger.size());
        assertThat(report.reconciliation().agrees()).isTrue();
    }

    @Test
    void theReplayReachesTheGatewaysCreditStatesIncludingThoseOfItsTerms() throws IOException {
        fixture.pull(FROM, NOW);
        BillingConfig config = BillingAudit.billingConfig(store, store.tariff().orElseThrow());
        List<Reading> readings = store.readings(Instant.EPOCH, Instant.MAX);

        BillingEngine replay = Replay.run(store.tariff().orElseThrow(),
                config.rater(store.site().orElseThrow().zone()), config.terms(), store.meters(), store.ledger(),
                readings);

        Map<String, CreditState> gateway = client.meterStatus().stream()
                .collect(Collectors.toMap(MeterStatus::customerId, MeterStatus::creditState));
        assertThat(gateway).hasSize(METERS).containsValue(CreditState.EMERGENCY);
        gateway.forEach((customer, state) -> assertThat(replay.creditState(customer)).as(customer).isEqualTo(state));
    }

    @Test
    void theCreditListingSaysWhatEachDebtStillOwes() throws IOException {
        fixture.pull(FROM, NOW);
        BillingConfig config = BillingAudit.billingConfig(store, store.tariff().orElseThrow());

        List<CreditListing.DebtLine> lines = CreditListing.of(store).stream()
                .flatMap(row -> row.debts().stream()).toList();

        assertThat(lines).hasSize(config.terms().debts().size());
        for (Debt debt : config.terms().debts()) {
            CreditListing.DebtLine line = lines.stream().filter(l -> l.debtId().equals(debt.debtId()))
                    .findFirst().orElseThrow();
            long recovered = -store.ledger().stream().filter(e -> e.kind() == EntryKind.DEBT_RECOVERY
                    && e.reference().startsWith("debt:" + debt.debtId() + ":"))
                    .mapToLong(LedgerEntry::amountMinor).sum();
            assertThat(line.recoveredMinor()).isEqualTo(recovered);
            assertThat(line.owingMinor()).isEqualTo(debt.principalMinor() - recovered);
        }
    }

    @Test
    void aFlatReplayOfTheSameSiteDisagrees() throws IOException {
        fixture.pull(FROM, NOW);

        BillingEngine flat = Replay.run(store.tariff().orElseThrow(), store.site().orElseThrow().zone(),
                store.meters(), store.ledger(), store.readings(Instant.EPOCH, Instant.MAX));

        assertThat(Reconciliation.of(store.ledger(), flat).agrees()).isFalse();
    }
}
