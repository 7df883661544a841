package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.console.service.Statements;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.Tariff;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200-meter site commissioned from its customers file to go-live by the console's service against a factory-fresh
 * simulated gateway, then billed for its first day on the gateway: every customer opens at the balance the file
 * gave them, and closes the day at that balance, with what the simulated customers topped up, less what the day's
 * readings cost on their own tariff (the shops are on a tariff of their own).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CommissionDayEndToEndTest {

    private static final int METERS = 200;
    private static final int SCANNED = 5;

    @TempDir
    Path home;

    @Test
    void commissionsTwoHundredMetersFromTheCsvToGoLiveAndBillsTheFirstDay() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            day.createSite(FreshDay.PLAN);
            day.useGateway(fresh.target());
            day.usePack(fresh.pack);
            RunResult beforeCustomers = day.proceed(Progress.NONE, CancelSignal.NEVER);
            assertThat(beforeCustomers.stopped()).isEqualTo(CommissionStep.CUSTOMERS);

            fresh.advance(Duration.ofHours(2));
            List<JoinedMeter> joined = joinedOnTheGateway(fresh);
            assertThat(joined).hasSize(METERS);
            CustomerCsv.Result imported = day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                    FreshDay.customersCsv(joined, SCANNED)));
            assertThat(imported.problems()).isEmpty();

            RunResult atAssign = day.proceed(Progress.NONE, CancelSignal.NEVER);
            assertThat(atAssign.stopped()).isEqualTo(CommissionStep.ASSIGN);
            assertThat(atAssign.waiting()).startsWith(SCANNED + " customers have no meter");
            for (int i = METERS - SCANNED; i < METERS; i++) {
                String scan = i % 2 == 0 ? joined.get(i).meterId()
                        : "gridside:meter?serial=" + joined.get(i).meterId() + "&hw=" + joined.get(i).hardwareId();
                day.assign(scan, FreshDay.customerId(i));
            }
            RunResult checked = day.proceed(Progress.NONE, CancelSignal.NEVER);
            assertThat(checked.stopped()).isEqualTo(CommissionStep.GO_LIVE);
            day.confirmGoLive();
            RunResult finished = day.proceed(Progress.NONE, CancelSignal.NEVER);

            assertThat(finished.complete()).isTrue();
            assertThat(day.states()).allMatch(state -> state.status() == StepState.Status.DONE);
            CommissionRecords records = day.records();
            assertThat(records.assignments()).hasSize(METERS);
            assertThat(records.relayTests()).hasSize(METERS).allMatch(test -> test.passed());
            assertThat(records.dryRun()).hasSize(METERS);
            List<SignedReport> reports = records.reports();
            assertThat(reports).hasSize(1);
            assertThat(ReportSigning.verify(reports.get(0))).isTrue();
            assertThat(reports.get(0).technicianId()).isEqualTo("T-7");

            fresh.advance(Duration.ofDays(1));
            billsTheFirstDayFromTheOpeningBalances(fresh, day.store(), joined);
        }
    }

    private static List<JoinedMeter> joinedOnTheGateway(FreshDay fresh) throws Exception {
        List<JoinedMeter> meters = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.commissioning().joinedMeters(null, (batch, received, total) -> meters.addAll(batch),
                    CancelSignal.NEVER);
        }
        return meters;
    }

    /**
     * Pulls the live site into the store commissioning made, as the console's replica, and audits the gateway's
     * billing with the console's own engine: the replay must agree with every ledger entry, and each customer's
     * row must start at the file's opening balance and end at it, with the day's top-ups, less the day's charges.
     */
    private static void billsTheFirstDayFromTheOpeningBalances(FreshDay fresh, SiteStore store,
            List<JoinedMeter> joined) throws Exception {
        try (GatewayClient client = fresh.open()) {
            assertThat(client.hello().siteId()).isEqualTo(FreshDay.SITE);
            Instant liveAt = client.commissioning().state().liveAt();
            SitePull.run(client, store, liveAt, client.hello().clock(), Progress.NONE, CancelSignal.NEVER);
        }
        BillingReport report = BillingAudit.run(store);

        assertThat(report.reconciliation().agrees()).isTrue();
        assertThat(report.reconciliation().compared()).isGreaterThan(METERS);
        Map<String, BillingReport.Row> rows = new HashMap<>();
        report.rows().forEach(row -> rows.put(row.customerId(), row));
        Statements statements = Statements.of(store);
        LocalDate today = LocalDate.ofInstant(report.to(), FreshDay.PLAN.zone());
        for (int i = 0; i < METERS; i++) {
            BillingReport.Row row = rows.get(FreshDay.customerId(i));
            assertThat(statements.of(FreshDay.customerId(i), new Statements.Period(today.minusDays(1), today))
                    .tariffId()).isEqualTo(FreshDay.tariffOf(joined.get(i), i).tariffId());
            assertThat(row.openingMinor()).isEqualTo(FreshDay.openingBalanceMinor(i));
            // Each quarter hour is rated and rounded on its own: within a minor unit an interval of the day's
            // energy at the price of the customer's own tariff (the shops' or the households' and mills').
            Tariff tariff = FreshDay.tariffOf(joined.get(i), i);
            assertThat(row.energyChargesMinor()).isCloseTo(row.energyWh() * tariff.energyMinorPerKwh() / 1000,
                    Offset.offset(96L));
            assertThat(row.standingChargesMinor()).isBetween(tariff == FreshDay.SHOP
                    ? FreshDay.SHOP.standingMinorPerDay() : 0L, 2 * tariff.standingMinorPerDay());
            assertThat(row.balanceMinor()).isEqualTo(row.openingMinor() + row.topUpsMinor()
                    - row.energyChargesMinor() - row.standingChargesMinor() - row.taxesMinor()
                    - row.debtRecoveredMinor() + row.otherMinor());
        }
        assertThat(report.totals().energyWh()).isPositive();
    }
}
