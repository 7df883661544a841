package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect ... topup}, {@code void} and {@code cashup} over loopback TCP against a simulated site: the
 * receipt numbers a technician gets, a void only a supervisor may make, and the day's cash-up. The site's zone is
 * Africa/Nairobi (UTC+3), so 09:07 UTC is 12:07 on 2026-06-03 there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CashCommandsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 1, NOW), clock));
        site = fixture.site();
        supervisor = fixture.supervisor();
        fixture.pinned();
        technician = fixture.technician(home, NOW, Duration.ofDays(2),
                Map.of(TechnicianCredential.CASH_LIMIT, 1_000_000L));
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    private static CommandRun as(String credential, String... args) {
        return fixture.connect(credential, args);
    }

    private static String customer(int index) {
        return fixture.customer(index);
    }

    @Test
    void numbersReceiptsVoidsOnlyForASupervisorAndCashesUpTheDay() throws IOException {
        CommandRun first = as(technician, "topup", "--customer", customer(1), "--amount", "300", "--reference",
                "CASH-A", "--json");
        CommandRun second = as(technician, "topup", "--customer", customer(2), "--amount", "120.50",
                "--reference", "CASH-B");
        CommandRun repeat = as(technician, "topup", "--customer", customer(1), "--amount", "300", "--reference",
                "CASH-A", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        String receipt = JSON.readTree(first.out()).get("receipt").asText();
        assertThat(receipt).matches("[0-9A-F]{6}-0001");
        String code = receipt.substring(0, 6);
        assertThat(second.out()).contains("Receipt " + code + "-0002: credited KES 120.50");
        assertThat(JSON.readTree(repeat.out()).get("receipt").asText()).as("the same receipt").isEqualTo(receipt);

        CommandRun byTechnician = as(technician, "void", "--receipt", receipt, "--reason", "paid twice");
        assertThat(byTechnician.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(byTechnician.err()).contains("Only a supervisor may void a receipt", "T-0042", receipt,
                "[ROLE_FORBIDDEN]");

        clock.advance(Duration.ofMinutes(10));
        CommandRun voided = as(supervisor, "void", "--receipt", receipt, "--reason", "paid twice", "--json");
        CommandRun again = as(supervisor, "void", "--receipt", receipt, "--reason", "paid twice");
        CommandRun unknown = as(supervisor, "void", "--receipt", code + "-0099", "--reason", "typo");

        assertThat(voided.exitCode()).as(voided.err()).isZero();
        JsonNode record = JSON.readTree(voided.out());
        assertThat(record.get("outcome").asText()).isEqualTo("VOIDED");
        assertThat(record.get("voidedBy").asText()).isEqualTo("demo-supervisor");
        assertThat(record.get("technicianId").asText()).isEqualTo("T-0042");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("was voided before", "demo-supervisor", "paid twice");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unknown.err()).contains(code + "-0099", "[CASH_UNKNOWN_RECEIPT]");

        // Receipts KES 300.00 + KES 120.50 = 420.50; the void of the first takes 300.00 off: hand over 120.50.
        CommandRun cashUp = as(technician, "cashup", "--day", "2026-06-03", "--json");
        CommandRun text = as(supervisor, "cashup", "--technician", "T-0042");

        assertThat(cashUp.exitCode()).as(cashUp.err()).isZero();
        JsonNode day = JSON.readTree(cashUp.out());
        assertThat(day.get("technicianId").asText()).isEqualTo("T-0042");
        assertThat(day.get("receiptsMinor").asLong()).isEqualTo(42_050);
        assertThat(day.get("voidsMinor").asLong()).isEqualTo(30_000);
        assertThat(day.get("handOverMinor").asLong()).isEqualTo(12_050);
        assertThat(day.get("lines")).extracting(line -> line.get("kind").asText() + " " + line.get("receipt").asText())
                .containsExactly("RECEIPT " + receipt, "RECEIPT " + code + "-0002", "VOID " + receipt);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Cash-up of T-0042 on 2026-06-03", "12:07", "voided by demo-supervisor",
                "Receipts: 2, KES 420.50. Voids: 1, KES 300.00. Hand over: KES 120.50.");

        clock.advance(Reading.INTERVAL);
        List<LedgerEntry> ledger = site.gateway().ledgerAfter(0);
        assertThat(ledger).filteredOn(entry -> entry.reference().endsWith(":CASH-A"))
                .extracting(LedgerEntry::reference, LedgerEntry::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payment:CASH-A", 30_000L),
                        org.assertj.core.groups.Tuple.tuple("void:CASH-A", -30_000L));
    }

    @Test
    void cashesUpFromTheSiteFileAPullKeptAsTheGatewayDoes(@TempDir Path dir) throws IOException {
        as(technician, "topup", "--customer", customer(5), "--amount", "75", "--reference", "CASH-P1");
        CommandRun online = as(technician, "cashup", "--day", "2026-06-03", "--json");
        Path database = dir.resolve("site.db");
        CommandRun pull = as(technician, "audit", "--site", database.toString());

        CommandRun offline = CommandRun.of("bill", "cashup", "--site", database.toString(), "--technician", "T-0042",
                "--day", "2026-06-03", "--json");
        CommandRun again = as(technician, "audit", "--site", database.toString());
        CommandRun twice = CommandRun.of("bill", "cashup", "--site", database.toString(), "--technician", "T-0042",
                "--day", "2026-06-03", "--json");

        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(JSON.readTree(offline.out())).as("the same cash-up offline").isEqualTo(JSON.readTree(online.out()));
        assertThat(JSON.readTree(offline.out()).get("lines")).extracting(line -> line.get("reference").asText())
                .contains("CASH-P1");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(JSON.readTree(twice.out())).as("a second pull keeps each line once")
                .isEqualTo(JSON.readTree(online.out()));
    }

    @Test
    void refusesAnOfflineCashUpWithoutATechnician(@TempDir Path dir) {
        CommandRun run = CommandRun.of("bill", "cashup", "--site", dir.resolve("none.db").toString(), "--day",
                "2026-06-03");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--technician");
    }

    @Test
    void cashesUpADayWithoutCashAsNothingToHandOver() throws IOException {
        CommandRun run = as(technician, "cashup", "--day", "2026-05-01", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("handOverMinor").asLong()).isZero();
        assertThat(JSON.readTree(run.out()).get("lines")).isEmpty();
    }

    @Test
    void refusesADayThatIsNotADate() {
        CommandRun run = as(technician, "cashup", "--day", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--day", "yesterday");
    }
}
