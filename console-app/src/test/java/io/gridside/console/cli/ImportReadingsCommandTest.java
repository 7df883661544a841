package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside import readings} into a site database that holds two meters, judged by a gateway clock of
 * 2026-06-03T09:00Z recorded at the last pull. The site is in Nairobi (UTC+3): 10:00 there is 07:00 UTC.
 */
class ImportReadingsCommandTest {

    private static final Instant PULLED_CLOCK = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-06-02T07:00:00Z");

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void pulledSite() {
        site = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(site)) {
            store.saveSite(new SiteInfo("site-9", "Test village", "KES", ZoneId.of("Africa/Nairobi")), "GW-9");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD),
                    new Customer("C-2", "Baraka", CustomerCategory.SHOP)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-9", -70), new Meter("M-2", "S-2", "C-2", "M-1", -80)));
            store.setPulledGatewayClock(PULLED_CLOCK);
        }
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("reads.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private CommandRun importReads(Path file, String... more) {
        String[] args = {"import", "readings", file.toString(), "--site", site.toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandRun.of(all);
    }

    private List<RawRead> held() {
        try (SiteStore store = SiteStore.openExisting(site)) {
            return store.rawReads(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
        }
    }

    private String digest() throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(site)));
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothing() throws Exception {
        Path file = csv("meter,timestamp,register_kwh\nM-1,2026-06-02 10:00,100.000\nM-1,2026-06-02 10:15,100.250\n"
                + "M-2,2026-06-02T07:00:00Z,5.5\n");
        String before = digest();

        CommandRun run = importReads(file, "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("rows").asInt()).isEqualTo(3);
        assertThat(json.get("fresh").asLong()).isEqualTo(3);
        assertThat(json.get("stored").isNull()).isTrue();
        assertThat(json.get("meters").get(0).get("meterId").asText()).isEqualTo("M-1");
        assertThat(json.get("meters").get(0).get("fresh").asInt()).isEqualTo(2);
        assertThat(digest()).as("the database's bytes").isEqualTo(before);
        assertThat(held()).isEmpty();
    }

    @Test
    void storesEachReadOnceSoThatImportingAgainFindsOnlyDuplicates() throws Exception {
        Path file = csv("meter,timestamp,register_kwh\r\nM-1,2026-06-02 10:00,100.000\r\n"
                + "M-1,2026-06-02 10:15,100.250\r\n");

        CommandRun first = importReads(file);
        CommandRun again = importReads(file, "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Imported:", "new reads stored: 2; duplicates ignored: 0;");
        assertThat(held()).containsExactly(new RawRead("M-1", TEN, 100_000),
                new RawRead("M-1", TEN.plusSeconds(900), 100_250));
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertThat(json.get("fresh").asLong()).isZero();
        assertThat(json.get("duplicates").asLong()).isEqualTo(2);
        assertThat(json.get("stored").get("duplicates").asInt()).isEqualTo(2);
        assertThat(held()).hasSize(2);
    }

    @Test
    void queuesConflictingReadsAndNewReadsThatBreakAVeeRuleWithTheirLines() throws Exception {
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.insertRawReads(List.of(new RawRead("M-1", TEN, 100_000)));
        }
        // Held: 100.000 kWh at 10:00. Line 2 says 101.000 at 10:00 (conflicting); line 3 says 99.000 at 10:15,
        // below the 100.000 before it (backwards); line 4 says 100.500 at 10:30, 500 Wh in 30 min, well within a
        // 60 A meter's 6,900 Wh (new and good); line 5 is 2 h after the gateway's clock (from the future).
        Path file = csv("meter,timestamp,register_kwh\nM-1,2026-06-02 10:00,101\nM-1,2026-06-02 10:15,99\n"
                + "M-1,2026-06-02 10:30,100.5\nM-2,2026-06-03T11:00:00Z,1\n");

        CommandRun run = importReads(file, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("conflicting").asLong()).isEqualTo(1);
        assertThat(json.get("conflicts").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(json.get("exceptions")).extracting(e -> e.get("line").asInt(), e -> e.get("rule").asText())
                .containsExactly(tuple(3, "register_backwards"),
                        tuple(5, "future_read"));
        try (SiteStore store = SiteStore.openExisting(site)) {
            assertThat(store.exceptions()).extracting(ReadException::rule).containsExactlyInAnyOrder(
                    ReadRule.CONFLICTING_READ, ReadRule.REGISTER_BACKWARDS, ReadRule.FUTURE_READ);
            assertThat(store.rawReads(TEN, TEN.plusSeconds(3600))).extracting(RawRead::registerWh)
                    .as("the held read stays; the backwards one is kept, as the meter said it")
                    .containsExactly(100_000L, 99_000L, 100_500L);
        }
    }

    @Test
    void namesEveryBadRowByLineAndFieldAndImportsNothing() throws Exception {
        Path file = csv("meter,timestamp,register_kwh\nM-1,2026-06-02 10:00,100\nM-9,2026-06-02 10:00,1\n"
                + "M-1,2026-06-02 10:15,100.2505\nM-2,yesterday,1\nM-2,2026-06-02 10:00,1\"2\nM-2,2026-06-02 10:30\n"
                + "\"M-2\",\"2026-06-02 10:45\",\"1,5\"\n");
        String before = digest();

        CommandRun run = importReads(file);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).containsExactly(
                "gridside: reads.csv line 3, meter: the site has no meter 'M-9'; check the id, or pull the site "
                        + "again if the meter is new.",
                "gridside: reads.csv line 4, register_kwh: '100.2505' has 4 decimals; a register is read to the Wh, "
                        + "which is 3 decimals of a kWh.",
                "gridside: reads.csv line 5, timestamp: 'yesterday' is not a time; write 2026-06-02T10:15 (site "
                        + "time, Africa/Nairobi) or 2026-06-02T10:15:00+03:00.",
                "gridside: reads.csv line 6: a double quote stands inside field 3; quote the whole field and write "
                        + "each quote inside it twice.",
                "gridside: reads.csv line 7: this row has 2 fields where the header has 3; a comma too many or too "
                        + "few, or a value with a comma that is not quoted.",
                "gridside: reads.csv line 8, register_kwh: '1,5' is not a number; write a register in kWh such as "
                        + "1234.567: digits and a point, no sign, comma, space or unit.",
                "gridside: reads.csv has problems on 6 lines (above); nothing was imported. Fix the file and import "
                        + "it again. [IMPORT_INVALID]");
        assertThat(held()).isEmpty();
        assertThat(digest()).isEqualTo(before);
    }

    @Test
    void refusesAReadOfAMeterAfterTheExchangeThatTookItOutNamingTheExchangeAndTheNewMeter() throws Exception {
        try (SiteStore store = SiteStore.openExisting(site)) {
            store.insertEvents(List.of(new SiteEvent(1, Instant.parse("2026-06-02T07:30:00Z"), "M-1",
                    EventKind.METER_EXCHANGED, new TreeMap<>(Map.of("newMeterId", "M-3", "customerId", "C-1",
                            "oldFinalRegisterWh", "100400", "newOpeningRegisterWh", "0", "by", "T-1",
                            "reason", "display dead")), null)));
        }
        Path file = csv("meter,timestamp,register_kwh\nM-1,2026-06-02 10:15,100.250\nM-1,2026-06-02 10:30,100.400\n"
                + "M-1,2026-06-02 10:45,100.500\nM-2,2026-06-02 10:45,5.5\n");

        CommandRun run = importReads(file);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).containsExactly(
                "gridside: reads.csv line 4, meter: meter 'M-1' was taken out by the exchange at 2026-06-02 10:30 "
                        + "EAT, which fitted meter 'M-3' in its place, before this read's time; check the meter's id "
                        + "and the time, or write the new meter's id if the read is of the new meter.",
                "gridside: reads.csv has problems on 1 line (above); nothing was imported. Fix the file and import "
                        + "it again. [IMPORT_INVALID]");
        assertThat(held()).isEmpty();
    }

    @Test
    void aDryRunOfAFileWithBadRowsShowsWhatItsGoodRowsWouldDoAndFails() throws Exception {
        Path file = csv("meter,timestamp,register_kwh\nM-1,2026-06-02 10:00,100\nM-1,2026-06-02 10:15,100.1\n"
                + "M-9,2026-06-02 10:00,1\n");

        CommandRun run = importReads(file, "--dry-run", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("invalid").asLong()).isEqualTo(1);
        assertThat(json.get("fresh").asLong()).isEqualTo(2);
        assertThat(json.get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(run.err().strip()).endsWith("[IMPORT_INVALID]");
        assertThat(held()).isEmpty();
    }

    @Test
    void refusesAFileWithoutTheColumnsOnItsFirstLine() throws Exception {
        CommandRun run = importReads(csv("meter,time,kwh\nM-1,2026-06-02 10:00,1\n"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()[0]).startsWith("gridside: reads.csv line 1, timestamp,register_kwh: the header "
                + "lacks columns timestamp, register_kwh");
    }

    @Test
    void aMissingFileOrASiteNeverPulledIsAUsageError() throws Exception {
        Path empty = dir.resolve("empty.db");
        try (SiteStore store = SiteStore.open(empty)) {
            assertThat(store.site()).isEmpty();
        }
        Path file = csv("meter,timestamp,register_kwh\n");

        CommandRun missing = importReads(dir.resolve("nowhere.csv"));
        CommandRun unpulled = CommandRun.of("import", "readings", file.toString(), "--site", empty.toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("There is no file", "[USAGE]");
        assertThat(unpulled.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unpulled.err()).contains("holds no site yet", "pull it first");
    }
}
