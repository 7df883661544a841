package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.console.replay.MeterRow;
import io.gridside.console.replay.ReplayScene;
import io.gridside.console.replay.ReplayTimeline;
import io.gridside.console.replay.Speed;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Replay screen against a simulated site whose two days of history play the feeder-outage scenario (feeder F1
 * loses its supply for three hours on the first evening): the outage list names the cause, a seek into the outage
 * shows its meters without power in the table and on the mesh, the step buttons move event by event, and a replay
 * played at 100,000x moves on and stops when paused. The site's time zone is named beside the instant and on the
 * axis, the legend names the ring of the chosen outage, and an instant before the history held says so.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReplayScreenTest {

    private static final long WAIT_SECONDS = 90;
    private static final int METERS = 24;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @TempDir
    static Path home;

    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home.resolve(Long.toString(System.nanoTime())), METERS, 31, 2,
                Scenarios.byNameOrFile("feeder-outage"));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void replaysTheFeederOutageSeekingSteppingAndPlaying(FxRobot robot) throws TimeoutException, IOException {
        openReplayScreen(robot);
        TableView<Outage> outages = onFx(() -> robot.lookup("#replay-outages").queryTableView());
        String expected = OutageCause.ofScenarioStep("feeder-power-loss").label();
        waitFor("the diagnosis of the window", () -> !outages.getItems().isEmpty(),
                () -> "the screen said '" + text(robot, "#replay-diagnosis") + "' and '"
                        + text(robot, "#replay-message") + "'");
        List<String> causes = onFx(() -> outages.getItems().stream().map(o -> o.cause().label()).toList());
        assertThat(causes).contains(expected);
        Outage power = onFx(() -> outages.getItems().stream().filter(o -> o.cause().label().equals(expected))
                .filter(o -> o.meterCount() > 0).findFirst().orElseThrow());

        namesTheZoneAndTheRing(robot);
        saysWhenBeforeTheHistory(robot);
        seekIntoTheMiddleOf(robot, power);
        seesTheMetersWithoutPower(robot, power);
        stepsEventByEvent(robot);
        playsAndPauses(robot, power.start().minusSeconds(6 * 3_600));
        seeksWhereTheTimelineIsClicked(robot);
        Screens.save(onFx(() -> robot.lookup("#replay-view").query().getScene()), "replay");
    }

    private void namesTheZoneAndTheRing(FxRobot robot) {
        String zoneName = DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(shownInstant(robot).atZone(zone()));
        assertThat(text(robot, "#replay-zone")).isEqualTo(zoneName);
        ReplayTimeline timeline = onFx(() -> robot.lookup("#replay-timeline").queryAs(ReplayTimeline.class));
        assertThat(onFx(timeline::zoneName)).isEqualTo(zoneName);
        assertThat(text(robot, "#replay-legend-chosen")).isEqualTo("In the chosen outage");
        TextArea details = onFx(() -> robot.lookup("#replay-outage-details").queryAs(TextArea.class));
        assertThat(onFx(details::isWrapText)).isTrue();
    }

    /**
     * The window of a site pulled two days ago opens at the day its history begins; its first instant comes before
     * the first event, and the state line says so instead of counting meters, and the table lists none.
     */
    private void saysWhenBeforeTheHistory(FxRobot robot) throws TimeoutException {
        ReplayTimeline timeline = onFx(() -> robot.lookup("#replay-timeline").queryAs(ReplayTimeline.class));
        Instant windowStart = Instant.ofEpochMilli(onFx(() -> timeline.scale().start()));
        String typed = TYPED.format(windowStart.atZone(zone()));
        TextField field = onFx(() -> robot.lookup("#replay-instant").queryAs(TextField.class));
        robot.interact(() -> field.setText(typed));
        robot.clickOn(field).type(KeyCode.ENTER);
        waitFor("the state line before the history", () -> text(robot, "#replay-summary")
                .startsWith("Before the history held begins at "), () -> "the field said '" + field.getText()
                + "', the state line '" + text(robot, "#replay-summary") + "'");
        TableView<MeterRow> meters = onFx(() -> robot.lookup("#replay-meters").queryTableView());
        assertThat(onFx(() -> List.copyOf(meters.getItems()))).isEmpty();
    }

    private void seekIntoTheMiddleOf(FxRobot robot, Outage outage) throws TimeoutException {
        Instant middle = outage.start().plus(outage.duration().dividedBy(2));
        String typed = TYPED.format(middle.atZone(zone()));
        TextField field = onFx(() -> robot.lookup("#replay-instant").queryAs(TextField.class));
        robot.interact(() -> field.setText(typed));
        robot.clickOn(field).type(KeyCode.ENTER);
        waitFor("the seek to " + typed, () -> onFx(() -> field.getText()).equals(typed)
                && text(robot, "#replay-summary").contains("meters with power"),
                () -> "the field said '" + field.getText() + "', the screen '" + text(robot, "#replay-message") + "'");
    }

    private void seesTheMetersWithoutPower(FxRobot robot, Outage outage) throws TimeoutException {
        List<String> outMeters = outage.spans().stream().filter(span -> span.supplyLost())
                .map(span -> span.meterId()).toList();
        assertThat(outMeters).isNotEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<Object> filter = onFx(() -> robot.lookup("#replay-filter").queryAs(ComboBox.class));
        robot.interact(() -> filter.getSelectionModel().select(1));
        TableView<MeterRow> meters = onFx(() -> robot.lookup("#replay-meters").queryTableView());
        waitFor("only the meters out in the table", () -> onFx(() -> meters.getItems().stream()
                .map(MeterRow::meterId).toList()).containsAll(outMeters),
                () -> "the table listed " + onFx(() -> meters.getItems().stream().map(MeterRow::meterId).toList()));
        List<MeterRow> rows = onFx(() -> List.copyOf(meters.getItems()));
        assertThat(rows).allSatisfy(row -> assertThat(row.powered()).isFalse());
        assertThat(text(robot, "#replay-summary")).startsWith((METERS - rows.size()) + " of " + METERS);

        MeshCanvas canvas = onFx(() -> robot.lookup("#replay-canvas").queryAs(MeshCanvas.class));
        int noPower = onFx(() -> ReplayScene.Colours.of(MeshPalette.of(canvas.getParent())).noPower());
        MeshScene scene = canvas.getMeshScene();
        List<String> red = onFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            for (int i = 1; i < scene.nodeCount(); i++) {
                if (scene.nodeColors()[i] == noPower) {
                    found.add(scene.labels()[i]);
                }
            }
            return found;
        });
        assertThat(red).containsExactlyInAnyOrderElementsOf(rows.stream().map(MeterRow::meterId).toList());
        robot.interact(() -> filter.getSelectionModel().select(0));
    }

    private void stepsEventByEvent(FxRobot robot) throws TimeoutException {
        Instant before = shownInstant(robot);
        robot.clickOn("#replay-next");
        waitFor("a step forward", () -> shownInstant(robot).isAfter(before), () -> "it stayed at " + before);
        Instant next = shownInstant(robot);
        robot.clickOn("#replay-next");
        waitFor("a second step forward", () -> shownInstant(robot).isAfter(next), () -> "it stayed at " + next);
        robot.clickOn("#replay-previous");
        waitFor("a step back to the first event", () -> shownInstant(robot).equals(next),
                () -> "it stood at " + shownInstant(robot) + ", not " + next);
    }

    /**
     * Plays from {@code from} at 10,000x, an hour of history in a third of a second, and pauses. The rest of the
     * window takes some fifteen seconds at that speed, so the pause always lands before the replay reaches its end
     * and pauses itself (a click then would play it again); how fast this machine clicks does not matter.
     */
    private void playsAndPauses(FxRobot robot, Instant from) throws TimeoutException {
        @SuppressWarnings("unchecked")
        ComboBox<Object> speed = onFx(() -> robot.lookup("#replay-speed").queryAs(ComboBox.class));
        robot.interact(() -> speed.getSelectionModel().selectLast());
        assertThat(onFx(() -> speed.getConverter().toString(speed.getValue()))).isEqualTo("100,000x");
        robot.interact(() -> speed.getSelectionModel().select(Speed.X10_000));
        assertThat(onFx(() -> speed.getConverter().toString(speed.getValue()))).isEqualTo("10,000x");
        TextField field = onFx(() -> robot.lookup("#replay-instant").queryAs(TextField.class));
        robot.interact(() -> field.setText(TYPED.format(from.atZone(zone()))));
        robot.clickOn(field).type(KeyCode.ENTER);
        waitFor("the seek to " + from, () -> shownInstant(robot).equals(from), () -> "it stood at "
                + shownInstant(robot));
        ToggleButton play = onFx(() -> robot.lookup("#replay-play").queryAs(ToggleButton.class));

        robot.clickOn(play);
        waitFor("the replay to move on by more than an hour", () -> shownInstant(robot).isAfter(from
                .plusSeconds(3_600)), () -> "it stood at " + shownInstant(robot) + " from " + from);
        assertThat(onFx(play::isSelected)).as("still playing, far from the window's end").isTrue();
        robot.clickOn(play);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(play::isSelected)).isFalse();
        Instant paused = shownInstant(robot);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownInstant(robot)).isEqualTo(paused);
    }

    private void seeksWhereTheTimelineIsClicked(FxRobot robot) throws TimeoutException {
        ReplayTimeline timeline = onFx(() -> robot.lookup("#replay-timeline").queryAs(ReplayTimeline.class));
        double width = onFx(timeline::getWidth);
        Instant pointed = onFx(() -> timeline.scale().instantAt(width / 4, width));

        robot.moveTo(timeline, Pos.CENTER_LEFT, new Point2D(width / 4, 0), Motion.DIRECT)
                .clickOn(MouseButton.PRIMARY);

        waitFor("the seek to where the timeline was clicked, about " + pointed,
                () -> Math.abs(shownInstant(robot).getEpochSecond() - pointed.getEpochSecond())
                        < onFx(() -> timeline.scale().span()) / 1000 / width * 3,
                () -> "it stood at " + shownInstant(robot));
    }

    private void openReplayScreen(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        // Looked up on the FX thread: the dashboard is still filling in, and a lookup from the test's thread
        // can meet a child list half changed.
        Node nav = onFx(() -> robot.lookup("#nav-replay").query());
        robot.clickOn(nav);
        waitFor("the window read", () -> text(robot, "#replay-summary").contains("meters with power"),
                () -> "the screen said '" + text(robot, "#replay-message") + "'");
    }

    private ZoneId zone() {
        return ZoneId.of(onFx(() -> console.session().helloProperty().get().timeZone()));
    }

    private Instant shownInstant(FxRobot robot) {
        String shown = onFx(() -> robot.lookup("#replay-instant").queryAs(TextField.class).getText());
        return LocalDateTime.parse(shown, TYPED).atZone(zone()).toInstant();
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("(not shown)"));
    }

    private static <T> T onFx(Callable<T> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(60, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError("the lookup on the FX thread failed", failure);
        }
    }

    private static void waitFor(String what, Callable<Boolean> condition, Supplier<String> shown)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + ": " + shown.get(), e);
        }
    }
}
