package io.gridside.site.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A seek from a checkpoint rebuilds the same state as applying every event from the start, for random logs: events
 * crowded on few instants, unknown meters, unreadable details, reboots whose downtime spans the instant asked for,
 * and instants before the first and after the last event.
 */
class ReplayPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final String GATEWAY = "GW-1";
    private static final EventKind[] KINDS = {EventKind.POWER_LOSS, EventKind.POWER_RESTORE, EventKind.COMMS_LOSS,
        EventKind.COMMS_RETURN, EventKind.PARENT_CHANGE, EventKind.RELAY_OFF, EventKind.RELAY_ON,
        EventKind.GATEWAY_REBOOT, EventKind.BACKHAUL_DOWN, EventKind.BACKHAUL_UP, EventKind.BATTERY_LOW,
        EventKind.BATTERY_RECOVERED, EventKind.INVERTER_TRIP, EventKind.INVERTER_RESET, EventKind.GENERATOR_FAILURE,
        EventKind.GENERATOR_RESTORED, EventKind.LOAD_SHEDDING_START, EventKind.LOAD_SHEDDING_END,
        EventKind.INTERFERENCE_START, EventKind.INTERFERENCE_END, EventKind.TAMPER};

    @Property(tries = 300)
    void seekingFromACheckpointGivesTheStateThatScanningFromTheStartGives(
            @ForAll @IntRange(min = 1, max = 30) int meters, @ForAll @IntRange(min = 0, max = 400) int events,
            @ForAll @IntRange(min = 1, max = 60) int checkpointEvery, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> meterIds = meterIds(meters);
        Replay replay = Replay.of(meterIds, parents(meterIds, random), GATEWAY, randomLog(meterIds, events, random),
                checkpointEvery);

        for (int k = 0; k < 40; k++) {
            Instant at = randomInstant(replay, random);
            SiteState seeked = replay.at(at);
            SiteState scanned = replay.scanTo(at);

            assertThat(seeked.sameAs(scanned)).as("at %s", at).isTrue();
            assertThat(seeked.lastEventId()).isEqualTo(scanned.lastEventId());
            assertThat(seeked.at()).isEqualTo(at);
        }
    }

    @Property(tries = 100)
    void steppingEventByEventEndsWhereASeekToTheEventsInstantDoes(@ForAll @IntRange(min = 1, max = 200) int events,
            @ForAll @IntRange(min = 1, max = 20) int checkpointEvery, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> meterIds = meterIds(8);
        Replay replay = Replay.of(meterIds, parents(meterIds, random), GATEWAY, randomLog(meterIds, events, random),
                checkpointEvery);

        for (int i = 0; i < replay.events().size(); i++) {
            Instant at = replay.events().get(i).at();

            assertThat(replay.afterEvent(i).lastEventId()).isEqualTo(replay.events().get(i).id());
            assertThat(replay.afterEvent(replay.lastAtOrBefore(at)).sameAs(replay.at(at))).isTrue();
            assertThat(replay.lastAtOrBefore(at)).isGreaterThanOrEqualTo(i);
            assertThat(replay.firstAfter(at)).isEqualTo(replay.lastAtOrBefore(at) + 1);
        }
    }

    @Property(tries = 200)
    void densityCountsEveryEventOfTheRangeOnce(@ForAll @IntRange(min = 0, max = 300) int events,
            @ForAll @IntRange(min = 1, max = 50) int buckets, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> meterIds = meterIds(5);
        Replay replay = Replay.of(meterIds, Map.of(), GATEWAY, randomLog(meterIds, events, random));
        Instant from = T0.plusSeconds(random.nextInt(7200) - 600);
        Instant to = from.plusSeconds(random.nextInt(7200));

        int[] counts = replay.density(from, to, buckets);

        long inRange = replay.events().stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).count();
        assertThat(counts).hasSize(buckets);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo((int) inRange);
    }

    private static List<String> meterIds(int meters) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= meters; i++) {
            ids.add("M-" + i);
        }
        return ids;
    }

    /** A random tree: each meter's parent is the gateway or a meter before it; some meters have none known. */
    private static Map<String, String> parents(List<String> meterIds, Random random) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < meterIds.size(); i++) {
            if (random.nextInt(10) > 0) {
                parents.put(meterIds.get(i), i == 0 || random.nextBoolean() ? GATEWAY
                        : meterIds.get(random.nextInt(i)));
            }
        }
        return parents;
    }

    /** Events over two hours, on whole minutes so that many share an instant, in a shuffled order. */
    private static List<SiteEvent> randomLog(List<String> meterIds, int count, Random random) {
        List<SiteEvent> log = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            EventKind kind = KINDS[random.nextInt(KINDS.length)];
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(120)));
            log.add(new SiteEvent(id, at, source(kind, meterIds, random), kind,
                    new TreeMap<>(details(kind, meterIds, random)), null));
        }
        java.util.Collections.shuffle(log, random);
        return log;
    }

    private static String source(EventKind kind, List<String> meterIds, Random random) {
        if (kind.ordinal() >= EventKind.BACKHAUL_DOWN.ordinal() && kind != EventKind.RELAY_OFF
                && kind != EventKind.RELAY_ON && kind != EventKind.TAMPER) {
            return GATEWAY;
        }
        return random.nextInt(12) == 0 ? "M-UNKNOWN" : meterIds.get(random.nextInt(meterIds.size()));
    }

    private static Map<String, String> details(EventKind kind, List<String> meterIds, Random random) {
        boolean broken = random.nextInt(8) == 0;
        return switch (kind) {
            case PARENT_CHANGE -> broken ? Map.of("from", GATEWAY)
                    : Map.of("to", random.nextBoolean() ? GATEWAY : meterIds.get(random.nextInt(meterIds.size())));
            case RELAY_OFF, RELAY_ON -> Map.of("reason", broken ? "overload"
                    : random.nextBoolean() ? "billing" : "maintenance");
            case GATEWAY_REBOOT -> Map.of("downtimeSeconds", broken ? "soon"
                    : String.valueOf(random.nextInt(3) * 60 * random.nextInt(40)));
            case LOAD_SHEDDING_START, LOAD_SHEDDING_END -> broken ? Map.of()
                    : Map.of("feeders", random.nextBoolean() ? "F1" : "F1,F2, F3");
            default -> Map.of();
        };
    }

    /** Mostly instants within the log, often exactly an event's, sometimes before its first or after its last. */
    private static Instant randomInstant(Replay replay, Random random) {
        List<SiteEvent> events = replay.events();
        return switch (random.nextInt(5)) {
            case 0 -> T0.minusSeconds(1 + random.nextInt(3600));
            case 1 -> T0.plus(Duration.ofHours(2)).plusSeconds(random.nextInt(3600));
            case 2 -> events.isEmpty() ? T0 : events.get(random.nextInt(events.size())).at();
            default -> T0.plusMillis(random.nextInt(7_200_000));
        };
    }
}
