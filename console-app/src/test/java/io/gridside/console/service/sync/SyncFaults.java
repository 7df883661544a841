package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.CancelSignal;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.QueuedPayment;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.UpItems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One seeded run of the sync fault test: a site's store and a simulated cloud that drops connections (before and
 * after applying), answers errors, applies requests twice and is restored from an older backup, while consoles
 * sync with it in process and in JVMs of their own killed at random instants; the site grows between them. Then a
 * clean sync, and the check that the cloud holds exactly the site's ledger, readings and events, each once, and the
 * site every remote top-up the cloud published, once.
 */
final class SyncFaults {

    /** The site every run syncs: 20 meters, 2 days. */
    static final MonthSpec MONTH = new MonthSpec(20, 17, MonthSpec.NO_SCENARIO, 2);

    /** Long enough for a loaded machine to start a JVM and sync the small site; a process past it is stopped. */
    private static final long PROCESS_LIMIT_SECONDS = 120;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    /** Clean runs the final sync may take: one should do; the rest allow for a batch left on the attention list. */
    private static final int FINAL_RUNS = 3;

    private final Path cache;
    private final Path dir;
    private final long seed;
    private final Random random;
    private final List<String> published = new ArrayList<>();
    private long nextEventId = 1_000_000;

    SyncFaults(Path cache, Path dir, long seed) {
        this.cache = cache;
        this.dir = dir;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Runs the faulted phases, {@code kills} of them in killed processes, then the clean sync, and checks. */
    void run(int phases, int kills) throws IOException, InterruptedException {
        Path database = dir.resolve("site.db");
        Files.copy(SiteMonth.obtain(MONTH, cache), database);
        CloudFaults faults = faults();
        try (CloudServer cloud = CloudServer.start(dir.resolve("cloud"), faults)) {
            publishTopUps(cloud, database);
            String firstEpoch = cloud.epoch();
            List<Boolean> killed = new ArrayList<>();
            for (int phase = 0; phase < phases; phase++) {
                killed.add(phase < kills);
            }
            Collections.shuffle(killed, random);
            for (boolean kill : killed) {
                if (kill) {
                    killedProcess(cloud, database);
                } else {
                    inProcess(cloud, database);
                }
                grow(database);
            }
            faults.off();
            if (cloud.epoch().equals(firstEpoch)) {
                // The phases ended before the scheduled restore: the cloud goes back to an older backup now.
                cloud.restoreLatestBackup();
            }
            check(cloud, database, finalSync(cloud, database));
        }
    }

    /** Every kind of fault at a seeded chance, backups every few requests and one restore. */
    private CloudFaults faults() {
        return CloudFaults.seeded(seed)
                .set(CloudFaults.Kind.DROP_BEFORE, chance())
                .set(CloudFaults.Kind.DROP_AFTER, chance())
                .set(CloudFaults.Kind.ERROR_500, chance())
                .set(CloudFaults.Kind.ERROR_503, chance())
                .set(CloudFaults.Kind.DUPLICATE, chance())
                .retryAfterSeconds(0)
                .backupEvery(3 + random.nextInt(8))
                .restoreAt(8 + random.nextInt(30));
    }

    private double chance() {
        return 0.02 + 0.06 * random.nextDouble();
    }

    /**
     * Remote top-ups published before any request, so every backup holds them: one of them twice, as a cloud that
     * received a payment notice twice would.
     */
    private void publishTopUps(CloudServer cloud, Path database) {
        String siteId;
        String currency;
        List<String> customers;
        try (SiteStore store = SiteStore.open(database)) {
            siteId = store.site().orElseThrow().siteId();
            currency = store.site().orElseThrow().currency();
            customers = store.customers().stream().map(customer -> customer.customerId()).toList();
        }
        int count = 2 + random.nextInt(4);
        Instant paid = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            String reference = "MM-" + seed + "-" + i;
            DownItems.TopUp topUp = new DownItems.TopUp(reference, customers.get(random.nextInt(customers.size())),
                    1_000 + 100 * random.nextInt(50), currency, paid.minusSeconds(60L * i), DownItems.MOBILE_MONEY);
            cloud.publishTopUp(siteId, topUp);
            if (i == 0) {
                cloud.publishTopUp(siteId, topUp);
            }
            published.add(reference);
        }
    }

    /** One or two sync runs in this JVM through the faults, each ending as it may. */
    private void inProcess(CloudServer cloud, Path database) throws IOException {
        try (SiteStore store = SiteStore.open(database)) {
            SyncEngine engine = engine(cloud, store);
            for (int run = 0; run <= random.nextInt(2); run++) {
                try {
                    engine.run(SyncProgress.NONE, CancelSignal.NEVER);
                } catch (CloudException | CancellationException e) {
                    // A run the faults ended: what it had acknowledged is kept, the next one goes on from there.
                }
            }
        }
    }

    /** A console in a JVM of its own, killed at a random instant once it has the store open (or left to finish). */
    private void killedProcess(CloudServer cloud, Path database) throws IOException, InterruptedException {
        long delayMs = random.nextInt(1_500);
        Process process = start(cloud, database);
        CompletableFuture.delayedExecutor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("started")) {
                    Thread.sleep(delayMs);
                    process.toHandle().destroyForcibly();
                }
            }
        }
        assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the process ended").isTrue();
    }

    private Process start(CloudServer cloud, Path database) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                SyncProcess.class.getName(), database.toString(), cloud.url(), cloud.pin(),
                dir.resolve("data").toString(), Long.toString(random.nextLong()))
                .redirectError(dir.resolve("process-" + System.nanoTime() + ".err").toFile())
                .start();
    }

    /** New data on the site between syncs, as a visit's pull brings: a few events and a meter's new readings. */
    private void grow(Path database) {
        try (SiteStore store = SiteStore.open(database)) {
            Instant last = SiteMonth.START.plus(Duration.ofDays(MONTH.days()));
            List<SiteEvent> events = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(3); i++) {
                long id = nextEventId++;
                events.add(new SiteEvent(id, last.plusSeconds(id - 1_000_000), "M00001", EventKind.POWER_LOSS,
                        new TreeMap<>(), null));
            }
            store.insertEvents(events);
            String meter = store.readings(SiteMonth.START, last).get(0).meterId();
            Reading latest = store.readings(meter, SiteMonth.START, FAR).stream()
                    .max((a, b) -> a.intervalStart().compareTo(b.intervalStart())).orElseThrow();
            store.insertReadings(List.of(new Reading(meter, latest.intervalStart().plus(Reading.INTERVAL), 3,
                    latest.registerWh() + 3)));
            store.compactReadings();
        }
    }

    /** Clean runs until everything is acknowledged; the last result. */
    private SyncResult finalSync(CloudServer cloud, Path database) throws IOException {
        try (SiteStore store = SiteStore.open(database)) {
            SyncEngine engine = engine(cloud, store);
            SyncResult result = null;
            for (int run = 0; run < FINAL_RUNS && (result == null || !result.complete()); run++) {
                result = engine.run(SyncProgress.NONE, CancelSignal.NEVER);
            }
            return result;
        }
    }

    private SyncEngine engine(CloudServer cloud, SiteStore store) throws IOException {
        CloudClient client = SyncEngine.client(store, URI.create(cloud.url()), CloudPin.parse(cloud.pin()),
                DemoOperator.supervisorFor(store.site().orElseThrow().siteId(), Instant.now()),
                LaptopId.in(dir.resolve("data")));
        return new SyncEngine(store, client, Clock.systemUTC(), Backoff.standard(new SplittableRandom(seed)),
                wait -> { });
    }

    private void check(CloudServer cloud, Path database, SyncResult last) {
        String context = "seed " + seed + ", faults " + cloud.faults().injected();
        assertThat(last.complete()).as(context + ": the clean sync completed; " + last.attention()).isTrue();
        try (SiteStore store = SiteStore.open(database)) {
            String site = store.site().orElseThrow().siteId();
            HexFormat hex = HexFormat.of();
            assertThat(cloud.ledger(site)).as(context + ": the ledger, each entry once, with its chain hash")
                    .extracting(entry -> entry.seq() + ":" + entry.hash())
                    .containsExactlyElementsOf(store.ledger().stream().map(LedgerEntry::seq)
                            .map(seq -> seq + ":" + hex.formatHex(store.ledgerHash(seq).orElseThrow())).toList());
            assertThat(cloud.events(site)).as(context + ": the site's events, each once")
                    .extracting(UpItems.Event::id)
                    .containsExactlyInAnyOrderElementsOf(store.events(Instant.EPOCH, FAR).stream()
                            .map(SiteEvent::id).toList());
            assertThat(blocks(cloud.readings(site))).as(context + ": one block per meter and day, whole")
                    .isEqualTo(readingsByMeterDay(store));
            assertThat(store.queuedPayments()).as(context + ": every remote top-up, once")
                    .extracting(QueuedPayment::reference).containsExactlyInAnyOrderElementsOf(published);
        }
    }

    /** The cloud's blocks as meter/day to readings held, failing on a meter's day held twice. */
    private static Map<String, Integer> blocks(List<UpItems.Block> blocks) {
        Map<String, Integer> byKey = new TreeMap<>();
        for (UpItems.Block block : blocks) {
            Integer before = byKey.put(block.meterId() + "/" + block.day(), block.readings());
            assertThat(before).as("the cloud holds %s/%s once", block.meterId(), block.day()).isNull();
        }
        return byKey;
    }

    private static Map<String, Integer> readingsByMeterDay(SiteStore store) {
        return store.readings(Instant.EPOCH, FAR).stream().collect(Collectors.groupingBy(
                reading -> reading.meterId() + "/" + reading.intervalStart().atOffset(ZoneOffset.UTC)
                        .toLocalDate(), TreeMap::new, Collectors.summingInt(reading -> 1)));
    }
}
