package io.gridside.console.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.TolerantReads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the diagnostics bundle: one zip that support can read without learning who the customers and technicians
 * are. What goes in is chosen by an allow-list: the logs, the link's figures and journal, the open site's identity,
 * meters, latest mesh and recent events field by field ({@link SiteDiagnostics}), the console's settings of language
 * and theme, and the versions of the console, Java, JavaFX and the system. Never the credential files, the site
 * database itself, statements, receipts or the settings' other values. Every text then passes the
 * {@link Redactor}, told of every person and secret the site database and credential files hold, as a second guard.
 * {@code manifest.json} lists the entries, what each holds, its size and its SHA-256.
 */
public final class DiagnosticsExport {

    /** The format the manifest names, for tools that read bundles. */
    public static final String FORMAT = "gridside-diagnostics/1";
    /** The most log text a bundle carries, the newest files first: the rolling log keeps up to 200 MB. */
    static final long MOST_LOG_BYTES = 32L * 1024 * 1024;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsExport.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SALT_BYTES = 16;
    private static final List<String> SETTINGS_KEPT = List.of("console.language", "console.theme");

    private final AppDirs dirs;
    private final Clock clock;

    public DiagnosticsExport(AppDirs dirs, Clock clock) {
        this.dirs = dirs;
        this.clock = clock;
    }

    /** The name a bundle made at {@code at} is given unless the technician chooses another. */
    public static String fileName(Instant at) {
        return "gridside-diagnostics-" + STAMP.format(at) + ".zip";
    }

    /** One entry of a bundle, as the manifest lists it. */
    public record Entry(String name, String holds, long bytes, String sha256) {
    }

    /**
     * A bundle written.
     *
     * @param entries  the entries written, the manifest last
     * @param warnings what the technician is told of: each site database or part of one the bundle could not read
     */
    public record Written(List<Entry> entries, List<String> warnings) {
    }

    /**
     * The folder a technician is offered to save a bundle in: the data folder's exports, made if it is not there
     * yet, or, should it not be made, the documents folder or the home folder.
     */
    public static Path defaultFolder(AppDirs dirs) {
        try {
            return Files.createDirectories(dirs.exports());
        } catch (IOException e) {
            LOG.warn("Could not make the exports folder {}; the home folder is offered instead.", dirs.exports(), e);
            Path home = Path.of(System.getProperty("user.home", "."));
            Path documents = home.resolve("Documents");
            return Files.isDirectory(documents) ? documents : home;
        }
    }

    /**
     * Writes the bundle to {@code zip} (a file written before is replaced only once the new one is whole).
     *
     * @param siteDatabase the open site's database, or null when no site is open
     * @param link         the link's figures and journal
     * @param credentials  credential files whose holders and secrets must not pass, beside the default one
     * @return the entries written and the warnings of what could not be read
     */
    public Written write(Path zip, Path siteDatabase, LinkStatistics link, List<Path> credentials)
            throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Redactor.Builder told = Redactor.withSalt(salt);
        told.replace(System.getProperty("user.home", ""), "~");
        told.person("os-user", List.of(System.getProperty("user.name", "")));
        List<Path> credentialFiles = new ArrayList<>(credentials);
        credentialFiles.add(dirs.defaultCredential());
        credentialFiles.forEach(file -> CredentialSecrets.tell(file, told));
        // Technicians named by the data folder's own files count too, not only the credential given with the export.
        CredentialSecrets.tellFolder(dirs.config(), told);
        CredentialSecrets.tellFolder(dirs.data(), told);
        BundleFindings findings = new BundleFindings();
        tellOtherSites(siteDatabase, told, findings);

        Path absolute = zip.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path part = Files.createTempFile(absolute.getParent(), ".diagnostics-", ".part");
        try {
            List<Entry> entries = writeZip(part, siteDatabase, link, told, findings);
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Wrote a diagnostics bundle of {} entries to {}.", entries.size(), absolute);
            findings.warnings().forEach(warning -> LOG.warn("Diagnostics bundle: {}", warning));
            return new Written(entries, findings.warnings());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Tells {@code told} of the people of every other site database in the data folder: the log names customers and
     * technicians of whichever site the console worked on, not only the one the bundle is about. A database that
     * cannot be read is named in {@code findings}, and the logs then pass the {@link NameGuard}.
     */
    private void tellOtherSites(Path chosen, Redactor.Builder told, BundleFindings findings) {
        Path sites = dirs.sites();
        if (!Files.isDirectory(sites)) {
            return;
        }
        try (var files = Files.list(sites)) {
            for (Path other : files.filter(f -> f.toString().endsWith(".db")).toList()) {
                if (chosen != null && Files.isRegularFile(chosen) && Files.isSameFile(other, chosen)) {
                    continue;
                }
                tellOtherSite(other, told, findings);
            }
        } catch (IOException e) {
            LOG.warn("Could not list the site databases in {}.", sites, e);
        }
    }

    private static void tellOtherSite(Path other, Redactor.Builder told, BundleFindings findings) {
        try (SiteStore store = SiteOpening.open(other)) {
            List<SiteDiagnostics.Unread> unread = new SiteDiagnostics(store).tell(told);
            unread.forEach(part -> findings.peopleUnread(part.part() + " of " + other.getFileName(), part.failure()));
        } catch (RuntimeException e) {
            LOG.warn("Could not read {} for the people its site names.", other, e);
            findings.unreadable(other, e);
        }
    }

    private List<Entry> writeZip(Path file, Path siteDatabase, LinkStatistics link, Redactor.Builder told,
            BundleFindings findings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Redactor redactor;
            if (siteDatabase != null && Files.isRegularFile(siteDatabase)) {
                redactor = writeSite(zip, entries, siteDatabase, told, findings);
            } else {
                redactor = told.build();
            }
            put(zip, entries, redactor, "system.json", "versions of the console, Java, JavaFX, the system",
                    JSON.valueToTree(system()));
            put(zip, entries, guarded(redactor, findings), "link.txt", "the link's figures and journal",
                    link.text());
            for (LogFiles.LogFile log : LogFiles.newestFirst(dirs.logs(), MOST_LOG_BYTES)) {
                put(zip, entries, guarded(redactor, findings), "logs/" + log.name(), "the console's log",
                        log.text());
            }
            writeManifest(zip, entries, siteDatabase != null, findings);
        }
        return entries;
    }

    /**
     * The redaction of a text that may name people the redactor was not told of: when a site's people could not all
     * be read, the {@link NameGuard} removes what is written as names and addresses after the redaction.
     */
    private static UnaryOperator<String> guarded(Redactor redactor, BundleFindings findings) {
        return findings.peopleUnknown() ? text -> NameGuard.removeNames(redactor.redact(text)) : redactor::redact;
    }

    /**
     * Writes the site's files from the database at {@code database}, or, when it cannot be opened or read through,
     * {@code site/unreadable.txt}, which says which file and why.
     *
     * @return the redactor, told of every person the site's readable rows name
     */
    private Redactor writeSite(ZipOutputStream zip, List<Entry> entries, Path database, Redactor.Builder told,
            BundleFindings findings) throws IOException {
        SiteStore store;
        try {
            store = SiteOpening.open(database);
        } catch (RuntimeException e) {
            LOG.warn("The diagnostics bundle could not open the site database {}; it leaves the site out.", database,
                    e);
            return writeUnreadable(zip, entries, database, e, told, findings);
        }
        try (store) {
            return writeSite(zip, entries, database, new SiteDiagnostics(store), told, findings);
        }
    }

    private Redactor writeUnreadable(ZipOutputStream zip, List<Entry> entries, Path database,
            RuntimeException failure, Redactor.Builder told, BundleFindings findings) throws IOException {
        String line = findings.unreadable(database, failure);
        Redactor redactor = told.build();
        put(zip, entries, redactor::redact, "site/unreadable.txt", "which site database could not be read, and why",
                line + "\n");
        return redactor;
    }

    /**
     * Writes the site's files, each read on its own: a part of the database that cannot be read is passed over and
     * named in the manifest, because support needs the bundle most when the data is odd. A database that SQLite
     * finds damaged is left out as a whole and named in {@code site/unreadable.txt}.
     *
     * @return the redactor, told of every person the site's readable rows name
     */
    private Redactor writeSite(ZipOutputStream zip, List<Entry> entries, Path database, SiteDiagnostics site,
            Redactor.Builder told, BundleFindings findings) throws IOException {
        List<SiteDiagnostics.Unread> unread = site.tell(told);
        for (SiteDiagnostics.Unread part : unread) {
            LOG.warn("The diagnostics bundle could not read {} of the site.", part.part(), part.failure());
            if (BundleFindings.isDamage(part.failure())) {
                return writeUnreadable(zip, entries, database, part.failure(), told, findings);
            }
        }
        unread.forEach(part -> findings.peopleUnread(part.part(), part.failure()));
        Redactor redactor = told.build();
        for (TolerantReads.PassedOver row : site.passedOver()) {
            String key = row.key() == null ? null : redactor.pseudonym(row.key());
            findings.passOver("a row of " + row.table(), key, row.problem());
        }
        UnaryOperator<String> plain = redactor::redact;
        put(zip, entries, plain, "site/site.json", "the open site: ids, zone, sizes",
                read("site/site.json", findings, site::site));
        put(zip, entries, plain, "site/meters.json", "meters, customers as pseudonyms",
                read("site/meters.json", findings, () -> site.meters(redactor)));
        put(zip, entries, plain, "site/topology.json", "the latest mesh, without positions",
                read("site/topology.json", findings, site::topology));
        put(zip, entries, guarded(redactor, findings), "site/events.json", "the recent events",
                read("site/events.json", findings, site::events));
        return redactor;
    }

    /** One part of the site as {@code reader} reads it, or null, the part named in {@code passedOver}, on failure. */
    private static JsonNode read(String part, BundleFindings findings, Supplier<JsonNode> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            LOG.warn("The diagnostics bundle passes over {}, which could not be read.", part, e);
            findings.passOver(part, null, "unreadable (" + BundleFindings.code(e) + ")");
            return null;
        }
    }

    private Map<String, Object> system() {
        Settings settings = Settings.load(dirs);
        Map<String, Object> system = new java.util.LinkedHashMap<>(SystemFacts.collect());
        SETTINGS_KEPT.forEach(key -> system.put("setting." + key, settings.get(key, "")));
        return system;
    }

    private void put(ZipOutputStream zip, List<Entry> entries, Redactor redactor, String name, String holds,
            JsonNode json) throws IOException {
        put(zip, entries, redactor::redact, name, holds, json);
    }

    private void put(ZipOutputStream zip, List<Entry> entries, UnaryOperator<String> redaction, String name,
            String holds, JsonNode json) throws IOException {
        if (json != null) {
            put(zip, entries, redaction, name, holds, json(json));
        }
    }

    private void put(ZipOutputStream zip, List<Entry> entries, UnaryOperator<String> redaction, String name,
            String holds, String text) throws IOException {
        byte[] bytes = redaction.apply(text).getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        entries.add(new Entry(name, holds, bytes.length, HistoryDigests.sha256(bytes).hex()));
    }

    private void writeManifest(ZipOutputStream zip, List<Entry> entries, boolean withSite,
            BundleFindings findings) throws IOException {
        List<BundleFindings.PassedOver> passedOver = findings.passedOver();
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT)
                .put("createdAt", clock.instant().toString())
                .put("site", !withSite ? "no site was open" : entries.stream().anyMatch(entry -> entry.name()
                        .equals("site/unreadable.txt")) ? "the site's database could not be read: see "
                        + "site/unreadable.txt" : "the open site's database was read")
                .put("personalData", "removed: customers and technicians appear as person-xxxxxxxx, the same in "
                        + "every file of this bundle and different in another bundle; secrets, keys, phone numbers "
                        + "and e-mail addresses appear as " + Redactor.REMOVED_SECRET + ", " + Redactor.REMOVED_KEY
                        + ", " + Redactor.REMOVED_PHONE + " and " + Redactor.REMOVED_EMAIL);
        if (findings.peopleUnknown()) {
            manifest.put("namesRemoved", "the people of a site database could not all be read, so capitalised "
                    + "words in a row (names, addresses) after the first word of each line of the logs, the link's "
                    + "journal and the events appear as " + Redactor.REMOVED_NAME);
        }
        manifest.put("passedOverCount", passedOver.size());
        ArrayNode skipped = manifest.putArray("passedOver");
        for (BundleFindings.PassedOver part : passedOver) {
            skipped.addObject().put("what", part.what()).put("key", part.key()).put("problem", part.problem());
        }
        ArrayNode list = manifest.putArray("entries");
        for (Entry entry : entries) {
            list.addObject().put("name", entry.name()).put("holds", entry.holds()).put("bytes", entry.bytes())
                    .put("sha256", entry.sha256());
        }
        byte[] bytes = json(manifest).getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(bytes);
        zip.closeEntry();
        entries.add(new Entry("manifest.json", "this list", bytes.length, HistoryDigests.sha256(bytes).hex()));
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A diagnostics entry could not be written as JSON.", e);
        }
    }
}
