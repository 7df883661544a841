import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Runs the simulated site unthrottled at 500 and 5,000 meters: its speed, and whether its heap holds flat. */
public final class SimBench {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int RUNS = 3;
    /** The bar: 5,000 meters at 1,000 times real time. */
    private static final double LIMIT_SPEEDUP = 1_000;
    private static final int SPEED_DAYS_500 = 7;
    private static final int SPEED_DAYS_5000 = 2;
    private static final int HEAP_DAYS = 30;

    public static void main(String[] args) {
        double speedup500 = median(() -> speedup(500, SPEED_DAYS_500));
        double heapRatio = heapRatio(500);
        double speedup5000 = median(() -> speedup(5_000, SPEED_DAYS_5000));

        print("speedup_500", speedup500);
        print("speedup_500_vs_limit", speedup500 / LIMIT_SPEEDUP);
        print("heap_day30_vs_day2", heapRatio);
        print("speedup_5000_vs_limit", speedup5000 / LIMIT_SPEEDUP);
        print("speedup_5000", speedup5000);
    }

    /** Simulated seconds per wall second while the gateway reads and bills {@code meters} for {@code days}. */
    private static double speedup(int meters, int days) {
        SimClock.Manual clock = SimClock.manual(START);
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(meters, 42, 0, START), clock)) {
            long started = System.nanoTime();
            for (int day = 0; day < days; day++) {
                clock.advance(Duration.ofDays(1));
                gateway.advance();
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            return days * 86_400.0 / wallSeconds;
        }
    }

    /** Heap in use after simulated day 30 over heap after day 2, each after a full collection. */
    private static double heapRatio(int meters) {
        SimClock.Manual clock = SimClock.manual(START);
        long day2 = 0;
        long day30;
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(meters, 42, 0, START), clock)) {
            for (int day = 1; day <= HEAP_DAYS; day++) {
                clock.advance(Duration.ofDays(1));
                gateway.advance();
                if (day == 2) {
                    day2 = usedHeap();
                }
            }
            day30 = usedHeap();
        }
        print("heap_day2_mb", day2 / 1e6);
        print("heap_day30_mb", day30 / 1e6);
        return (double) day30 / day2;
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(java.util.function.DoubleSupplier run) {
        List<Double> results = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            results.add(run.getAsDouble());
        }
        Collections.sort(results);
        return results.get(RUNS / 2);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }
}
