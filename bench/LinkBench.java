import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayPins;
import io.gridside.sim.DemoOperator;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.wire.WireClock;
import io.gridside.sim.wire.WireEmulator;
import io.gridside.sim.wire.WireProfile;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Streams 256 KiB of readings over an emulated 115200-baud serial line, clean and with line faults, in real time. */
public final class LinkBench {

    private static final long BAUD = 115_200;
    /** The limit: 115200 baud at 10 bits a byte (8N1). */
    private static final double LINE_BYTES_PER_S = BAUD / 10.0;
    private static final int PAYLOAD_TARGET = 256 * 1024;
    private static final int RUNS = 3;
    private static final int METERS = 40;
    private static final int BATCH_ITEMS = 128;
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** A transfer that has not ended by then is given up, so the benchmark always finishes. */
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(90);
    /** The wire time of the largest frame: a full payload, header and checksum, COBS and the delimiter. */
    private static final double FRAME_MS = (FrameCodec.MAX_ENCODED_LENGTH + 1) / LINE_BYTES_PER_S * 1000;

    /** Readings whose interval starts in [from, to), and the payload bytes the gateway streams them in. */
    private record Window(Instant from, Instant to, long payloadBytes) {
    }

    /** One transfer: the payload delivered, how long it took, whether it completed, the pings meanwhile. */
    private record Run(long payloadBytes, double seconds, String failure, List<Double> pingMillis) {

        double goodputRatio() {
            return failure == null ? payloadBytes / seconds / LINE_BYTES_PER_S : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(METERS, 42, 2, NOW), SimClock.manual(NOW))) {
            Window window = windowOf(site);
            WireProfile uart = WireProfile.uart(BAUD);
            List<Run> clean = measure(site, window, uart, "clean", true);
            List<Run> corrupt = measure(site, window, uart.withCorruption(1e-4), "corrupt", false);
            List<Run> loss = measure(site, window, uart.withFrameLoss(0.01), "loss", false);

            List<Double> p95s = clean.stream().map(run -> percentile(run.pingMillis(), 0.95)).toList();
            double controlP95 = median(p95s);
            print("payload_bytes", window.payloadBytes());
            print("line_bytes_per_s", LINE_BYTES_PER_S);
            print("frame_time_ms", FRAME_MS);
            print("control_pings", clean.stream().mapToInt(run -> run.pingMillis().size()).sum());
            print("clean_transfers_failed", failures(clean));
            print("corrupt_transfers_failed", failures(corrupt));
            print("loss_transfers_failed", failures(loss));
            print("goodput_loss_ratio", median(loss.stream().map(Run::goodputRatio).toList()));
            print("goodput_corrupt_ratio", median(corrupt.stream().map(Run::goodputRatio).toList()));
            print("control_p95_ms", controlP95);
            print("control_p95_vs_frame_time", controlP95 / FRAME_MS);
            print("goodput_clean_ratio", median(clean.stream().map(Run::goodputRatio).toList()));
        }
    }

    /** The first intervals of the gateway's history whose readings stream as at least 256 KiB of payload. */
    private static Window windowOf(SimulatedSite site) {
        Instant from = site.gateway().historyStart();
        List<Reading> all = site.gateway().readings(from, NOW);
        for (int intervals = 1; intervals * METERS <= all.size(); intervals++) {
            long payload = payloadOf(all.subList(0, intervals * METERS));
            if (payload >= PAYLOAD_TARGET) {
                return new Window(from, from.plus(Reading.INTERVAL.multipliedBy(intervals)), payload);
            }
        }
        throw new IllegalStateException("The site's history holds less than " + PAYLOAD_TARGET + " bytes.");
    }

    /** The payload bytes of a readings stream, batched as the gateway batches it. */
    private static long payloadOf(List<Reading> readings) {
        long bytes = 0;
        for (int i = 0; i < readings.size(); i += BATCH_ITEMS) {
            List<Reading> batch = readings.subList(i, Math.min(readings.size(), i + BATCH_ITEMS));
            bytes += MessageCodec.encode(new ReadingsBatch(batch, readings.size())).length;
        }
        return bytes;
    }

    private static List<Run> measure(SimulatedSite site, Window window, WireProfile profile, String name,
            boolean ping) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Run run = transfer(site, window, profile.withSeed(1000 + i), ping);
            if (run.failure() != null) {
                System.err.println(name + " run " + (i + 1) + " failed: " + run.failure());
            }
            runs.add(run);
        }
        return runs;
    }

    private static Run transfer(SimulatedSite site, Window window, WireProfile profile, boolean ping)
            throws Exception {
        WireEmulator wire = site.serveThroughWire(profile, WireClock.system());
        GatewayClient client;
        try {
            client = GatewayClient.open(wire.consoleEnd(),
                    Authentication.of(DemoOperator.supervisorFor("site-42", NOW), GatewayPins.inMemory()),
                    ANSWER_TIMEOUT);
        } catch (LinkException e) {
            wire.close();
            return new Run(0, 0, "open: " + e.code() + ": " + e.getMessage(), List.of());
        }
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        List<Double> pings = Collections.synchronizedList(new ArrayList<>());
        try (wire; client) {
            if (ping) {
                pinger.scheduleAtFixedRate(() -> pingOnce(client, pings), 1, 1, TimeUnit.SECONDS);
            }
            Run run = pull(client, window);
            // A ping still on its way is let finish; no other starts.
            pinger.shutdown();
            pinger.awaitTermination(30, TimeUnit.SECONDS);
            return new Run(run.payloadBytes(), run.seconds(), run.failure(), List.copyOf(pings));
        } finally {
            pinger.shutdownNow();
        }
    }

    private static Run pull(GatewayClient client, Window window) {
        long[] payload = {0};
        long deadline = System.nanoTime() + TRANSFER_LIMIT.toNanos();
        long started = System.nanoTime();
        String failure = null;
        try {
            client.readings(window.from(), window.to(), (batch, received, total) ->
                    payload[0] += MessageCodec.encode(new ReadingsBatch(batch, total)).length,
                    () -> System.nanoTime() > deadline);
        } catch (LinkException e) {
            failure = e.code() + ": " + e.getMessage();
        } catch (CancellationException e) {
            failure = "gave up after " + TRANSFER_LIMIT.toSeconds() + " s";
        }
        return new Run(payload[0], (System.nanoTime() - started) / 1e9, failure, List.of());
    }

    private static void pingOnce(GatewayClient client, List<Double> pings) {
        try {
            pings.add(client.ping().toNanos() / 1e6);
        } catch (LinkException e) {
            System.err.println("A control ping failed: " + e.getMessage());
        }
    }

    private static long failures(List<Run> runs) {
        return runs.stream().filter(run -> run.failure() != null).count();
    }

    private static double percentile(List<Double> values, double share) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
