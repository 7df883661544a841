package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.Amounts;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EntryKind;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
 * {@code gridside connect ... exchange-meter | move-out | move-in} over loopback TCP against a simulated site: a
 * final register beyond what the meter could plausibly have passed, the statement's labels, and the same move
 * asked for again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MovesCommandsTest {

    /** 12:07 in Nairobi: the gateway last billed the quarter hour that ended at 12:00, seven minutes ago. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static SimulatedSite site;
    private static String tcp;
    private static String supervisor;
    private static String previousHome;

    @BeforeAll
    static void startSite() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        clock = SimClock.manual(NOW);
        site = SimulatedSite.start(new SiteSpec(10, 11, 1, NOW), clock);
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-11", NOW));
    }

    @AfterAll
    static void stopSite() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    private static CommandRun connect(String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", supervisor};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    private static MeterStatus status(int index) {
        String customerId = site.gateway().layout().customers().get(index).customerId();
        return site.gateway().meterStatus().stream().filter(s -> s.customerId().equals(customerId)).findFirst()
                .orElseThrow();
    }

    private static String kwh(long wattHours) {
        return String.format(Locale.ROOT, "%d.%03d", wattHours / 1000, wattHours % 1000);
    }

    @Test
    @Order(1)
    void aFinalRegisterAFewKwhTooHighIsNotSentUntilTheTechnicianRepeatsIt() throws IOException {
        MeterStatus before = status(1);
        String typo = kwh(before.registerWh() + 4_000);
        long balance = before.balanceMinor();

        CommandRun refused = connect("exchange-meter", "--old", before.meterId(), "--new", "MX-1101",
                "--old-final-kwh", typo, "--new-opening-kwh", "0", "--reason", "display dead");
        CommandRun mistyped = connect("exchange-meter", "--old", before.meterId(), "--new", "MX-1101",
                "--old-final-kwh", typo, "--confirm-kwh", kwh(before.registerWh() + 400), "--new-opening-kwh", "0",
                "--reason", "display dead");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.out()).as("what the register implies, printed before anything is sent")
                .contains("implies 4.000 kWh since then");
        assertThat(refused.errLines()).singleElement().asString().contains("implies 4.000 kWh",
                "--confirm-kwh " + typo).endsWith("[REGISTER_UNCONFIRMED]");
        assertThat(mistyped.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(status(1).meterId()).isEqualTo(before.meterId());
        assertThat(status(1).balanceMinor()).isEqualTo(balance);

        CommandRun confirmed = connect("exchange-meter", "--old", before.meterId(), "--new", "MX-1101",
                "--old-final-kwh", typo, "--confirm-kwh", typo, "--new-opening-kwh", "0", "--reason",
                "display dead", "--json");

        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        JsonNode done = JSON.readTree(confirmed.out());
        assertThat(done.get("finalEnergyWh").asLong()).isEqualTo(4_000);
        JsonNode check = done.get("finalRegisterCheck");
        assertThat(check.get("impliedEnergyWh").asLong()).isEqualTo(4_000);
        assertThat(check.get("plausibleLimitWh").asLong()).isBetween(1L, 3_999L);
    }

    @Test
    @Order(2)
    void theMoveOutStatementLabelsTheTypedRegisterAsTheTechniciansAndARepeatIsAnsweredAsBefore()
            throws IOException {
        MeterStatus before = status(4);
        String finalKwh = kwh(before.registerWh() + 120);

        CommandRun out = connect("move-out", "--customer", before.customerId(), "--final-kwh", finalKwh,
                "--reason", "moved to town");

        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("implies 0.120 kWh since then",
                "Last reading:      2026-06-03 12:00", "register " + kwh(before.registerWh()) + " kWh",
                "Final register:    " + finalKwh + " kWh, typed by the technician",
                "Final energy:      0.120 kWh").doesNotContain("register " + finalKwh + " kWh%n");
        assertThat(out.out()).doesNotContain("moved out before");
        long entries = site.gateway().ledgerAfter(0).size();

        clock.advance(Duration.ofMinutes(2));
        CommandRun again = connect("move-out", "--customer", before.customerId(), "--final-kwh", finalKwh,
                "--reason", "answer lost", "--json");
        CommandRun other = connect("move-out", "--customer", before.customerId(), "--final-kwh",
                kwh(before.registerWh() + 121));

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode statement = JSON.readTree(again.out());
        assertThat(statement.get("doneBefore").asBoolean()).isTrue();
        assertThat(statement.get("finalEnergyWh").asLong()).isEqualTo(120);
        assertThat(other.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(other.err()).contains("[ACCOUNT_CLOSED]");
        assertThat(site.gateway().ledgerAfter(0)).hasSize((int) entries);

        String[] moveIn = {"move-in", "--meter", before.meterId(), "--customer", "C-1104", "--name", "Neema Mwangi",
            "--opening-balance", "100.00"};
        // The next customer moves in after the quarter hour of the move-out has been billed.
        clock.advance(Duration.ofMinutes(15));
        CommandRun in = connect(moveIn);
        clock.advance(Duration.ofMinutes(1));
        CommandRun inAgain = connect(moveIn);

        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).doesNotContain("moved in before");
        assertThat(inAgain.exitCode()).as(inAgain.err()).isZero();
        assertThat(inAgain.out()).contains("Customer C-1104 moved in before, at 2026-06-03 12:");
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.OPENING
                && e.customerId().equals("C-1104")).hasSize(1);
    }

    @Test
    @Order(3)
    void billGivesEachAccountTheEnergyItsMeterBilledItAndNotTheOccupantsNow(@TempDir Path dir)
            throws IOException {
        clock.advance(Duration.ofHours(13));
        String database = dir.resolve("site.db").toString();
        CommandRun pull = connect("audit", "--site", database, "--json");
        assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();
        String movedOut = site.gateway().layout().customers().get(4).customerId();
        String movedOutName = site.gateway().layout().customers().get(4).name();
        assertThat(JSON.readTree(pull.out()).get("rows")).as("a laptop that pulled only after the move-out names "
                + "the customer who left").filteredOn(row -> row.get("customerId").asText().equals(movedOut))
                .singleElement().satisfies(row -> assertThat(row.get("name").asText()).isEqualTo(movedOutName));
        CommandRun credit = CommandRun.of("bill", "credit", "--site", database);
        assertThat(credit.exitCode()).as(credit.err()).isZero();
        assertThat(credit.out()).as("bill credit lists the closed account").contains(movedOut + " moved out at")
                .containsPattern(movedOut + " +\\S+ +CLOSED");

        Path book = dir.resolve("agent.csv");
        java.nio.file.Files.writeString(book, "reference,customer,amount,time\nAG-401," + movedOut
                + ",20,2026-06-03 20:00\n");
        CommandRun payment = CommandRun.of("import", "payments", book.toString(), "--site", database);
        assertThat(payment.exitCode()).as("a payment to a closed account is a problem of the file, not queued")
                .isEqualTo(ExitCode.FAILED);
        assertThat(payment.err()).contains("line 2", "customer " + movedOut + " moved out at 2026-06-03 12:");

        CommandRun bill = CommandRun.of("bill", "--site", database, "--from", "2026-06-03", "--to", "2026-06-03",
                "--json");

        assertThat(bill.exitCode()).as(bill.err()).isZero();
        JsonNode customers = JSON.readTree(bill.out()).get("customers");
        String meterId = site.gateway().layout().meters().get(4).meterId();
        Instant movedInAt = site.gateway().ledgerAfter(0).stream().filter(e -> e.customerId().equals("C-1104")
                && e.kind() == EntryKind.OPENING).findFirst().orElseThrow().at();
        Instant dayStart = Instant.parse("2026-06-02T21:00:00Z");
        Instant dayEnd = Instant.parse("2026-06-03T21:00:00Z");
        var ofMeter = site.gateway().readings(dayStart, dayEnd).stream().filter(r -> r.meterId().equals(meterId))
                .toList();
        long newcomers = ofMeter.stream().filter(r -> r.intervalEnd().isAfter(movedInAt))
                .mapToLong(r -> r.energyWh()).sum();
        long whole = ofMeter.stream().mapToLong(r -> r.energyWh()).sum();
        assertThat(newcomers).as("the new customer drew something before the day ended").isPositive();

        assertThat(energyOf(customers, "C-1104")).isEqualTo(newcomers);
        assertThat(energyOf(customers, movedOut)).as("the customer who moved out, with the typed final energy")
                .isEqualTo(whole - newcomers).isGreaterThanOrEqualTo(120);
        assertThat(customers).filteredOn(c -> c.get("customerId").asText().equals(movedOut)).singleElement()
                .satisfies(c -> assertThat(c.get("meterIds").toString()).contains(meterId))
                .satisfies(c -> assertThat(c.get("creditState").asText()).as("not the state it had before")
                        .isEqualTo("CLOSED"));

        // 01:25 on 4 June: the day's first hour and more accrued and the gateway posts them at midnight.
        MeterStatus now = site.gateway().meterStatus().stream().filter(m -> m.customerId().equals("C-1104"))
                .findFirst().orElseThrow();
        CommandRun statement = CommandRun.of("bill", "statement", "--site", database, "--customer", "C-1104",
                "--json");
        CommandRun text = CommandRun.of("bill", "statement", "--site", database, "--customer", "C-1104");

        assertThat(statement.exitCode()).as(statement.err()).isZero();
        JsonNode json = JSON.readTree(statement.out());
        assertThat(json.get("balanceMinor").asLong()).as("the balance the customers table shows")
                .isEqualTo(now.balanceMinor());
        assertThat(json.get("accruedNotPostedMinor").asLong()).isPositive()
                .isEqualTo(json.get("closingMinor").asLong() - now.balanceMinor());
        assertThat(text.out()).contains("not yet posted", "Closing balance "
                + Amounts.money(now.balanceMinor(), "KES"));
    }

    @Test
    @Order(4)
    void aMoveInInTheQuarterHourOfAMoveOutWithAFinalRegisterIsBilledAlikeByTheGatewayAndTheAudit(@TempDir Path dir)
            throws IOException {
        MeterStatus before = status(6);
        CommandRun out = connect("move-out", "--customer", before.customerId(), "--final-kwh",
                kwh(before.registerWh() + 50), "--reason", "sold the house");
        clock.advance(Duration.ofMinutes(1));
        CommandRun in = connect("move-in", "--meter", before.meterId(), "--customer", "C-1106", "--name",
                "Zawadi Achieng", "--opening-balance", "200.00");
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(in.exitCode()).as(in.err()).isZero();

        clock.advance(Duration.ofHours(2));
        CommandRun audit = connect("audit", "--site", dir.resolve("site.db").toString());

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
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
