package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.Appearance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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
 * The settings menu switches the console's language and theme at once, on the screen that is open, and keeps them
 * for the next start; and the main screens in each theme and in English and French are saved as pictures under
 * target/screens/appearance for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
// Every screen in every theme and language: on a loaded two-core machine its longest test took 101 s.
@Timeout(value = 480, unit = TimeUnit.SECONDS)
class AppearanceTest {

    /** How far apart two grades of link must look on the mesh: well past a glance's threshold. */
    private static final double APART = 15;

    private static final int METERS = 24;
    /** The screens a technician spends the day on, by their navigation names. */
    private static final List<String> MAIN_SCREENS = List.of("dashboard", "meters", "mesh", "customers", "cash",
            "tariffs", "replay", "firmware", "sync");

    @TempDir
    static Path home;

    private SiteConsole console;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        console = SiteConsole.open(stage, home, METERS, 11);
    }

    @AfterEach
    void stop() {
        console.close();
        I18n.use(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void theSettingsMenuSwitchesLanguageAndThemeAtOnceOnTheOpenScreenAndKeepsThem(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-meters");
        assertThat(text(robot, "#nav-dashboard")).isEqualTo("Dashboard");

        robot.clickOn("#settings-menu").clickOn("Language")
                .clickOn("Français", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#nav-dashboard")).isEqualTo("Synthèse");
        assertThat(text(robot, "#nav-meters")).isEqualTo("Compteurs");
        assertThat(robot.lookup("#nav-meters").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#meters-table").queryTableView().getItems()).hasSize(METERS);

        robot.clickOn("#settings-menu").clickOn("Thème").clickOn("Sombre", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(scene().getStylesheets()).noneMatch(sheet -> sheet.endsWith("high-contrast.css"));

        robot.clickOn("#settings-menu").clickOn("Thème")
                .clickOn("Contraste élevé (plein soleil)", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(scene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("high-contrast.css"))
                .anyMatch(sheet -> sheet.endsWith("console.css"));
        assertThat(text(robot, "#nav-dashboard")).isEqualTo("Synthèse");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "fr".equals(kept(Appearance.SETTING_LANGUAGE))
                && Theme.HIGH_CONTRAST.key().equals(kept(Appearance.SETTING_THEME)));
    }

    @Test
    void savesTheMainScreensInEveryThemeInEnglishAndFrenchAndTheDashboardInTheOtherLanguages(FxRobot robot)
            throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(scene()).orElseThrow();
        for (Theme theme : Theme.values()) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                assertThat(Screens.save(scene(), "appearance/connect-" + theme.key() + "-" + language.getLanguage()))
                        .isNotEmptyFile();
            }
        }
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);

        for (Theme theme : Theme.values()) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                for (String screen : MAIN_SCREENS) {
                    robot.clickOn("#nav-" + screen);
                    settle();
                    Path saved = Screens.save(scene(), "appearance/" + screen + "-" + theme.key() + "-"
                            + language.getLanguage());
                    assertThat(saved).isNotEmptyFile();
                    assertStatusBarWhole(robot, screen + " " + theme.key() + " " + language);
                }
            }
        }
        assertThat(text(robot, "#nav-dashboard")).isEqualTo("Synthèse");

        for (String language : List.of("pt", "sw")) {
            robot.interact(() -> {
                appearance.useTheme(Theme.LIGHT);
                appearance.useLanguage(Locale.forLanguageTag(language));
            });
            robot.clickOn("#nav-dashboard");
            settle();
            assertThat(Screens.save(scene(), "appearance/dashboard-light-" + language)).isNotEmptyFile();
        }
        assertThat(text(robot, "#nav-dashboard")).isEqualTo("Muhtasari");
    }

    @Test
    void theMeshDrawsEveryGradeOfLinkAtLeastThreeToOneAndEachGradeApartInEveryTheme(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(scene()).orElseThrow();
        robot.clickOn("#nav-mesh");
        for (Theme theme : Theme.values()) {
            robot.interact(() -> appearance.useTheme(theme));
            WaitForAsyncUtils.waitForFxEvents();

            MeshCanvas canvas = robot.lookup("#mesh-canvas").queryAs(MeshCanvas.class);
            MeshPalette palette = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                    () -> MeshPalette.of(canvas.getParent())));
            Map<String, Integer> grades = new LinkedHashMap<>();
            grades.put("good", palette.good());
            grades.put("fair", palette.fair());
            grades.put("weak", palette.weak());
            grades.put("unusable", palette.unusable());
            grades.forEach((grade, argb) -> assertThat(contrast(argb, palette.background()))
                    .as("%s: a %s link, %08x on %08x", theme.key(), grade, argb, palette.background())
                    .isGreaterThanOrEqualTo(3.0));
            List<String> names = List.copyOf(grades.keySet());
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    int one = grades.get(names.get(i));
                    int other = grades.get(names.get(j));
                    assertThat(difference(one, other)).as("%s: %s %08x apart from %s %08x", theme.key(),
                            names.get(i), one, names.get(j), other).isGreaterThanOrEqualTo(APART);
                }
            }
        }
        assertThat(Screens.save(scene(), "appearance/mesh-high-contrast")).isNotEmptyFile();
    }

    /**
     * The firmware chart's figures, each segment's count and each bar's total, stand on a chip of their own that
     * reads at 4.5:1 or better in every theme, whatever the colour of the bar or the grid lines behind.
     */
    @Test
    void theFirmwareChartsFiguresReadInEveryTheme(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(scene()).orElseThrow();
        robot.clickOn("#nav-firmware");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup(".fleet-segment-count").queryAll().isEmpty());
        for (Theme theme : Theme.values()) {
            robot.interact(() -> appearance.useTheme(theme));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !robot.lookup(".fleet-segment-count").queryAll().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            List<Label> figures = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Stream.concat(
                    robot.lookup(".fleet-segment-count").queryAllAs(Label.class).stream(),
                    robot.lookup(".fleet-total").queryAllAs(Label.class).stream()).filter(Node::isVisible)
                    .toList()));
            assertThat(figures).as(theme.key()).hasSizeGreaterThan(2);
            for (Label figure : figures) {
                int text = argb(figure.getTextFill());
                assertThat(figure.getBackground()).as("%s: the chip of '%s'", theme.key(), figure.getText())
                        .isNotNull();
                int chip = argb(figure.getBackground().getFills().get(0).getFill());
                assertThat(chip >>> 24).as("%s: the chip of '%s' is opaque", theme.key(), figure.getText())
                        .isEqualTo(0xff);
                assertThat(contrast(text, chip)).as("%s: '%s', %08x on %08x", theme.key(), figure.getText(), text,
                        chip).isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    private static int argb(Paint paint) {
        Color colour = (Color) paint;
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }

    /** The contrast ratio of two opaque colours, as the web's accessibility guidelines define it: 1 to 21. */
    private static double contrast(int argb, int other) {
        double lighter = Math.max(luminance(argb), luminance(other));
        double darker = Math.min(luminance(argb), luminance(other));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(int argb) {
        return 0.2126 * linear((argb >> 16) & 0xff) + 0.7152 * linear((argb >> 8) & 0xff)
                + 0.0722 * linear(argb & 0xff);
    }

    /**
     * How far apart two colours look: the distance of their CIE L*a*b* coordinates (D65 white), where about 2 is
     * the least a person sees and the high-contrast theme's fair and weak links, the closest pair it draws, are 21.
     */
    private static double difference(int argb, int other) {
        double[] one = lab(argb);
        double[] two = lab(other);
        return Math.sqrt(Math.pow(one[0] - two[0], 2) + Math.pow(one[1] - two[1], 2) + Math.pow(one[2] - two[2], 2));
    }

    private static double[] lab(int argb) {
        double r = linear((argb >> 16) & 0xff);
        double g = linear((argb >> 8) & 0xff);
        double b = linear(argb & 0xff);
        double x = labPart((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = labPart(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = labPart((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double labPart(double ratio) {
        return ratio > 0.008856 ? Math.cbrt(ratio) : 7.787 * ratio + 16.0 / 116;
    }

    private static double linear(int channel) {
        double value = channel / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    /**
     * Waits a few seconds for the pull a language switch starts and the loads a screen starts, so each picture
     * shows the screen filled; a screen whose work runs on (the sync's follower) is taken as it stands.
     */
    private void settle() {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> console.tasks().runningProperty().get() == 0);
        } catch (TimeoutException stillRunning) {
            // The picture shows the screen with its work under way, which is also what a person would see.
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text the status bar shows is whole: the bar leaves a figure out rather than cut one to an ellipsis. */
    private static void assertStatusBarWhole(FxRobot robot, String where) {
        HBox bar = robot.lookup(".status-bar").queryAs(HBox.class);
        Node last = bar.getChildren().get(bar.getChildren().size() - 1);
        assertThat(last.getBoundsInParent().getMaxX()).as(where + " the bar's last button").isLessThanOrEqualTo(
                bar.getWidth() + 0.5);
        for (String id : List.of("#status-link", "#status-gateway", "#status-rtt", "#status-rate", "#status-resent",
                "#status-dropped")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            if (label.isVisible()) {
                assertThat(label.getWidth()).as(where + " " + id + " " + label.getText())
                        .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
            }
        }
    }

    private Scene scene() {
        return stage.getScene();
    }

    private String kept(String setting) {
        return Settings.load(console.dirs()).get(setting, "");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
