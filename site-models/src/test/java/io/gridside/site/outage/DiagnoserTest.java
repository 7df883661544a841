package io.gridside.site.outage;

import static io.gridside.site.outage.SiteLog.at;
import static io.gridside.site.outage.SiteLog.meter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnosis of hand-written event logs of a six-meter site, one cause or one rule at a time. */
class DiagnoserTest {

    @Test
    void aFeedersMetersLosingPowerTogetherAreOnePowerOutageWithTheMetersBehindThem() {
        // Meter 5 routes through meter 4: both on F2; meter 6 is up. Meters 2 and 3 behind meter 1 are on F1.
        SiteLog log = new SiteLog()
                .meters(at(18, 30), EventKind.POWER_LOSS, 1, 2, 3)
                .meters(at(21, 30), EventKind.POWER_RESTORE, 1, 2, 3);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).singleElement().satisfies(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.POWER);
            assertThat(outage.id()).isEqualTo("O-20260603-1830-1");
            assertThat(outage.feeders()).containsExactly("F1");
            assertThat(outage.spans()).extracting(MeterSpan::meterId).containsExactly(meter(1), meter(2), meter(3));
            assertThat(outage.spans()).allMatch(span -> span.supplyLost() && span.restored());
            assertThat(outage.end()).isEqualTo(at(21, 30));
            assertThat(outage.eventIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(outage.evidence().get(0).text()).contains("3 meters lost power", "3 of them with a last gasp",
                    "every one of the 3 meters of feeder F1");
        });
    }

    @Test
    void theRestOfTheSiteLosingPowerWhileAFeederIsOutSaysTheWholeSiteWasThenOut() {
        SiteLog log = new SiteLog()
                .meters(at(16, 0), EventKind.POWER_LOSS, 1, 2, 3)
                .meters(at(19, 0), EventKind.POWER_LOSS, 4, 5, 6);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).extracting(Outage::cause).containsExactly(OutageCause.POWER,
                OutageCause.POWER);
        assertThat(diagnosis.outages().get(1).evidence()).extracting(Evidence::text).anySatisfy(text -> assertThat(
                text).isEqualTo("With the 3 meters already without power, every meter of the site was then out."));
    }

    @Test
    void aMeterCutOffBehindAMeterThatLostPowerIsPartOfThePowerOutage() {
        SiteLog log = new SiteLog()
                .meters(at(2, 0), EventKind.POWER_LOSS, 4)
                .add(at(2, 0), meter(6), EventKind.POWER_LOSS, "lastGasp", "true")
                .meters(at(2, 0), EventKind.COMMS_LOSS, 5);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).singleElement().satisfies(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.POWER);
            assertThat(outage.spans()).filteredOn(span -> span.meterId().equals(meter(5)))
                    .singleElement().satisfies(span -> assertThat(span.supplyLost()).isFalse());
            assertThat(outage.spans()).noneMatch(MeterSpan::restored);
            assertThat(outage.end()).isEqualTo(SiteLog.DAY.plus(java.time.Duration.ofDays(1)));
        });
    }

    @Test
    void theBackhaulDownWhileMetersKeepReportingIsAnOutageOfTheGatewayAlone() {
        SiteLog log = new SiteLog()
                .gateway(at(5, 0), EventKind.BACKHAUL_DOWN)
                .gateway(at(7, 30), EventKind.BACKHAUL_UP);

        Outage outage = log.diagnose().outages().get(0);

        assertThat(outage.cause()).isEqualTo(OutageCause.BACKHAUL);
        assertThat(outage.spans()).isEmpty();
        assertThat(outage.supplyLost()).isFalse();
        assertThat(outage.eventIds()).containsExactly(1L, 2L);
        assertThat(outage.evidence()).extracting(Evidence::text).anySatisfy(text -> assertThat(text)
                .contains("No meter lost power or comms meanwhile"));
    }

    @Test
    void theEvidenceGivesItsTimesInTheSitesTimeZone() {
        SiteLog log = new SiteLog()
                .gateway(at(5, 0), EventKind.BACKHAUL_DOWN)
                .gateway(at(7, 30), EventKind.BACKHAUL_UP);
        DiagnosisInput utc = log.input();
        DiagnosisInput nairobi = new DiagnosisInput(utc.from(), utc.to(), utc.gatewayId(), utc.meterIds(),
                utc.parentOf(), utc.feederOf(), utc.events(), java.time.ZoneId.of("Africa/Nairobi"));

        String inUtc = Diagnoser.diagnose(utc).outages().get(0).evidence().get(0).text();
        String inSite = Diagnoser.diagnose(nairobi).outages().get(0).evidence().get(0).text();

        assertThat(inUtc).contains("05:00:00 UTC").contains("07:30:00 UTC");
        assertThat(inSite).contains("08:00:00 EAT").contains("10:30:00 EAT").doesNotContain("UTC");
        assertThat(Diagnoser.diagnose(utc).outages().get(0).id()).isEqualTo("O-20260603-0500-1");
        assertThat(Diagnoser.diagnose(nairobi).outages().get(0).id()).isEqualTo("O-20260603-0800-1");
    }

    @Test
    void aMeterOutTwiceInOneOutageIsOneMeterTouched() {
        Outage twice = new Outage("O-1", OutageCause.POWER, SiteLog.at(1, 0), SiteLog.at(3, 0),
                List.of(new MeterSpan("M1", SiteLog.at(1, 0), SiteLog.at(1, 30), true, true),
                        new MeterSpan("M1", SiteLog.at(2, 0), SiteLog.at(3, 0), true, true),
                        new MeterSpan("M2", SiteLog.at(1, 0), SiteLog.at(3, 0), true, true)),
                List.of(), List.of(), List.of(), List.of());

        assertThat(twice.meterCount()).isEqualTo(2);
        assertThat(twice.spans()).hasSize(3);
    }

    @Test
    void aRebootIsAGatewayFaultOverEveryMeterThatWasTalking() {
        SiteLog log = new SiteLog()
                .meters(at(3, 0), EventKind.COMMS_LOSS, 6)
                .gateway(at(3, 10), EventKind.GATEWAY_REBOOT, "downtimeSeconds", "1200");

        Outage reboot = log.diagnose().outages().get(1);

        assertThat(reboot.cause()).isEqualTo(OutageCause.GATEWAY_FAULT);
        assertThat(reboot.end()).isEqualTo(at(3, 30));
        assertThat(reboot.spans()).extracting(MeterSpan::meterId).hasSize(5).doesNotContain(meter(6));
        assertThat(reboot.supplyLost()).isFalse();
    }

    @Test
    void aRepeaterGoingSilentWithItsSubtreeIsAMeshPartition() {
        SiteLog log = new SiteLog()
                .meters(at(7, 3), EventKind.COMMS_LOSS, 1, 2, 3)
                .meters(at(7, 15), EventKind.COMMS_RETURN, 2)
                .meters(at(13, 0), EventKind.COMMS_RETURN, 1, 3);

        Outage outage = log.diagnose().outages().get(0);

        assertThat(outage.cause()).isEqualTo(OutageCause.MESH_PARTITION);
        assertThat(outage.spans()).noneMatch(MeterSpan::supplyLost).hasSize(3);
        assertThat(outage.evidence().get(0).text()).startsWith(meter(1) + " went silent");
        assertThat(outage.evidence().get(1).text()).contains("2 meters routing through " + meter(1));
    }

    @Test
    void theRoutesFollowParentChangesSoAMovedMeterIsNoLongerBehindItsOldParent() {
        SiteLog log = new SiteLog()
                .add(at(6, 0), meter(2), EventKind.PARENT_CHANGE, "from", meter(1), "to", meter(6))
                .meters(at(7, 3), EventKind.COMMS_LOSS, 1, 2);

        assertThat(log.diagnose().outages()).extracting(Outage::cause)
                .containsExactly(OutageCause.SINGLE_METER, OutageCause.SINGLE_METER);
    }

    @Test
    void meterLosingCommsAcrossBranchesWhileNoiseHoldsIsInterference() {
        SiteLog log = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 15), EventKind.COMMS_LOSS, 1, 2, 3, 6)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END)
                .meters(at(21, 15), EventKind.COMMS_RETURN, 1, 2, 3, 6);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).singleElement().satisfies(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.RF_INTERFERENCE);
            assertThat(outage.eventIds()).hasSize(10);
            assertThat(outage.evidence().get(0).text()).contains("rose by 18.0 dB around 4 meters");
            assertThat(outage.evidence().get(1).text()).contains("in 2 branches");
        });
    }

    @Test
    void oneBranchGoingDarkAtARoutingUpdateUnderNoiseAndBackBeforeItEndsIsAmbiguous() {
        SiteLog log = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 15), EventKind.COMMS_LOSS, 1, 2, 3)
                .meters(at(20, 0), EventKind.COMMS_RETURN, 1, 2, 3)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END);

        Outage outage = log.diagnose().outages().get(1);

        assertThat(outage.cause()).isEqualTo(OutageCause.AMBIGUOUS);
        assertThat(outage.competing()).extracting(Outage.Competing::cause)
                .containsExactly(OutageCause.MESH_PARTITION, OutageCause.RF_INTERFERENCE);
        assertThat(outage.competing()).allSatisfy(competing -> assertThat(competing.why()).isNotBlank());
    }

    @Test
    void oneBranchUnderNoiseIsAFailedRepeaterWhenItWentDarkBetweenRoutingUpdatesOrOutlastedTheNoise() {
        SiteLog between = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 7), EventKind.COMMS_LOSS, 1, 2, 3)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END);
        SiteLog outlasted = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 15), EventKind.COMMS_LOSS, 1, 2, 3)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END)
                .meters(at(23, 0), EventKind.COMMS_RETURN, 1, 2, 3);

        assertThat(between.diagnose().outages().get(1).cause()).isEqualTo(OutageCause.MESH_PARTITION);
        assertThat(outlasted.diagnose().outages().get(1).cause()).isEqualTo(OutageCause.MESH_PARTITION);
        assertThat(outlasted.diagnose().outages().get(1).evidence()).extracting(Evidence::text)
                .anySatisfy(text -> assertThat(text).contains("stayed silent more than 30 minutes"));
    }

    @Test
    void oneBranchUnderNoiseBackAsTheNoiseEndsIsTheInterference() {
        SiteLog log = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 15), EventKind.COMMS_LOSS, 1, 2, 3)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END)
                .meters(at(21, 15), EventKind.COMMS_RETURN, 1, 2, 3);

        assertThat(log.diagnose().outages()).singleElement().satisfies(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.RF_INTERFERENCE);
            assertThat(outage.eventIds()).hasSize(8);
        });
    }

    @Test
    void metersThatStaySilentLongAfterTheNoiseEndsAreTakenOutOfTheInterference() {
        SiteLog log = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 15), EventKind.COMMS_LOSS, 1, 4, 6)
                .gateway(at(21, 0), EventKind.INTERFERENCE_END)
                .meters(at(21, 15), EventKind.COMMS_RETURN, 4)
                .meters(at(23, 30), EventKind.COMMS_RETURN, 1, 6);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).extracting(Outage::cause).containsExactly(OutageCause.RF_INTERFERENCE,
                OutageCause.MESH_PARTITION, OutageCause.SINGLE_METER);
        assertThat(diagnosis.outages().get(0).spans()).extracting(MeterSpan::meterId).containsExactly(meter(4));
        assertThat(diagnosis.outages().get(1).spans()).extracting(MeterSpan::meterId).containsExactly(meter(1));
        assertThat(diagnosis.outages().get(1).evidence()).extracting(Evidence::text).anySatisfy(text -> assertThat(
                text).contains("stayed silent more than 30 minutes after the noise ended"));
        assertThat(diagnosis.outages().get(2).eventIds()).containsExactly(4L, 8L);
    }

    @Test
    void oneMeterAloneIsASingleMeterFaultButTheOnlyMeterOfAFeederIsAPowerOutage() {
        SiteLog log = new SiteLog()
                .meters(at(9, 0), EventKind.POWER_LOSS, 5)
                .meters(at(10, 0), EventKind.POWER_LOSS, 6)
                .meters(at(11, 0), EventKind.COMMS_LOSS, 3);

        assertThat(log.diagnose().outages()).extracting(Outage::cause)
                .containsExactly(OutageCause.SINGLE_METER, OutageCause.POWER, OutageCause.SINGLE_METER);
    }

    @Test
    void aHoldThatCoversPartOfAPowerOutageLeavesOnlyThatPartWithoutLostSupply() {
        // F1 (meters 1 to 3) is down from 02:00 to 04:00; meter 2 is held for maintenance from 03:00 to 05:00, and
        // meter 3 from 01:00 to 03:00: each lost supply for the hour of the outage outside its hold.
        SiteLog log = new SiteLog()
                .add(at(1, 0), meter(3), EventKind.RELAY_OFF, "reason", "maintenance")
                .meters(at(2, 0), EventKind.POWER_LOSS, 1, 2, 3)
                .add(at(3, 0), meter(2), EventKind.RELAY_OFF, "reason", "maintenance")
                .add(at(3, 0), meter(3), EventKind.RELAY_ON, "reason", "maintenance")
                .meters(at(4, 0), EventKind.POWER_RESTORE, 1, 2, 3)
                .add(at(5, 0), meter(2), EventKind.RELAY_ON, "reason", "maintenance");

        Outage outage = log.diagnose().outages().get(0);

        assertThat(outage.cause()).isEqualTo(OutageCause.POWER);
        assertThat(outage.meterCount()).isEqualTo(3);
        assertThat(outage.spans()).filteredOn(span -> span.meterId().equals(meter(2)))
                .extracting(MeterSpan::from, MeterSpan::to, MeterSpan::supplyLost)
                .containsExactly(tuple(at(2, 0), at(3, 0), true), tuple(at(3, 0), at(4, 0), false));
        assertThat(outage.spans()).filteredOn(span -> span.meterId().equals(meter(3)))
                .extracting(MeterSpan::from, MeterSpan::to, MeterSpan::supplyLost)
                .containsExactly(tuple(at(2, 0), at(3, 0), false), tuple(at(3, 0), at(4, 0), true));
        assertThat(outage.eventIds()).doesNotContain(1L, 5L, 6L, 10L);
    }

    @Test
    void aMeterWhoseRelayBillingOrMaintenanceHoldsOpenIsExcludedButLosesPowerWithItsFeeder() {
        SiteLog log = new SiteLog()
                .add(at(1, 0), meter(2), EventKind.RELAY_OFF, "reason", "billing")
                .add(at(1, 0), meter(5), EventKind.RELAY_OFF, "reason", "maintenance")
                .meters(at(2, 0), EventKind.POWER_LOSS, 5)
                .add(at(3, 0), meter(5), EventKind.RELAY_ON, "reason", "maintenance")
                .meters(at(4, 0), EventKind.POWER_LOSS, 1, 2, 3);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.excludedMeters()).containsExactly(meter(2), meter(5));
        assertThat(diagnosis.outages()).singleElement().satisfies(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.POWER);
            assertThat(outage.spans()).filteredOn(MeterSpan::supplyLost).extracting(MeterSpan::meterId)
                    .containsExactly(meter(1), meter(3));
            assertThat(outage.spans()).extracting(MeterSpan::meterId).contains(meter(2));
        });
        assertThat(diagnosis.outageOf(3)).isEmpty();
    }

    @Test
    void thePlantsOwnFaultsExplainTheMetersTheyCut() {
        SiteLog log = new SiteLog()
                .gateway(at(1, 0), EventKind.GENERATOR_FAILURE)
                .gateway(at(2, 0), EventKind.BATTERY_LOW, "stateOfChargePercent", "18")
                .gateway(at(3, 0), EventKind.LOAD_SHEDDING_START, "feeders", "F1")
                .meters(at(3, 0), EventKind.POWER_LOSS, 1, 2, 3)
                .gateway(at(5, 0), EventKind.LOAD_SHEDDING_END, "feeders", "F1")
                .meters(at(5, 0), EventKind.POWER_RESTORE, 1, 2, 3)
                .meters(at(6, 0), EventKind.POWER_LOSS, 4, 5)
                .meters(at(7, 0), EventKind.POWER_RESTORE, 4, 5)
                .gateway(at(8, 0), EventKind.BATTERY_RECOVERED)
                .gateway(at(9, 0), EventKind.GENERATOR_RESTORED)
                .gateway(at(12, 0), EventKind.INVERTER_TRIP, "reason", "overload")
                .meters(at(12, 0), EventKind.POWER_LOSS, 1, 2, 3, 4, 5, 6)
                .gateway(at(12, 45), EventKind.INVERTER_RESET);

        Diagnosis diagnosis = log.diagnose();

        assertThat(diagnosis.outages()).extracting(Outage::cause).containsExactly(OutageCause.GENERATOR,
                OutageCause.BATTERY, OutageCause.LOAD_SHEDDING, OutageCause.INVERTER);
        assertThat(diagnosis.outages().get(0).spans()).isEmpty();
        assertThat(diagnosis.outages().get(1).spans()).extracting(MeterSpan::meterId)
                .containsExactly(meter(4), meter(5));
        assertThat(diagnosis.outages().get(1).evidence()).extracting(Evidence::text)
                .anySatisfy(text -> assertThat(text).contains("generator had failed too"));
        assertThat(diagnosis.outages().get(2).feeders()).containsExactly("F1");
        assertThat(diagnosis.outages().get(3).meterCount()).isEqualTo(6);
        assertThat(diagnosis.outages().get(3).spans()).noneMatch(MeterSpan::restored);
    }

    @Test
    void theSameLogGivesTheSameOutagesAndIds() {
        SiteLog log = new SiteLog()
                .gateway(at(19, 0), EventKind.INTERFERENCE_START, "riseDb", "18.0", "meters", "4")
                .meters(at(19, 7), EventKind.COMMS_LOSS, 1, 2, 3)
                .meters(at(19, 7), EventKind.POWER_LOSS, 4, 5)
                .meters(at(19, 15), EventKind.COMMS_LOSS, 6);

        assertThat(Diagnoser.diagnose(log.input())).isEqualTo(Diagnoser.diagnose(log.input()));
        assertThat(Diagnoser.diagnose(log.input()).outages()).extracting(Outage::id)
                .containsExactly("O-20260603-1900-1", "O-20260603-1907-1", "O-20260603-1907-2");
    }

    @Test
    void outagesThatEndedBeforeTheWindowAreLeftOut() {
        SiteLog log = new SiteLog()
                .meters(at(-3, 0), EventKind.POWER_LOSS, 1, 2, 3)
                .meters(at(-2, 0), EventKind.POWER_RESTORE, 1, 2, 3)
                .meters(at(-1, 0), EventKind.POWER_LOSS, 4, 5)
                .meters(at(1, 0), EventKind.POWER_RESTORE, 4, 5);

        assertThat(log.diagnose().outages()).singleElement()
                .satisfies(outage -> assertThat(outage.start()).isEqualTo(at(-1, 0)));
    }
}
