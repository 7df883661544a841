package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.sim.wire.WireProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard while the site's first pull runs says that the site is loading, not that no meter is online and
 * every customer has enough credit; once the pull has ended it shows the site's figures.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DashboardFirstPullTest {

    private static final int METERS = 12;
    /** Each way, so that the first pull's round trips last long enough to be seen running. */
    private static final Duration LATENCY = Duration.ofMillis(250);

    @TempDir
    static Path home;

    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, METERS, 19);
    }

    @AfterEach
    void stop() {
        console.close();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void saysItIsLoadingWhileTheFirstPullRunsThenShowsTheSitesFigures(FxRobot robot) throws Exception {
        ConnectScreen.pressConnect(robot, console.site().listenEmulatedTcp(0,
                WireProfile.unlimited().withLatency(LATENCY)).getPort());

        AtomicReference<Shown> seen = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Shown shown = onFx(() -> shown(robot));
            seen.set(shown);
            return shown.pullRunning() && shown.built();
        });
        Shown loading = seen.get();
        assertThat(loading.online()).as("meters online while the first pull runs")
                .isEqualTo(I18n.text("dashboard.loading.value"));
        assertThat(loading.credit()).as("credit on site while the first pull runs")
                .isEqualTo(I18n.text("dashboard.loading.value"));
        assertThat(loading.low()).as("low on credit while the first pull runs")
                .isEqualTo(I18n.text("dashboard.loading.value"));
        assertThat(loading.attention()).as("the customers' table while the first pull runs")
                .isEqualTo(I18n.text("dashboard.loading.attention"))
                .isNotEqualTo(I18n.text("dashboard.attention.empty"));

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#meters-table").queryTableView().getItems().size() == METERS);
        WaitForAsyncUtils.waitForFxEvents();
        Shown pulled = onFx(() -> shown(robot));
        assertThat(pulled.online()).as("meters online once pulled").endsWith(" " + METERS)
                .isNotEqualTo(I18n.text("dashboard.loading.value"));
        assertThat(pulled.credit()).as("credit on site once pulled").contains("KES");
        assertThat(pulled.attention()).as("the customers' table once pulled")
                .isNotEqualTo(I18n.text("dashboard.loading.attention"));
    }

    /** What the dashboard shows, and whether the site's pull was running at that moment. */
    private record Shown(boolean pullRunning, boolean built, String online, String low, String credit,
            String attention) {
    }

    /** Read on the JavaFX thread in one go, so that the pull cannot end between the task's state and the texts. */
    private Shown shown(FxRobot robot) {
        String pull = I18n.text("task.pull");
        boolean running = console.tasks().tasks().stream()
                .anyMatch(task -> pull.equals(task.getTitle()) && task.isRunning());
        if (robot.lookup("#dashboard-online").tryQuery().isEmpty()) {
            return new Shown(running, false, "", "", "", "");
        }
        TableView<?> attention = robot.lookup("#attention").queryTableView();
        Label placeholder = (Label) attention.getPlaceholder();
        return new Shown(running, true, text(robot, "#dashboard-online"), text(robot, "#dashboard-low"),
                text(robot, "#dashboard-credit"), placeholder.getText());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }
}
