package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridside.console.shell.CrashNotice;
import io.gridside.console.support.Incidents;
import io.gridside.console.support.UnexpectedFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An error the console did not foresee shows a short notice with an incident code and the way to export
 * diagnostics, never the error's own words or a stack trace; the log holds the code beside the details, and the
 * console keeps running. A background task that fails so hands its screen a sentence with the code instead.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashNoticeTest {

    private static final Pattern INCIDENT = Pattern.compile("E-[0-9A-Z]{6}");
    private static final String DETAIL = "the meter list is missing";

    @TempDir
    static Path home;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger incidents = (Logger) LoggerFactory.getLogger(Incidents.class);
    private Thread.UncaughtExceptionHandler previousDefault;
    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        console = SiteConsole.open(stage, home, 12, 5);
        CrashNotice.install(stage);
        log.start();
        incidents.addAppender(log);
    }

    @AfterEach
    void stop() {
        // A notice left open would stand over the next test's window.
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> List.copyOf(Window.getWindows()).stream()
                .filter(window -> window.getScene() != null && window.getScene().lookup("#crash-notice") != null)
                .forEach(Window::hide));
        incidents.detachAppender(log);
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        console.close();
    }

    @Test
    void anErrorOnTheJavaFxThreadShowsItsCodeAndTheWayToExportDiagnosticsAndTheConsoleKeepsRunning(FxRobot robot)
            throws TimeoutException, IOException {
        Platform.runLater(() -> {
            throw new NullPointerException(DETAIL);
        });
        DialogPane notice = waitForNotice(robot);

        String text = notice.getContentText();
        Matcher code = INCIDENT.matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(text).contains("Export diagnostics", "settings menu").doesNotContain(DETAIL, "\tat ",
                "NullPointerException");
        assertThat(notice.getExpandableContent()).isNull();
        assertThat(Screens.save(notice.getScene(), "support/crash-notice")).isNotEmptyFile();
        assertThat(loggedWith(code.group())).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo(DETAIL));

        // The notice's own button: the console's window holds other buttons named Close (the replace flow's).
        robot.clickOn(robot.from(notice).lookup((Button button) -> "Close".equals(button.getText())).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#crash-notice").tryQuery()).isEmpty();
        List<String> items = robot.lookup("#settings-menu").queryAs(MenuButton.class).getItems().stream()
                .map(MenuItem::getText).toList();
        assertThat(items).contains("Export diagnostics\u2026");
        assertThat(robot.lookup("#status-link").queryLabeled().getText()).isEqualTo("Not connected");
        assertThat(robot.lookup("#status-link").query().getScene().getWindow().isShowing()).isTrue();
    }

    @Test
    void errorsOfOtherThreadsWhileTheNoticeIsOpenUpdateItInsteadOfOpeningMore(FxRobot robot)
            throws TimeoutException, InterruptedException {
        Platform.runLater(() -> {
            throw new IllegalMonitorStateException(DETAIL);
        });
        waitForNotice(robot);
        Thread worker = new Thread(() -> {
            throw new ArrayIndexOutOfBoundsException(DETAIL);
        }, "worker");
        worker.start();
        worker.join();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> noticeText(robot).contains("1 more"));
        long notices = robot.listWindows().stream().filter(Window::isShowing)
                .filter(window -> window.getScene().lookup("#crash-notice") != null).count();
        assertThat(notices).isEqualTo(1);
        assertThat(log.list).hasSize(2);
    }

    @Test
    void aTaskThatFailsUnexpectedlyHandsItsScreenASentenceWithTheCodeAndOpensNoNotice(FxRobot robot)
            throws TimeoutException {
        AtomicReference<Throwable> handed = new AtomicReference<>();

        console.tasks().submit("Explode", context -> {
            throw new ClassCastException(DETAIL);
        }, result -> { }, handed::set);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> handed.get() != null);

        assertThat(handed.get()).isInstanceOf(UnexpectedFailure.class);
        String incident = ((UnexpectedFailure) handed.get()).incident();
        assertThat(handed.get().getMessage()).contains(incident, "Export diagnostics").doesNotContain(DETAIL);
        assertThat(loggedWith(incident)).hasSize(1);
        assertThat(robot.lookup("#crash-notice").tryQuery()).isEmpty();
    }

    private static DialogPane waitForNotice(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crash-notice").tryQuery().isPresent());
        return robot.lookup("#crash-notice").queryAs(DialogPane.class);
    }

    private static String noticeText(FxRobot robot) {
        return robot.lookup("#crash-notice").tryQuery().map(node -> ((DialogPane) node).getContentText()).orElse("");
    }

    private List<ILoggingEvent> loggedWith(String incident) {
        return log.list.stream().filter(event -> event.getFormattedMessage().contains(incident)).toList();
    }
}
