package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.Formats;
import io.gridside.console.service.AppDirs;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside connect ... commission ...} over loopback TCP against a factory-fresh simulated gateway: each
 * part of the day runs the commissioning steps on the site database that {@code commission create-site} made, so
 * that the offline commands see what the gateway did, and the plan's and the scanner's rules hold online too. That
 * database is the site's own, so the live site's first audit pulls into it, beside its commissioning history.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConnectCommissionCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private FreshGatewayCli fresh;
    private Path database;

    @BeforeEach
    void startFreshGateway() throws IOException {
        fresh = new FreshGatewayCli(home);
        database = AppDirs.forCurrentUser().siteDatabase(FreshGatewayCli.SITE);
    }

    @AfterEach
    void stop() {
        fresh.close();
    }

    @Test
    void createSiteMakesTheSitesOwnDatabaseInTheDataFolder() {
        CommandRun created = createSite();

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains(database.toString());
        assertThat(database).isRegularFile();
    }

    @Test
    void setupOfADatabaseOutsideTheDataFolderSaysWhereTheLiveSiteIsLookedFor() throws IOException {
        Path elsewhere = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(elsewhere, FreshGatewayCli.SITE);

        CommandRun setup = connect(elsewhere, "commission", "setup", "--pack", fresh.pack().toString());

        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("Note: later sessions with the live site use " + database);
    }

    @Test
    void theGatewaysPartsAreRecordedInTheSiteDatabaseForTheOfflineCommands() throws IOException {
        createSite();
        Path pack = fresh.pack();
        CommandRun setup = connect("commission", "setup", "--pack", pack.toString(), "--json");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(json(setup).get("siteId").asText()).isEqualTo(FreshGatewayCli.SITE);
        assertThat(json(setup).get("repeated").asBoolean()).isFalse();
        assertThat(json(connect("commission", "setup", "--pack", pack.toString(), "--json"))
                .get("repeated").asBoolean()).isTrue();
        assertThat(connect("commission", "setup", "--pack", pack.toString()).out())
                .contains("Gateway key " + json(setup).get("gatewayKey").asText() + ", pinned for site "
                        + FreshGatewayCli.SITE);

        fresh.clock.advance(Duration.ofMinutes(10));
        JsonNode joined = json(connect("commission", "joined", "--json"));
        assertThat(joined.size()).isEqualTo(8);
        CommandRun offlineJoined = offline("joined");
        assertThat(offlineJoined.out()).contains(joined.get(0).get("meterId").asText());
        CommandRun progress = offline("progress");
        CommandRun links = offline("check-links");

        assertThat(progress.exitCode()).as(progress.err()).isZero();
        assertThat(progress.out()).containsPattern("PACK +done");
        assertThat(links.exitCode()).as(links.err()).isZero();
        assertThat(links.out()).contains(joined.get(0).get("meterId").asText());
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().progress()).extracting(StepRecord::step).containsExactly(
                    CommissionStep.SITE, CommissionStep.GATEWAY, CommissionStep.PACK, CommissionStep.LINK_CHECK);
            assertThat(store.commission().joined()).hasSize(8);
            assertThat(store.commission().tariffs()).singleElement()
                    .satisfies(tariff -> assertThat(tariff.tariffId()).isEqualTo(FreshGatewayCli.TARIFF));
            assertThat(store.gatewayId()).contains(json(setup).get("gatewayId").asText());
        }
    }

    @Test
    void assignOnlineFollowsThePlanAndTheScannerRules() throws IOException {
        List<String> meters = setUpWithPlan();
        String first = meters.get(0);
        String dashed = meters.get(1).substring(0, 2) + "-" + meters.get(1).substring(2, 6) + "-"
                + meters.get(1).substring(6);
        String mistyped = mistyped(first);

        CommandRun qr = connect("commission", "assign", "--meter", "gridside:meter?serial=" + first + "&hw=mtr-r2",
                "--customer", "KS-0", "--json");
        CommandRun again = connect("commission", "assign", "--meter", first, "--customer", "KS-0", "--json");
        CommandRun scanner = connect("commission", "assign", "--meter", "]C0" + dashed, "--customer", "KS-1");
        CommandRun badDigit = connect("commission", "assign", "--meter", mistyped, "--customer", "KS-2");
        CommandRun notPlanned = connect("commission", "assign", "--meter", meters.get(2), "--customer", "KS-9");
        CommandRun taken = connect("commission", "assign", "--meter", first, "--customer", "KS-2");
        CommandRun askedAgain = connect("commission", "assign", "--meter", first, "--customer", "KS-0", "--name",
                "Someone", "--tariff", FreshGatewayCli.TARIFF);

        assertThat(qr.exitCode()).as(qr.err()).isZero();
        assertThat(json(qr).get("name").asText()).isEqualTo("Customer 0");
        assertThat(json(qr).get("tariffId").asText()).isEqualTo(FreshGatewayCli.TARIFF);
        assertThat(json(qr).get("openingBalanceMinor").asLong()).isEqualTo(10_000);
        assertThat(json(qr).get("repeated").asBoolean()).isFalse();
        assertThat(json(again).get("repeated").asBoolean()).isTrue();
        assertThat(scanner.exitCode()).as(scanner.err()).isZero();
        assertThat(scanner.out()).contains(meters.get(1)).contains("Customer 1");
        assertThat(badDigit.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(badDigit.err()).contains("[SERIAL_CHECK_DIGIT]").doesNotContain("UNKNOWN_METER");
        assertThat(notPlanned.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(notPlanned.err()).contains("[CUSTOMER_UNKNOWN]");
        assertThat(taken.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(taken.err()).contains("[METER_TAKEN]");
        assertThat(askedAgain.exitCode()).isEqualTo(ExitCode.USAGE);
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().assignments()).extracting(a -> a.customerId() + "=" + a.meterId())
                    .containsExactly("KS-0=" + first, "KS-1=" + meters.get(1));
        }
        CommandRun offline = offline("assign", "--customer", "KS-2", "--meter", meters.get(2));
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(doneSteps()).contains(CommissionStep.ASSIGN);
    }

    @Test
    void goLiveRunsTheChecksBeforeItAndWaitsForAFailedRelay() throws IOException {
        List<String> meters = setUpWithPlan();
        for (int i = 0; i < meters.size(); i++) {
            assertThat(connect("commission", "assign", "--meter", meters.get(i), "--customer", "KS-" + i)
                    .exitCode()).isZero();
        }
        fresh.site.gateway().jamRelay(meters.get(2));

        CommandRun tested = connect("commission", "relay-test", "--meter", meters.get(0));
        fresh.clock.advance(Duration.ofMinutes(5));
        CommandRun testedAgain = connect("commission", "relay-test", "--meter", meters.get(0));
        CommandRun jammed = connect("commission", "relay-test", "--meter", meters.get(2), "--json");
        CommandRun jammedAgain = connect("commission", "relay-test", "--meter", meters.get(2), "--json");
        CommandRun waiting = connect("commission", "go-live");

        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.out()).contains("passed: OFF when told").doesNotContain("tested before");
        assertThat(testedAgain.exitCode()).as(testedAgain.err()).isZero();
        assertThat(testedAgain.out()).contains("was tested before, at ").contains("EAT, and passed")
                .contains("not switched again");
        assertThat(jammed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(json(jammed).get("passed").asBoolean()).isFalse();
        assertThat(json(jammed).get("testedBeforeAt").isNull()).isTrue();
        assertThat(jammedAgain.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(Instant.parse(json(jammedAgain).get("testedBeforeAt").asText()))
                .isEqualTo(Instant.parse(json(jammed).get("testedAt").asText()).truncatedTo(ChronoUnit.MILLIS));
        assertThat(json(jammedAgain).get("repeated").asBoolean()).isFalse();
        assertThat(waiting.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(waiting.err()).contains("RELAY_TEST").contains("[" + ConnectCommissionCommand.STEP_WAITING + "]");
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().relayTests()).extracting(RelayTest::meterId)
                    .containsExactlyInAnyOrderElementsOf(meters);
            assertThat(store.commission().relayTests()).filteredOn(RelayTest::passed).hasSize(2);
        }
        assertThat(json(connect("commission", "status", "--json")).get("gateway").get("liveAt").isNull()).isTrue();
    }

    @Test
    void aSiteCommissionedPartByPartIsAuditedInTheDatabaseCommissioningMade() throws IOException {
        createSite();
        assertThat(connect("commission", "setup", "--pack", fresh.pack().toString()).exitCode()).isZero();
        fresh.clock.advance(Duration.ofMinutes(10));
        JsonNode joined = json(connect("commission", "joined", "--json"));
        List<JsonNode> meters = new ArrayList<>();
        joined.forEach(meters::add);
        loadPlan(meters);
        for (int i = 0; i < meters.size(); i++) {
            CommandRun assigned = connect("commission", "assign", "--meter", meters.get(i).get("meterId").asText(),
                    "--customer", "KS-" + i);
            assertThat(assigned.exitCode()).as(assigned.err()).isZero();
        }

        CommandRun live = connect("commission", "go-live", "--json");
        CommandRun liveAgain = connect("commission", "go-live", "--json");
        CommandRun report = offline("report", "--credential", fresh.credential, "--json");
        fresh.advance(Duration.ofHours(6));
        CommandRun audit = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit");

        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(json(live).get("customers").asInt()).isEqualTo(meters.size());
        assertThat(json(liveAgain).get("repeated").asBoolean()).isTrue();
        assertThat(json(liveAgain).get("liveAt").asText()).isEqualTo(json(live).get("liveAt").asText());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(json(report).get("assigned").asInt()).isEqualTo(meters.size());
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).doesNotContain("gateway ?").contains("KS-0")
                .containsPattern("Audit: (all \\d+ ledger entries|checked \\d+ ledger entries, up to)")
                .contains("Every cash, void and correction entry, and every opening balance after the site's own at "
                        + "go-live, traces to a signed command.");
        assertThat(doneSteps()).containsExactly(CommissionStep.values());
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.ledger().size()).isGreaterThan(meters.size());
        }
        try (var sites = Files.list(database.getParent())) {
            assertThat(sites.filter(file -> file.toString().endsWith(".db"))).containsExactly(database);
        }
    }

    @Test
    void aLiveSitesMeterIsNamedByTheSerialOnItsLabelWhereverItsIdWouldDo() throws IOException {
        List<String> serials = goLive();
        String labelled = serials.get(1).substring(0, 2) + "-" + serials.get(1).substring(2, 6) + "-"
                + serials.get(1).substring(6).toLowerCase(Locale.ROOT);

        CommandRun topUp = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "topup",
                "--meter", labelled, "--amount", "50", "--reference", "R-LABEL-1", "--json");
        CommandRun audit = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit");
        CommandRun statement = CommandRun.of("bill", "statement", "--site", database.toString(), "--meter",
                serials.get(2), "--json");
        CommandRun unknown = CommandRun.of("bill", "statement", "--site", database.toString(), "--meter",
                "GS004200017");

        assertThat(topUp.exitCode()).as(topUp.err()).isZero();
        assertThat(json(topUp).get("customerId").asText()).isEqualTo("KS-1");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(statement.exitCode()).as(statement.err()).isZero();
        assertThat(json(statement).get("customerId").asText()).isEqualTo("KS-2");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unknown.err()).contains("GS004200017");
    }

    @Test
    void aLiveSitesSerialWithAWrongCheckDigitIsRefusedForItNotAsAnUnknownCustomer() throws IOException {
        List<String> serials = goLive();
        String mistyped = mistyped(serials.get(1));
        assertThat(CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit")
                .exitCode()).isZero();

        CommandRun topUp = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "topup",
                "--meter", mistyped, "--amount", "50", "--reference", "R-MISTYPED-1");
        CommandRun statement = CommandRun.of("bill", "statement", "--site", database.toString(), "--meter",
                mistyped);

        assertThat(topUp.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(topUp.errLines()).singleElement().asString().contains(mistyped).endsWith("[SERIAL_CHECK_DIGIT]")
                .doesNotContain("CASH_UNKNOWN_CUSTOMER");
        assertThat(statement.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(statement.errLines()).singleElement().asString().endsWith("[SERIAL_CHECK_DIGIT]");
    }

    @Test
    void aStatementPulledRightAfterACashTopUpShowsTheCashNotYetPosted() throws IOException {
        goLive();
        CommandRun topUp = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "topup",
                "--customer", "KS-1", "--amount", "50", "--reference", "R-PENDING-1", "--json");
        assertThat(topUp.exitCode()).as(topUp.err()).isZero();
        String receipt = json(topUp).get("receipt").asText();

        CommandRun audit = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit");
        CommandRun statement = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer",
                "KS-1");
        CommandRun statementJson = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer",
                "KS-1", "--json");
        fresh.advance(Duration.ofMinutes(30));
        CommandRun laterAudit = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "audit");
        CommandRun later = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer", "KS-1",
                "--json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(statement.exitCode()).as(statement.err()).isZero();
        assertThat(statement.out()).contains("Cash taken and not yet posted").contains(receipt)
                .contains("R-PENDING-1").contains("50.00");
        assertThat(json(statementJson).get("pendingCashMinor").asLong()).isEqualTo(5_000);
        assertThat(json(statementJson).get("pendingCash").get(0).get("receipt").asText()).isEqualTo(receipt);
        assertThat(laterAudit.exitCode()).as(laterAudit.out() + laterAudit.err()).isZero();
        assertThat(json(later).get("pendingCashMinor").asLong()).as("posted by now").isZero();
        assertThat(json(later).get("totals").get("topUpsMinor").asLong()).isEqualTo(5_000);
    }

    @Test
    void refusesAPackForAnotherSiteAGoLiveBeforeSetupAndAGatewayNotThere() throws IOException {
        Path other = home.resolve("other.db");
        FreshGatewayCli.createSite(other, "other-site");

        CommandRun early = connect(other, "commission", "go-live");
        CommandRun wrongSite = connect(other, "commission", "setup", "--pack", fresh.pack().toString());
        CommandRun noSite = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "commission", "go-live");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CommandRun unreachable = CommandRun.of("connect", "--tcp", "127.0.0.1:" + closedPort, "--credential",
                fresh.credential, "--timeout", "2", "commission", "joined", "--site", other.toString());

        assertThat(early.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(early.err()).contains("PACK").contains("[" + ConnectCommissionCommand.STEP_WAITING + "]");
        assertThat(wrongSite.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(wrongSite.err()).contains("COMMISSION_PACK_WRONG_SITE");
        assertThat(noSite.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unreachable.exitCode()).as(unreachable.err()).isEqualTo(ExitCode.UNREACHABLE);
    }

    @Test
    void goLiveNamesTheCredentialTheReportNeedsAndRefusesAnotherMeterAfter() throws IOException {
        List<String> serials = setUpWithPlan();
        for (int i = 0; i < serials.size(); i++) {
            assertThat(connect("commission", "assign", "--meter", serials.get(i), "--customer", "KS-" + i)
                    .exitCode()).isZero();
        }

        CommandRun live = connect("commission", "go-live");
        CommandRun another = connect("commission", "assign", "--meter", serials.get(0), "--customer", "KS-1");
        Path packOfTheDay = fresh.home.resolve(FreshGatewayCli.SITE + ".pack.json");
        CommandRun setUpAgain = connect("commission", "setup", "--pack", packOfTheDay.toString());
        CommandRun report = offline("report", "--credential", fresh.credential, "--json");
        CommandRun liveAgain = connect("commission", "go-live");

        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.out()).contains("Next: gridside commission report --site ")
                .contains(" --credential " + fresh.credential + ".");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(liveAgain.exitCode()).as(liveAgain.err()).isZero();
        assertThat(liveAgain.out()).contains("was live at").contains("report " + json(report).get("reportId")
                .asText() + " is kept already").doesNotContain("Next:");
        assertThat(another.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(another.err()).contains("[NOT_READY]");
        Instant liveAt = Instant.parse(json(connect("commission", "status", "--json")).get("gateway").get("liveAt")
                .asText());
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().progress()).filteredOn(step -> step.step() == CommissionStep.GO_LIVE)
                    .singleElement().extracting(StepRecord::doneAt).as("the gateway's time of go-live")
                    .isEqualTo(liveAt.truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(packOfTheDay).exists();
        assertThat(setUpAgain.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(setUpAgain.err()).contains("commissioning record is closed").contains("[NOT_READY]")
                .contains("went live at " + Formats.siteTime(liveAt, ZoneId.of("Africa/Nairobi")) + ",");
    }

    /** Sets up with the plan, gives each planned customer their meter, goes live and runs an hour on. */
    private List<String> goLive() throws IOException {
        List<String> serials = setUpWithPlan();
        for (int i = 0; i < serials.size(); i++) {
            assertThat(connect("commission", "assign", "--meter", serials.get(i), "--customer", "KS-" + i)
                    .exitCode()).isZero();
        }
        assertThat(connect("commission", "go-live").exitCode()).isZero();
        fresh.advance(Duration.ofHours(1));
        return serials;
    }

    /** {@code serial} with its check digit one higher, as a slip of the finger types it. */
    private static String mistyped(String serial) {
        return serial.substring(0, 10) + (char) ('0' + (serial.charAt(10) - '0' + 1) % 10);
    }

    /**
     * Creates the site, sets the gateway up and loads a plan of three households for the first three single-phase
     * meters whose links pass the default checks; answers their serials in customer order.
     */
    private List<String> setUpWithPlan() throws IOException {
        createSite();
        assertThat(connect("commission", "setup", "--pack", fresh.pack().toString()).exitCode()).isZero();
        fresh.clock.advance(Duration.ofMinutes(10));
        JsonNode joined = json(connect("commission", "joined", "--json"));
        List<JsonNode> good = new ArrayList<>();
        joined.forEach(meter -> {
            if (meter.get("phases").asInt() == 1 && meter.get("upRssiDbm").asDouble() >= -100
                    && meter.get("downRssiDbm").asDouble() >= -100 && meter.get("etx").asDouble() <= 4
                    && meter.get("routes").asInt() >= 1) {
                good.add(meter);
            }
        });
        assertThat(good).as("meters with good links: %s", joined).hasSizeGreaterThanOrEqualTo(3);
        List<JsonNode> planned = good.subList(0, 3);
        loadPlan(planned);
        return planned.stream().map(meter -> meter.get("meterId").asText()).toList();
    }

    /** A plan of one customer a meter, KS-0 up, a mill on a three-phase meter, each opening at KES 100.00. */
    private void loadPlan(List<JsonNode> meters) throws IOException {
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < meters.size(); i++) {
            String category = meters.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(',').append(FreshGatewayCli.TARIFF).append(",100.00,\n");
        }
        Path customers = Files.writeString(home.resolve("customers.csv"), csv);
        CommandRun loaded = offline("customers", "--csv", customers.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
    }

    private List<CommissionStep> doneSteps() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            return store.commission().progress().stream().map(StepRecord::step).toList();
        }
    }

    private CommandRun createSite() {
        return CommandRun.of("commission", "create-site", "--id", FreshGatewayCli.SITE, "--name", "Kisima",
                "--operator", "Kisima Power", "--currency", "KES", "--zone", "Africa/Nairobi", "--location",
                "-0.45,36.9");
    }

    private CommandRun offline(String... args) {
        List<String> all = new ArrayList<>(List.of("commission"));
        all.addAll(List.of(args));
        all.addAll(List.of("--site", database.toString()));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private CommandRun connect(String... args) {
        return connect(database, args);
    }

    private CommandRun connect(Path site, String... args) {
        List<String> all = new ArrayList<>(List.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential));
        all.addAll(List.of(args));
        all.addAll(List.of("--site", site.toString()));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(CommandRun run) throws IOException {
        return JSON.readTree(run.out());
    }
}
