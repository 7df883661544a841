package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside connect ... exchange-meter | move-out | move-in | relays} over loopback TCP against a simulated
 * site whose clock the test moves.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FieldCommandsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String technician;
    private static String supervisor;

    @BeforeAll
    static void startSite() throws IOException {
        clock = SimClock.manual(NOW);
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(20, 8, 1, NOW), clock));
        site = fixture.site();
        supervisor = fixture.supervisor();
        fixture.pinned();
        technician = fixture.technician(home, NOW, Duration.ofDays(3), Map.of());
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    private static CommandRun connect(String credential, String... args) {
        return fixture.connect(credential, args);
    }

    private static MeterStatus status(int index) {
        String customerId = site.gateway().layout().customers().get(index).customerId();
        return site.gateway().meterStatus().stream().filter(s -> s.customerId().equals(customerId)).findFirst()
                .orElseThrow();
    }

    private static String kwh(long wattHours) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", wattHours / 1000, wattHours % 1000);
    }

    @Test
    void aTechnicianExchangesAMeterAndThePulledStoreLearnsTheNewMeterAndTheEvent(@TempDir Path dir)
            throws IOException {
        MeterStatus before = status(2);

        CommandRun run = connect(technician, "exchange-meter", "--old", before.meterId(), "--new", "MX-2001",
                "--old-final-kwh", kwh(before.registerWh() + 650), "--new-opening-kwh", "0.040", "--reason",
                "display dead after a storm", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode done = new ObjectMapper().readTree(run.out());
        assertThat(done.get("customerId").asText()).isEqualTo(before.customerId());
        assertThat(done.get("newMeterId").asText()).isEqualTo("MX-2001");
        assertThat(done.get("finalEnergyWh").asLong()).isEqualTo(650);
        assertThat(done.get("balanceAfterMinor").asLong())
                .isEqualTo(before.balanceMinor() - done.get("finalChargeMinor").asLong());

        clock.advance(Duration.ofMinutes(40));
        Path database = dir.resolve("site.db");
        CommandRun pull = connect(technician, "audit", "--site", database.toString(), "--json");

        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(new ObjectMapper().readTree(pull.out()).get("audit").get("agrees").asBoolean())
                .as("the replay makes the exchange where the gateway made it").isTrue();
        try (SiteStore store = SiteStore.open(database)) {
            assertThat(store.meters()).filteredOn(m -> m.meterId().equals("MX-2001")).singleElement()
                    .extracting(Meter::customerId).isEqualTo(before.customerId());
            assertThat(store.events(NOW.minus(Duration.ofDays(1)), clock.now()))
                    .filteredOn(e -> e.kind() == EventKind.METER_EXCHANGED).singleElement()
                    .satisfies(e -> assertThat(e.detail("newMeterId")).isEqualTo("MX-2001"))
                    .extracting(SiteEvent::source).isEqualTo(before.meterId());
            assertThat(store.statuses()).filteredOn(s -> s.customerId().equals(before.customerId()))
                    .extracting(MeterStatus::meterId).contains("MX-2001");
        }
    }

    @Test
    void refusesAFinalRegisterBelowTheLastReadingAsAFailedCommand() {
        // A meter that has counted energy since the site opened, so that a final register of 0 is below it.
        MeterStatus before = java.util.stream.IntStream.range(10, 20).mapToObj(FieldCommandsTest::status)
                .filter(s -> s.registerWh() > 0).findFirst().orElseThrow();

        CommandRun run = connect(technician, "exchange-meter", "--old", before.meterId(), "--new", "MX-3001",
                "--old-final-kwh", "0.000", "--new-opening-kwh", "0", "--reason", "test");
        CommandRun usage = connect(technician, "exchange-meter", "--old", before.meterId(), "--new", "MX-3001",
                "--old-final-kwh", "12.3456", "--new-opening-kwh", "0", "--reason", "test");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString().endsWith("[REGISTER_BELOW_BILLED]");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.err()).contains("three decimals");
        assertThat(site.gateway().roster()).extracting(e -> e.meter().meterId()).contains(before.meterId())
                .doesNotContain("MX-3001");
    }

    @Test
    void aSupervisorMovesACustomerOutWithAFinalStatementAndANewOneIn() throws IOException {
        MeterStatus before = status(5);

        CommandRun forbidden = connect(technician, "move-out", "--customer", before.customerId());
        CommandRun out = connect(supervisor, "move-out", "--customer", before.customerId(), "--final-kwh",
                kwh(before.registerWh() + 300), "--reason", "moved to town");
        CommandRun in = connect(supervisor, "move-in", "--meter", before.meterId(), "--customer", "C-NEW-5",
                "--name", "Neema Mwangi", "--opening-balance", "250.00", "--json");

        assertThat(forbidden.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(forbidden.err()).contains("ROLE_FORBIDDEN");
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("Final statement of customer " + before.customerId(),
                "meter " + before.meterId(), "Final energy:      0.300 kWh", "Debts outstanding:",
                "The account is closed");
        assertThat(in.exitCode()).as(in.err()).isZero();
        JsonNode movedIn = new ObjectMapper().readTree(in.out());
        assertThat(movedIn.get("customerId").asText()).isEqualTo("C-NEW-5");
        assertThat(movedIn.get("balanceMinor").asLong()).isEqualTo(25_000);
        assertThat(movedIn.get("openingRegisterWh").asLong()).isEqualTo(before.registerWh() + 300);

        CommandRun again = connect(supervisor, "move-out", "--customer", before.customerId(), "--json");
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("[ACCOUNT_CLOSED]");
    }

    @Test
    void relaysListsTheOutstandingCommandsAndAllOfThemOnRequest() throws IOException {
        MeterStatus before = status(9);
        site.gateway().silenceRadio(site.gateway().layout().meters().get(9).meterId(), clock.now(),
                clock.now().plus(Duration.ofHours(2)));
        assertThat(connect(supervisor, "move-out", "--customer", before.customerId()).exitCode()).isZero();
        clock.advance(Duration.ofMinutes(20));

        CommandRun waiting = connect(technician, "relays");
        CommandRun json = connect(technician, "relays", "--all", "--json");

        assertThat(waiting.exitCode()).as(waiting.err()).isZero();
        assertThat(waiting.out()).contains(before.meterId(), "WAITING_OFF_MESH", "move-out");
        JsonNode commands = new ObjectMapper().readTree(json.out());
        assertThat(commands.isArray()).isTrue();
        assertThat(commands.findValuesAsText("meterId")).contains(before.meterId());
    }
}
