package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The offline commissioning commands, from an empty file to a signed report that reaches the cloud. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionCommandsTest {

    static final String SITE_ID = "ke-kisumu-07";
    static final String HOUSE_METER = MeterSerial.of("GS", 1);
    static final String SHOP_METER = MeterSerial.of("GS", 2);
    static final String MILL_METER = MeterSerial.of("GS", 3);
    static final String HEADER = "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n";
    /** The example tariff file of the docs, which a technician may start from. */
    static final Path EXAMPLE_TARIFF = Path.of("..", "docs", "examples", "tariff-household-kes.json");

    @TempDir
    Path home;

    private String previousHome;
    private Path site;

    @BeforeEach
    void start() {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        site = home.resolve("site.db");
    }

    @AfterEach
    void stop() {
        Credentials.restoreHome(previousHome);
    }

    @Test
    void createsASiteOnceAndRefusesTheSameFileAgain() {
        CommandRun first = createSite();
        CommandRun again = createSite();

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Created site " + SITE_ID);
        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("exists already").contains("[SITE_EXISTS]");
    }

    @Test
    void refusesAZoneOrLocationThatIsNone() {
        CommandRun zone = CommandRun.of("commission", "create-site", "--site", site.toString(), "--id", SITE_ID,
                "--name", "N", "--operator", "O", "--currency", "KES", "--zone", "Africa/Kisumu", "--location",
                "0,34");
        CommandRun location = CommandRun.of("commission", "create-site", "--site", site.toString(), "--id", SITE_ID,
                "--name", "N", "--operator", "O", "--currency", "KES", "--zone", "Africa/Nairobi", "--location",
                "34.76");

        assertThat(zone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zone.err()).contains("Africa/Kisumu");
        assertThat(location.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(location.err()).contains("LAT,LON");
        assertThat(site).doesNotExist();
    }

    @Test
    void refusesACurrencyIsoDoesNotListAndAHolidayThatIsNoDate() {
        CommandRun currency = CommandRun.of("commission", "create-site", "--site", site.toString(), "--id", SITE_ID,
                "--name", "N", "--operator", "O", "--currency", "KSH", "--zone", "Africa/Nairobi", "--location",
                "0,34");
        CommandRun holiday = CommandRun.of("commission", "create-site", "--site", site.toString(), "--id", SITE_ID,
                "--name", "N", "--operator", "O", "--currency", "KES", "--zone", "Africa/Nairobi", "--location",
                "0,34", "--holidays", "2026-13-45");

        assertThat(currency.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(currency.err()).contains("ISO 4217").contains("KSH");
        assertThat(holiday.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(holiday.err()).contains("A holiday is a date").contains("2026-13-45");
        assertThat(site).doesNotExist();
    }

    @Test
    void refusesACustomersFileAfterGoLiveWithItsCodeNotAsAnUnexpectedError() throws IOException {
        plannedSite();
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }
        Path csv = write("later.csv", HEADER + "C009,Zawadi,,,HOUSEHOLD,lifeline,10,\n");

        CommandRun later = CommandRun.of("commission", "customers", "--site", site.toString(), "--csv",
                csv.toString());

        assertThat(later.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(later.err()).contains("commissioning record is closed").contains("[NOT_READY]")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void keepsTheExampleTariffFileAndPrintsItsEnergyPricesPerKwh() {
        createSite();

        CommandRun kept = CommandRun.of("commission", "tariffs", "--site", site.toString(), EXAMPLE_TARIFF.toString());

        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.out()).contains("Kept 1 tariffs: household-kes.").contains("household-kes from "
                + "2026-01-01T00:00: energy KES 12.00/kWh lifeline up to 30000 Wh, then KES 25.00/kWh (reset monthly)")
                .doesNotContain("Note:");
    }

    @Test
    void notesAPriceUnderAMinorUnitAKwhAndSaysHowPricesAreWritten() throws IOException {
        createSite();
        Path cheap = write("cheap.json", Files.readString(EXAMPLE_TARIFF).replace("12000000", "1200")
                .replace("25000000", "1500"));

        CommandRun kept = CommandRun.of("commission", "tariffs", "--site", site.toString(), cheap.toString());

        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.out()).contains("Note: tariff household-kes prices energy at KES 0.0012/kWh")
                .contains("ten-thousandths of a minor unit per kWh: KES 12.00/kWh is written 12000000");
    }

    @Test
    void addsACustomerOnSiteByTheFilesRulesAndShowsTheProgress() throws IOException {
        createSite();
        tariffs();

        CommandRun added = addCustomer("C010", "+254 712 345 678");
        CommandRun again = addCustomer("C010", "+254 712 345 678");
        CommandRun clash = CommandRun.of("commission", "add-customer", "--site", site.toString(), "--id", "C010",
                "--name", "Someone else", "--category", "SHOP", "--tariff", "business");
        CommandRun badPhone = addCustomer("C011", "0712");
        CommandRun progress = CommandRun.of("commission", "progress", "--site", site.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added customer C010");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(clash.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(clash.err()).contains("There is a customer C010 already").contains("[CUSTOMER_EXISTS]");
        assertThat(badPhone.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(badPhone.err()).contains("--phone: '0712' is not a phone number").contains("[CSV_INVALID]");
        assertThat(progress.out()).containsPattern("SITE\\s+done").containsPattern("CUSTOMERS\\s+left")
                .startsWith("Steps of site " + SITE_ID + ", times in Africa/Nairobi:");
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.commission().customers()).singleElement().satisfies(customer -> {
                assertThat(customer.phone()).isEqualTo("+254712345678");
                assertThat(customer.openingBalanceMinor()).isEqualTo(2_550);
            });
        }
    }

    @Test
    void listsEveryProblemOfTheCustomersFileAndLoadsNothing() throws IOException {
        createSite();
        tariffs();
        Path csv = write("customers.csv", HEADER + "C001,Amina,+254712345678,,HOUSEHOLD,lifeline,10.00,\n"
                + "C001,Baraka,07,,FARM,premium,-1,\n");

        CommandRun run = CommandRun.of("commission", "customers", "--site", site.toString(), "--csv",
                csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out().lines().toList()).hasSize(5).allMatch(line -> line.startsWith("line 3, "));
        assertThat(run.out()).contains("line 3, phone:").contains("line 3, tariff_id: the tariff premium");
        assertThat(run.err()).contains("has 5 problems").contains("[CSV_INVALID]");
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.commission().customers()).isEmpty();
        }
    }

    @Test
    void assignsByScanAndRefusesTheSameMeterTwiceAndTheWrongType() throws IOException {
        plannedSite();

        CommandRun house = assign("C001", HOUSE_METER + "\r\n");
        CommandRun twice = assign("C002", HOUSE_METER);
        CommandRun mill = assign("C003", SHOP_METER);
        CommandRun typo = assign("C002", SHOP_METER.substring(0, 10) + (SHOP_METER.charAt(10) == '0' ? '1' : '0'));
        CommandRun qr = assign("C002", "gridside:meter?serial=" + SHOP_METER);

        assertThat(house.exitCode()).as(house.err()).isZero();
        assertThat(twice.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(twice.err()).contains("customer C001").contains("[METER_TAKEN]");
        assertThat(mill.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(mill.err()).contains("MILL, which needs a 3-phase meter").contains("[METER_TYPE]");
        assertThat(typo.err()).contains("[SERIAL_CHECK_DIGIT]");
        assertThat(qr.exitCode()).as(qr.err()).isZero();
        assertThat(qr.out()).contains("2 of 3 customers have a meter");
        CommandRun joined = CommandRun.of("commission", "joined", "--site", site.toString());
        assertThat(joined.out()).containsPattern(HOUSE_METER + "\\s+1\\s+-0.102000,34.761700 .* C001\\s+not checked")
                .containsPattern(MILL_METER + "\\s+3 .* -\\s+not checked")
                .contains("3 meters joined; 2 given to a customer.");
    }

    @Test
    void linkLimitsGivenOnceAreKeptForTheSiteAndUsedByTheNextCheck() throws IOException {
        plannedSite();

        CommandRun strict = CommandRun.of("commission", "check-links", "--site", site.toString(), "--pass-rssi",
                "-60", "--json");
        CommandRun next = CommandRun.of("commission", "check-links", "--site", site.toString(), "--json");
        CommandRun contradicting = CommandRun.of("commission", "check-links", "--site", site.toString(),
                "--fail-rssi", "-50");

        assertThat(strict.exitCode()).as(strict.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(strict.out());
        JsonNode second = new ObjectMapper().readTree(next.out());
        assertThat(first.path("thresholds").path("passRssiDbm").asDouble()).isEqualTo(-60);
        assertThat(second.path("thresholds").path("passRssiDbm").asDouble()).isEqualTo(-60);
        assertThat(second.path("thresholds").path("failRssiDbm").asDouble())
                .isEqualTo(LinkThresholds.DEFAULTS.failRssiDbm());
        assertThat(second.path("checks")).allSatisfy(check -> assertThat(check.path("verdict").asText())
                .isEqualTo("ATTENTION"));
        assertThat(contradicting.exitCode()).isEqualTo(ExitCode.USAGE);
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.commission().thresholds()).map(LinkThresholds::passRssiDbm).contains(-60.0);
        }
    }

    @Test
    void givesThePlannedMetersAndListsThoseRefused() throws IOException {
        createSite();
        tariffs();
        Path csv = write("customers.csv", HEADER + "C001,Amina,,,HOUSEHOLD,lifeline,10,\"" + HOUSE_METER + "\"\n"
                + "C002,Baraka,,,SHOP,business,5," + SHOP_METER + "\n"
                + "C003,Chebet,,,MILL,business,5," + MILL_METER.substring(0, 2).toLowerCase() + MILL_METER.substring(2)
                + "\n" + "C004,Daudi,,,HOUSEHOLD,lifeline,5,\n");
        assertThat(CommandRun.of("commission", "customers", "--site", site.toString(), "--csv", csv.toString())
                .exitCode()).isZero();
        joined(SHOP_METER, 1, MILL_METER, 1);

        CommandRun run = CommandRun.of("commission", "assign", "--site", site.toString(), "--planned");
        CommandRun again = CommandRun.of("commission", "assign", "--site", site.toString(), "--planned", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("Meter " + SHOP_METER + " is customer C002's.");
        assertThat(run.err()).contains("C001: The meter " + HOUSE_METER + " has not joined")
                .contains("C003: Customer C003 is a MILL").contains("2 planned meters were refused")
                .contains("[ASSIGN_REFUSED]");
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.commission().assignments()).extracting(a -> a.customerId() + "=" + a.meterId())
                    .containsExactly("C002=" + SHOP_METER);
        }
    }

    @Test
    void theDryRunSaysItsKwhAreItsOwnAssumptionAndNotTheTariffs() throws IOException {
        plannedSite();

        CommandRun dryRun = CommandRun.of("commission", "dry-run", "--site", site.toString(), "--from",
                "2026-12-07");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("kWh are the dry run's assumed use, not a measure and not the tariff's",
                "1.335 kWh for a household", "3.190 for a shop", "22.500 for a mill");
    }

    @Test
    void refusesSignalLimitsPastTheRadiosReachAndSignsTheLimitsUsedInTheReport() throws IOException {
        plannedSite();
        assign("C001", HOUSE_METER);
        String credential = Credentials.write(home, "technician.json", DemoOperator.issue("tech-1", "Technician",
                Role.TECHNICIAN, List.of(SITE_ID), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));

        CommandRun beyond = CommandRun.of("commission", "check-links", "--site", site.toString(), "--fail-rssi",
                "-105");
        CommandRun farBeyond = CommandRun.of("commission", "check-links", "--site", site.toString(), "--fail-rssi",
                "-110", "--pass-rssi", "-40");
        CommandRun loosened = CommandRun.of("commission", "check-links", "--site", site.toString(), "--fail-rssi",
                "-104", "--pass-rssi", "-95");
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }
        CommandRun report = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential, "--json");
        CommandRun shown = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential);

        assertThat(beyond.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(beyond.err()).contains("-104 dBm", "fail -105");
        assertThat(farBeyond.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(farBeyond.err()).contains("-104 dBm", "fail -110");
        assertThat(loosened.exitCode()).as(loosened.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode limits = new ObjectMapper().readTree(report.out()).path("linkThresholds");
        assertThat(limits.path("passRssiDbm").asText()).isEqualTo("-95");
        assertThat(limits.path("failRssiDbm").asText()).isEqualTo("-104");
        assertThat(shown.out()).contains("links checked against: signal pass -95 dBm, fail below -104 dBm; ETX pass "
                + "2, fail above 4; routes pass 2, fail below 1.");
    }

    @Test
    void runsTheDayToASignedReportThatReachesTheCloud() throws IOException, SQLException {
        plannedSite();
        assign("C001", HOUSE_METER);
        assign("C002", SHOP_METER);
        assign("C003", MILL_METER);
        String credential = Credentials.write(home, "technician.json", DemoOperator.issue("tech-1", "Technician",
                Role.TECHNICIAN, List.of(SITE_ID), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));

        CommandRun links = CommandRun.of("commission", "check-links", "--site", site.toString());
        CommandRun dryRun = CommandRun.of("commission", "dry-run", "--site", site.toString(), "--from",
                "2026-12-07", "--json");
        CommandRun early = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential);
        try (SiteStore store = SiteStore.openExisting(site)) {
            // What the gateway's go-live records (commission run or the screen); this test has no gateway.
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }
        CommandRun report = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential, "--json");
        CommandRun again = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential, "--json");
        CommandRun verify = CommandRun.of("commission", "verify-report", "--site", site.toString(),
                "--credential", credential);

        assertThat(links.exitCode()).as(links.err()).isZero();
        assertThat(links.out()).containsPattern(MILL_METER + "\\s+attention").contains("Move or raise the antenna");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(new ObjectMapper().readTree(dryRun.out())).hasSize(3);
        assertThat(early.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(early.err()).contains("[NOT_READY]").contains("not gone live");
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode made = new ObjectMapper().readTree(report.out());
        assertThat(made.path("customers").asInt()).isEqualTo(3);
        assertThat(made.path("assigned").asInt()).isEqualTo(3);
        assertThat(made.path("madeNow").asBoolean()).isTrue();
        JsonNode kept = new ObjectMapper().readTree(again.out());
        assertThat(kept.path("madeNow").asBoolean()).isFalse();
        assertThat(kept.path("reportId").asText()).isEqualTo(made.path("reportId").asText());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("signature holds");
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.commission().progress()).extracting(StepRecord::step).containsExactly(
                    CommissionStep.SITE, CommissionStep.CUSTOMERS, CommissionStep.ASSIGN, CommissionStep.LINK_CHECK,
                    CommissionStep.DRY_RUN, CommissionStep.GO_LIVE, CommissionStep.REPORT);
        }

        try (CloudServer cloud = CloudServer.start(home.resolve("cloud"), CloudFaults.none())) {
            String supervisor = Credentials.write(home, "supervisor.json",
                    DemoOperator.supervisorFor(SITE_ID, Instant.now()));
            CommandRun sync = CommandRun.of("sync", "--site", site.toString(), "--cloud", cloud.url(), "--pin",
                    cloud.pin(), "--credential", supervisor);

            assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
            assertThat(cloud.commissionReports(SITE_ID)).singleElement()
                    .satisfies(item -> assertThat(item.reportId()).isEqualTo(made.path("reportId").asText()));
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + site);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE commission_report SET signature = zeroblob(64)");
        }
        CommandRun tampered = CommandRun.of("commission", "verify-report", "--site", site.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(tampered.err()).contains("[REPORT_SIGNATURE]");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + site);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE commission_report SET signed = signed || x'00'");
        }
        CommandRun altered = CommandRun.of("commission", "verify-report", "--site", site.toString());
        assertThat(altered.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(altered.err()).contains("[REPORT_SIGNATURE]").doesNotContain("UNEXPECTED");
    }

    @Test
    void verifyWithAnotherTechniciansCredentialNamesTheSignerAndDoesNotCallTheReportAltered() throws IOException {
        plannedSite();
        assign("C001", HOUSE_METER);
        String credential = Credentials.write(home, "technician.json", DemoOperator.issue("tech-1", "Technician",
                Role.TECHNICIAN, List.of(SITE_ID), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(SITE_ID, Instant.now()));
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }
        assertThat(report(credential).exitCode()).isZero();

        CommandRun verify = CommandRun.of("commission", "verify-report", "--site", site.toString(),
                "--credential", supervisor);

        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.out()).contains("signed by tech-1").contains("made by tech-1's key, NOT BY")
                .doesNotContain("SIGNATURE DOES NOT HOLD");
        assertThat(verify.err()).contains("[REPORT_OTHER_SIGNER]").contains("signed by another key")
                .doesNotContain("altered: report it to support");
    }

    @Test
    void reportAgainKeepsAnUnchangedReportOnceAndVerifyListsEveryAlteredReport() throws IOException, SQLException {
        plannedSite();
        assign("C001", HOUSE_METER);
        String credential = Credentials.write(home, "technician.json", DemoOperator.issue("tech-1", "Technician",
                Role.TECHNICIAN, List.of(SITE_ID), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }

        JsonNode first = new ObjectMapper().readTree(report(credential, "--again").out());
        JsonNode unchanged = new ObjectMapper().readTree(report(credential, "--again").out());
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().saveRelayTest(new RelayTest(HOUSE_METER, RelayState.OFF, RelayState.ON,
                    Instant.parse("2026-12-01T09:00:00Z"), ""));
        }
        JsonNode changed = new ObjectMapper().readTree(report(credential, "--again").out());

        assertThat(first.path("madeNow").asBoolean()).isTrue();
        assertThat(unchanged.path("madeNow").asBoolean()).isFalse();
        assertThat(unchanged.path("reportId").asText()).isEqualTo(first.path("reportId").asText());
        assertThat(changed.path("madeNow").asBoolean()).isTrue();
        assertThat(changed.path("reportId").asText()).isNotEqualTo(first.path("reportId").asText());
        try (SiteStore store = SiteStore.openExisting(site)) {
            assertThat(store.commission().reports()).hasSize(2);
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + site);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE commission_report SET signature = zeroblob(64) WHERE report_id = '"
                    + first.path("reportId").asText() + "'");
            statement.executeUpdate("UPDATE commission_report SET signed = signed || x'00' WHERE report_id = '"
                    + changed.path("reportId").asText() + "'");
        }
        CommandRun verify = CommandRun.of("commission", "verify-report", "--site", site.toString());
        CommandRun afterAltered = CommandRun.of("commission", "report", "--site", site.toString(), "--credential",
                credential, "--again", "--json");

        assertThat(afterAltered.exitCode()).as(afterAltered.err()).isZero();
        assertThat(new ObjectMapper().readTree(afterAltered.out()).path("madeNow").asBoolean()).isTrue();
        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.out()).contains(first.path("reportId").asText() + " " + SITE_ID)
                .contains("SIGNATURE DOES NOT HOLD").contains(changed.path("reportId").asText() + ": ALTERED");
        assertThat(verify.err()).contains("2 of 2 reports fail").contains("[REPORT_SIGNATURE]");
    }

    @Test
    void refusesEveryChangeToWhatTheGatewayWasGivenAfterGoLiveAndKeepsTheReport() throws IOException {
        plannedSite();
        assign("C001", HOUSE_METER);
        assign("C002", SHOP_METER);
        String credential = Credentials.write(home, "technician.json", DemoOperator.issue("tech-1", "Technician",
                Role.TECHNICIAN, List.of(SITE_ID), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.commission().markDone(CommissionStep.GO_LIVE, Instant.now(), "test");
        }
        JsonNode live = new ObjectMapper().readTree(report(credential).out());
        Path csv = write("later.csv", HEADER + "C001,Amina,,,HOUSEHOLD,lifeline,999,\n");
        Path tariff = write("later.json",
                TariffFile.write(TariffSchedule.flat(new Tariff("lifeline", "KES", 9_000, 0, 5_000))));

        List<CommandRun> refused = List.of(
                CommandRun.of("commission", "assign", "--site", site.toString(), "--customer", "C001",
                        "--take-back"),
                assign("C001", MILL_METER),
                assign("C003", MILL_METER),
                CommandRun.of("commission", "assign", "--site", site.toString(), "--planned"),
                CommandRun.of("commission", "customers", "--site", site.toString(), "--csv", csv.toString()),
                addCustomer("C009", "+254712345670"),
                CommandRun.of("commission", "tariffs", "--site", site.toString(), tariff.toString()));
        JsonNode again = new ObjectMapper().readTree(report(credential, "--again").out());

        for (CommandRun run : refused) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.err()).contains("[NOT_READY]").doesNotContain("UNEXPECTED");
        }
        assertThat(refused.get(0).err()).contains("commissioning record is closed");
        assertThat(again.path("madeNow").asBoolean()).isFalse();
        assertThat(again.path("reportId").asText()).isEqualTo(live.path("reportId").asText());
        assertThat(again.path("signed").asText()).isEqualTo(live.path("signed").asText());
        try (SiteStore store = SiteStore.openExisting(site)) {
            assertThat(store.commission().assignments()).extracting(a -> a.customerId() + "=" + a.meterId())
                    .containsExactly("C001=" + HOUSE_METER, "C002=" + SHOP_METER);
            assertThat(store.commission().customers()).extracting(c -> c.openingBalanceMinor())
                    .containsExactly(15_050L, 50_000L, 200_000L);
            assertThat(store.commission().reports()).hasSize(1);
        }
    }

    private CommandRun report(String credential, String... more) {
        List<String> all = new ArrayList<>(List.of("commission", "report", "--site", site.toString(),
                "--credential", credential, "--json"));
        all.addAll(List.of(more));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private CommandRun createSite() {
        return CommandRun.of("commission", "create-site", "--site", site.toString(), "--id", SITE_ID, "--name",
                "Kisumu Seven", "--operator", "Lakeside Power", "--currency", "KES", "--zone", "Africa/Nairobi",
                "--holidays", "2026-12-25,2026-12-12", "--location", "-0.1022,34.7617");
    }

    private void tariffs() throws IOException {
        Path lifeline = write("lifeline.json",
                TariffFile.write(TariffSchedule.flat(new Tariff("lifeline", "KES", 2_500, 1_000, 5_000))));
        Path business = write("business.json",
                TariffFile.write(TariffSchedule.flat(new Tariff("business", "KES", 3_000, 0, 5_000))));
        CommandRun run = CommandRun.of("commission", "tariffs", "--site", site.toString(), lifeline.toString(),
                business.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** A site with its tariffs, three customers and three meters that joined, as the gateway would list them. */
    private void plannedSite() throws IOException {
        createSite();
        tariffs();
        Path csv = write("customers.csv", HEADER + "C001,Amina,+254712345678,,HOUSEHOLD,lifeline,150.50,\n"
                + "C002,Baraka's shop,,Market,SHOP,business,500,\n"
                + "C003,Chebet's mill,,Road 4,MILL,business,2000,\n");
        CommandRun customers = CommandRun.of("commission", "customers", "--site", site.toString(), "--csv",
                csv.toString());
        assertThat(customers.exitCode()).as(customers.err()).isZero();
        Instant joined = Instant.parse("2026-12-01T08:00:00Z");
        try (SiteStore store = SiteStore.open(site)) {
            store.commission().saveJoined(List.of(
                    new JoinedMeter(HOUSE_METER, "mtr-r2", 1, "1.4.0", -0.1020, 34.7617, -70, -72, 1.1, 3, 1, joined),
                    new JoinedMeter(SHOP_METER, "mtr-r2", 1, "1.4.0", -0.1030, 34.7620, -75, -78, 1.3, 2, 1, joined),
                    new JoinedMeter(MILL_METER, "mtr-3p", 3, "1.4.0", -0.1200, 34.7700, -93, -88, 1.6, 2, 2,
                            joined)));
        }
    }

    /** Meters that joined with good links: serial and phases, twice. */
    private void joined(String first, int firstPhases, String second, int secondPhases) {
        Instant joined = Instant.parse("2026-12-01T08:00:00Z");
        try (SiteStore store = SiteStore.open(site)) {
            store.commission().saveJoined(List.of(
                    new JoinedMeter(first, "mtr-r2", firstPhases, "1.4.0", -0.1, 34.76, -70, -70, 1.1, 3, 1, joined),
                    new JoinedMeter(second, "mtr-r2", secondPhases, "1.4.0", -0.1, 34.76, -70, -70, 1.1, 3, 1,
                            joined)));
        }
    }

    private CommandRun addCustomer(String id, String phone) {
        return CommandRun.of("commission", "add-customer", "--site", site.toString(), "--id", id, "--name",
                "Amina \"Mama\" Otieno", "--phone", phone, "--address", "Plot 4, Kisumu Road", "--category",
                "household", "--tariff", "lifeline", "--opening", "25.50");
    }

    private CommandRun assign(String customer, String scan) {
        return CommandRun.of("commission", "assign", "--site", site.toString(), "--customer", customer, "--meter",
                scan);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(home.resolve(name), text);
    }
}
