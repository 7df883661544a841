package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.AppDirs;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.Hlc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics bundle lets no planted canary out: a customer's name and phone number, a technician's name, a
 * private key, a credential's signature, a token and a PIN, planted in the site database, the logs (one rolled and
 * compressed), the credential files and the data folder, are in no byte of the zip, neither in its raw bytes nor in
 * any entry's inflated contents; and support can still follow the customer through the files by a pseudonym.
 */
class DiagnosticsExportCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String CUSTOMER = "Zawadi Kanarimwema";
    private static final String PHONE = "+255799123456";
    private static final String ADDRESS = "Plot 7 Kanari Lane";
    private static final String TECHNICIAN = "Baraka Kanaritech";
    private static final String TOKEN = "tok3nKanari99";
    private static final String LOG_PIN = "48213";

    @TempDir
    Path home;

    private String previousHome;
    private AppDirs dirs;

    @BeforeEach
    void moveHome() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        dirs = AppDirs.forCurrentUser();
        // The folder the tests' bundles go to: --out is refused in a folder that does not exist.
        Files.createDirectories(home.resolve("out"));
    }

    @AfterEach
    void restoreHome() {
        Credentials.restoreHome(previousHome);
    }

    @Test
    void leavesNoCanaryInAnyByteOfTheZipAndKeepsOneCustomerFollowable() throws IOException {
        Map<String, String> canaries = plantCanaries();
        Path zip = home.resolve("out").resolve("bundle.zip");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", zip.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bundle.zip", "site S-KANARI.db");
        byte[] raw = Files.readAllBytes(zip);
        Map<String, String> entries = entries(zip);
        assertThat(entries).containsKeys("manifest.json", "system.json", "link.txt", "site/site.json",
                "site/meters.json", "site/topology.json", "site/events.json", "logs/gridside.log",
                "logs/gridside.2026-12-01.0.log");
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            assertThat(contains(raw, canary.getValue())).as("the zip's bytes hold the " + canary.getKey()).isFalse();
            entries.forEach((name, text) -> assertThat(text.toLowerCase(java.util.Locale.ROOT))
                    .as(name + " holds the " + canary.getKey())
                    .doesNotContain(canary.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        String pseudonym = pseudonymOfTheCustomer(entries.get("site/meters.json"));
        assertThat(entries.get("logs/gridside.log")).contains("Top-up for " + pseudonym, "Pulled 96 readings");
        assertThat(entries.get("logs/gridside.2026-12-01.0.log")).contains(pseudonym);
        assertThat(entries.get("site/events.json")).contains(pseudonym).doesNotContain("latitude");
        assertThat(entries.get("site/topology.json")).contains("M-1", "etx").doesNotContain("latitude");
        assertThat(entries.get("system.json")).contains("\"java\"", "\"javafx\"", "\"os\"", "memory.max.mib");
        assertThat(entries.get("manifest.json")).contains("gridside-diagnostics/1", "logs/gridside.log",
                "site/events.json");
    }

    @Test
    void takesTechniciansOfTheCashBookAndCustomersOfTheOtherSitesOutOfTheLogs() throws IOException {
        plantCanaries();
        try (SiteStore store = SiteStore.open(dirs.siteDatabase("S-KANARI"))) {
            store.insertCashBook(List.of(new CashBookLine(CashBookLine.Kind.RECEIPT, "AB12CD-0001", "T-0099",
                    "PAY-1", "C-0001", 5000, "TZS", NOW, null, null)));
        }
        try (SiteStore other = SiteStore.open(dirs.siteDatabase("S-JIRANI"))) {
            other.saveSite(new SiteInfo("S-JIRANI", "Jirani village", "TZS", ZoneId.of("Africa/Dar_es_Salaam")),
                    "GW-2");
            other.saveRoster(List.of(new Customer("C-JIRANI-77", "Neema Jiranikanari", CustomerCategory.SHOP)),
                    List.of(new Meter("M-77", "SN-7777", "C-JIRANI-77", "GW-2", -80)));
        }
        Files.writeString(dirs.logs().resolve("gridside.log"), "2026-12-05T10:00:05Z INFO [main] Cash - Technician "
                + "T-0099 took cash for customer C-JIRANI-77 (Neema Jiranikanari).\n", StandardOpenOption.APPEND);
        Path zip = home.resolve("out").resolve("bundle.zip");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", zip.toString(), "--site",
                dirs.siteDatabase("S-KANARI").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String log = entries(zip).get("logs/gridside.log");
        assertThat(log).contains("Technician person-").doesNotContain("T-0099", "C-JIRANI-77", "Jiranikanari");
    }

    @Test
    void pseudonymisesEveryCredentialIdItsSourcesNameWithoutBeingToldOfThem() throws IOException {
        plantCanaries();
        Files.writeString(dirs.config().resolve("gateway-pins.json"), "{\"format\": \"gridside-gateway-pins/1\", "
                + "\"sites\": {\"S-KANARI\": {\"gatewayId\": \"GW-1\", \"pinnedBy\": \"S-0001\"}}}");
        try (SiteStore store = SiteStore.open(dirs.siteDatabase("S-KANARI"))) {
            store.insertEvents(List.of(new SiteEvent(2, NOW.minusSeconds(60), "GW-1", EventKind.POWER_LOSS,
                    new TreeMap<>(Map.of("by", "S-0007")), null)));
        }
        Files.writeString(dirs.logs().resolve("gridside.log"), String.join("\n",
                "2026-12-05T10:00:06Z INFO [main] Pins - Re-pinned GW-1 by S-0001.",
                "2026-12-05T10:00:07Z INFO [main] Close - Account closed; asked by S-0007.",
                "2026-12-05T10:00:08Z INFO [main] Plan - Credentials loaded for T-0100 and T-0042.",
                "2026-12-05T10:00:09Z INFO [w-1] CommissionDesk - Plan: technicianIds=[X-0200], ok.",
                "2026-12-05T10:00:10Z INFO [w-1] Session - Technician Q-0300 signed in as supervisor.",
                "2026-12-05T10:00:11Z INFO [w-1] Cash - Took cash under R-5977.", ""), StandardOpenOption.APPEND);
        Path zip = home.resolve("out").resolve("bundle.zip");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", zip.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> entries = entries(zip);
        for (String id : List.of("S-0001", "S-0007", "T-0100", "T-0042", "X-0200", "Q-0300")) {
            entries.forEach((name, text) -> assertThat(text).as(name + " holds " + id).doesNotContain(id));
        }
        assertThat(entries.get("site/events.json")).contains("\"by\" : \"person-");
        assertThat(entries.get("logs/gridside.log")).contains("by person-", "Technician person-", "under R-5977");
    }

    @Test
    void passesOverRowsItCannotReadAndNamesThemInTheManifestWithoutTheirPeople() throws IOException, SQLException {
        Map<String, String> canaries = plantCanaries();
        canaries.put("odd customer's name", "Odd Kanariroster");
        canaries.put("planned customer's name", "Juma Kanariplanned");
        canaries.put("planned customer's spaced phone", "+254 712 345 678");
        canaries.put("planned customer's address", "Kanari Hill 9");
        Path database = dirs.siteDatabase("S-KANARI");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (customer_id, name, category) "
                    + "VALUES ('C-ODD1', 'Odd Kanariroster', 'household')");
            statement.executeUpdate("INSERT INTO commission_customer (customer_id, name, phone, address, category, "
                    + "tariff_id, opening_minor) VALUES ('C-ODD2', 'Juma Kanariplanned', '+254 712 345 678', "
                    + "'Kanari Hill 9', 'HOUSEHOLD', 'T-1', 0)");
        }
        Files.writeString(dirs.logs().resolve("gridside.log"), "2026-12-05T10:00:06Z INFO [main] Roster - Odd "
                + "Kanariroster and Juma Kanariplanned (+254 712 345 678, Kanari Hill 9) were imported.\n",
                StandardOpenOption.APPEND);
        Path zip = home.resolve("out").resolve("odd.zip");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", zip.toString(), "--site", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> entries = entries(zip);
        assertThat(entries).containsKeys("site/site.json", "site/meters.json", "site/events.json");
        String manifest = entries.get("manifest.json");
        assertThat(manifest).contains("\"passedOverCount\" : 2", "a row of customer", "a row of commission_customer",
                "customer.phone").doesNotContain("C-ODD1", "C-ODD2", "household");
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            entries.forEach((name, text) -> assertThat(text).as(name + " holds the " + canary.getKey())
                    .doesNotContain(canary.getValue()));
        }
        assertThat(entries.get("logs/gridside.log")).contains("were imported");
    }

    @Test
    void writesTheBundleWithoutADamagedSiteAndNamesWhatItCouldNotRead() throws IOException {
        Map<String, String> canaries = plantCanaries();
        Path damaged = plantDamagedSite(canaries);

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", home.resolve("out/d.zip").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Warning", "S-DAMAGED.db", "SQLITE_CORRUPT");
        assertThat(run.out()).contains("d.zip");
        Map<String, String> entries = entries(home.resolve("out/d.zip"));
        assertThat(entries).containsKeys("manifest.json", "system.json", "link.txt", "logs/gridside.log",
                "site/unreadable.txt").doesNotContainKeys("site/meters.json");
        assertThat(entries.get("site/unreadable.txt")).contains("S-DAMAGED.db", Files.size(damaged) + " bytes",
                "SQLITE_CORRUPT");
        assertThat(entries.get("manifest.json")).contains("S-DAMAGED.db", "SQLITE_CORRUPT");
        assertThat(entries.get("logs/gridside.log")).contains("Pulled 96 readings", "Top-up for person-");
        assertNoCanary(entries, canaries);
        assertThat(Path.of(damaged + "-wal")).as("a write-ahead log left beside the damaged file").doesNotExist();
    }

    @Test
    void aDamagedSiteGivenByNameStillGetsItsBundle() throws IOException {
        Map<String, String> canaries = plantCanaries();
        Path damaged = plantDamagedSite(canaries);

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", home.resolve("out/d.zip").toString(),
                "--site", damaged.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("S-DAMAGED.db", "SQLITE_CORRUPT").doesNotContain("SITE_DAMAGED");
        Map<String, String> entries = entries(home.resolve("out/d.zip"));
        assertThat(entries).containsKeys("site/unreadable.txt", "logs/gridside.log");
        assertNoCanary(entries, canaries);
    }

    @Test
    void passesOverOneBadFieldRowAndKeepsItsAddressOutOfTheLogs() throws IOException, SQLException {
        Map<String, String> canaries = plantCanaries();
        canaries.put("bad row's address", "Plot 17 Mwembe Road");
        try (SiteStore store = SiteStore.open(dirs.siteDatabase("S-KANARI"))) {
            store.saveRoster(List.of(new Customer("C-0001", CUSTOMER, CustomerCategory.HOUSEHOLD),
                    new Customer("C-0002", "Rehema Kanaripili", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "SN-1001", "C-0001", "GW-1", -71)));
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + dirs.siteDatabase("S-KANARI"));
                Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO customer_field (customer_id, field, value, hlc, origin) "
                    + "VALUES ('C-0002', 'address', 'Plot 17 Mwembe Road', '0', 'cloud')");
        }
        Files.writeString(dirs.logs().resolve("gridside.log"), "2026-12-05T10:00:07Z INFO [main] Sync - Moved "
                + "C-0002 to Plot 17 Mwembe Road.\n", StandardOpenOption.APPEND);

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", home.resolve("out/b.zip").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> entries = entries(home.resolve("out/b.zip"));
        assertThat(entries).containsKeys("site/site.json", "site/meters.json");
        assertThat(entries.get("manifest.json")).contains("\"passedOverCount\" : 1", "a row of customer_field")
                .doesNotContain("the site's people", "C-0002");
        assertThat(entries.get("logs/gridside.log")).contains("Moved person-");
        assertNoCanary(entries, canaries);
    }

    @Test
    void offersTheExportsFolderToSaveInAndMakesIt() {
        Path folder = io.gridside.console.support.DiagnosticsExport.defaultFolder(dirs);

        assertThat(folder).isEqualTo(dirs.exports()).isDirectory();
    }

    @Test
    void refusesASiteDatabaseThatIsNotThere() {
        CommandRun run = CommandRun.of("diagnostics", "export", "--out", home.resolve("b.zip").toString(), "--site",
                home.resolve("missing.db").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("[NO_SITE]");
    }

    @Test
    void aSiteFileThatIsNoSiteDatabaseIsAUsageErrorNamingTheFile() throws IOException {
        Path notes = home.resolve("notes.txt");
        Files.writeString(notes, "meter M-1 was read on Tuesday\n");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", home.resolve("b.zip").toString(), "--site",
                notes.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains(notes.toString(), "not a site database")
                .endsWith("[NO_SITE]").doesNotContain("UNEXPECTED");
        assertThat(home.resolve("b.zip")).doesNotExist();
    }

    @Test
    void refusesAnOutFolderThatDoesNotExistAndMakesNoFolder() {
        Path missing = home.resolve("usb-stick").resolve("support");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", missing.resolve("x.zip").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("The folder " + missing + " of --out does not exist", "nothing was written");
        assertThat(home.resolve("usb-stick")).doesNotExist();
    }

    @Test
    void aBundleThatCannotBeWrittenThereNamesTheZipAndFailsWithItsOwnCode() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("notes"), "a file, not a folder\n");
        Path zip = notAFolder.resolve("bundle.zip");

        CommandRun run = CommandRun.of("diagnostics", "export", "--out", zip.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .contains("could not be written to " + zip.toAbsolutePath(), "not a folder", "--out")
                .endsWith("[BUNDLE_UNWRITABLE]").doesNotContain(".part", "UNEXPECTED");
    }

    /**
     * Puts a copy of the planted site, cut short as a copy that did not finish is, in the sites folder as the site
     * changed last, and a log line about a person only that copy names.
     */
    private Path plantDamagedSite(Map<String, String> canaries) throws IOException {
        Path damaged = dirs.sites().resolve("S-DAMAGED.db");
        Files.copy(dirs.siteDatabase("S-KANARI"), damaged);
        try (var file = java.nio.channels.FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            file.truncate(file.size() / 2);
        }
        Files.setLastModifiedTime(damaged, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        canaries.put("damaged site's customer", "Amani Mwembekanari");
        canaries.put("damaged site's address", "Plot 17 Mwembe Road");
        Files.writeString(dirs.logs().resolve("gridside.log"), "2026-12-05T10:00:08Z INFO [main] Cash - Top-up "
                + "for Amani Mwembekanari at Plot 17 Mwembe Road of 2000 TZS.\n", StandardOpenOption.APPEND);
        return damaged;
    }

    private static void assertNoCanary(Map<String, String> entries, Map<String, String> canaries) {
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            entries.forEach((name, text) -> assertThat(text.toLowerCase(java.util.Locale.ROOT))
                    .as(name + " holds the " + canary.getKey())
                    .doesNotContain(canary.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** Plants the canaries where a technician's laptop keeps them; returns each by what it is. */
    private Map<String, String> plantCanaries() throws IOException {
        Map<String, String> canaries = new LinkedHashMap<>();
        canaries.put("customer's name", CUSTOMER);
        canaries.put("customer's phone number", PHONE);
        canaries.put("customer's address", ADDRESS);
        canaries.put("technician's name", TECHNICIAN);
        canaries.put("token", TOKEN);
        canaries.put("PIN", LOG_PIN);
        Files.createDirectories(dirs.config());
        Path credential = Path.of(Credentials.write(dirs.config(), "credential.json", DemoOperator.issue("T-0042",
                TECHNICIAN, Role.TECHNICIAN, List.of("S-KANARI"), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of())));
        String credentialText = Files.readString(credential);
        canaries.put("credential's signature", jsonValue(credentialText, "signature"));
        canaries.put("technician's private key", jsonValue(Files.readString(
                io.gridside.link.auth.TechnicianKeyFile.nextTo(credential)), "privateKey"));
        plantSite(canaries);
        plantLogs(canaries);
        Files.createDirectories(dirs.statements());
        Files.writeString(dirs.statements().resolve("statement.txt"), CUSTOMER + " " + PHONE);
        return canaries;
    }

    private void plantSite(Map<String, String> canaries) {
        try (SiteStore store = SiteStore.open(dirs.siteDatabase("S-KANARI"))) {
            store.saveSite(new SiteInfo("S-KANARI", "Kanari village", "TZS", ZoneId.of("Africa/Dar_es_Salaam")),
                    "GW-1");
            store.saveRoster(List.of(new Customer("C-0001", CUSTOMER, CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "SN-1001", "C-0001", "GW-1", -71)));
            store.sync().editCustomerField("C-0001", "phone", PHONE, new Hlc(NOW.toEpochMilli(), 0, "console"));
            store.sync().editCustomerField("C-0001", "address", ADDRESS, new Hlc(NOW.toEpochMilli(), 1, "console"));
            store.sync().saveConfig("https://127.0.0.1:8443/", "sha256/KanariPinValue1234567890abcdefXYZ=");
            canaries.put("cloud PIN", "KanariPinValue1234567890abcdefXYZ");
            store.insertEvents(List.of(new SiteEvent(1, NOW.minusSeconds(600), "M-1", EventKind.POWER_LOSS,
                    new TreeMap<>(Map.of("customer", CUSTOMER, "note", "called " + PHONE)), null)));
            store.insertTopology(new TopologySnapshot(NOW, "GW-1",
                    List.of(new TopologySnapshot.Node("GW-1", -6.1, 35.7, 0, 0, null, List.of(), "1.0", 10),
                            new TopologySnapshot.Node("M-1", -6.123456, 35.765432, 1, 1, "GW-1", List.of(), "1.0",
                                    4)),
                    List.of(new TopologySnapshot.Link("M-1", "GW-1", -71, -73, 0.98, 0.97, 1.05, 30, true))));
            canaries.put("meter's latitude", "-6.123456");
        }
    }

    private void plantLogs(Map<String, String> canaries) throws IOException {
        Files.createDirectories(dirs.logs());
        String key = canaries.get("technician's private key");
        Files.writeString(dirs.logs().resolve("gridside.log"), String.join("\n",
                "2026-12-05T10:00:00Z INFO [main] Pull - Pulled 96 readings from GW-1.",
                "2026-12-05T10:00:01Z INFO [main] Cash - Top-up for " + CUSTOMER + " (" + PHONE + ") of 5000 TZS.",
                "2026-12-05T10:00:02Z DEBUG [main] Auth - Session opened by " + TECHNICIAN + " token=" + TOKEN,
                "2026-12-05T10:00:03Z DEBUG [main] Auth - Signed with " + key + ", pin: " + LOG_PIN,
                "2026-12-05T10:00:04Z WARN [main] Sync - Customer at " + ADDRESS + " mailed x.y@example.org",
                "2026-12-05T10:00:05Z INFO [main] Note - call 0722 111 222, or +255 712 345 678, or 0722-111-222.",
                ""));
        Path rolled = dirs.logs().resolve("gridside.2026-12-01.0.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rolled))) {
            out.write(("2026-12-01T08:00:00Z INFO [main] Cash - Receipt printed for " + CUSTOMER + ".\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        canaries.put("e-mail address", "x.y@example.org");
        canaries.put("spaced local phone number", "0722 111 222");
        canaries.put("spaced international phone number", "+255 712 345 678");
        canaries.put("hyphenated local phone number", "0722-111-222");
    }

    private static String jsonValue(String json, String field) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json);
        assertThat(matcher.find()).as(field + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String pseudonymOfTheCustomer(String meters) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("person-[0-9a-f]{8}").matcher(meters);
        assertThat(matcher.find()).as(meters).isTrue();
        return matcher.group();
    }

    /** Every entry of the zip, inflated, as text. */
    private static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(readAll(in), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
