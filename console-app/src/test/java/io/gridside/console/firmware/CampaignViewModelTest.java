package io.gridside.console.firmware;

import static io.gridside.console.firmware.FirmwareViewModelTest.SHA;
import static io.gridside.console.firmware.FirmwareViewModelTest.accepted;
import static io.gridside.console.firmware.FirmwareViewModelTest.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.message.ControlCampaign;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignViewModelTest {

    private static final Path METER_IMAGE = Path.of("mtr-3.3.0.gsfw");
    private static final Instant AT = Instant.parse("2026-06-03T09:00:00Z");

    private final FakeFirmwareSource source = new FakeFirmwareSource();
    private final FirmwareViewModel screen = new FirmwareViewModel(source, () -> 0);
    private final CampaignViewModel model = screen.campaign();

    @BeforeEach
    void fleetAndImage() {
        List<FleetMeter> fleet = new ArrayList<>();
        fleet.add(new FleetMeter("M00", "mtr-r1", "mtr-2.9.7", 3, 1));
        for (int i = 1; i <= 24; i++) {
            fleet.add(new FleetMeter(String.format("M%02d", i), i % 2 == 0 ? "mtr-r2" : "mtr-r3", "mtr-3.1.4", 5,
                    i % 4 == 0 ? -1 : 1 + i % 3));
        }
        source.stored = fleet;
        source.reviews.put(METER_IMAGE, accepted(METER_IMAGE, manifest(FirmwareProduct.METER, "mtr-3.3.0",
                List.of("mtr-r2", "mtr-r3"))));
        source.pushResult = new PushResult(SHA, "mtr-3.3.0", 16, 0, 16, null);
    }

    private void planned() {
        screen.shown();
        screen.choose(METER_IMAGE);
    }

    @Test
    void previewsTheWavesByTheDefaultPolicyAndSaysWhyMetersAreLeftOut() {
        planned();

        assertThat(model.planTextProperty().get()).isEqualTo("mtr-3.3.0: 24 meters in 3 waves, 1 left out.");
        assertThat(model.waveRows()).extracting(WaveRow::size).containsExactly(2, 10, 12);
        assertThat(model.waveRows().get(0).hardwareMix()).isEqualTo("mtr-r2 x1, mtr-r3 x1");
        assertThat(model.waveRows().get(2).hops()).contains("no route");
        assertThat(model.excluded()).singleElement().satisfies(left -> {
            assertThat(left.getKey()).isEqualTo("M00");
            assertThat(left.getValue()).isEqualTo("hardware mtr-r1 does not run mtr-3.3.0");
        });
    }

    @Test
    void aWavesMetersWithNoRouteAndAMeterLeftOutReadInFrench() {
        I18n.use(Locale.FRENCH);
        try {
            planned();

            assertThat(model.waveRows().get(2).hops()).endsWith(" sans route)").doesNotContain("no route");
            assertThat(model.excluded()).singleElement().extracting(Map.Entry::getValue)
                    .isEqualTo("le matériel mtr-r1 ne fait pas tourner mtr-3.3.0");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void aPlanMadeInEnglishIsWordedAgainInFrenchAfterALanguageSwitch() {
        planned();
        String english = model.planTextProperty().get();

        I18n.use(Locale.FRENCH);
        try {
            assertThat(model.planTextProperty().get()).isNotEqualTo(english);
            assertThat(model.waveRows().get(2).hops()).endsWith(" sans route)");
            assertThat(model.excluded()).singleElement().extracting(Map.Entry::getValue)
                    .isEqualTo("le matériel mtr-r1 ne fait pas tourner mtr-3.3.0");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
        assertThat(model.planTextProperty().get()).isEqualTo(english);
    }

    @Test
    void anEditedPolicyPlansAgainAndAValueOutOfRangeIsRefusedWithWhy() {
        planned();

        model.setPolicy(() -> new CampaignPolicy(2, 5, 2, 980, 20, 4, 3, 8));
        assertThat(model.waveRows()).extracting(WaveRow::size).containsExactly(4, 5, 10, 5);

        model.setPolicy(() -> new CampaignPolicy(2, 5, 2, 980, 20, 4, 11, 8));
        assertThat(model.messageProperty().get()).isEqualTo(
                "The policy was not changed: attemptsPerMeter is from 1 to 10, not 11.");
        assertThat(model.policyProperty().get().attemptsPerMeter()).isEqualTo(3);

        I18n.use(Locale.FRENCH);
        try {
            assertThat(model.messageProperty().get()).isEqualTo("Les règles n'ont pas été modifiées : les tentatives "
                    + "par compteur vont de 1 à 10, et non 11.");
        } finally {
            I18n.use(Locale.ENGLISH);
        }

        model.resetPolicy();
        assertThat(model.policyProperty().get()).isEqualTo(CampaignPolicy.defaults());
    }

    @Test
    void withoutAMeterImageThereIsNoPlanAndNothingStarts() {
        screen.shown();

        model.start();

        assertThat(model.planProperty().get()).isNull();
        assertThat(model.planTextProperty().get()).startsWith("Choose a meter image that passed its checks");
        assertThat(source.asked).noneMatch(asked -> asked.startsWith("stage"));
    }

    @Test
    void startSendsTheImageThenStartsByThePolicyAndShowsEachWaveAndMeter() {
        planned();
        source.campaign = campaign(CampaignStatus.RUNNING, MeterUpdateStatus.CONFIRMED,
                MeterUpdateStatus.FAILED, MeterUpdateStatus.TRANSFERRING, MeterUpdateStatus.PENDING);

        model.start();

        assertThat(source.asked).containsSubsequence("stage " + METER_IMAGE, "start " + SHA.hex(), "history");
        assertThat(source.startedWith).isEqualTo(CampaignPolicy.defaults());
        assertThat(model.waves()).containsExactly(new WaveProgress(0, WaveStatus.PASSED, 2, 1, 0, 1, 0),
                new WaveProgress(1, WaveStatus.UPDATING, 2, 0, 1, 0, 1));
        assertThat(model.stateTextProperty().get()).isEqualTo(
                "Campaign c-1 of mtr-3.3.0: running; 1 of 4 meters confirmed, 1 failed.");
        model.statusFilterProperty().set(MeterUpdateStatus.FAILED);
        assertThat(model.shownMeters()).extracting(CampaignState.MeterUpdate::meterId).containsExactly("M02");
        model.statusFilterProperty().set(null);
        assertThat(model.shownMeters()).hasSize(4);
    }

    @Test
    void pauseResumeAndAbortAskTheGatewayAndShowWhatItSays() {
        source.campaign = campaign(CampaignStatus.RUNNING, MeterUpdateStatus.PENDING);
        planned();
        source.campaign = campaign(CampaignStatus.PAUSED, MeterUpdateStatus.PENDING);

        model.pause();
        assertThat(model.stateProperty().get().status()).isEqualTo(CampaignStatus.PAUSED);

        source.campaign = campaign(CampaignStatus.ABORTED, MeterUpdateStatus.NOT_UPDATED);
        model.abort();

        assertThat(source.controlled).isEqualTo(ControlCampaign.Action.ABORT);
        assertThat(model.running()).isFalse();
        assertThat(model.stateTextProperty().get()).contains("aborted");
    }

    @Test
    void pollsOnlyWhileACampaignIsUnderWayAndNoAnswerIsAwaited() {
        source.campaign = campaign(CampaignStatus.RUNNING, MeterUpdateStatus.PENDING);
        planned();
        source.holdRefresh = true;

        model.poll();
        model.poll();
        assertThat(source.asked).filteredOn(asked -> asked.startsWith("refresh c-1")).hasSize(1);

        source.heldRefresh.accept(campaign(CampaignStatus.COMPLETED, MeterUpdateStatus.CONFIRMED));
        int asked = source.asked.size();
        model.poll();

        assertThat(source.asked).hasSize(asked);
        assertThat(source.asked.get(asked - 1)).isEqualTo("history");
    }

    /** Campaign c-1 of two waves of two meters each, its meters M01 to M04 at {@code statuses}. */
    private static CampaignState campaign(CampaignStatus status, MeterUpdateStatus... statuses) {
        List<CampaignState.MeterUpdate> meters = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            meters.add(new CampaignState.MeterUpdate(String.format("M%02d", i + 1), i / 2, statuses[i],
                    statuses[i] == MeterUpdateStatus.FAILED ? 3 : 1, statuses[i] == MeterUpdateStatus.FAILED
                    ? "did not rejoin the mesh" : "", "mtr-3.1.4"));
        }
        List<CampaignState.Wave> waves = List.of(new CampaignState.Wave(0, WaveStatus.PASSED, 2, null),
                new CampaignState.Wave(1, WaveStatus.UPDATING, 2, null));
        return new CampaignState("c-1", SHA, "mtr-3.3.0", CampaignPolicy.defaults(), status, "", AT, AT, waves,
                meters);
    }
}
