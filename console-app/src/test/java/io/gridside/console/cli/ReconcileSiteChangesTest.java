package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.link.transport.TcpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * {@code gridside connect ... reconcile} and {@code audit} over TCP against a simulated site where, on 3 June, one
 * customer's meter is exchanged, one customer moves out and a new one moves in on the freed meter; later the meter
 * is exchanged again, a correction is posted in the same quarter hour, a customer moves in and out between two
 * pulls, and at last billing is made to charge the exchanged customer's day 1 kWh too much. The steps run in order,
 * each on what the one before left.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileSiteChangesTest {

    /** 12:07 in Nairobi (UTC+3) on 3 June; two days of history begin 1 June at 12:00. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayPins PINS = GatewayPins.inMemory();

    @TempDir
    static Path home;

    private static SimulatedSite site;
    private static SimClock.Manual clock;
    private static String tcp;
    private static String supervisor;
    private static String previousHome;
    private static String exchangedCustomer;
    private static String movedOut;
    private static long pricePerKwh;

    @BeforeAll
    static void startSite() throws Exception {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        clock = SimClock.manual(NOW);
        site = SimulatedSite.start(new SiteSpec(12, 6, 2, NOW), clock);
        pricePerKwh = site.gateway().layout().tariff().energyMinorPerKwh();
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();

        MeterStatus exchanged = site.gateway().meterStatus().get(5);
        exchangedCustomer = exchanged.customerId();
        signed(c -> c.billing().exchangeMeter(new ExchangeMeter(exchanged.meterId(), "MX-0601",
                exchanged.registerWh() + 300, 40, "display dead")));

        clock.advance(Duration.ofMinutes(64));
        MeterStatus leaving = site.gateway().meterStatus().get(2);
        movedOut = leaving.customerId();
        signed(c -> c.billing().moveOut(new MoveOut(movedOut, leaving.registerWh() + 120, "left the village")));

        clock.advance(Duration.ofMinutes(71));
        signed(c -> c.billing().moveIn(new MoveIn(leaving.meterId(), "C-0901", "Neema Otieno",
                CustomerCategory.HOUSEHOLD, 25_000)));

        // To 13:07 on 4 June: 3 June is billed whole.
        clock.advance(Duration.ofHours(22).plusMinutes(45));
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-6", NOW));
    }

    @AfterAll
    static void stopSite() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    private static CommandRun connect(String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", supervisor};
        String[] all = new String[command.length + args.length + 2];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        all[all.length - 2] = "--site";
        all[all.length - 1] = home.resolve("site.db").toString();
        return CommandRun.of(all);
    }

    /**
     * Has the gateway do {@code request} as a supervisor's signed command, as the console's own commands do, so
     * that the audit finds every money entry traced to one.
     */
    private static void signed(Request request) throws IOException {
        String[] address = tcp.split(":");
        SignedCredential credential = DemoOperator.supervisorFor("site-6", clock.now());
        try (GatewayClient client = GatewayClient.open(TcpTransport.connect(address[0],
                Integer.parseInt(address[1]), 2_000), Authentication.of(credential, PINS)
                .signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10))) {
            request.send(client);
        }
    }

    @FunctionalInterface
    private interface Request {
        void send(GatewayClient client) throws IOException;
    }

    private static List<LedgerEntry> adjustments() {
        return site.gateway().ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT).toList();
    }

    private static MeterStatus meterOf(String customerId) {
        return site.gateway().meterStatus().stream().filter(m -> m.customerId().equals(customerId)).findFirst()
                .orElseThrow();
    }

    @Test
    @Order(1)
    void followsTheExchangeAndTheMovesAndFindsNothingToCorrect() throws IOException {
        CommandRun run = connect("reconcile", "--post-corrections", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).doesNotContain("RECONCILE_SITE_CHANGE");
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("to").asText()).isEqualTo("2026-06-03");
        assertThat(report.get("differences")).as(run.out()).isEmpty();
        assertThat(report.get("posted")).isEmpty();
        assertThat(adjustments()).isEmpty();
    }

    @Test
    @Order(2)
    void theAuditOfTheSameHistoryAgreesAndShowsTheClosedAccountAndBothMetersEnergy() throws IOException {
        CommandRun run = connect("audit", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        JsonNode rows = JSON.readTree(run.out()).get("rows");
        assertThat(rows).extracting(row -> row.get("customerId").asText())
                .contains("C-0901", movedOut, exchangedCustomer);
        assertThat(rows).filteredOn(row -> row.get("customerId").asText().equals(movedOut)).singleElement()
                .satisfies(row -> assertThat(row.get("closedAt").isNull()).isFalse());
        long newMeterWh = site.gateway().readings(Instant.EPOCH, Instant.MAX).stream()
                .filter(r -> r.meterId().equals("MX-0601")).mapToLong(r -> r.energyWh()).sum();
        assertThat(rows).filteredOn(row -> row.get("customerId").asText().equals(exchangedCustomer)).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("meterId").asText()).isEqualTo("MX-0601");
                    assertThat(row.get("energyWh").asLong()).as("the old meter's energy too")
                            .isGreaterThan(newMeterWh + 300);
                });
        CommandRun table = connect("audit");
        assertThat(table.out()).contains("closed 2026-06-03").contains("taxes").contains("- taxes - debt + other");
    }

    @Test
    @Order(3)
    void aCorrectionPostedAfterAnExchangeInTheSameQuarterHourIsDatedNoEarlierThanTheExchange() throws Exception {
        clock.advance(Duration.ofMinutes(4));
        MeterStatus current = meterOf(exchangedCustomer);
        signed(c -> c.billing().exchangeMeter(new ExchangeMeter(current.meterId(), "MX-0602",
                current.registerWh() + 50, 0, "cover cracked")));
        Instant exchangedAt = site.gateway().ledgerAfter(0).stream()
                .filter(e -> e.customerId().equals(exchangedCustomer)).map(LedgerEntry::at)
                .max(Instant::compareTo).orElseThrow();
        CustomerDay day = new CustomerDay(exchangedCustomer, LocalDate.of(2026, 6, 2));
        var digest = site.gateway().ledgerDayDigests(day.day(), day.day()).stream()
                .filter(d -> d.customerDay().equals(day)).findFirst().orElseThrow().digest();

        signed(c -> c.billing().postAdjustments(new PostAdjustments(List.of(new PostAdjustments.Item(day, "energy",
                "reconciled", 25, digest)))));

        assertThat(adjustments()).singleElement()
                .satisfies(entry -> assertThat(entry.at()).isAfterOrEqualTo(exchangedAt));
    }

    @Test
    @Order(4)
    void theAuditSaysWhatItHasNotCheckedYetInsteadOfClaimingAllMatch() {
        CommandRun run = connect("audit");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).doesNotContain("Audit: all").contains("Not checked: ")
                .contains("newer than the last reading").contains("ADJUSTMENT " + exchangedCustomer);
    }

    @Test
    @Order(5)
    void theAuditAgreesWithTheCorrectionOnceItsQuarterHourIsBilled() throws IOException {
        clock.advance(Duration.ofMinutes(30));

        CommandRun run = connect("audit", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        JsonNode audit = JSON.readTree(run.out()).get("audit");
        assertThat(audit.get("agrees").asBoolean()).isTrue();
        assertThat(audit.get("entriesNotChecked").asLong()).isZero();
        assertThat(audit.get("entriesCompared").asLong()).isEqualTo(site.gateway().ledgerAfter(0).size());
    }

    @Test
    @Order(6)
    void aMoveInAndAMoveOutBetweenTwoPullsAuditClean() throws Exception {
        MeterStatus leaving = site.gateway().meterStatus().get(7);
        signed(c -> c.billing().moveOut(new MoveOut(leaving.customerId(), null, "moved to town")));
        clock.advance(Duration.ofMinutes(20));
        signed(c -> c.billing().moveIn(new MoveIn(leaving.meterId(), "C-0902", "Baraka Mwangi",
                CustomerCategory.HOUSEHOLD, 10_000)));
        clock.advance(Duration.ofMinutes(3));
        signed(c -> c.billing().moveOut(new MoveOut("C-0902", meterOf("C-0902").registerWh() + 30, "short stay")));
        CommandRun first = connect("audit");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
        MeterStatus another = site.gateway().meterStatus().get(9);
        signed(c -> c.billing().moveOut(new MoveOut(another.customerId(), another.registerWh() + 10, "moved away")));
        clock.advance(Duration.ofMinutes(2));
        signed(c -> c.billing().moveIn(new MoveIn(another.meterId(), "C-0903", "Zawadi Njeri",
                CustomerCategory.SHOP, 0)));
        clock.advance(Duration.ofMinutes(31));
        signed(c -> c.billing().moveOut(new MoveOut("C-0903", null, "shop closed")));
        clock.advance(Duration.ofMinutes(40));

        CommandRun audit = connect("audit");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.OK);
        assertThat(audit.out()).contains("C-0902").contains("C-0903").contains(leaving.customerId());
    }

    @Test
    @Order(7)
    void billCreditListsAnExchangedCustomerOnceAndAMovedOutOneAsClosed() throws IOException {
        String moved = site.gateway().layout().customers().get(7).customerId();

        CommandRun run = CommandRun.of("bill", "credit", "--site", home.resolve("site.db").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode rows = JSON.readTree(run.out());
        assertThat(rows).filteredOn(row -> row.get("customerId").asText().equals(exchangedCustomer)).singleElement()
                .satisfies(row -> assertThat(row.get("meterId").asText()).isEqualTo("MX-0602"));
        assertThat(rows).filteredOn(row -> row.get("customerId").asText().equals(moved)).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("closedAt").isNull()).isFalse();
                    assertThat(row.get("balanceMinor").asLong()).isEqualTo(site.gateway().ledgerAfter(0).stream()
                            .filter(e -> e.customerId().equals(moved)).reduce((a, b) -> b).orElseThrow()
                            .balanceAfterMinor());
                });
        assertThat(CommandRun.of("bill", "credit", "--site", home.resolve("site.db").toString()).out())
                .contains(moved + " moved out at");
    }

    @Test
    @Order(8)
    void namesExactlyTheCustomerDayChargedWronglyAfterTheExchangesAndCorrectsIt() throws IOException {
        LedgerEntry correction = adjustments().get(0);
        LocalDate today = LocalDate.ofInstant(clock.now(), site.gateway().layout().site().zone());
        site.gateway().misrate("MX-0602", today, 1_000);
        clock.advance(Duration.ofDays(1));

        // From the misrated day: the correction of step 3 changed a day before, which reconcile would name too.
        CommandRun run = connect("reconcile", "--from", today.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(JSON.readTree(run.out()).get("differences")).as(run.out()).singleElement().satisfies(line -> {
            assertThat(line.get("customerId").asText()).isEqualTo(exchangedCustomer);
            assertThat(line.get("day").asText()).isEqualTo(today.toString());
            assertThat(line.get("line").asText()).isEqualTo("energy");
            assertThat(line.get("correctionMinor").asLong()).isEqualTo(pricePerKwh);
        });

        CommandRun posted = connect("reconcile", "--from", today.toString(), "--post-corrections", "--json");

        assertThat(posted.exitCode()).as(posted.out() + posted.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(posted.out()).get("cleanAfterCorrections").asBoolean()).isTrue();
        assertThat(adjustments()).hasSize(2).first().isEqualTo(correction);
        assertThat(adjustments().get(1).amountMinor()).isEqualTo(pricePerKwh);
    }

    @Test
    @Order(9)
    void aDayStillUnderWayIsNotComparedSoItsAccruedChargesAreNotCorrectedTwice() throws IOException {
        int before = adjustments().size();
        LocalDate today = LocalDate.ofInstant(clock.now(), site.gateway().layout().site().zone());

        CommandRun run = connect("reconcile", "--from", today.toString(), "--to", today.toString(),
                "--post-corrections", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("still under way");
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("to").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(report.get("posted")).isEmpty();
        assertThat(adjustments()).hasSize(before);
    }
}
