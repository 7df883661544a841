package io.gridside.ui;

import static io.gridside.ui.FirmwareScreen.onFx;
import static io.gridside.ui.FirmwareScreen.text;
import static io.gridside.ui.FirmwareScreen.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.MainView;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A console started on the Tariffs screen, as {@code demo --screen tariffs} starts it: the screen is shown before
 * any gateway answered, so the site's tariff is not in the site database when it first could read; it reads it
 * itself once the first pull has stored it, without the technician asking to read again.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TariffsFirstScreenTest {

    @TempDir
    static Path home;

    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) {
        System.setProperty("gridside.home", home.toString());
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        session = new SessionViewModel(tasks, dirs, Settings.load(dirs));
        stage.setScene(GridsideApp.createScene(session));
        ((MainView) stage.getScene().getRoot()).show("tariffs");
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    @Test
    void showsTheSitesTariffOnceTheFirstPullHasEnded(FxRobot robot) {
        String none = onFx(() -> I18n.text("tariffs.header.none"));
        robot.clickOn("#connect-demo");
        waitFor("the first pull", () -> onFx(() -> session.pullsProperty().get() > 0),
                () -> "the connect screen said '" + text(robot, "#problem") + "'");
        assertThat(onFx(() -> robot.lookup("#tariff-editor").query().isVisible())).as("the screen started on")
                .isTrue();
        waitFor("the site's tariff", () -> !text(robot, "#tariffs-header").equals(none),
                () -> "the screen said '" + text(robot, "#tariffs-header") + "' and '"
                        + text(robot, "#tariffs-message") + "'");
        assertThat(text(robot, "#tariffs-header")).startsWith("Tariff ");
        waitFor("the draft's editor", () -> onFx(() -> robot.lookup("#block-price-0").tryQuery().isPresent()),
                () -> "no editor");
    }
}
