package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.site.MeterStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * The demo's supervisor sends a draft version that took effect yesterday from the tariffs screen: the
 * confirmation states when it takes effect, and the gateway's answer says what it posted.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TariffSendTest {

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
        stage.setHeight(768);
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    @Test
    void aSupervisorSendsADraftInForceSinceYesterdayAndIsToldWhatTheGatewayPosted(FxRobot robot)
            throws TimeoutException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> meters = robot.lookup("#meters-table").queryTableView();
        waitFor(() -> meters.getItems().size() == 60, () -> "the meters table shows " + meters.getItems().size()
                + " meters");
        robot.clickOn("#nav-tariffs");
        waitFor(() -> robot.lookup("#block-price-0").tryQuery().isPresent(), () -> "the tariff editor is not open");

        ZoneId zone = ZoneId.of(session.helloProperty().get().timeZone());
        LocalDate yesterday = session.gatewayClockProperty().get().atZone(zone).toLocalDate().minusDays(1);
        TextField from = robot.lookup("#draft-from").queryAs(TextField.class);
        robot.clickOn(from);
        robot.interact(from::selectAll);
        robot.write(yesterday.atStartOfDay().toString());
        TextField price = robot.lookup("#block-price-0").queryAs(TextField.class);
        String raised = new BigDecimal(price.getText()).add(BigDecimal.TEN).toPlainString();
        robot.clickOn(price);
        robot.interact(price::selectAll);
        robot.write(raised);
        WaitForAsyncUtils.waitForFxEvents();
        Label problems = robot.lookup("#tariff-problems").queryAs(Label.class);
        assertThat(problems.getText()).as(problems.getText()).contains("valid");

        robot.clickOn("#tariff-send");
        DialogPane confirm = robot.lookup("#tariff-send-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).contains("Version 2 takes effect " + yesterday + " 00:00");
        robot.clickOn("#tariff-send-confirm-send");

        Label message = robot.lookup("#tariffs-message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("The gateway took version 2"),
                () -> "the tariffs screen said: '" + message.getText() + "'");
        assertThat(message.getText()).contains("adjustments", "KES -");
    }

    /** Waits up to 60 s for {@code condition}; when it does not come, fails saying what the screen showed. */
    private static void waitFor(Callable<Boolean> condition, java.util.function.Supplier<String> shown)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited 60 s in vain: " + shown.get(), e);
        }
    }
}
