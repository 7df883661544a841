package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.Role;
import io.gridside.link.message.ExchangeMeter;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * {@code gridside connect ... reconcile} over TCP against a simulated gateway made to charge one customer's day
 * wrongly: billing takes the next reading of the fourth customer's meter on 3 June as 1 kWh more than the meter read,
 * while the readings it serves stay true. The steps run in order, each on what the one before left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileCommandTest {

    /** 12:07 in Nairobi (UTC+3) on 3 June; two days of history begin 1 June at 12:00. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final LocalDate JUNE_3 = LocalDate.of(2026, 6, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static SimulatedSite site;
    private static SimClock.Manual clock;
    private static String tcp;
    private static String supervisor;
    private static String technician;
    private static String previousHome;
    private static String wronged;
    private static long pricePerKwh;

    @BeforeAll
    static void startSite() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        clock = SimClock.manual(NOW);
        site = SimulatedSite.start(new SiteSpec(12, 6, 2, NOW), clock);
        wronged = site.gateway().layout().customers().get(3).customerId();
        String meter = site.gateway().layout().meters().get(3).meterId();
        pricePerKwh = site.gateway().layout().tariff().energyMinorPerKwh();
        site.gateway().misrate(meter, JUNE_3, 1_000);
        clock.advance(Duration.ofHours(12));
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-6", NOW));
        technician = Credentials.write(home, "technician.json", DemoOperator.issue("T-0042",
                "Amina Wanjiru", Role.TECHNICIAN, List.of("site-6"), NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(2), Map.of()));
    }

    @AfterAll
    static void stopSite() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    private static CommandRun reconcile(String credential, String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", credential, "reconcile", "--site",
            home.resolve("site.db").toString()};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    @Test
    @Order(1)
    void namesExactlyTheCustomerDayThatWasChargedWronglyWithItsLine() throws IOException {
        CommandRun run = reconcile(supervisor, "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("from").asText()).isEqualTo("2026-06-01");
        assertThat(report.get("to").asText()).as("the gateway's yesterday").isEqualTo("2026-06-03");
        assertThat(report.get("customerDays").asInt()).isEqualTo(36);
        assertThat(report.get("pulled").asInt()).as("an empty laptop pulls every day").isEqualTo(36);
        JsonNode differences = report.get("differences");
        assertThat(differences).hasSize(1);
        JsonNode line = differences.get(0);
        assertThat(line.get("customerId").asText()).isEqualTo(wronged);
        assertThat(line.get("day").asText()).isEqualTo("2026-06-03");
        assertThat(line.get("line").asText()).isEqualTo("energy");
        // 1 kWh charged too much at the flat price: the correction gives it back.
        assertThat(line.get("gatewayMinor").asLong() - line.get("consoleMinor").asLong()).isEqualTo(pricePerKwh);
        assertThat(line.get("correctionMinor").asLong()).isEqualTo(pricePerKwh);
        // The day's energy posting that holds the interval billed heavy explains it, by its reference: charges post
        // per customer-day, so the reference spans the quarter hours accrued since the posting before.
        assertThat(line.get("details")).singleElement().satisfies(detail -> {
            assertThat(detail.get("reference").asText()).startsWith("usage:2026-06-0");
            assertThat(detail.get("gatewayMinor").asLong() - detail.get("consoleMinor").asLong())
                    .isEqualTo(pricePerKwh);
        });
    }

    @Test
    @Order(2)
    void aLaptopHoldingTheLedgerPullsNoDayYetStillFindsTheWrongOne() throws IOException {
        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site",
                home.resolve("site.db").toString());
        assertThat(audit.exitCode()).as("the entry-for-entry audit disagrees too: " + audit.err())
                .isEqualTo(ExitCode.FAILED);

        JsonNode report = JSON.readTree(reconcile(supervisor, "--json").out());

        assertThat(report.get("pulled").asInt()).isZero();
        assertThat(report.get("differences")).singleElement()
                .satisfies(line -> assertThat(line.get("customerId").asText()).isEqualTo(wronged));
    }

    @Test
    @Order(3)
    void printsTheLineInTheCurrencyAndSaysWhatASupervisorCanDo() {
        CommandRun run = reconcile(supervisor);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("1 lines differ").contains(wronged + " ").contains("2026-06-03")
                .contains("energy").contains("--post-corrections");
    }

    @Test
    @Order(4)
    void aTechnicianCannotPostTheCorrections() {
        CommandRun run = reconcile(technician, "--post-corrections");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("supervisor").contains("[ROLE_FORBIDDEN]");
        assertThat(site.gateway().ledgerAfter(0)).noneMatch(e -> e.kind() == EntryKind.ADJUSTMENT);
    }

    @Test
    @Order(5)
    void aSupervisorHasTheGatewayPostTheCorrectionAndTheNextReconcileIsClean() throws IOException {
        CommandRun posted = reconcile(supervisor, "--post-corrections", "--json");

        assertThat(posted.exitCode()).as(posted.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(posted.out());
        assertThat(report.get("posted")).hasSize(1);
        assertThat(report.get("cleanAfterCorrections").asBoolean()).isTrue();
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.ADJUSTMENT)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.customerId()).isEqualTo(wronged);
                    assertThat(entry.amountMinor()).isEqualTo(pricePerKwh);
                    assertThat(entry.reference()).isEqualTo("adjustment:2026-06-03 reconciled energy");
                });

        CommandRun again = reconcile(supervisor);

        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("Every charge line agrees")
                .as("only the corrected day differs from the laptop's copy")
                .contains("fetched 1 customer days from the gateway");
    }

    @Test
    @Order(6)
    void aCleanReconcilePostsNothingMore() {
        CommandRun run = reconcile(supervisor, "--post-corrections");

        assertThat(run.exitCode()).as("nothing left to correct").isEqualTo(ExitCode.OK);
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.ADJUSTMENT)
                .hasSize(1);
    }

    @Test
    @Order(7)
    void followsAnExchangedMeterAndFindsNothingToCorrect() throws Exception {
        MeterStatus exchanged = site.gateway().meterStatus().get(5);
        site.gateway().exchangeMeter(new ExchangeMeter(exchanged.meterId(), "MX-0601", exchanged.registerWh() + 300,
                0, "display dead"), "T-0042");
        clock.advance(Duration.ofDays(1));

        CommandRun run = reconcile(supervisor, "--post-corrections");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).doesNotContain("[RECONCILE_SITE_CHANGE]");
        assertThat(run.out()).contains("Every charge line agrees");
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.ADJUSTMENT)
                .as("nothing posted for the exchanged customer").noneMatch(e -> e.customerId()
                        .equals(exchanged.customerId()));
    }
}
