package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code gridside commission run}: the screen's steps from the command line, on one site database. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionRunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OperatorSigningKey OPERATOR = new OperatorSigningKey("kisima-ops", SigningKey.fromSeed(
            ByteString.fromHex("c3".repeat(32))));

    @TempDir
    Path home;

    private String previousHome;
    private FreshSite site;
    private SimClock.Manual clock;
    private String tcp;
    private String credential;

    @BeforeEach
    void startFreshGateway() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        Instant start = Instant.now().minus(Duration.ofHours(1));
        clock = SimClock.manual(start);
        site = FreshSite.start(new FreshGateway(new SiteSpec(8, 5, 0, start), clock));
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        credential = Credentials.write(home, "technician.json", OPERATOR.issue("T-5", "Pendo", Role.TECHNICIAN,
                List.of("kisima-7"), Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(10), Map.of()));
    }

    @AfterEach
    void stop() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    @Test
    void theGatewaysStepsAreKeptInTheSiteDatabaseAndASecondRunRepeatsNothing() throws IOException {
        Path pack = pack();
        Path database = home.resolve("kisima-7.db");
        assertThat(CommandRun.of("commission", "create-site", "--site", database.toString(), "--id", "kisima-7",
                "--name", "Kisima", "--operator", "Kisima Power", "--currency", "KES", "--zone", "Africa/Nairobi",
                "--location", "-0.45,36.9").exitCode()).isZero();
        CommandRun tariffs = CommandRun.of("commission", "tariffs", "--site", database.toString(),
                home.resolve("tariff.json").toString());
        assertThat(tariffs.exitCode()).as(tariffs.err()).isZero();

        CommandRun first = run(database, "--gateway", "tcp=" + tcp, "--pack", pack.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("done: GATEWAY").contains("done: PACK").contains("Stopped at");
        assertThat(doneSteps(database)).contains(CommissionStep.SITE, CommissionStep.GATEWAY, CommissionStep.PACK);

        clock.advance(Duration.ofMinutes(30));
        JsonNode joined = JSON.readTree(CommandRun.of("connect", "--tcp", tcp, "--credential", credential,
                "commission", "joined", "--json").out());
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
                "--credential", credential));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private Path pack() throws IOException {
        Path operatorKey = home.resolve("operator.key.json");
        OperatorKeyFile.writeSigning(operatorKey, OPERATOR);
        Path tariff = home.resolve("tariff.json");
        Files.writeString(tariff, TariffFile.write(TariffSchedule.flat(new Tariff("flat-kisima", "KES", 3500, 1000,
                5000))));
        Path pack = home.resolve("kisima-7.pack.json");
        CommandRun made = CommandRun.of("commission", "pack", "--operator-key", operatorKey.toString(), "--tariff",
                tariff.toString(), "--credential", credential, "--site-id", "kisima-7", "--out", pack.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return pack;
    }
}
