package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside connect ... move-out} without {@code --final-kwh} over loopback TCP against a simulated site, in
 * a busy evening quarter hour: the gateway reads a meter it can reach, bills the share before the move-out to the
 * customer who left and the rest to the one who moved in a minute later; a meter off the mesh is not read, and the
 * statement says that typing the register avoids the loss. The audit and reconcile of the day agree with the
 * gateway afterwards. The steps run in order, each on what the one before left.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoveOutReadCommandsTest {

    /** 19:07 in Nairobi on 3 June, when households draw most; the last quarter hour billed ended at 19:00. */
    private static final Instant EVENING = Instant.parse("2026-06-03T16:07:00Z");
    private static final Instant QUARTER_START = Instant.parse("2026-06-03T16:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static SimulatedSite site;
    private static String tcp;
    private static String supervisor;
    private static String previousHome;
    private static MeterStatus read;
    private static MeterStatus offMesh;
    private static long share;

    @BeforeAll
    static void startSite() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        clock = SimClock.manual(EVENING);
        site = SimulatedSite.start(new SiteSpec(20, 14, 2, EVENING), clock);
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-14", EVENING));
        // The two meters that drew the most in the quarter hour before: their customers are likely to draw now.
        List<String> busiest = site.gateway().readings(QUARTER_START.minus(Reading.INTERVAL), QUARTER_START)
                .stream().sorted(Comparator.comparingLong(Reading::energyWh).reversed()).map(Reading::meterId)
                .limit(2).toList();
        read = statusOf(busiest.get(0));
        offMesh = statusOf(busiest.get(1));
    }

    @AfterAll
    static void stopSite() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    private static MeterStatus statusOf(String meterId) {
        return site.gateway().meterStatus().stream().filter(s -> s.meterId().equals(meterId)).findFirst()
                .orElseThrow();
    }

    private static CommandRun connect(String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", supervisor};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    private static List<Reading> quarterHourOf(String meterId) {
        return site.gateway().readings(QUARTER_START, QUARTER_START.plus(Reading.INTERVAL)).stream()
                .filter(r -> r.meterId().equals(meterId)).toList();
    }

    @Test
    @Order(1)
    void aMeterOnTheMeshIsReadAndItsQuarterHourIsSplitBetweenTheLeaverAndTheNextOccupant() throws IOException {
        CommandRun out = connect("move-out", "--customer", read.customerId(), "--reason", "left in a hurry",
                "--json");
        clock.advance(Duration.ofMinutes(1));
        CommandRun in = connect("move-in", "--meter", read.meterId(), "--customer", "C-1401", "--name",
                "Neema Mwangi", "--opening-balance", "200.00");
        CommandRun text = connect("move-out", "--customer", read.customerId(), "--reason", "asked again");
        clock.advance(Duration.ofMinutes(9));

        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(in.exitCode()).as(in.err()).isZero();
        JsonNode statement = JSON.readTree(out.out());
        assertThat(statement.get("finalRegisterSource").asText()).isEqualTo("METER");
        assertThat(statement.get("finalRegisterTyped").asBoolean()).isFalse();
        share = statement.get("finalEnergyWh").asLong();
        assertThat(text.out()).as("a repeat prints the statement it had").contains("moved out before",
                "read from the meter over the mesh at the move-out", "Final energy:");
        List<Reading> quarterHour = quarterHourOf(read.meterId());
        assertThat(quarterHour).as("the read share, then the rest at 19:15").hasSize(2);
        assertThat(quarterHour.get(0).energyWh()).isEqualTo(share).isPositive();
        assertThat(quarterHour.get(0).registerWh() + quarterHour.get(1).energyWh())
                .isEqualTo(quarterHour.get(1).registerWh());
        assertThat(quarterHour.get(0).registerWh() - share).as("billed from the last reading, nothing lost")
                .isEqualTo(read.registerWh());
    }

    @Test
    @Order(2)
    void aMeterOffTheMeshIsNotReadAndTheStatementSaysTypingTheRegisterAvoidsTheLoss() {
        site.gateway().silenceRadio(offMesh.meterId(), clock.now(), clock.now().plus(Duration.ofMinutes(45)));
        // 19:32: the mesh's update at 19:30 found the meter's radio quiet.
        clock.advance(Duration.ofMinutes(15));

        CommandRun out = connect("move-out", "--customer", offMesh.customerId(), "--reason", "left at night");

        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("meter " + offMesh.meterId() + " could not be read over the mesh",
                "could not be settled: it is billed to no one", "typing the display's register with --final-kwh");
    }

    @Test
    @Order(3)
    void theAuditAndReconcileOfTheDayAgreeWithTheGatewayAndTheBillLosesNothing() throws IOException {
        // To 13:00 on 4 June: 3 June is billed whole.
        clock.advance(Duration.ofHours(17).plusMinutes(28));
        String database = home.resolve("site.db").toString();

        CommandRun audit = connect("audit", "--site", database, "--json");
        CommandRun reconcile = connect("reconcile", "--site", database, "--json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        JsonNode rows = JSON.readTree(audit.out()).get("rows");
        assertThat(rows).extracting(row -> row.get("customerId").asText()).contains(read.customerId(), "C-1401",
                offMesh.customerId());
        assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isZero();
        JsonNode report = JSON.readTree(reconcile.out());
        assertThat(report.get("to").asText()).isEqualTo("2026-06-03");
        assertThat(report.get("differences")).as(reconcile.out()).isEmpty();

        CommandRun bill = CommandRun.of("bill", "--site", database, "--from", "2026-06-03", "--to", "2026-06-03",
                "--json");

        assertThat(bill.exitCode()).as(bill.err()).isZero();
        JsonNode customers = JSON.readTree(bill.out()).get("customers");
        List<Reading> day = site.gateway().readings(Instant.parse("2026-06-02T21:00:00Z"),
                Instant.parse("2026-06-03T21:00:00Z")).stream().filter(r -> r.meterId().equals(read.meterId()))
                .toList();
        long before = day.stream().filter(r -> r.intervalStart().isBefore(QUARTER_START))
                .mapToLong(Reading::energyWh).sum();
        long whole = day.stream().mapToLong(Reading::energyWh).sum();
        assertThat(energyOf(customers, read.customerId())).as("the day's energy up to the read register")
                .isEqualTo(before + share);
        assertThat(energyOf(customers, "C-1401")).as("the rest of the quarter hour and after")
                .isEqualTo(whole - before - share);
    }

    @Test
    @Order(4)
    void veeTakesTheQuarterHoursEndFromTheRestAndFindsNoConflict() throws IOException {
        String database = home.resolve("site.db").toString();

        CommandRun vee = CommandRun.of("bill", "vee", "--site", database, "--json");

        assertThat(vee.exitCode()).as(vee.err()).isZero();
        JsonNode found = JSON.readTree(vee.out());
        assertThat(found.get("rawReads").get("conflicts").asLong()).as(vee.out()).isZero();
        assertThat(found.get("exceptions")).as("the final reading's register is the move-out's, not the quarter "
                + "hour's end").noneMatch(e -> e.get("meterId").asText().equals(read.meterId()));
    }

    private static long energyOf(JsonNode customers, String customerId) {
        for (JsonNode customer : customers) {
            if (customer.get("customerId").asText().equals(customerId)) {
                return customer.get("energyWh").asLong();
            }
        }
        throw new AssertionError("bill lists no customer " + customerId + ": " + customers);
    }
}
