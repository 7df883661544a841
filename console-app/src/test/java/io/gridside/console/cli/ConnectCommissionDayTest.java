package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
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

/**
 * A small fresh site commissioned by the command line alone, part by part, then billed and audited: the site
 * database that {@code commission create-site} made is the one the live site's sessions use, so the audit pulls
 * into it, beside its commissioning history, and agrees with the gateway.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConnectCommissionDayTest {

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
    void aSiteCommissionedByTheCommandLineIsAuditedInTheDatabaseCommissioningMade() throws IOException {
        CommandRun created = CommandRun.of("commission", "create-site", "--id", FreshGatewayCli.SITE, "--name",
                "Kisima", "--operator", "Kisima Power", "--currency", "KES", "--zone", "Africa/Nairobi",
                "--location", "-0.45,36.9");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(connect("commission", "setup", "--pack", fresh.pack().toString()).exitCode()).isZero();
        fresh.clock.advance(Duration.ofMinutes(10));
        JsonNode joined = JSON.readTree(connect("commission", "joined", "--json").out());
        loadCustomers(joined);
        for (int i = 0; i < joined.size(); i++) {
            CommandRun assigned = connect("commission", "assign", "--meter", joined.get(i).get("meterId").asText(),
                    "--customer", "KS-" + i);
            assertThat(assigned.exitCode()).as(assigned.err()).isZero();
        }

        CommandRun live = connect("commission", "go-live", "--json");
        CommandRun report = offline("report", "--credential", fresh.credential, "--json");
        fresh.advance(Duration.ofHours(6));
        CommandRun audit = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit");

        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(JSON.readTree(live.out()).get("customers").asInt()).isEqualTo(joined.size());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(JSON.readTree(report.out()).get("assigned").asInt()).isEqualTo(joined.size());
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).doesNotContain("gateway ?").contains("KS-0")
                .containsPattern("Audit: (all \\d+ ledger entries|checked \\d+ ledger entries, up to)")
                .contains("Every cash, void, correction and opening entry traces to a signed command.");
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.commission().progress()).extracting(StepRecord::step)
                    .containsExactly(CommissionStep.values());
            assertThat(store.ledger().size()).isGreaterThan(joined.size());
        }
        try (var sites = Files.list(database.getParent())) {
            assertThat(sites.filter(file -> file.toString().endsWith(".db"))).containsExactly(database);
        }
    }

    /** A plan of one household or mill a meter, as its phases need, each opening at KES 100.00. */
    private void loadCustomers(JsonNode joined) throws IOException {
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < joined.size(); i++) {
            String category = joined.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(',').append(FreshGatewayCli.TARIFF).append(",100.00,\n");
        }
        Path customers = Files.writeString(home.resolve("customers.csv"), csv);
        CommandRun loaded = offline("customers", "--csv", customers.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
    }

    private CommandRun offline(String... args) {
        List<String> all = new ArrayList<>(List.of("commission"));
        all.addAll(List.of(args));
        all.addAll(List.of("--site", database.toString()));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private CommandRun connect(String... args) {
        List<String> all = new ArrayList<>(List.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential));
        all.addAll(List.of(args));
        all.addAll(List.of("--site", database.toString()));
        return CommandRun.of(all.toArray(String[]::new));
    }
}
