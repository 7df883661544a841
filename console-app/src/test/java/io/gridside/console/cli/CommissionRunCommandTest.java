package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridside commission run}: the screen's steps from the command line, on one site database. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionRunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER =
            "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n";

    @TempDir
    Path home;

    private FreshGatewayCli fresh;

    @BeforeEach
    void startFreshGateway() throws IOException {
        fresh = new FreshGatewayCli(home);
    }

    @AfterEach
    void stop() {
        fresh.close();
    }

    @Test
    void theGatewaysStepsAreKeptInTheSiteDatabaseAndASecondRunRepeatsNothing() throws IOException {
        Path pack = fresh.pack();
        Path database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, "kisima-7");
        CommandRun tariffs = CommandRun.of("commission", "tariffs", "--site", database.toString(),
                home.resolve("tariff.json").toString());
        assertThat(tariffs.exitCode()).as(tariffs.err()).isZero();

        CommandRun first = run(database, "--gateway", "tcp=" + fresh.tcp, "--pack", pack.toString());
        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(first.out()).contains("done: GATEWAY").contains("done: PACK");
        assertThat(first.err()).contains("Stopped at CUSTOMERS").contains("[COMMISSION_STEP_WAITING]");
        assertThat(doneSteps(database)).contains(CommissionStep.SITE, CommissionStep.GATEWAY, CommissionStep.PACK);

        fresh.clock.advance(Duration.ofMinutes(30));
        JsonNode joined = JSON.readTree(CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "commission", "joined", "--site", database.toString(), "--json").out());
        assertThat(joined.size()).isEqualTo(8);
        Path customers = home.resolve("customers.csv");
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < joined.size(); i++) {
            String category = joined.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(",flat-kisima,100.00,").append(joined.get(i).get("meterId").asText())
                    .append('\n');
        }
        Files.writeString(customers, csv);

        CommandRun second = run(database, "--customers", customers.toString());
        assertThat(second.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(second.err()).contains("Stopped at").contains("[COMMISSION_STEP_WAITING]");
        assertThat(second.out()).doesNotContain("done: GATEWAY").contains("done: CUSTOMERS")
                .contains("done: ASSIGN");
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().joined()).hasSize(8);
            assertThat(store.commission().assignments()).hasSize(8);
        }
        CommandRun progress = CommandRun.of("commission", "progress", "--site", database.toString());
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        assertThat(progress.out()).as("money as money").contains("8 opening balances, KES 800.00 in all")
                .doesNotContain("minor units");
        assertThat(CommandRun.of("commission", "joined", "--site", database.toString()).out()).contains(
                joined.get(0).get("meterId").asText());
        String listed = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "commission",
                "joined", "--site", database.toString()).out();
        assertThat(listed).as("join times in the site's time").containsPattern("joined \\d{4}-\\d{2}-\\d{2} "
                + "\\d{2}:\\d{2} [A-Z]+").doesNotContainPattern("joined \\S+Z");
    }

    @Test
    void aBadCustomersFileStopsOnlyItsOwnStepAndARunListsEveryStepItDid() throws IOException {
        Path pack = fresh.pack();
        Path database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, "kisima-7");
        Path bad = Files.writeString(home.resolve("bad.csv"), HEADER
                + "KS-0,Customer 0,,Plot 0,HOUSEHOLD,flat-kisima,-5.00,\n");

        CommandRun first = run(database, "--gateway", "tcp=" + fresh.tcp, "--pack", pack.toString(), "--customers",
                bad.toString());
        fresh.clock.advance(Duration.ofMinutes(30));
        Path plan = plan(database, "first.csv");
        CommandRun loaded = CommandRun.of("commission", "customers", "--site", database.toString(), "--csv",
                plan.toString());
        Path corrected = Files.copy(plan, home.resolve("second.csv"));
        CommandRun live = run(database, "--customers", corrected.toString(), "--go-live");

        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(first.out()).contains("done: GATEWAY").contains("done: PACK");
        assertThat(first.err()).contains("line 2").contains("[CSV_INVALID]");
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(live.exitCode()).as(live.out() + live.err()).isZero();
        assertThat(live.out()).contains("done: ASSIGN").contains("done: LINK_CHECK").contains("done: GO_LIVE")
                .contains("done: REPORT").contains("Every step is done");
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().progress()).filteredOn(step -> step.step() == CommissionStep.CUSTOMERS)
                    .singleElement().extracting(StepRecord::detail).asString().endsWith("from second.csv");
        }
    }

    @Test
    void aPlannedMeterOfTheWrongTypeStopsTheRunWithTheRefusalsOwnReason() throws IOException {
        Path pack = fresh.pack();
        Path database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, "kisima-7");
        run(database, "--gateway", "tcp=" + fresh.tcp, "--pack", pack.toString());
        fresh.clock.advance(Duration.ofMinutes(30));
        Path plan = plan(database, "plan.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(plan));
        int household = 1;
        while (!lines.get(household).contains(",HOUSEHOLD,")) {
            household++;
        }
        lines.set(household, lines.get(household).replace(",HOUSEHOLD,", ",MILL,"));
        Files.write(plan, lines);

        CommandRun stopped = run(database, "--customers", plan.toString());

        assertThat(stopped.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(stopped.err()).contains("Stopped at ASSIGN").contains("[METER_TYPE]")
                .contains("is a MILL, which needs a 3-phase meter").doesNotContain("wait for it to join the mesh");
    }

    @Test
    void aFailingLinkCheckAfterTheStepWasDoneHoldsGoLiveAndNamesTheFailingMeters() throws IOException {
        Path database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, "kisima-7");
        run(database, "--gateway", "tcp=" + fresh.tcp, "--pack", fresh.pack().toString());
        fresh.clock.advance(Duration.ofMinutes(30));
        CommandRun toGoLive = run(database, "--customers", plan(database, "plan.csv").toString());
        assertThat(toGoLive.err()).contains("Stopped at GO_LIVE");
        assertThat(doneSteps(database)).contains(CommissionStep.LINK_CHECK);

        CommandRun strict = CommandRun.of("commission", "check-links", "--site", database.toString(),
                "--pass-rssi", "-10", "--fail-rssi", "-20");
        List<CommissionStep> afterStrict = doneSteps(database);
        CommandRun goLive = goLive(database);
        try (SiteStore store = SiteStore.openExisting(database)) {
            // As a database whose step was recorded done before the latest check counted: go-live checks again.
            store.commission().markDone(CommissionStep.LINK_CHECK, Instant.now(), "checked earlier");
        }
        CommandRun goLiveOnAStaleStep = goLive(database);

        assertThat(strict.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(strict.err()).contains("[LINKS_FAIL]");
        assertThat(afterStrict).doesNotContain(CommissionStep.LINK_CHECK);
        assertThat(goLive.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(goLive.err()).contains("LINK_CHECK").contains("too weak to go live")
                .contains("[" + ConnectCommissionCommand.STEP_WAITING + "]");
        assertThat(goLiveOnAStaleStep.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(goLiveOnAStaleStep.err()).contains("GO_LIVE").contains("too weak to go live");
        try (SiteStore store = SiteStore.openExisting(database)) {
            String firstMeter = store.commission().assignments().get(0).meterId();
            assertThat(goLive.err()).contains(firstMeter);
            assertThat(goLiveOnAStaleStep.err()).contains(firstMeter);
        }
        assertThat(doneSteps(database)).doesNotContain(CommissionStep.GO_LIVE);
    }

    private CommandRun goLive(Path database) {
        return CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "commission",
                "go-live", "--site", database.toString());
    }

    /** A customers file {@code name} of one customer for each meter that joined, a mill on a three-phase one. */
    private Path plan(Path database, String name) throws IOException {
        JsonNode joined = JSON.readTree(CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "commission", "joined", "--site", database.toString(), "--json").out());
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < joined.size(); i++) {
            String category = joined.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(",flat-kisima,100.00,").append(joined.get(i).get("meterId").asText())
                    .append('\n');
        }
        return Files.writeString(home.resolve(name), csv);
    }

    private List<CommissionStep> doneSteps(Path database) {
        try (SiteStore store = SiteStore.openExisting(database)) {
            return store.commission().progress().stream().map(StepRecord::step).toList();
        }
    }

    private CommandRun run(Path database, String... args) {
        List<String> all = new ArrayList<>(List.of("commission", "run", "--site", database.toString(),
                "--credential", fresh.credential));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }
}
