package io.gridside.site.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What holds of any diagnosis of the six-meter site's random event logs, however tangled. */
class DiagnoserPropertiesTest {

    private static final List<EventKind> METER_KINDS = List.of(EventKind.POWER_LOSS, EventKind.POWER_RESTORE,
            EventKind.COMMS_LOSS, EventKind.COMMS_RETURN, EventKind.RELAY_OFF, EventKind.RELAY_ON);
    private static final List<EventKind> GATEWAY_KINDS = List.of(EventKind.BACKHAUL_DOWN, EventKind.BACKHAUL_UP,
            EventKind.INTERFERENCE_START, EventKind.INTERFERENCE_END, EventKind.BATTERY_LOW,
            EventKind.BATTERY_RECOVERED, EventKind.INVERTER_TRIP, EventKind.INVERTER_RESET,
            EventKind.GENERATOR_FAILURE, EventKind.LOAD_SHEDDING_START, EventKind.GATEWAY_REBOOT);

    @Property(tries = 200)
    void everyEventIsInOneOutageAtMostAndTheSameLogGivesTheSameDiagnosis(
            @ForAll @IntRange(min = 0, max = 120) int events, @ForAll long seed) {
        SiteLog log = randomLog(events, new Random(seed));

        Diagnosis diagnosis = log.diagnose();

        Set<Long> explained = new HashSet<>();
        diagnosis.outages().forEach(outage -> outage.eventIds().forEach(id -> assertThat(explained.add(id))
                .as("event %d is in one outage only", id).isTrue()));
        assertThat(diagnosis.outages()).extracting(Outage::id).doesNotHaveDuplicates();
        assertThat(diagnosis.outages()).allSatisfy(outage -> {
            assertThat(outage.end()).isAfterOrEqualTo(outage.start());
            assertThat(outage.competing().isEmpty()).isEqualTo(outage.cause() != OutageCause.AMBIGUOUS);
            assertThat(outage.evidence()).isNotEmpty();
        });
        assertThat(log.diagnose()).isEqualTo(diagnosis);
    }

    @Property(tries = 200)
    void relaysAreInNoOutageAndAMeterWithAnOpenRelayLosesNoSupply(
            @ForAll @IntRange(min = 0, max = 120) int events, @ForAll long seed) {
        SiteLog log = randomLog(events, new Random(seed));

        Diagnosis diagnosis = log.diagnose();

        log.input().events().stream()
                .filter(e -> e.kind() == EventKind.RELAY_OFF || e.kind() == EventKind.RELAY_ON)
                .forEach(e -> assertThat(diagnosis.outageOf(e.id())).isEmpty());
        diagnosis.outages().stream().flatMap(outage -> outage.spans().stream()).filter(MeterSpan::supplyLost)
                .forEach(span -> assertThat(relayOpen(log, span.meterId(), span.from()))
                        .as("%s's relay at %s", span.meterId(), span.from()).isFalse());
        assertThat(diagnosis.excludedMeters()).isSorted();
    }

    /** Whether billing or maintenance held the meter's relay open once every event up to {@code at} was in. */
    private static boolean relayOpen(SiteLog log, String meter, java.time.Instant at) {
        boolean open = false;
        for (SiteEvent event : log.input().events()) {
            if (event.source().equals(meter) && !event.at().isAfter(at)) {
                open = event.kind() == EventKind.RELAY_OFF || open && event.kind() != EventKind.RELAY_ON;
            }
        }
        return open;
    }

    /** Events at random minutes of the day, in time order, from the meters and the gateway. */
    private static SiteLog randomLog(int events, Random random) {
        SiteLog log = new SiteLog();
        int minute = 0;
        for (int i = 0; i < events; i++) {
            minute += random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            if (random.nextInt(5) == 0) {
                EventKind kind = GATEWAY_KINDS.get(random.nextInt(GATEWAY_KINDS.size()));
                log.gateway(SiteLog.at(0, minute), kind, "downtimeSeconds", "600", "feeders", "F1");
            } else {
                EventKind kind = METER_KINDS.get(random.nextInt(METER_KINDS.size()));
                log.add(SiteLog.at(0, minute), SiteLog.meter(1 + random.nextInt(6)), kind, "reason",
                        random.nextBoolean() ? "billing" : "maintenance", "lastGasp", "true");
            }
        }
        return log;
    }
}
