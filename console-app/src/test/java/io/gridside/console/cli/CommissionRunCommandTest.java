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
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("done: GATEWAY").contains("done: PACK").contains("Stopped at");
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
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("done: GATEWAY").contains("done: CUSTOMERS")
                .contains("done: ASSIGN");
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().joined()).hasSize(8);
            assertThat(store.commission().assignments()).hasSize(8);
        }
        CommandRun progress = CommandRun.of("commission", "progress", "--site", database.toString());
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        assertThat(CommandRun.of("commission", "joined", "--site", database.toString()).out()).contains(
                joined.get(0).get("meterId").asText());
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
