package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.CustomerCategory;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import io.gridside.site.tariff.TariffSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's commissioning rows: a new site in a new file, each step kept once, the report queued for the cloud. */
class CommissionRecordsTest {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    static final SitePlan PLAN = new SitePlan("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES",
            ZoneId.of("Africa/Nairobi"), List.of(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 25)), -0.1022,
            34.7617);
    static final String METER_1 = MeterSerial.of("GS", 1);
    static final String METER_3P = MeterSerial.of("GS", 2);

    @TempDir
    Path dir;

    @Test
    void createsASiteInANewFileAndRefusesAnExistingOne() throws Exception {
        Path file = dir.resolve("site.db");
        try (SiteStore store = CommissionRecords.createSite(file, PLAN, AT)) {
            assertThat(store.commission().plan()).contains(PLAN);
            assertThat(store.site()).hasValueSatisfying(site -> assertThat(site.siteId()).isEqualTo("ke-kisumu-07"));
            assertThat(store.commission().progress()).extracting(StepRecord::step, StepRecord::doneAt)
                    .containsExactly(tuple(CommissionStep.SITE, AT));
        }
        long size = Files.size(file);

        assertThatThrownBy(() -> CommissionRecords.createSite(file, PLAN, AT)).isInstanceOf(StoreException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void keepsCustomersTariffsAndJoinedMetersAndRefusesAClashingCustomer() {
        try (SiteStore store = CommissionRecords.createSite(dir.resolve("site.db"), PLAN, AT)) {
            CommissionRecords records = store.commission();
            TariffSchedule lifeline = TariffSchedule.flat(new Tariff("lifeline", "KES", 2_500, 1_000, 5_000));
            records.saveTariffs(List.of(lifeline));
            records.saveCustomers(List.of(customer("C001", CustomerCategory.HOUSEHOLD)));
            records.addCustomer(customer("C002", CustomerCategory.MILL));
            records.addCustomer(customer("C002", CustomerCategory.MILL));
            records.saveJoined(List.of(meter(METER_1, 1), meter(METER_3P, 3)));

            assertThat(records.tariffs()).containsExactly(lifeline);
            assertThat(records.customers()).extracting(PlannedCustomer::customerId).containsExactly("C001", "C002");
            assertThat(records.joined()).containsExactly(meter(METER_1, 1), meter(METER_3P, 3));
            assertThatThrownBy(() -> records.addCustomer(customer("C002", CustomerCategory.SHOP)))
                    .isInstanceOfSatisfying(CommissionRefusal.class,
                            e -> assertThat(e.code()).isEqualTo(CommissionRefusal.CUSTOMER_EXISTS));
        }
    }

    @Test
    void keepsTheLinkThresholdsChosenForTheSiteAcrossReopeningAndReplacesThemWhenChosenAgain() {
        Path file = dir.resolve("site.db");
        LinkThresholds strict = new LinkThresholds(-80.5, -95, 1.5, 3, 3, 2, 120);
        LinkThresholds eased = new LinkThresholds(-92, -104, 2.5, 5, 2, 1, 200);
        try (SiteStore store = CommissionRecords.createSite(file, PLAN, AT)) {
            assertThat(store.commission().thresholds()).isEmpty();
            store.commission().saveThresholds(strict);
        }
        try (SiteStore store = SiteStore.openExisting(file)) {
            assertThat(store.commission().thresholds()).contains(strict);
            store.commission().saveThresholds(eased);
            assertThat(store.commission().thresholds()).contains(eased);
            assertThat(store.commission().plan()).contains(PLAN);
        }
    }

    @Test
    void closesTheDaysRecordOfTariffsCustomersChecksAndDryRunOnceTheSiteWentLive() {
        try (SiteStore store = CommissionRecords.createSite(dir.resolve("site.db"), PLAN, AT)) {
            CommissionRecords records = store.commission();
            records.saveCustomers(List.of(customer("C001", CustomerCategory.HOUSEHOLD)));
            records.markDone(CommissionStep.GO_LIVE, AT.plusSeconds(3_600), "live");

            assertThatThrownBy(() -> records.saveCustomers(List.of(customer("C002", CustomerCategory.HOUSEHOLD))))
                    .isInstanceOf(CommissionRefusal.class).hasMessageContaining("went live")
                    .extracting(e -> ((CommissionRefusal) e).code()).isEqualTo(CommissionRefusal.NOT_READY);
            assertThatThrownBy(() -> records.addCustomer(customer("C003", CustomerCategory.SHOP)))
                    .isInstanceOf(CommissionRefusal.class);
            assertThatThrownBy(() -> records.saveDryRun(List.of())).isInstanceOf(CommissionRefusal.class);
            assertThatThrownBy(() -> records.saveTariffs(List.of())).isInstanceOf(CommissionRefusal.class);
            assertThatThrownBy(() -> records.saveLinkChecks(List.of(), AT)).isInstanceOf(CommissionRefusal.class);
            assertThat(records.customers()).extracting(PlannedCustomer::customerId).containsExactly("C001");
        }
    }

    @Test
    void assignsOnceAndStoresNothingWhenARuleRefuses() {
        Path file = dir.resolve("site.db");
        try (SiteStore store = CommissionRecords.createSite(file, PLAN, AT)) {
            CommissionRecords records = store.commission();
            records.saveCustomers(List.of(customer("C001", CustomerCategory.HOUSEHOLD),
                    customer("C002", CustomerCategory.MILL)));
            records.saveJoined(List.of(meter(METER_1, 1), meter(METER_3P, 3)));

            Assignment first = records.assign("C001", METER_1 + "\r\n", AT);
            assertThat(records.assign("C001", METER_1, AT.plusSeconds(600))).isEqualTo(first);
            assertThatThrownBy(() -> records.assign("C002", METER_1, AT)).isInstanceOf(CommissionRefusal.class)
                    .hasMessageContaining("C001");
        }
        try (SiteStore store = SiteStore.open(file)) {
            CommissionRecords records = store.commission();
            assertThat(records.assignments()).containsExactly(new Assignment("C001", METER_1, AT));
            assertThat(records.unassign("C001")).isTrue();
            assertThat(records.unassign("C001")).isFalse();
            assertThat(records.assignments()).isEmpty();
        }
    }

    @Test
    void marksEachStepDoneOnceAndReopensIt() {
        try (SiteStore store = CommissionRecords.createSite(dir.resolve("site.db"), PLAN, AT)) {
            CommissionRecords records = store.commission();

            assertThat(records.markDone(CommissionStep.CUSTOMERS, AT.plusSeconds(60), "12 customers")).isTrue();
            assertThat(records.markDone(CommissionStep.CUSTOMERS, AT.plusSeconds(120), "13 customers")).isFalse();
            assertThat(records.markDone(CommissionStep.GATEWAY, AT.plusSeconds(30), "gw-1")).isTrue();
            assertThat(records.progress()).extracting(StepRecord::step, StepRecord::detail).containsExactly(
                    tuple(CommissionStep.SITE, "ke-kisumu-07, Kisumu Seven"), tuple(CommissionStep.GATEWAY, "gw-1"),
                    tuple(CommissionStep.CUSTOMERS, "12 customers"));

            assertThat(records.reopen(CommissionStep.CUSTOMERS)).isTrue();
            assertThat(records.progress()).extracting(StepRecord::step)
                    .containsExactly(CommissionStep.SITE, CommissionStep.GATEWAY);
        }
    }

    @Test
    void keepsTheLatestLinkCheckRelayTestAndDryRun() {
        try (SiteStore store = CommissionRecords.createSite(dir.resolve("site.db"), PLAN, AT)) {
            CommissionRecords records = store.commission();
            records.saveLinkChecks(List.of(new LinkCheck(METER_1, LinkVerdict.FAIL, List.of("a", "b"))), AT);
            records.saveLinkChecks(List.of(new LinkCheck(METER_1, LinkVerdict.ATTENTION, List.of("c"))), AT);
            records.saveRelayTest(new RelayTest(METER_1, RelayState.ON, null, AT, "no answer"));
            records.saveRelayTest(new RelayTest(METER_1, RelayState.OFF, RelayState.ON, AT, ""));
            DryRunBill bill = new DryRunBill("C001", "lifeline", AT, AT.plusSeconds(604_800), 7_000, 1_750, 10_000,
                    8_250, 33);
            records.saveDryRun(List.of(new DryRunBill("C009", "x", AT, AT.plusSeconds(1), 0, 0, 0, 0, -1)));
            records.saveDryRun(List.of(bill));

            assertThat(records.linkChecks()).containsExactly(new LinkCheck(METER_1, LinkVerdict.ATTENTION,
                    List.of("c")));
            assertThat(records.relayTests()).singleElement().satisfies(test -> assertThat(test.passed()).isTrue());
            assertThat(records.dryRun()).containsExactly(bill);
        }
    }

    @Test
    void keepsASignedReportOnceAndQueuesItOnTheEventsStream() {
        byte[] signed = {(byte) 0xA1, 0x61, 0x61, 0x01};
        SignedReport report = new SignedReport(SignedReport.idOf(signed), "ke-kisumu-07", "tech-1",
                ByteString.of(new byte[32]), ByteString.of(signed), ByteString.of(new byte[64]), AT);
        try (SiteStore store = CommissionRecords.createSite(dir.resolve("site.db"), PLAN, AT)) {
            CommissionRecords records = store.commission();

            assertThat(records.saveReport(report)).isTrue();
            assertThat(records.saveReport(report)).isFalse();

            assertThat(records.reports()).containsExactly(report);
            assertThat(store.sync().waiting()).containsEntry(UpStream.EVENTS, 1L);
            List<UpItem> items = store.sync().pending(UpStream.EVENTS, 0, 10);
            assertThat(items).extracting(UpItem::seq, UpItem::kind).containsExactly(tuple(1L, "commissionReport"));
            assertThat(items.get(0).fields()).containsEntry("reportId", report.reportId())
                    .containsEntry("technicianId", "tech-1").containsEntry("at", AT)
                    .containsKeys("kind", "siteId", "technicianKey", "signed", "signature");
            assertThat((byte[]) items.get(0).fields().get("signed")).isEqualTo(signed);
        }
    }

    @Test
    void listsEveryKeptReportByIdAndReadsEachAloneSoThatAnAlteredOneDoesNotHideTheOthers() throws Exception {
        byte[] first = {(byte) 0xA1, 0x61, 0x61, 0x01};
        byte[] second = {(byte) 0xA1, 0x61, 0x61, 0x02};
        SignedReport older = report(first, AT);
        SignedReport newer = report(second, AT.plusSeconds(60));
        Path file = dir.resolve("site.db");
        try (SiteStore store = CommissionRecords.createSite(file, PLAN, AT)) {
            store.commission().saveReport(older);
            store.commission().saveReport(newer);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE commission_report SET signed = x'00' WHERE report_id = '"
                    + newer.reportId() + "'");
        }

        try (SiteStore store = SiteStore.openExisting(file)) {
            CommissionRecords records = store.commission();

            assertThat(records.reportIds()).containsExactly(newer.reportId(), older.reportId());
            assertThat(records.report(older.reportId())).contains(older);
            assertThat(records.report("report-0000000000000000")).isEmpty();
            assertThatThrownBy(() -> records.report(newer.reportId())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static SignedReport report(byte[] signed, Instant at) {
        return new SignedReport(SignedReport.idOf(signed), "ke-kisumu-07", "tech-1", ByteString.of(new byte[32]),
                ByteString.of(signed), ByteString.of(new byte[64]), at);
    }

    static PlannedCustomer customer(String id, CustomerCategory category) {
        return new PlannedCustomer(id, "Customer " + id, "+254712345678", "Plot " + id, category, "lifeline", 10_000,
                null);
    }

    static JoinedMeter meter(String serial, int phases) {
        return new JoinedMeter(serial, "mtr-r2", phases, "1.4.0", -0.1, 34.76, -81.5, -83, 1.25, 2, 1, AT);
    }
}
