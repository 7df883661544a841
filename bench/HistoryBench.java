import io.gridside.link.frame.Frame;
import io.gridside.link.message.DayDigestsBatch;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.TopologyBatch;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.rf.VillagePlanner;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayBuilder;
import io.gridside.site.history.MeshDayDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Measures the bytes one day of mesh history moves over the link at 200 and 5,000 meters, and a second pull's. */
public final class HistoryBench {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private static final int QUARTERS = 96;
    private static final int MONTH = 30;
    /** A 115200-baud 8N1 serial line carries 11,520 bytes a second. */
    private static final double LINE_BYTES_PER_S = 11_520;
    /** The limit: a month of a 5,000-meter site's mesh history over the serial line within a site visit's hour. */
    private static final double LIMIT_MONTH_S = 3_600;
    /** Each batch's frames cost about 3% on serial in header, checksum and COBS (bench/README.md, link). */
    private static final double FRAMING = 1.03;

    private HistoryBench() {
    }

    public static void main(String[] args) {
        measure(200);
        double monthSeconds = measure(5_000);
        secondPull();
        print("month_5000_to_limit_ratio", monthSeconds / LIMIT_MONTH_S);
    }

    /** One day of an n-meter mesh; returns the seconds a month of such days takes over the serial line. */
    private static double measure(int meters) {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(meters, 42, 0, START));
        MeshNetwork network = new MeshNetwork(plan(layout));
        network.update(START);
        TopologySnapshot start = network.topology().toSnapshot();
        MeshDayBuilder builder = new MeshDayBuilder(DAY, start);
        long snapshotsBytes = streamBytes(start.items(), (batch, total) -> TopologyBatch.of(start, batch, total));
        long startBytes = snapshotsBytes;
        for (int quarter = 1; quarter < QUARTERS; quarter++) {
            network.update(START.plusSeconds(900L * quarter));
            TopologySnapshot next = network.topology().toSnapshot();
            builder.add(next);
            snapshotsBytes += streamBytes(next.items(), (batch, total) -> TopologyBatch.of(next, batch, total));
        }
        MeshDay day = builder.build();
        byte[] document = MeshDayDocument.encode(day);
        byte[] startOnly = MeshDayDocument.encode(new MeshDay(DAY, day.gatewayId(), day.start(), List.of()));
        long wire = streamBytes(MeshDayBatch.chunksOf(document), (batch, total) -> new MeshDayBatch(DAY, batch, total));
        long samples = day.steps().stream().mapToLong(step -> step.samples().size()).sum();
        long routes = day.steps().stream().mapToLong(step -> step.routes().size()).sum();
        String key = "m" + meters + "_";
        print(key + "links", start.links().size());
        print(key + "route_changes", routes);
        print(key + "link_samples", samples);
        print(key + "day_document_bytes", document.length);
        print(key + "day_start_bytes", startOnly.length);
        print(key + "day_steps_bytes", document.length - startOnly.length);
        print(key + "day_payload_bytes", wire);
        print(key + "day_serial_s", wire * FRAMING / LINE_BYTES_PER_S);
        print(key + "snapshot_bytes", startBytes);
        print(key + "snapshot_every_quarter_bytes", snapshotsBytes);
        print(key + "day_to_snapshots_ratio", (double) wire / snapshotsBytes);
        double month = MONTH * wire * FRAMING / LINE_BYTES_PER_S;
        print(key + "month_serial_s", month);
        return month;
    }

    /** A second pull of a month that changed nothing: the digests of 30 days in their batches. */
    private static void secondPull() {
        ByteString digest = HistoryDigests.sha256(new byte[0]);
        List<DayDigest> days = new ArrayList<>();
        for (int i = 0; i < MONTH; i++) {
            days.add(new DayDigest(DAY.plusDays(i), true, 1_000, digest, QUARTERS - 1, digest, 5_000_000));
        }
        long bytes = streamBytes(days, DayDigestsBatch::new);
        print("second_pull_month_digest_bytes", bytes);
        print("second_pull_month_serial_s", bytes * FRAMING / LINE_BYTES_PER_S);
    }

    /** The payload bytes of a stream of {@code items}, batched as the gateway batches them. */
    private static <T> long streamBytes(List<T> items, BiFunction<List<T>, Long, Message> batchOf) {
        long bytes = 0;
        int sent = 0;
        while (sent < items.size()) {
            List<T> batch = items.subList(sent, Math.min(items.size(), sent + 128));
            byte[] encoded = MessageCodec.encode(batchOf.apply(batch, (long) items.size()));
            while (batch.size() > 1 && encoded.length > Frame.MAX_PAYLOAD) {
                batch = batch.subList(0, batch.size() / 2);
                encoded = MessageCodec.encode(batchOf.apply(batch, (long) items.size()));
            }
            bytes += encoded.length;
            sent += batch.size();
        }
        return bytes;
    }

    private static MeshPlan plan(SiteLayout layout) {
        VillageMap village = VillagePlanner.plan(42, layout.customers().stream().map(Customer::category).toList());
        List<String> ids = layout.meters().stream().map(Meter::meterId).toList();
        return MeshPlan.build(42, village, ids, layout.gatewayId());
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
