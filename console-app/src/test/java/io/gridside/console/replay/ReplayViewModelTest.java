package io.gridside.console.replay;

import static io.gridside.console.replay.ReplaySites.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.replay.RelayHold;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {

    private final ReplaySites.Source source = new ReplaySites.Source();
    private final ReplayViewModel model = new ReplayViewModel(source);

    @Test
    void readsTheLastWeekOnceWhenFirstShownAndOpensAtItsFirstOutage() {
        model.shown();
        model.shown();

        assertThat(source.asked).containsExactly(WindowChoice.LAST_WEEK);
        assertThat(model.outages()).hasSize(1);
        assertThat(model.chosenOutageProperty().get()).isEqualTo(model.outages().get(0));
        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        assertThat(model.rows()).hasSize(3).filteredOn(MeterRow::out).hasSize(2);
        assertThat(model.diagnosisMessageProperty().get()).isEqualTo("1 outage in this window");
    }

    @Test
    void opensAWindowWithoutOutagesAtItsFirstEvent() {
        source.next = ReplaySites.window("The diagnosis is not available in this version of the console.");

        model.shown();

        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        assertThat(model.zoneTextProperty().get()).isEqualTo("EAT");
    }

    @Test
    void beforeTheHistoryHeldBeginsTheStateLineSaysSoAndCountsNoMeters() {
        source.next = ReplaySites.window("no diagnosis", hours(1), hours(5));
        model.shown();

        model.seek(hours(0.5));

        assertThat(model.summaryProperty().get())
                .isEqualTo("Before the history held begins at 2026-06-01 16:00 EAT: how the site stood is not known.");
        assertThat(model.rows()).isEmpty();
        assertThat(model.rowsNoteProperty().get()).startsWith("Before the history held begins");
        int unknown = ReplayScene.Colours.of(io.gridside.console.mesh.MeshPalette.fallback()).silentLink();
        assertThat(model.sceneProperty().get().scene().nodeColors()[1]).isEqualTo(unknown);
        model.seek(hours(5.5));
        assertThat(model.summaryProperty().get())
                .startsWith("After the last event held (2026-06-01 20:00 EAT), as the site last stood: ")
                .contains("of 3 meters with power");
        model.seek(hours(3.5));
        assertThat(model.summaryProperty().get()).startsWith("3 of 3 meters with power");
        assertThat(model.rows()).hasSize(3);
        assertThat(model.sceneProperty().get().scene().nodeColors()[1]).isNotEqualTo(unknown);
    }

    @Test
    void aNewWindowDoesNotKeepAnInstantBeforeItsHistory() {
        source.next = ReplaySites.window("no diagnosis");
        model.shown();
        model.seek(hours(0.5));

        source.next = ReplaySites.window("no diagnosis", hours(1), null);
        model.load();

        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
    }

    @Test
    void aPullReadsAgainOnlyWhileNoWindowIsShown() {
        source.next = null;
        model.shown();
        assertThat(model.windowProperty().get()).isNull();

        source.next = ReplaySites.window(null);
        source.pulled.run();
        assertThat(model.windowProperty().get()).isNotNull();
        model.chooseOutage(model.outages().get(0));
        source.pulled.run();

        assertThat(source.asked).hasSize(2);
        assertThat(model.chosenOutageProperty().get()).isNotNull();
    }

    @Test
    void seekingIntoThePowerOutageShowsTheMetersWithoutPower() {
        model.shown();

        model.seek(hours(1.5));

        assertThat(model.rows()).filteredOn(MeterRow::out).extracting(MeterRow::meterId)
                .containsExactly("M-2", "M-3");
        assertThat(model.summaryProperty().get()).startsWith("1 of 3 meters with power, 1 talking");
        int[] colours = model.sceneProperty().get().scene().nodeColors();
        ReplayScene.Colours expected = ReplayScene.Colours.of(io.gridside.console.mesh.MeshPalette.fallback());
        assertThat(colours[2]).isEqualTo(expected.noPower());
        assertThat(colours[1]).isEqualTo(expected.talking());
    }

    @Test
    void theOutFilterKeepsOnlyTheMetersWithoutPowerAndTheTextNarrowsFurther() {
        model.shown();
        model.seek(hours(1.5));

        model.rowFilterProperty().set(RowFilter.OUT);
        assertThat(model.rows()).extracting(MeterRow::meterId).containsExactly("M-2", "M-3");

        model.rowTextProperty().set("chege");
        assertThat(model.rows()).extracting(MeterRow::meterId).containsExactly("M-3");
    }

    @Test
    void stepsEventByEventForwardAndBack() {
        model.shown();
        model.seek(ReplaySites.T0);

        model.stepNext();
        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        model.stepNext();
        assertThat(model.instantProperty().get()).isEqualTo(hours(2));
        assertThat(model.rows()).noneMatch(MeterRow::out);
        model.stepPrevious();
        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        model.stepPrevious();

        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        assertThat(model.messageProperty().get()).isEqualTo("There is no event further that way in this window.");
    }

    @Test
    void playingMovesOnBySpeedTimesRealTimeAndPausesAtTheEnd() {
        model.shown();
        model.seek(ReplaySites.T0);
        model.speedProperty().set(Speed.X10_000);
        model.playingProperty().set(true);

        model.pulse(0);
        model.pulse(500_000_000L);

        assertThat(model.instantProperty().get()).isEqualTo(ReplaySites.T0.plus(Duration.ofSeconds(5_000)));
        assertThat(model.playingProperty().get()).isTrue();
        for (long pulse = 1; pulse <= 10; pulse++) {
            model.pulse(500_000_000L + pulse * 1_000_000_000L);
        }
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.instantProperty().get()).isEqualTo(hours(6).minusMillis(1));
        assertThat(model.rows()).filteredOn(row -> row.relay() == RelayHold.BILLING).extracting(MeterRow::meterId)
                .containsExactly("M-1");
    }

    @Test
    void theRowsFollowAPlayingReplayOnlyAFewTimesASecond() {
        model.shown();
        model.speedProperty().set(Speed.X10_000);
        model.playingProperty().set(true);
        model.pulse(0);
        Object shown = model.rows().get(0);

        model.pulse(16_000_000L);
        model.pulse(32_000_000L);
        model.pulse(240_000_000L);

        assertThat(model.rows().get(0)).isSameAs(shown);
        model.pulse(260_000_000L);
        assertThat(model.rows().get(0)).isNotSameAs(shown);
    }

    @Test
    void seeksAnInstantTypedInTheSitesZoneAndRefusesOneOutsideTheWindow() {
        model.shown();

        model.instantTextProperty().set("2026-06-01 19:30");
        model.seekTyped();
        assertThat(model.instantProperty().get()).isEqualTo(Instant.parse("2026-06-01T16:30:00Z"));

        model.instantTextProperty().set("2026-06-02 19:30");
        model.seekTyped();
        assertThat(model.instantProperty().get()).isEqualTo(Instant.parse("2026-06-01T16:30:00Z"));
        assertThat(model.messageProperty().get()).startsWith("That instant is outside the window");

        model.instantTextProperty().set("half past seven");
        model.seekTyped();
        assertThat(model.messageProperty().get()).contains("is not an instant");
    }

    @Test
    void choosingAnOutageSeeksToItsStartRingsItsMetersAndTellsItsEvidence() {
        model.shown();

        model.chooseOutage(model.outages().get(0));

        assertThat(model.instantProperty().get()).isEqualTo(hours(1));
        assertThat(model.outageDetailsProperty().get()).contains("power outage").contains("last gasp")
                .contains("Competing explanations").contains("mesh partition: both hang under M-1");
        int[] flags = model.sceneProperty().get().scene().nodeFlags();
        assertThat(flags[2] & io.gridside.console.mesh.MeshScene.HIGHLIGHTED).isNotZero();
        assertThat(flags[1] & io.gridside.console.mesh.MeshScene.HIGHLIGHTED).isZero();
    }

    @Test
    void aMissingDiagnosisIsSaidAndTheReplayStillWorks() {
        source.next = ReplaySites.window("The diagnosis is not available in this version of the console.");
        model.shown();

        model.seek(hours(1.5));

        assertThat(model.outages()).isEmpty();
        assertThat(model.diagnosisMessageProperty().get()).contains("not available");
        assertThat(model.rows()).filteredOn(MeterRow::out).hasSize(2);
    }

    @Test
    void reportsTheChosenOutageOrTheWindowAndSaysWhereTheFilesWent() {
        model.shown();
        model.chooseOutage(null);
        Path page = Path.of("incident.html");

        model.writeReport(false, page);
        assertThat(model.messageProperty().get()).isEqualTo("Choose an outage to report first.");
        assertThat(source.reported).isEmpty();

        model.chooseOutage(model.outages().get(0));
        assertThat(model.reportFileName(false)).isEqualTo("incident-O-20260601-1600-1.html");
        model.writeReport(false, page);
        model.writeReport(true, page);

        assertThat(source.reported).containsExactly(model.outages().get(0), null);
        assertThat(model.messageProperty().get()).contains("incident.html").contains("incident.csv");
    }
}
