package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bill --site FILE} reports each customer's billing by line from a pulled site database. */
class BillCommandTest {

    @TempDir
    Path dir;

    private Path database;

    /**
     * Nairobi (UTC+3), KES. C-1 opens with 100.00 on 06-01, is charged 3.50 of energy for 100 Wh and, at 00:15
     * local as the gateway charges a day's standing charge, 10.00 standing (06-02), then pays 50.00 of which a loan
     * takes 5.00: 100 - 3.50 - 10 + 50 - 5 = 131.50. C-2 opens with 20.00 and pays nothing.
     */
    @BeforeEach
    void pulledSite() {
        database = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi")), "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD),
                    new Customer("C-2", "Baraka", CustomerCategory.SHOP)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70), new Meter("M-2", "S-2", "C-2", "GW-1", -70)));
            store.insertLedger(List.of(
                    entry(1, "2026-06-01T05:00:00Z", "C-1", EntryKind.OPENING, 10_000, 10_000),
                    entry(2, "2026-06-01T05:00:00Z", "C-2", EntryKind.OPENING, 2_000, 2_000),
                    entry(3, "2026-06-01T06:00:00Z", "C-1", EntryKind.ENERGY, -350, 9_650),
                    entry(4, "2026-06-01T21:15:00Z", "C-1", EntryKind.STANDING_CHARGE, -1_000, 8_650),
                    entry(5, "2026-06-02T09:00:00Z", "C-1", EntryKind.TOP_UP, 5_000, 13_650),
                    entry(6, "2026-06-02T09:00:00Z", "C-1", EntryKind.DEBT_RECOVERY, -500, 13_150)));
            store.insertReadings(List.of(new Reading("M-1", Instant.parse("2026-06-01T05:45:00Z"), 100, 1_100)));
            store.saveStatuses(List.of(
                    new MeterStatus("M-1", "C-1", "Amina", 13_150, "KES", null, 1_100, -70, "GW-1", RelayState.ON,
                            CreditState.ACTIVE),
                    new MeterStatus("M-2", "C-2", "Baraka", 2_000, "KES", null, 0, -70, "GW-1", RelayState.ON,
                            CreditState.LOW)));
        }
    }

    private static LedgerEntry entry(long seq, String at, String customer, EntryKind kind, long amount,
            long balance) {
        return new LedgerEntry(seq, Instant.parse(at), customer, kind, amount, balance, "ref-" + seq);
    }

    @Test
    void printsEachCustomersLinesInTheSitesCurrency() {
        CommandRun run = CommandRun.of("bill", "--site", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("2026-06-01 to 2026-06-02", "Africa/Nairobi", "amounts in KES");
        assertThat(lines.get(2)).contains("CUSTOMER", "OPENING", "ENERGY", "STANDING", "TAX", "LEVY", "DEBT",
                "TOP-UPS", "ADJUST", "CLOSING", "TRIPS", "STATE");
        // C-1's account opened in the period: its opening balance is the OPENING column's, not an adjustment.
        assertThat(lines.get(3).split("\\s+")).containsExactly("C-1", "M-1", "0.100", "100.00", "3.50", "10.00",
                "0.00", "0.00", "0.00", "5.00", "50.00", "0.00", "131.50", "0", "active");
        assertThat(lines.get(4).split("\\s+")).containsExactly("C-2", "M-2", "0.000", "20.00", "0.00", "0.00",
                "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "20.00", "0", "low");
        assertThat(lines.get(5).split("\\s+")).containsExactly("TOTAL", "-", "0.100", "120.00", "3.50", "10.00",
                "0.00", "0.00", "0.00", "5.00", "50.00", "0.00", "151.50", "0");
    }

    @Test
    void countsEachCustomersPowerLimiterTripsInThePeriodFromThePulledEvents() throws IOException {
        try (SiteStore store = SiteStore.open(database)) {
            // 06-01 21:30 UTC is 06-02 00:30 in Nairobi, so inside a period of 06-02 alone; 06-01 20:00 UTC is not.
            store.insertEvents(List.of(trip(1, "2026-06-01T20:00:00Z", "M-1"), trip(2, "2026-06-01T21:30:00Z", "M-1"),
                    trip(3, "2026-06-02T10:00:00Z", "M-1"),
                    new SiteEvent(4, Instant.parse("2026-06-02T10:05:00Z"), "M-1", EventKind.POWER_LIMIT_RECLOSED,
                            new TreeMap<>(Map.of("after", "delay")), null),
                    new SiteEvent(5, Instant.parse("2026-06-02T11:00:00Z"), "M-2", EventKind.RELAY_OFF,
                            new TreeMap<>(Map.of("reason", "billing")), null)));
        }

        CommandRun text = CommandRun.of("bill", "--site", database.toString());
        CommandRun json = CommandRun.of("bill", "--site", database.toString(), "--from", "2026-06-02", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(3).split("\\s+")).endsWith("3", "active");
        assertThat(lines.get(4).split("\\s+")).endsWith("0", "low");
        assertThat(lines.get(5).split("\\s+")).endsWith("3");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("customers").get(0).get("limiterTrips").asInt()).isEqualTo(2);
        assertThat(report.get("customers").get(1).get("limiterTrips").asInt()).isZero();
        assertThat(report.get("totals").get("limiterTrips").asInt()).isEqualTo(2);
    }

    private static SiteEvent trip(long id, String at, String meterId) {
        return new SiteEvent(id, Instant.parse(at), meterId, EventKind.POWER_LIMIT_TRIPPED,
                new TreeMap<>(Map.of("demandW", "2000", "limitW", "250")), null);
    }

    @Test
    void givesMinorUnitsWithTheCurrencyAsJsonForOneCustomerAndPeriod() throws IOException {
        CommandRun run = CommandRun.of("bill", "--site", database.toString(), "--customer", "C-1", "--from",
                "2026-06-02", "--to", "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("currency").asText()).isEqualTo("KES");
        assertThat(report.get("currencyExponent").asInt()).isEqualTo(2);
        assertThat(report.get("from").asText()).isEqualTo("2026-06-02");
        JsonNode c1 = report.get("customers").get(0);
        assertThat(report.get("customers")).hasSize(1);
        // 06-02 opens after the 06-01 entries: 100.00 - 3.50 = 96.50; then standing 10, debt 5, top-up 50.
        assertThat(c1.get("openingMinor").asLong()).isEqualTo(9_650);
        assertThat(c1.get("lines").get("standingMinor").asLong()).isEqualTo(1_000);
        assertThat(c1.get("lines").get("debtRecoveryMinor").asLong()).isEqualTo(500);
        assertThat(c1.get("lines").get("topUpsMinor").asLong()).isEqualTo(5_000);
        assertThat(c1.get("chargesMinor").asLong()).isEqualTo(1_500);
        assertThat(c1.get("closingMinor").asLong()).isEqualTo(13_150);
        assertThat(c1.get("creditState").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void openingPlusLinesIsClosingForEveryCustomerOfAGeneratedMonth() throws IOException {
        CommandRun month = CommandRun.of("sim", "month", "--meters", "12", "--seed", "5", "--days", "3",
                "--cache", dir.resolve("months").toString());
        assertThat(month.exitCode()).as(month.err()).isZero();
        Path file = Path.of(month.out().strip());
        Map<String, Long> pulledBalances = new HashMap<>();
        Map<String, Long> postedBalances = new HashMap<>();
        try (SiteStore store = SiteStore.open(file)) {
            store.statuses().forEach(s -> pulledBalances.put(s.customerId(), s.balanceMinor()));
            store.ledger().forEach(e -> postedBalances.put(e.customerId(), e.balanceAfterMinor()));
        }

        for (String[] window : new String[][] {{}, {"--from", "2026-06-02"}, {"--to", "2026-06-02"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("bill", "--site", file.toString(), "--json"));
            args.addAll(List.of(window));
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode customers = new ObjectMapper().readTree(run.out()).get("customers");
            assertThat(customers).hasSize(12);
            for (JsonNode c : customers) {
                JsonNode lines = c.get("lines");
                long net = lines.get("topUpsMinor").asLong() + lines.get("adjustmentsMinor").asLong()
                        - c.get("chargesMinor").asLong();
                assertThat(c.get("openingMinor").asLong() + net).as(c.toString())
                        .isEqualTo(c.get("closingMinor").asLong());
                if (window.length == 0) {
                    // Over the whole ledger, the closing balance is the one the ledger stored with the customer's
                    // last posting; the gateway reported that less what accrued since (decision 0025), no more.
                    String customer = c.get("customerId").asText();
                    assertThat(c.get("closingMinor").asLong()).isEqualTo(postedBalances.get(customer));
                    assertThat(pulledBalances.get(customer)).isLessThanOrEqualTo(c.get("closingMinor").asLong());
                }
            }
        }
    }

    @Test
    void anUnknownCustomerIsRefusedWithExitOne() {
        CommandRun run = CommandRun.of("bill", "--site", database.toString(), "--customer", "C-9");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString().contains("no customer C-9")
                .endsWith("[NO_CUSTOMER]");
    }

    @Test
    void aMissingOrNeverPulledSiteAndABackwardPeriodAreUsageErrors() throws IOException {
        Path empty = dir.resolve("empty.db");
        SiteStore.open(empty).close();

        CommandRun missing = CommandRun.of("bill", "--site", dir.resolve("none.db").toString());
        CommandRun neverPulled = CommandRun.of("bill", "--site", empty.toString());
        CommandRun backward = CommandRun.of("bill", "--site", database.toString(), "--from", "2026-06-02",
                "--to", "2026-06-01");
        CommandRun noSite = CommandRun.of("bill");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("There is no site database").endsWith("[NO_SITE]\n");
        assertThat(neverPulled.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(neverPulled.err()).contains("holds no site yet").endsWith("[NO_SITE]\n");
        assertThat(backward.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(backward.err()).contains("must not be before --from");
        assertThat(noSite.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noSite.err()).contains("--site FILE", "bill statement");
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    @Test
    void aPeriodOutsideTheLedgersDaysIsRefusedRatherThanPrintedAsZeros() {
        CommandRun before = CommandRun.of("bill", "--site", database.toString(), "--from", "2025-01-01",
                "--to", "2025-01-31");
        CommandRun after = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer", "C-1",
                "--from", "2026-07-01");
        CommandRun overlapping = CommandRun.of("bill", "--site", database.toString(), "--from", "2026-05-01",
                "--to", "2026-06-01");

        assertThat(before.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(before.err()).contains("holds the days 2026-06-01 to 2026-06-02", "2025-01-01 to 2025-01-31")
                .endsWith("[NO_DAYS]\n");
        assertThat(before.out()).isEmpty();
        assertThat(after.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(after.err()).contains("[NO_DAYS]");
        assertThat(overlapping.exitCode()).as(overlapping.err()).isZero();
    }

    @Test
    void writesAStatementAsCsvAndAPrintablePage() throws IOException {
        Path csv = dir.resolve("c1.csv");
        Path html = dir.resolve("c1.html");

        CommandRun run = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer", "C-1",
                "--csv", csv.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("C-1 (Amina)", "Test site");
        assertThat(lines.get(1)).contains("Meter M-1", "2026-06-01 to 2026-06-02", "amounts in KES");
        // The account opened on 06-01: the statement opens at its opening balance, which no day shows as ADJUST.
        assertThat(lines.get(4).split("\\s+")).containsExactly("opening", "100.00");
        assertThat(lines.get(5).split("\\s+")).containsExactly("2026-06-01", "0.100", "3.50", "0.00", "0.00",
                "96.50");
        assertThat(lines.get(6).split("\\s+")).containsExactly("2026-06-02", "0.000", "15.00", "50.00", "0.00",
                "131.50");
        assertThat(Files.readAllLines(csv)).hasSize(5).first().asString().startsWith("customer_id,customer_name");
        assertThat(Files.readString(html)).contains("<h1>Statement of account</h1>", "Amina (C-1)");
        assertThat(run.out()).contains("Wrote the statement as CSV to " + csv.toAbsolutePath() + ".")
                .doesNotContain("replacing");

        CommandRun again = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer", "C-1",
                "--csv", csv.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Wrote the statement as CSV to " + csv.toAbsolutePath()
                + ", replacing the file that was there.");
    }

    @Test
    void aStatementIntoAFolderThatIsNotThereIsAUsageErrorAndWritesNothing() {
        CommandRun run = CommandRun.of("bill", "statement", "--site", database.toString(), "--customer", "C-1",
                "--csv", dir.resolve("nowhere").resolve("c1.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("creates no folders");
        assertThat(run.out()).isEmpty();
    }
}
