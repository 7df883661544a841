import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Makes the benchmarks' month of a 500-meter site once, then finds it in the cache: how much the cache saves. */
public final class MonthBench {

    private static final MonthSpec SPEC = new MonthSpec(500, 7, "quiet-week", MonthSpec.DEFAULT_DAYS);
    private static final int HIT_RUNS = 5;

    public static void main(String[] args) throws IOException {
        Path cache = Files.createTempDirectory("gridside-month-bench-");
        try {
            long started = System.nanoTime();
            Path file = SiteMonth.obtain(SPEC, cache);
            double generateSeconds = (System.nanoTime() - started) / 1e9;
            long readings = readingCount(file);

            double hitSeconds = medianHitSeconds(cache);

            print("month_meters", SPEC.meters());
            print("month_days", SPEC.days());
            print("month_readings", readings);
            print("month_file_mb", Files.size(file) / 1e6);
            print("generate_s", generateSeconds);
            print("readings_per_s_generated", readings / generateSeconds);
            print("cache_hit_ms", hitSeconds * 1_000);
            print("generate_vs_cache_hit", generateSeconds / hitSeconds);
        } finally {
            deleteTree(cache);
        }
    }

    /** What a benchmark pays for its month once it is cached: finding it, and opening it as a site database. */
    private static double medianHitSeconds(Path cache) {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < HIT_RUNS; i++) {
            long started = System.nanoTime();
            Path file = SiteMonth.obtain(SPEC, cache);
            try (SiteStore store = SiteStore.open(file)) {
                store.meters();
            }
            runs.add((System.nanoTime() - started) / 1e9);
        }
        Collections.sort(runs);
        return runs.get(HIT_RUNS / 2);
    }

    private static long readingCount(Path file) {
        try (SiteStore store = SiteStore.open(file)) {
            return store.readingCount();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }
}
