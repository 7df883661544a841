package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Notification;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import io.gridside.console.cli.Versions;
import io.gridside.console.shell.Appearance;
import io.gridside.console.shell.Shortcuts;
import io.gridside.console.tasks.TaskNotices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
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
 * The keyboard as a technician uses it: shortcuts switch the screens, open the shortcut sheet in the language in use
 * and the about screen, and never act while a key types into a field; and a notice that appears while the
 * technician types takes neither the focus nor a letter from the field.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KeyboardShortcutsTest {

    private static final int METERS = 24;

    @TempDir
    static Path home;

    private SiteConsole console;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        console = SiteConsole.open(stage, home, METERS, 5);
    }

    @AfterEach
    void stop() {
        console.close();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void shortcutsSwitchScreensAndOpenTheSheetAndTheAboutScreen(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);

        robot.push(shortcut(KeyCode.DIGIT3));
        assertThat(selected(robot, "#nav-mesh")).isTrue();
        robot.push(shortcut(KeyCode.DIGIT2));
        assertThat(selected(robot, "#nav-meters")).isTrue();
        robot.push(shortcut(KeyCode.PAGE_DOWN));
        assertThat(selected(robot, "#nav-mesh")).isTrue();
        robot.push(shortcut(KeyCode.EQUALS));
        assertThat(selected(robot, "#nav-sync")).isTrue();

        robot.push(new KeyCodeCombination(KeyCode.F1));
        VBox sheet = waitFor(robot, "#shortcut-sheet", VBox.class);
        assertThat(robot.lookup("#shortcut-sheet .shortcut-keys").queryAll()).hasSize(Shortcuts.all().size());
        showsWholeOnALaptopScreen(robot, sheet);
        assertThat(Screens.save(sheet.getScene(), "comfort/shortcut-sheet-en")).isNotEmptyFile();
        robot.push(new KeyCodeCombination(KeyCode.ESCAPE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcut-sheet").tryQuery()).isEmpty();

        robot.clickOn("#nav-dashboard").push(shortcut(KeyCode.I));
        Label version = waitFor(robot, "#about-version", Label.class);
        assertThat(version.getText()).isEqualTo(Versions.current());
        assertThat(robot.lookup("#about-licences").queryTableView().getItems()).isNotEmpty();
        Region about = robot.lookup("#about").queryAs(Region.class);
        assertThat(about.getBorder()).as("the about screen's own border, for a window drawn without a frame")
                .isNotNull();
        assertThat(about.getBorder().getStrokes()).isNotEmpty();
        assertThat(Screens.save(version.getScene(), "comfort/about-en")).isNotEmptyFile();
        robot.push(new KeyCodeCombination(KeyCode.ESCAPE));
    }

    @Test
    void aKeyThatTypesTextTypesItAndTheSearchShortcutFindsTheScreensFilter(FxRobot robot) throws IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.push(shortcut(KeyCode.DIGIT2));

        robot.push(shortcut(KeyCode.F));
        TextField filter = robot.lookup("#meters-filter").queryAs(TextField.class);
        assertThat(filter.isFocused()).isTrue();
        robot.type(KeyCode.DIGIT3, KeyCode.MINUS);

        assertThat(filter.getText()).isEqualTo("3-");
        assertThat(selected(robot, "#nav-meters")).isTrue();
    }

    @Test
    void theSheetListsTheShortcutsInTheLanguageChosen(FxRobot robot) throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useLanguage(Locale.FRENCH));

        robot.clickOn("#settings-menu").clickOn("#settings-help").clickOn("#settings-shortcuts");

        VBox sheet = waitFor(robot, "#shortcut-sheet", VBox.class);
        assertThat(robot.lookup("#shortcut-screens .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Touches");
        assertThat(robot.lookup("#shortcut-sheet .shortcut-does").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Afficher l'écran Compteurs", "Afficher cette liste de raccourcis");
        showsWholeOnALaptopScreen(robot, sheet);
        assertThat(Screens.save(sheet.getScene(), "comfort/shortcut-sheet-fr")).isNotEmptyFile();
    }

    @Test
    void theSheetHasItsOwnFrameAndBackgroundInEveryTheme(FxRobot robot) throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        for (Theme theme : Theme.values()) {
            robot.interact(() -> appearance.useTheme(theme));
            robot.clickOn("#settings-menu").clickOn("#settings-help").clickOn("#settings-shortcuts");
            VBox sheet = waitFor(robot, "#shortcut-sheet", VBox.class);
            WaitForAsyncUtils.waitForFxEvents();

            Border frame = sheet.getBorder();
            assertThat(frame).as(theme + " frame").isNotNull();
            assertThat(frame.getStrokes()).as(theme + " frame").isNotEmpty().allSatisfy(stroke -> {
                assertThat(stroke.getWidths().getTop()).as(theme + " frame width").isGreaterThanOrEqualTo(2);
                assertThat(((Color) stroke.getTopStroke()).getOpacity()).as(theme + " frame colour").isEqualTo(1);
            });
            Background ground = sheet.getBackground();
            assertThat(ground).as(theme + " background").isNotNull();
            assertThat(ground.getFills()).as(theme + " background").isNotEmpty()
                    .anySatisfy(fill -> assertThat(((Color) fill.getFill()).getOpacity()).isEqualTo(1));
            assertThat(Screens.save(sheet.getScene(), "comfort/shortcut-sheet-" + theme.key())).isNotEmptyFile();
            robot.interact(() -> ((Stage) sheet.getScene().getWindow()).close());
        }
    }

    @Test
    void aNoticeThatAppearsWhileTheTechnicianTypesTakesNeitherFocusNorText(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.push(shortcut(KeyCode.DIGIT2));
        TextField filter = robot.lookup("#meters-filter").queryAs(TextField.class);
        robot.clickOn(filter).write("MTR");

        // Long enough to be told of: a quicker failure is seen on the screen that started it.
        robot.interact(() -> console.tasks().submit("Export the statements", context -> {
            Thread.sleep(TaskNotices.LONG.toMillis() + 200);
            throw new IOException("the disk is full");
        }, done -> { }, failure -> { }));
        // The task alone takes over three seconds: the budget leaves a slow machine room for the notice to show.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".notification").tryQuery().isPresent());
        robot.write("-00");

        Notification notice = robot.lookup(".notification").queryAs(Notification.class);
        assertThat(notice.getMessage()).contains("Export the statements", "the disk is full");
        assertThat(filter.getText()).isEqualTo("MTR-00");
        assertThat(stage.getScene().getFocusOwner()).isSameAs(filter);
        assertThat(Screens.save(stage.getScene(), "comfort/notice-while-typing")).isNotEmptyFile();
    }

    /**
     * Every line of the sheet shows whole, in a window that a 1366x768 screen holds (its height less the desktop's
     * panel), with nothing to scroll: no line below the window's edge or beside it, none cut short of its height.
     */
    private static void showsWholeOnALaptopScreen(FxRobot robot, VBox sheet) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sheet.getScene().getHeight()).isLessThanOrEqualTo(728);
        assertThat(sheet.getScene().getWidth()).isLessThanOrEqualTo(1366);
        assertThat(robot.lookup("#shortcut-sheet .scroll-bar").queryAll()).isEmpty();
        for (Label line : robot.lookup("#shortcut-sheet .shortcut-does").queryAllAs(Label.class)) {
            Bounds bounds = line.localToScene(line.getLayoutBounds());
            assertThat(bounds.getMaxY()).isLessThanOrEqualTo(sheet.getScene().getHeight());
            assertThat(bounds.getMaxX()).isLessThanOrEqualTo(sheet.getScene().getWidth());
            assertThat(line.getHeight()).as(line.getText())
                    .isGreaterThanOrEqualTo(line.prefHeight(line.getWidth()) - 0.5);
        }
    }

    private static KeyCodeCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static boolean selected(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }

    private static <T extends Node> T waitFor(FxRobot robot, String query, Class<T> type) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }
}
