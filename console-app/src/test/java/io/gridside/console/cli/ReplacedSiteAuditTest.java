package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The billing audit of a site whose gateway was replaced, as a supervisor reads it: each row and the total add up by
 * the formula printed under them, in the text and the JSON alike; the energy a row charges is the energy it shows;
 * the replaced gateway's entries are never taken for entries newer than the last reading; and {@code --site} names
 * one database, before {@code audit} or after it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacedSiteAuditTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;
    private String tcp;

    @AfterEach
    void close() {
        replacement.close();
        old.close();
    }

    @Test
    void eachRowAndTheTotalAddUpByThePrintedFormulaOnASiteReplacedMinutesAfterItsPull() throws IOException {
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1));
        assertThat(replaceGateway("--payment", "CASH-80," + old.customer(2) + ",50,2026-06-03T12:09").exitCode())
                .isZero();
        clock.advance(Duration.ofMinutes(20));

        CommandRun text = audit();
        JsonNode json = JSON.readTree(audit("--json").out());

        assertThat(text.out()).contains("Balance = opening + top-ups - energy - standing - taxes - debt + other.");
        for (JsonNode row : json.get("rows")) {
            assertThat(byFormula(row)).as(row.toString()).isEqualTo(row.get("balanceMinor").asLong());
        }
        JsonNode totals = json.get("totals");
        assertThat(byFormula(totals)).isEqualTo(totals.get("balanceMinor").asLong());
        assertThat(totals.get("standingChargesMinor").asLong()).as("the dead gateway's days are billed").isPositive();
        String total = text.out().lines().filter(line -> line.startsWith("TOTAL")).findFirst().orElseThrow();
        assertThat(total.trim().split("\\s+")[9]).as("the text's total balance is the JSON's")
                .isEqualTo(decimal(totals.get("balanceMinor").asLong()));
    }

    @Test
    void entriesFromBeforeTheReplacementAreNeverCalledNewerThanTheLastReading() throws IOException {
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1));
        assertThat(replaceGateway().exitCode()).isZero();
        clock.advance(Duration.ofMinutes(20));

        CommandRun text = audit();
        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        long tip = audit.get("replacedAfterSeq").asLong();
        assertThat(tip).isPositive();
        assertThat(audit.get("notChecked")).allSatisfy(seq -> assertThat(seq.asLong()).isGreaterThan(tip));
        assertThat(audit.get("agrees").asBoolean()).as(text.out()).isTrue();
        assertThat(text.exitCode()).as(text.out()).isZero();
        assertThat(text.out()).containsPattern("Audit: (all \\d+|checked \\d+) ledger entries")
                .doesNotContain("#" + tip + " ");
    }

    @Test
    void aReconciliationRowShowsTheEnergyItCharges() throws IOException {
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1));

        CommandRun run = replaceGateway("--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode customers = JSON.readTree(run.out()).get("customers");
        assertThat(customers).anySatisfy(row -> assertThat(row.get("energyChargeMinor").asLong()).isPositive());
        for (JsonNode row : customers) {
            long energyWh = row.get("energyWh").asLong();
            long energyCharge = row.get("energyChargeMinor").asLong();
            assertThat(energyWh).as(row.toString())
                    .isEqualTo(row.get("gapEnergyWh").asLong() + row.get("unpostedEnergyWh").asLong());
            assertThat(energyCharge > 0).as("a charge for energy shows energy: " + row).isEqualTo(energyWh > 0);
            assertThat(energyCharge + row.get("otherChargesMinor").asLong())
                    .isEqualTo(row.get("gapChargeMinor").asLong());
        }
    }

    @Test
    void theAuditsKwhCountEachMetersGap() throws IOException {
        replaceAfter(Duration.ofHours(6), Duration.ofHours(2));
        CommandRun replaced = replaceGateway("--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        clock.advance(Duration.ofHours(2));

        JsonNode rows = JSON.readTree(audit("--json").out()).get("rows");

        Map<String, Long> read = new HashMap<>();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            store.readings(Instant.EPOCH, Instant.MAX).forEach(r -> read.merge(r.meterId(), r.energyWh(), Long::sum));
        }
        int gaps = 0;
        for (JsonNode customer : JSON.readTree(replaced.out()).get("customers")) {
            long gap = customer.get("gapEnergyWh").asLong();
            gaps += gap > 0 ? 1 : 0;
            JsonNode row = rowOf(rows, customer.get("customerId").asText());
            assertThat(row.get("energyWh").asLong()).as(customer.toString())
                    .isEqualTo(read.get(customer.get("meterId").asText()) + gap);
        }
        assertThat(gaps).isPositive();
    }

    @Test
    void siteBeforeAuditNamesTheDatabaseItPullsIntoAsAfterIt() throws IOException {
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1));
        assertThat(replaceGateway().exitCode()).isZero();
        long before;
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            before = store.lastLedgerSeq();
        }
        clock.advance(Duration.ofMinutes(20));

        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "--site", database,
                "audit");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.lastLedgerSeq()).isGreaterThan(before);
        }
        Path own = AppDirs.forCurrentUser().siteDatabase(old.site().gateway().profile().siteId());
        assertThat(own).as("nothing is pulled into the data folder's database").doesNotExist();
    }

    @Test
    void refusesTwoDifferentSiteDatabasesBeforeAndAfterAudit() throws IOException {
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1));
        Path other = Files.copy(Path.of(database), home.resolve("other.db"));

        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "--site",
                other.toString(), "audit", "--site", database);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--site", "audit --site FILE", "[USAGE]");
        assertThat(run.out()).isEmpty();
    }

    /** Pulls a fresh site, lets its gateway run on for {@code runsOn}, die, and a new one listen after {@code dead}. */
    private void replaceAfter(Duration runsOn, Duration dead) throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        database = home.resolve("site.db").toString();
        ReplacementSteps.pull(old, database, FROM, NOW);
        ReplacementSteps.die(old, clock, runsOn, dead);
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5c"));
        tcp = ReplacementSteps.tcp(replacement);
    }

    private CommandRun replaceGateway(String... options) {
        return ReplacementSteps.replaceGateway(tcp, old.supervisor(), database, options);
    }

    private CommandRun audit(String... options) {
        return ReplacementSteps.audit(tcp, old.supervisor(), database, options);
    }

    /** The balance as the audit's printed formula has it, from the row's own columns. */
    private static long byFormula(JsonNode row) {
        return row.get("openingMinor").asLong() + row.get("topUpsMinor").asLong()
                - row.get("energyChargesMinor").asLong() - row.get("standingChargesMinor").asLong()
                - row.get("taxesMinor").asLong() - row.get("debtRecoveredMinor").asLong()
                + row.get("otherMinor").asLong();
    }

    private static JsonNode rowOf(JsonNode rows, String customerId) {
        for (JsonNode row : rows) {
            if (row.get("customerId").asText().equals(customerId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + customerId);
    }

    private static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
