package io.gridside.sim.month;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Feeders;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.LedgerEntry;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seeded generator of a month of a site's data: it runs the simulated gateway unthrottled over the days asked
 * for and writes what a console would have pulled into a site database of the console's own format (site, tariff,
 * roster and each meter's feeder, readings with their quality, ledger, events, meter statuses, the mesh's topology
 * every six hours, and each site day's digests and mesh history as a console's pull by day digests keeps them),
 * cached on disk under a key of all its inputs.
 *
 * <p>A month is written to a temporary file beside its place in the cache and renamed into it once complete, so a
 * run that is killed leaves no half month, and the next call with the same spec finds the file and reuses it.
 * The same spec gives the same rows, bit for bit ({@link StoreDigest}); a change to what the generator writes must
 * raise {@link #GENERATOR_VERSION}, so that no cached month of the old kind is taken for the new.
 */
public final class SiteMonth {

    /**
     * The version of what the generator writes, part of every key. Known gap: it is raised by hand, and a change
     * to the simulation itself (loads, mesh, billing) changes the data too; such a change must raise it as well,
     * or an engineer must empty the cache, since nothing detects it.
     */
    public static final int GENERATOR_VERSION = 7;
    /** Every month starts here, so that a spec alone fixes its data. */
    public static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    /** How often the mesh's topology is kept: four snapshots a day is the mesh's history at a useful grain. */
    public static final Duration TOPOLOGY_EVERY = Duration.ofHours(6);
    /** The system property that moves the cache. */
    public static final String CACHE_PROPERTY = "gridside.months.dir";

    private static final Logger LOG = LoggerFactory.getLogger(SiteMonth.class);

    private SiteMonth() {
    }

    /**
     * The cache's folder: the system property {@value #CACHE_PROPERTY} if set, else {@code gridside/months} under
     * the user's cache folder ({@code XDG_CACHE_HOME}, or {@code ~/.cache}).
     */
    public static Path defaultCache() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return cache.resolve("gridside").resolve("months");
    }

    /**
     * Where the month of {@code spec} is cached in {@code cache}: under its key and a digest of its scenario's
     * steps, so that a scenario edited under the same name makes a new month.
     *
     * @throws IllegalArgumentException for a scenario that does not ship with the simulator
     */
    public static Path fileIn(Path cache, MonthSpec spec) {
        return cache.resolve(spec.key() + "-" + digest(scenario(spec.scenario()).toString()) + ".db");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** The month of {@code spec} from the default cache, generated first if it is not there. */
    public static Path obtain(MonthSpec spec) {
        return obtain(spec, defaultCache());
    }

    /**
     * The month of {@code spec} from {@code cache}, generated first if it is not there.
     *
     * @return the site database's file
     * @throws IllegalArgumentException for a scenario that does not ship with the simulator, or that names a meter
     *     the site does not have
     * @throws UncheckedIOException when the cache cannot be written
     */
    public static Path obtain(MonthSpec spec, Path cache) {
        Path file = fileIn(cache, spec);
        if (Files.isRegularFile(file)) {
            LOG.debug("Found the month {} in the cache.", file);
            return file;
        }
        generate(spec, file);
        return file;
    }

    /**
     * Generates the month of {@code spec} into {@code file}, replacing it, through a temporary file renamed into
     * place.
     */
    public static void generate(MonthSpec spec, Path file) {
        Scenario scenario = scenario(spec.scenario());
        Path folder = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, "." + file.getFileName(), ".partial");
            Files.delete(partial);
            long started = System.nanoTime();
            write(spec, scenario, partial);
            move(partial, file);
            LOG.info("Generated the month {} in {} s.", file, (System.nanoTime() - started) / 1_000_000_000.0);
        } catch (IOException e) {
            throw new UncheckedIOException("The month " + file + " could not be written: " + e.getMessage(), e);
        } finally {
            deletePartial(partial);
        }
    }

    private static Scenario scenario(String name) {
        return MonthSpec.NO_SCENARIO.equals(name) ? Scenario.NONE : Scenarios.named(name);
    }

    private static void write(MonthSpec spec, Scenario scenario, Path partial) {
        SiteSpec siteSpec = new SiteSpec(spec.meters(), spec.seed(), 0, START);
        SimClock.Manual clock = SimClock.manual(START);
        try (SimulatedGateway gateway = new SimulatedGateway(siteSpec, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(siteSpec), scenario, null);
                SiteStore store = SiteStore.open(partial)) {
            writeSite(gateway.layout(), store);
            store.insertTopology(gateway.topologySnapshot(null));
            Instant end = START.plus(Duration.ofDays(spec.days()));
            ZoneId zone = gateway.layout().site().zone();
            LocalDate nextDay = HistoryDigests.dayOf(START, zone);
            long lastSeq = 0;
            for (Instant from = START; from.isBefore(end); from = from.plus(TOPOLOGY_EVERY)) {
                clock.advance(TOPOLOGY_EVERY);
                gateway.advance();
                store.insertReadings(gateway.readings(from, from.plus(TOPOLOGY_EVERY)));
                lastSeq = writeLedger(gateway.ledgerAfter(lastSeq), store, lastSeq);
                store.insertTopology(gateway.topologySnapshot(null));
                while (!HistoryDigests.dayStart(nextDay.plusDays(1), zone).isAfter(clock.now())) {
                    writeDay(gateway, store, zone, nextDay);
                    nextDay = nextDay.plusDays(1);
                }
            }
            store.insertEvents(gateway.events(START, end));
            store.compactReadings();
            if (HistoryDigests.dayStart(nextDay, zone).isBefore(end)) {
                writeDay(gateway, store, zone, nextDay);
            }
            store.saveStatuses(gateway.meterStatus());
        }
    }

    /**
     * Keeps one site day as a pull by day digests would: its digest, its events and its mesh history. Taken as soon
     * as the day is over, while the gateway's mesh can still replay it from a recent checkpoint.
     */
    private static void writeDay(SimulatedGateway gateway, SiteStore store, ZoneId zone, LocalDate day) {
        Instant from = HistoryDigests.dayStart(day, zone);
        Instant to = HistoryDigests.dayStart(day.plusDays(1), zone);
        DayDigest digest = gateway.dayDigests(day, day).get(0);
        store.replaceDay(digest, from, to, gateway.events(from, to), gateway.meshDay(day));
    }

    private static void writeSite(SiteLayout layout, SiteStore store) {
        store.saveSite(layout.site(), layout.gatewayId());
        store.saveTariff(layout.tariff());
        store.saveRoster(layout.customers(), layout.meters());
        store.saveFeeders(feeders(layout));
    }

    /** Which feeder supplies each meter, by meter id, as a pull from the gateway that lists feeders keeps it. */
    private static Map<String, String> feeders(SiteLayout layout) {
        Feeders names = layout.grid().names();
        Map<String, String> feeders = new LinkedHashMap<>();
        for (int i = 0; i < layout.meters().size(); i++) {
            feeders.put(layout.meters().get(i).meterId(), names.feederOf(i));
        }
        return feeders;
    }

    private static long writeLedger(List<LedgerEntry> entries, SiteStore store, long lastSeq) {
        store.insertLedger(entries);
        return entries.isEmpty() ? lastSeq : entries.get(entries.size() - 1).seq();
    }

    private static void move(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A month that did not finish leaves nothing behind, nor its database's side files. */
    private static void deletePartial(Path partial) {
        if (partial == null) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(partial + suffix));
            } catch (IOException e) {
                LOG.warn("The unfinished month {} could not be deleted.", partial + suffix, e);
            }
        }
    }
}
