package io.gridside.site.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReplayTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final String GATEWAY = "GW-1";
    static final List<String> METERS = List.of("M-1", "M-2", "M-3");
    static final Map<String, String> PARENTS = Map.of("M-1", GATEWAY, "M-2", "M-1", "M-3", "M-2");

    private final List<SiteEvent> log = new ArrayList<>();

    @Test
    void startsWithEveryMeterPoweredTalkingOverItsParentAndThePlantNormal() {
        SiteState state = replay().at(T0);

        assertThat(state.poweredCount()).isEqualTo(3);
        assertThat(state.talkingCount()).isEqualTo(3);
        assertThat(state.parent(2)).isEqualTo("M-2");
        assertThat(state.relay(0)).isEqualTo(RelayHold.NONE);
        assertThat(state.plant()).isEqualTo(SiteState.Plant.NORMAL);
        assertThat(state.lastEventId()).isZero();
    }

    @Test
    void powerLossTakesPowerAndCommsAndRestoreGivesBothBack() {
        add(10, "M-2", EventKind.POWER_LOSS, "lastGasp", "true");
        add(20, "M-2", EventKind.POWER_RESTORE);
        Replay replay = replay();

        SiteState during = replay.at(minute(15));
        SiteState after = replay.at(minute(20));

        assertThat(during.powered(1)).isFalse();
        assertThat(during.talking(1)).isFalse();
        assertThat(during.supplied(1)).isFalse();
        assertThat(during.powered(0)).isTrue();
        assertThat(after.powered(1)).isTrue();
        assertThat(after.talking(1)).isTrue();
        assertThat(after.lastEventId()).isEqualTo(2);
    }

    @Test
    void commsLossAndReturnChangeOnlyWhetherTheMeterTalks() {
        add(10, "M-3", EventKind.COMMS_LOSS);
        add(30, "M-3", EventKind.COMMS_RETURN);
        Replay replay = replay();

        assertThat(replay.at(minute(10)).talking(2)).isFalse();
        assertThat(replay.at(minute(10)).powered(2)).isTrue();
        assertThat(replay.at(minute(29)).talkingCount()).isEqualTo(2);
        assertThat(replay.at(minute(30)).talking(2)).isTrue();
    }

    @Test
    void parentChangeTakesTheDetailToAndIgnoresAChangeWithoutOne() {
        add(10, "M-3", EventKind.PARENT_CHANGE, "from", "M-2", "to", "M-1");
        add(20, "M-3", EventKind.PARENT_CHANGE, "from", "M-1");
        add(30, "M-2", EventKind.PARENT_CHANGE, "from", "M-1", "to", "M-9");
        Replay replay = replay();

        assertThat(replay.at(minute(9)).parent(2)).isEqualTo("M-2");
        assertThat(replay.at(minute(25)).parent(2)).isEqualTo("M-1");
        assertThat(replay.at(minute(30)).parent(1)).isEqualTo("M-9");
    }

    @Test
    void relayHeldOpenForBillingOrMaintenanceUntilItCloses() {
        add(10, "M-1", EventKind.RELAY_OFF, "reason", "billing");
        add(10, "M-2", EventKind.RELAY_OFF, "reason", "maintenance");
        add(10, "M-3", EventKind.RELAY_OFF, "reason", "overload");
        add(20, "M-1", EventKind.RELAY_ON, "reason", "billing");
        Replay replay = replay();

        SiteState held = replay.at(minute(15));
        SiteState after = replay.at(minute(20));

        assertThat(held.relay(0)).isEqualTo(RelayHold.BILLING);
        assertThat(held.relay(1)).isEqualTo(RelayHold.MAINTENANCE);
        assertThat(held.relay(2)).isEqualTo(RelayHold.NONE);
        assertThat(held.supplied(0)).isFalse();
        assertThat(held.powered(0)).isTrue();
        assertThat(after.relay(0)).isEqualTo(RelayHold.NONE);
        assertThat(after.relay(1)).isEqualTo(RelayHold.MAINTENANCE);
    }

    @Test
    void gatewayIsDownForItsRebootsDowntimeFromTheRebootsInstant() {
        add(10, GATEWAY, EventKind.GATEWAY_REBOOT, "downtimeSeconds", "600");
        Replay replay = replay();

        assertThat(replay.at(minute(10)).plant().gatewayUp()).isFalse();
        assertThat(replay.at(minute(20).minusNanos(1)).plant().gatewayUp()).isFalse();
        assertThat(replay.at(minute(20).minusNanos(1)).talkingCount()).isZero();
        assertThat(replay.at(minute(20)).plant().gatewayUp()).isTrue();
        assertThat(replay.at(minute(9)).plant().gatewayUp()).isTrue();
    }

    @Test
    void rebootWithAnUnreadableDowntimeIsARestartWithoutDowntime() {
        add(10, GATEWAY, EventKind.GATEWAY_REBOOT, "downtimeSeconds", "ten minutes");
        add(20, GATEWAY, EventKind.GATEWAY_REBOOT);
        add(30, GATEWAY, EventKind.GATEWAY_REBOOT, "downtimeSeconds", "-60");
        Replay replay = replay();

        assertThat(replay.at(minute(10)).plant().gatewayUp()).isTrue();
        assertThat(replay.at(minute(20)).plant().gatewayUp()).isTrue();
        assertThat(replay.at(minute(30)).plant().gatewayUp()).isTrue();
        assertThat(replay.at(minute(30)).lastEventId()).isEqualTo(3);
    }

    @Test
    void plantFlagsFollowTheirStartAndEndEvents() {
        add(1, GATEWAY, EventKind.BACKHAUL_DOWN);
        add(2, GATEWAY, EventKind.BATTERY_LOW, "stateOfChargePercent", "18");
        add(3, GATEWAY, EventKind.INVERTER_TRIP, "reason", "overload");
        add(4, GATEWAY, EventKind.GENERATOR_FAILURE);
        add(11, GATEWAY, EventKind.BACKHAUL_UP);
        add(12, GATEWAY, EventKind.BATTERY_RECOVERED);
        add(13, GATEWAY, EventKind.INVERTER_RESET);
        add(14, GATEWAY, EventKind.GENERATOR_RESTORED);
        Replay replay = replay();

        assertThat(replay.at(minute(5)).plant())
                .isEqualTo(new SiteState.Plant(true, false, true, true, true, Set.of(), false));
        assertThat(replay.at(minute(12)).plant())
                .isEqualTo(new SiteState.Plant(true, true, false, true, true, Set.of(), false));
        assertThat(replay.at(minute(14)).plant()).isEqualTo(SiteState.Plant.NORMAL);
    }

    @Test
    void loadSheddingShedsTheFeedersNamedAndAnEndNamingNoneEndsAll() {
        add(10, GATEWAY, EventKind.LOAD_SHEDDING_START, "feeders", "F1, F2");
        add(11, GATEWAY, EventKind.LOAD_SHEDDING_START, "feeders", "F3");
        add(20, GATEWAY, EventKind.LOAD_SHEDDING_END, "feeders", "F1,F2");
        add(30, GATEWAY, EventKind.LOAD_SHEDDING_END);
        Replay replay = replay();

        assertThat(replay.at(minute(11)).plant().sheddingFeeders()).containsExactlyInAnyOrder("F1", "F2", "F3");
        assertThat(replay.at(minute(20)).plant().sheddingFeeders()).containsExactly("F3");
        assertThat(replay.at(minute(30)).plant().sheddingFeeders()).isEmpty();
    }

    @Test
    void overlappingInterferenceLastsUntilItsLastEnd() {
        add(10, GATEWAY, EventKind.INTERFERENCE_START, "riseDb", "6.0", "meters", "2");
        add(15, GATEWAY, EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "20");
        add(20, GATEWAY, EventKind.INTERFERENCE_END);
        add(40, GATEWAY, EventKind.INTERFERENCE_END);
        add(50, GATEWAY, EventKind.INTERFERENCE_END);
        add(60, GATEWAY, EventKind.INTERFERENCE_START);
        Replay replay = replay();

        assertThat(replay.at(minute(10)).plant().interference()).isTrue();
        assertThat(replay.at(minute(25)).plant().interference()).isTrue();
        assertThat(replay.at(minute(40)).plant().interference()).isFalse();
        assertThat(replay.at(minute(60)).plant().interference()).isTrue();
    }

    @Test
    void eventsOfMetersTheSiteDoesNotHaveAndOtherKindsChangeNothing() {
        add(10, "M-99", EventKind.POWER_LOSS, "lastGasp", "true");
        add(11, "M-1", EventKind.TAMPER, "sensor", "cover");
        add(12, "M-2", EventKind.CLOCK_DRIFT, "offsetSeconds", "90");
        Replay replay = replay();

        SiteState state = replay.at(minute(20));

        assertThat(state.sameAs(replay.at(T0))).isTrue();
        assertThat(state.lastEventId()).isEqualTo(3);
        assertThat(replay.events()).hasSize(3);
    }

    @Test
    void sortsEventsByTimeThenNumber() {
        add(20, "M-1", EventKind.POWER_LOSS);
        add(10, "M-1", EventKind.POWER_RESTORE);
        add(10, "M-2", EventKind.COMMS_LOSS);
        log.add(new SiteEvent(9, minute(10), "M-3", EventKind.COMMS_LOSS, new TreeMap<>(), null));

        assertThat(replay().events()).extracting(SiteEvent::id).containsExactly(2L, 3L, 9L, 1L);
    }

    @Test
    void stepsThroughEventsLoggedAtTheSameInstantOneByOne() {
        add(10, "M-1", EventKind.POWER_LOSS);
        add(10, "M-2", EventKind.POWER_LOSS);
        add(10, "M-3", EventKind.POWER_LOSS);
        Replay replay = replay(1);

        assertThat(replay.afterEvent(0).poweredCount()).isEqualTo(2);
        assertThat(replay.afterEvent(1).poweredCount()).isEqualTo(1);
        assertThat(replay.afterEvent(2).sameAs(replay.at(minute(10)))).isTrue();
        assertThat(replay.afterEvent(1).at()).isEqualTo(minute(10));
        assertThatThrownBy(() -> replay.afterEvent(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void findsTheEventsAroundAnInstant() {
        add(10, "M-1", EventKind.COMMS_LOSS);
        add(20, "M-1", EventKind.COMMS_RETURN);
        add(20, "M-2", EventKind.COMMS_LOSS);
        Replay replay = replay();

        assertThat(replay.first()).contains(minute(10));
        assertThat(replay.last()).contains(minute(20));
        assertThat(replay.firstAfter(minute(5))).isZero();
        assertThat(replay.firstAfter(minute(10))).isEqualTo(1);
        assertThat(replay.lastAtOrBefore(minute(19))).isZero();
        assertThat(replay.lastAtOrBefore(minute(20))).isEqualTo(2);
        assertThat(replay.firstAfter(minute(20))).isEqualTo(3);
        assertThat(replay.lastAtOrBefore(minute(9))).isEqualTo(-1);
    }

    @Test
    void anEmptyLogHasNoFirstOrLastAndStaysAtTheStart() {
        Replay replay = replay();

        assertThat(replay.first()).isEmpty();
        assertThat(replay.last()).isEmpty();
        assertThat(replay.at(Instant.MAX).sameAs(replay.at(Instant.MIN))).isTrue();
        assertThat(replay.density(T0, minute(60), 4)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void densityCountsTheEventsOfEachEqualPartOfTheHalfOpenRange() {
        add(0, "M-1", EventKind.COMMS_LOSS);
        add(9, "M-1", EventKind.COMMS_RETURN);
        add(10, "M-2", EventKind.COMMS_LOSS);
        add(10, "M-3", EventKind.COMMS_LOSS);
        add(29, "M-2", EventKind.COMMS_RETURN);
        add(30, "M-3", EventKind.COMMS_RETURN);
        Replay replay = replay();

        assertThat(replay.density(T0, minute(30), 3)).containsExactly(2, 2, 1);
        assertThat(replay.density(minute(10), minute(11), 1)).containsExactly(2);
        assertThat(replay.density(T0, minute(31), 1)).containsExactly(6);
        assertThatThrownBy(() -> replay.density(minute(30), T0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> replay.density(T0, minute(30), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRepeatedMetersAndCheckpointsOfNoEvents() {
        assertThatThrownBy(() -> Replay.of(List.of("M-1", "M-1"), Map.of(), GATEWAY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replay.of(METERS, PARENTS, GATEWAY, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Replay replay() {
        return Replay.of(METERS, PARENTS, GATEWAY, log);
    }

    private Replay replay(int checkpointEvery) {
        return Replay.of(METERS, PARENTS, GATEWAY, log, checkpointEvery);
    }

    private void add(int minute, String source, EventKind kind, String... details) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        log.add(new SiteEvent(log.size() + 1, minute(minute), source, kind, map, null));
    }

    static Instant minute(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
