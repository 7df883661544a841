import io.gridside.billing.BillingEngine;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.billing.Replay;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.billing.rerate.DayLines;
import io.gridside.billing.rerate.RatedInterval;
import io.gridside.billing.rerate.Rerating;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.LedgerDayDigestsBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerDays;
import io.gridside.site.ledger.LedgerLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Measures what reconciling a 200-meter week by customer day moves over the link and costs to re-rate. */
public final class ReconcileBench {

    private static final Instant NOW = Instant.parse("2026-06-08T09:07:00Z");
    private static final int METERS = 200;
    private static final int DAYS = 7;
    /** A 115200-baud 8N1 serial line carries 11,520 bytes a second. */
    private static final double LINE_BYTES_PER_S = 11_520;
    /** Each batch's frames cost about 3% on serial in header, checksum and COBS (bench/README.md, link). */
    private static final double FRAMING = 1.03;

    private ReconcileBench() {
    }

    public static void main(String[] args) {
        long built = System.nanoTime();
        SimulatedGateway gateway = new SimulatedGateway(
                new SiteSpec(METERS, 42, DAYS, NOW).withBilling(SimBilling.REALISTIC), SimClock.manual(NOW));
        print("site_build_s", (System.nanoTime() - built) / 1e9);
        ZoneId zone = gateway.layout().site().zone();
        List<LedgerLink> links = gateway.ledgerLinksAfter(0);
        List<LedgerEntry> ledger = links.stream().map(LedgerLink::entry).toList();
        List<Reading> readings = gateway.readings(Instant.EPOCH, Instant.MAX);
        BillingConfig config = BillingConfigDocument.decode(gateway.billingConfig());
        print("ledger_entries", ledger.size());
        print("readings", readings.size());

        long ledgerBytes = streamBytes(links, LedgerBatch::of);
        List<LedgerDayDigest> digests = gateway.ledgerDayDigests(null, null);
        long digestBytes = streamBytes(digests, LedgerDayDigestsBatch::new);
        CustomerDay oneDay = digests.get(digests.size() / 2).customerDay();
        List<LedgerLink> ofOneDay = links.stream().filter(l -> LedgerDays.of(l.entry(), zone).equals(oneDay)).toList();
        long oneDayBytes = streamBytes(ofOneDay, LedgerBatch::of);
        print("customer_days", digests.size());
        print("full_ledger_payload_bytes", ledgerBytes);
        print("full_ledger_serial_s", ledgerBytes * FRAMING / LINE_BYTES_PER_S);
        print("day_digests_payload_bytes", digestBytes);
        print("day_digests_serial_s", digestBytes * FRAMING / LINE_BYTES_PER_S);
        print("one_changed_day_payload_bytes", digestBytes + oneDayBytes);

        double digestS = median(() -> LedgerDays.digests(ledger, zone).size());
        double rerateS = median(() -> rerate(config.rater(zone), ledger, readings, gateway.layout().meters(), zone));
        double replayS = median(() -> replay(gateway, config, ledger, readings));
        print("digest_all_days_s", digestS);
        print("rerate_week_s", rerateS);
        print("replay_week_s", replayS);
        print("rerate_to_replay_ratio", rerateS / replayS);
        print("one_changed_day_to_full_ledger_bytes_ratio", (double) (digestBytes + oneDayBytes) / ledgerBytes);
        gateway.close();
    }

    /** Re-rates every customer from the opening to the week's end; returns the lines charged, as a check. */
    private static long rerate(Rater rater, List<LedgerEntry> ledger, List<Reading> readings, List<Meter> meters,
            ZoneId zone) {
        Map<String, List<Reading>> byMeter = new HashMap<>();
        readings.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        Map<String, String> meterOf = new HashMap<>();
        meters.forEach(m -> meterOf.put(m.customerId(), m.meterId()));
        LocalDate last = NOW.atZone(zone).toLocalDate().minusDays(1);
        List<DayLines> all = new ArrayList<>();
        for (LedgerEntry opening : ledger.stream().filter(e -> e.kind() == EntryKind.OPENING).toList()) {
            LocalDate opened = opening.at().atZone(zone).toLocalDate();
            Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
            List<RatedInterval> intervals = byMeter.getOrDefault(meterOf.get(opening.customerId()), List.of())
                    .stream().filter(r -> r.intervalStart().isBefore(end)).map(RatedInterval::actual).toList();
            all.add(Rerating.rate(new Rerating.Window(opening.customerId(), opened, last,
                    RatingState.openedOn(opened)), new Rerating.Inputs(rater, intervals)));
        }
        return DayLines.merge(all).totalMinor();
    }

    private static long replay(SimulatedGateway gateway, BillingConfig config, List<LedgerEntry> ledger,
            List<Reading> readings) {
        BillingEngine engine = Replay.run(gateway.layout().tariff(), config.rater(gateway.layout().site().zone()),
                config.terms(), gateway.layout().meters(), ledger, readings);
        return engine.lastSeq();
    }

    /** The median of three timed runs, in seconds. */
    private static double median(Supplier<Object> work) {
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            work.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[1];
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

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
