import io.gridside.console.service.sync.Backoff;
import io.gridside.console.service.sync.CloudClient;
import io.gridside.console.service.sync.CloudPin;
import io.gridside.console.service.sync.LaptopId;
import io.gridside.console.service.sync.SyncEngine;
import io.gridside.console.service.sync.SyncProgress;
import io.gridside.console.service.sync.SyncResult;
import io.gridside.link.client.CancelSignal;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.sim.wire.CellularCounts;
import io.gridside.sim.wire.CellularLink;
import io.gridside.sim.wire.CellularProfile;
import io.gridside.sim.wire.WireClock;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import io.gridside.site.sync.api.SyncJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Syncs a month of a site to a simulated cloud through an emulated cellular link, against gzip-compressed JSON. */
// KNOWN SHORTCOMING: one run, not the median of three as the other benchmarks report: at the link's 256 kbit/s a
// month of even 200 meters takes half an hour to sync.
public final class SyncBench {

    private static final long SEED = 7;
    private static final String SCENARIO = "month-of-storms";
    private static final int DEFAULT_METERS = 5_000;
    private static final long LINK_SEED = 2026;

    public static void main(String[] args) throws Exception {
        int meters = DEFAULT_METERS;
        int days = MonthSpec.DEFAULT_DAYS;
        String scenario = SCENARIO;
        boolean verbose = false;
        boolean unlimited = false;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--meters") && i + 1 < args.length) {
                meters = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--days") && i + 1 < args.length) {
                days = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--unlimited-link")) {
                unlimited = true;
            } else if (args[i].equals("--verbose")) {
                verbose = true;
            } else if (args[i].equals("--scenario") && i + 1 < args.length) {
                scenario = args[++i];
            } else {
                System.err.println("usage: bench/run sync [--meters N] [--days D] [--scenario NAME] [--runs N] "
                        + "[--verbose] [--unlimited-link]");
                System.exit(2);
            }
        }
        MonthSpec spec = new MonthSpec(meters, SEED, scenario, days);
        Path month = SiteMonth.obtain(spec);
        Path work = Files.createTempDirectory("gridside-sync-bench");
        try {
            List<Run> done = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // Each run its own loss pattern, so the median is over what the link does, not one draw of it.
                CellularProfile profile = unlimited ? CellularProfile.unlimited()
                        : CellularProfile.rural(LINK_SEED + i);
                done.add(run(spec, month, work.resolve("run-" + i), verbose, profile, i == 0));
            }
            print("runs", runs);
            for (int i = 0; i < runs; i++) {
                print("sync_s_run" + (i + 1), done.get(i).seconds());
            }
            Run median = done.stream().sorted(Comparator.comparingDouble(Run::timeRatio)).toList().get(runs / 2);
            print("link_limit_s", median.limit());
            print("sync_s", median.seconds());
            print("bytes_per_reading", median.bytesPerReading());
            print("time_vs_link_limit", median.timeRatio());
            print("ratio_vs_gzip_json", median.gzipRatio());
        } finally {
            deleteTree(work);
        }
    }

    /** One sync of the month: what it took against its link's limit, and its bytes against the peer's. */
    private record Run(double seconds, double limit, double bytesPerReading, double gzipRatio) {

        double timeRatio() {
            return seconds / limit;
        }
    }

    private static Run run(MonthSpec spec, Path month, Path work, boolean verbose, CellularProfile profile,
            boolean report) throws Exception {
        Files.createDirectories(work);
        Path database = work.resolve("site.db");
        Files.copy(month, database);
        try (SiteStore store = SiteStore.open(database)) {
            long readings = store.readingCount();
            long[] stored = storedBlocks(database);
            long started = System.nanoTime();
            long gzipJson = gzipJsonBytes(store, spec);
            double gzipSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> readingsByKind = readingsStreamByKind(store);

            try (CloudServer cloud = CloudServer.start(work.resolve("cloud"), CloudFaults.none());
                    CellularLink link = CellularLink.start(profile, WireClock.system(), cloud.port())) {
                SyncEngine engine = engine(store, link, cloud, work.resolve("data"));
                started = System.nanoTime();
                SyncResult result = engine.run(verbose ? progress(started) : SyncProgress.NONE, CancelSignal.NEVER);
                double syncSeconds = (System.nanoTime() - started) / 1e9;
                if (!result.complete()) {
                    System.err.println("The sync did not complete: " + result.attention());
                }
                CellularCounts up = link.counts(CellularProfile.Way.UP);
                CellularCounts down = link.counts(CellularProfile.Way.DOWN);
                double limit = Math.max(up.wireBytes() / profile.bytesPerSecond(CellularProfile.Way.UP),
                        down.wireBytes() / profile.bytesPerSecond(CellularProfile.Way.DOWN));
                SyncResult.Up readingsUp = result.up().get("readings");

                long wire = up.wireBytes() + down.wireBytes();
                if (report) {
                    print("meters", spec.meters());
                    print("days", spec.days());
                    print("readings", readings);
                    print("stored_block_bytes_per_reading", (double) stored[0] / stored[1]);
                    print("gzip_json_bytes", gzipJson);
                    print("gzip_json_bytes_per_reading", (double) gzipJson / readings);
                    print("gzip_json_s", gzipSeconds);
                    print("sync_complete", result.complete() ? 1 : 0);
                    print("sync_items_sent", result.itemsSent());
                    print("sync_batch_bytes", result.bytesSent());
                    print("readings_stream_block_gzip_bytes", readingsByKind.getOrDefault("block", 0L));
                    print("readings_stream_block_gzip_bytes_per_reading",
                            (double) readingsByKind.getOrDefault("block", 0L) / readings);
                    print("readings_stream_topology_gzip_bytes", readingsByKind.getOrDefault("topology", 0L));
                    long blockBytes = readingsByKind.getOrDefault("block", 0L);
                    print("blocks_ratio_vs_gzip_json", blockBytes == 0 ? 0 : (double) gzipJson / blockBytes);
                    print("readings_batch_bytes_per_reading",
                            readingsUp == null ? 0 : (double) readingsUp.bytesSent() / readings);
                    print("up_wire_bytes", up.wireBytes());
                    print("down_wire_bytes", down.wireBytes());
                    print("segments_lost", up.segmentsLost() + down.segmentsLost());
                    print("connections", link.connections());
                }
                System.err.printf(Locale.ROOT, "run: %.1f s, link limit %.1f s, %d wire bytes%n", syncSeconds, limit,
                        wire);
                return new Run(syncSeconds, limit, (double) wire / readings, (double) gzipJson / wire);
            }
        }
    }

    /** Writes each step of the run to stderr with the seconds since it began. */
    private static SyncProgress progress(long started) {
        return update -> System.err.printf(Locale.ROOT, "%8.2f s  %-9s %s (%d done, %d waiting, %d bytes)%n",
                (System.nanoTime() - started) / 1e9, update.stream(), update.message(), update.itemsDone(),
                update.itemsWaiting(), update.bytesSent());
    }

    /**
     * What each kind of item of the readings stream weighs as JSON items gzip-compressed together, as the batches
     * carry them: the blocks of readings, and the mesh's topology snapshots that share the stream.
     */
    private static Map<String, Long> readingsStreamByKind(SiteStore store) throws IOException {
        Map<String, CountingStream> counts = new TreeMap<>();
        Map<String, OutputStream> outs = new TreeMap<>();
        long after = 0;
        for (List<UpItem> page = store.sync().pending(UpStream.READINGS, after, 1_000); !page.isEmpty();
                page = store.sync().pending(UpStream.READINGS, after, 1_000)) {
            for (UpItem item : page) {
                OutputStream out = outs.computeIfAbsent(item.kind(), kind -> {
                    CountingStream counted = new CountingStream();
                    counts.put(kind, counted);
                    try {
                        return new GZIPOutputStream(counted, 64 * 1024);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.write(SyncJson.write(item.fields()));
                after = item.seq();
            }
        }
        Map<String, Long> bytes = new TreeMap<>();
        for (Map.Entry<String, OutputStream> out : outs.entrySet()) {
            out.getValue().close();
            bytes.put(out.getKey(), counts.get(out.getKey()).count);
        }
        return bytes;
    }

    private static SyncEngine engine(SiteStore store, CellularLink link, CloudServer cloud, Path dataDir)
            throws IOException {
        String siteId = store.site().orElseThrow().siteId();
        CloudClient client = SyncEngine.client(store, URI.create("https://127.0.0.1:" + link.port()),
                CloudPin.parse(cloud.pin()), DemoOperator.supervisorFor(siteId, Instant.now()), LaptopId.in(dataDir));
        return new SyncEngine(store, client, Clock.systemUTC(), Backoff.standard(new SplittableRandom(SEED)),
                wait -> Thread.sleep(wait.toMillis()));
    }

    /** The bytes of the stored reading blocks and the readings they hold, as the site store keeps them. */
    private static long[] storedBlocks(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT SUM(LENGTH(block)), SUM(readings) FROM reading_block")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /**
     * The peer: every reading of the month as a JSON line (meter, interval start, energy, register, and the
     * voltages and peak power it has), gzip-compressed at its default level; returns the compressed bytes.
     */
    private static long gzipJsonBytes(SiteStore store, MonthSpec spec) throws IOException {
        CountingStream counted = new CountingStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(counted, 64 * 1024),
                StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (int day = 0; day < spec.days(); day++) {
                Instant from = SiteMonth.START.plus(Duration.ofDays(day));
                for (Reading reading : store.readings(from, from.plus(Duration.ofDays(1)))) {
                    line.setLength(0);
                    json(reading, line);
                    out.write(line.toString());
                }
            }
        }
        return counted.count;
    }

    private static void json(Reading reading, StringBuilder line) {
        line.append("{\"meter\":\"").append(reading.meterId()).append("\",\"interval_start\":\"")
                .append(reading.intervalStart()).append("\",\"energy_wh\":").append(reading.energyWh())
                .append(",\"register_wh\":").append(reading.registerWh());
        Reading.Quality quality = reading.quality();
        if (quality != null) {
            line.append(",\"min_decivolts\":").append(quality.minDecivolts())
                    .append(",\"average_decivolts\":").append(quality.averageDecivolts())
                    .append(",\"max_decivolts\":").append(quality.maxDecivolts())
                    .append(",\"peak_watts\":").append(quality.peakWatts());
        }
        line.append("}\n");
    }

    /** Counts what is written to it, and keeps nothing. */
    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }

    private static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            System.err.println("The bench's folder " + root + " could not be deleted: " + e.getMessage());
        }
    }
}
