package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside commission pack} and {@code gridside connect ... commission ...} over loopback TCP against a
 * factory-fresh simulated gateway, from its setup to billing, with the exit codes of each outcome.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConnectCommissionCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private FreshGatewayCli fresh;
    private FreshSite site;
    private SimClock.Manual clock;
    private String tcp;
    private String credential;

    @BeforeEach
    void startFreshGateway() throws IOException {
        fresh = new FreshGatewayCli(home);
        site = fresh.site;
        clock = fresh.clock;
        tcp = fresh.tcp;
        credential = fresh.credential;
    }

    @AfterEach
    void stop() {
        fresh.close();
    }

    @Test
    void commissionsAFreshGatewayFromThePackToGoLive() throws IOException {
        Path pack = pack();
        Path database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, "kisima-7");

        CommandRun setup = connect(database, "commission", "setup", "--pack", pack.toString(), "--json");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(json(setup).get("siteId").asText()).isEqualTo("kisima-7");
        assertThat(json(setup).get("repeated").asBoolean()).isFalse();

        clock.advance(Duration.ofMinutes(10));
        JsonNode joined = json(connect(null, "commission", "joined", "--json"));
        assertThat(joined.size()).isEqualTo(8);
        String serial = joined.get(0).get("meterId").asText();
        String other = joined.get(1).get("meterId").asText();

        CommandRun assign = connect(null, "commission", "assign", "--meter", serial, "--customer", "C-1", "--name",
                "Pendo Auma", "--tariff", "flat-kisima", "--opening-balance", "150.00", "--json");
        assertThat(assign.exitCode()).as(assign.err()).isZero();
        assertThat(json(assign).get("openingBalanceMinor").asLong()).isEqualTo(15_000);
        assertThat(json(connect(null, "commission", "assign", "--meter", serial, "--customer", "C-1", "--name",
                "Pendo Auma", "--tariff", "flat-kisima", "--opening-balance", "150.00", "--json"))
                .get("repeated").asBoolean()).isTrue();
        CommandRun taken = connect(null, "commission", "assign", "--meter", serial, "--customer", "C-2", "--name",
                "Omari", "--tariff", "flat-kisima");
        assertThat(taken.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(taken.err()).contains("COMMISSION_METER_TAKEN");

        site.gateway().jamRelay(other);
        assertThat(connect(null, "commission", "relay-test", "--meter", serial).exitCode()).isZero();
        CommandRun jammed = connect(null, "commission", "relay-test", "--meter", other);
        assertThat(jammed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(jammed.out()).contains("FAILED");

        CommandRun live = connect(null, "commission", "go-live", "--json");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(json(live).get("customers").asInt()).isEqualTo(1);
        assertThat(json(connect(null, "commission", "status", "--json")).get("liveAt").isNull()).isFalse();
    }

    @Test
    void refusesAPackForAnotherSiteAndAGoLiveBeforeSetup() throws IOException {
        Path database = home.resolve("other.db");
        FreshGatewayCli.createSite(database, "other-site");

        CommandRun early = connect(null, "commission", "go-live");
        CommandRun wrongSite = connect(database, "commission", "setup", "--pack", pack().toString());

        assertThat(early.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(early.err()).contains("COMMISSION_NOT_SET_UP");
        assertThat(wrongSite.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(wrongSite.err()).contains("COMMISSION_PACK_WRONG_SITE");
    }

    private Path pack() throws IOException {
        return fresh.pack();
    }

    private CommandRun connect(Path database, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("connect", "--tcp", tcp, "--credential", credential));
        if (database != null) {
            all.addAll(List.of("--site", database.toString()));
        }
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(CommandRun run) throws IOException {
        return JSON.readTree(run.out());
    }
}
