package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.replay.ReplayTimeline;
import io.gridside.console.shell.Appearance;
import io.gridside.console.tasks.TaskNotices;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.sim.DemoOperator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.material2.Material2AL;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Mesh and Replay screens in a 1366x768 window, in French and in the high-contrast theme, as a technician reads
 * them: no text cut to an ellipsis, no legend over the mesh, and a Replay screen built again by a theme switch that
 * shows its timeline and mesh at once. The Mesh toolbar holds one line in every language and theme, and the Replay
 * meters fit their table without scrolling sideways in every language in the high-contrast theme. The status bar
 * keeps to one line, the gap estimates' and the mesh neighbours' titles show whole, and notices do not overlap.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ScreensFitTest {

    private static final int METERS = 24;

    @TempDir
    static Path home;

    private SiteConsole console;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        console = SiteConsole.open(stage, home, METERS, 13);
        // The headless screen is 1280 wide, a little narrower than the 1366x768 laptops the console must fit; the
        // height is what such a laptop's screen leaves a window.
        stage.setWidth(1280);
        stage.setHeight(728);
    }

    @AfterEach
    void stop() {
        console.close();
        I18n.use(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void theMeshInFrenchShowsItsHintsAndHeadingWholeAndItsLegendBesideTheMesh(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useLanguage(Locale.FRENCH));
        robot.clickOn("#nav-mesh");
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : new String[] {"#mesh-search", "#mesh-filter"}) {
            TextField field = robot.lookup(id).queryAs(TextField.class);
            Text prompt = new Text(field.getPromptText());
            prompt.setFont(field.getFont());
            double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
            assertThat(room).as(id + " " + field.getPromptText()).isGreaterThanOrEqualTo(
                    prompt.getLayoutBounds().getWidth());
        }
        assertWhole(robot.lookup("#mesh-radio-title").queryAs(Label.class));
        Bounds legend = sceneBounds(robot.lookup("#mesh-legend").query());
        Bounds mesh = sceneBounds(robot.lookup("#mesh-canvas").queryAs(MeshCanvas.class));
        assertThat(legend.getMaxX()).as("the legend %s beside the mesh %s, not over it", legend, mesh)
                .isLessThanOrEqualTo(mesh.getMinX());
        assertThat(Screens.save(stage.getScene(), "fit/mesh-fr")).isNotEmptyFile();
    }

    @Test
    void theReplayInHighContrastCutsNoMeterTextAndDrawsItsTimelineAfterTheSwitch(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-replay");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#replay-timeline")
                .queryAs(ReplayTimeline.class).scale() != null);

        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useTheme(Theme.HIGH_CONTRAST));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#replay-timeline").queryAs(ReplayTimeline.class).scale())
                .as("the new screen's timeline shows the window the model holds").isNotNull();
        assertThat(robot.lookup("#replay-canvas").queryAs(MeshCanvas.class).getMeshScene())
                .as("the new screen's mesh").isNotNull();
        TableView<?> meters = robot.lookup("#replay-meters").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !meters.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        for (Node cell : robot.lookup("#replay-meters .table-cell").queryAll()) {
            if (cell instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null) {
                assertWhole(labeled);
            }
        }
        for (Node title : robot.lookup("#replay-meters .column-header .label").queryAll()) {
            assertWhole((Labeled) title);
        }
        TextField instant = robot.lookup("#replay-instant").queryAs(TextField.class);
        assertHolds(instant, instant.getText());
        DatePicker day = robot.lookup("#replay-window-day").queryAs(DatePicker.class);
        assertHolds(day.getEditor(), day.getPromptText());
        assertThat(Screens.save(stage.getScene(), "fit/replay-high-contrast")).isNotEmptyFile();
    }

    @Test
    void theMeshToolbarHoldsOneLineInEveryLanguageAndTheme(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-mesh");
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();

        SoftAssertions softly = new SoftAssertions();
        for (Theme theme : Theme.values()) {
            for (Locale language : I18n.LANGUAGES) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String shown = theme.key() + " " + language;
                Bounds colouring = sceneBounds(robot.lookup("#mesh-toolbar-colouring").query());
                Bounds finding = sceneBounds(robot.lookup("#mesh-toolbar-finding").query());
                softly.assertThat(finding.getMinY()).as("%s: the search (%.0f px wide) on the colouring's line"
                        + " (%.0f px wide)", shown, finding.getWidth(), colouring.getWidth())
                        .isLessThan(colouring.getMaxY());
                for (String id : new String[] {"#mesh-search", "#mesh-filter"}) {
                    TextField field = robot.lookup(id).queryAs(TextField.class);
                    Text prompt = new Text(field.getPromptText());
                    prompt.setFont(field.getFont());
                    softly.assertThat(field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight())
                            .as("%s: %s holds its hint", shown, id)
                            .isGreaterThanOrEqualTo(prompt.getLayoutBounds().getWidth());
                }
            }
        }
        softly.assertAll();
    }

    /** The mesh's five lists of findings each show their tab, none behind an overflow arrow, however long. */
    @Test
    void theMeshFindingsShowEveryTabInEveryLanguageAndTheme(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-mesh");
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();

        SoftAssertions softly = new SoftAssertions();
        for (Theme theme : Theme.values()) {
            for (Locale language : I18n.LANGUAGES) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Node findings = robot.lookup("#mesh-findings").query();
                Bounds pane = sceneBounds(findings);
                List<Node> tabs = List.copyOf(findings.lookupAll(".tab"));
                softly.assertThat(tabs).as("%s %s: tabs", theme.key(), language).hasSize(5);
                double right = tabs.stream().mapToDouble(tab -> sceneBounds(tab).getMaxX()).max().orElse(0);
                softly.assertThat(right).as("%s %s: the last tab's end within the pane's %s", theme.key(), language,
                        pane).isLessThanOrEqualTo(pane.getMaxX());
                Node arrow = findings.lookup(".control-buttons-tab");
                softly.assertThat(arrow != null && shown(arrow) && arrow.getLayoutBounds().getWidth() > 0)
                        .as("%s %s: the overflow arrow shown", theme.key(), language).isFalse();
            }
        }
        softly.assertAll();
    }

    @Test
    void theReplayMetersFitTheirTableInHighContrastInEveryLanguage(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-replay");
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useTheme(Theme.HIGH_CONTRAST));

        SoftAssertions softly = new SoftAssertions();
        for (Locale language : I18n.LANGUAGES) {
            robot.interact(() -> appearance.useLanguage(language));
            TableView<?> meters = robot.lookup("#replay-meters").queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !meters.getItems().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            double columns = meters.getVisibleLeafColumns().stream().mapToDouble(column -> column.getWidth()).sum();
            for (Node bar : meters.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar scrollBar && scrollBar.getOrientation() == Orientation.HORIZONTAL) {
                    softly.assertThat(scrollBar.isVisible()).as("%s: the meters scroll sideways: columns %.0f in a"
                            + " table %.0f wide", language, columns, meters.getWidth()).isFalse();
                }
            }
            for (Node title : robot.lookup("#replay-meters .column-header .label").queryAll()) {
                assertWhole((Labeled) title);
            }
        }
        softly.assertAll();
    }

    @Test
    void theStatusBarKeepsToOneLineInEveryLanguageAndThemeLeavingFiguresOutWholeAndInTheTooltip(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        SoftAssertions softly = new SoftAssertions();
        for (Theme theme : Theme.values()) {
            for (Locale language : I18n.LANGUAGES) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String where = language + " " + theme.key();
                Label link = robot.lookup("#status-link").queryAs(Label.class);
                Bounds line = sceneBounds(link);
                softly.assertThat(link.isVisible()).as(where + ": the link's transport shows").isTrue();
                for (String id : List.of("#status-link", "#status-gateway", "#status-rtt", "#status-rate",
                        "#status-resent", "#status-dropped")) {
                    Label figure = robot.lookup(id).queryAs(Label.class);
                    softly.assertThat(link.getTooltip().getText()).as(where + ": the tooltip has " + id)
                            .contains(figure.getText());
                    if (figure.isVisible()) {
                        softly.assertThat(drawnText(figure)).as(where + " " + id).isEqualTo(figure.getText());
                        Bounds shown = sceneBounds(figure);
                        softly.assertThat(shown.getCenterY()).as(where + " " + id + " on the link's line")
                                .isCloseTo(line.getCenterY(), within(1.0));
                        softly.assertThat(shown.getMaxX()).as(where + " " + id + " inside the window")
                                .isLessThanOrEqualTo(stage.getScene().getWidth());
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(Screens.save(stage.getScene(), "fit/status-bar-sw-high-contrast")).isNotEmptyFile();
    }

    @Test
    void theGapEstimatesShowTheirTitlesWholeInEveryLanguageInTheLightAndHighContrastThemes(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        SoftAssertions softly = new SoftAssertions();
        for (Theme theme : List.of(Theme.LIGHT, Theme.HIGH_CONTRAST)) {
            for (Locale language : I18n.LANGUAGES) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                robot.clickOn("#nav-exceptions");
                WaitForAsyncUtils.waitForFxEvents();
                widenTheEstimates(robot);
                List<Node> titles = robot.lookup("#estimates-table .column-header .label").queryAll().stream()
                        .toList();
                softly.assertThat(titles).as("%s %s: the estimates' titles", language, theme.key()).hasSize(7);
                for (Node title : titles) {
                    Labeled labeled = (Labeled) title;
                    softly.assertThat(drawnText(labeled)).as("%s %s", language, theme.key())
                            .isEqualTo(labeled.getText());
                }
                if (language.equals(Locale.FRENCH) && theme == Theme.LIGHT) {
                    assertThat(Screens.save(stage.getScene(), "fit/exceptions-fr-light")).isNotEmptyFile();
                }
            }
        }
        softly.assertAll();
    }

    /**
     * Gives the gap estimates 60 % of the lower half: as wide as the half a 1366-pixel window gives them, wider than
     * their titles need, where the table shares its width out among its columns instead of scrolling.
     */
    private static void widenTheEstimates(FxRobot robot) {
        Node estimates = robot.lookup("#estimates-table").query();
        for (Node up = estimates.getParent(); up != null; up = up.getParent()) {
            if (up instanceof SplitPane split && split.getOrientation() == Orientation.HORIZONTAL) {
                robot.interact(() -> split.setDividerPositions(0.4));
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("The gap estimates lie in no split pane.");
    }

    @Test
    void theMeshNeighboursTitlesAreWholeInEveryLanguageInHighContrast(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-mesh");
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useTheme(Theme.HIGH_CONTRAST));
        SoftAssertions softly = new SoftAssertions();
        for (Locale language : I18n.LANGUAGES) {
            robot.interact(() -> appearance.useLanguage(language));
            WaitForAsyncUtils.waitForFxEvents();
            List<Node> titles = robot.lookup("#mesh-radio-neighbours .column-header .label").queryAll().stream()
                    .toList();
            // Neighbour, RSSI and PSR over their two directions each, ETX, age, grade.
            softly.assertThat(titles).as("%s: the neighbours' titles", language).hasSize(10);
            String latest = I18n.pattern("mesh.time.latest");
            softly.assertThat(robot.lookup("#mesh-time-text").queryAs(Label.class).getText())
                    .as("%s: the time shown, in the language in use", language)
                    .startsWith(latest.substring(0, latest.indexOf('{')));
            for (Node title : titles) {
                Labeled labeled = (Labeled) title;
                softly.assertThat(drawnText(labeled)).as("%s", language).isEqualTo(labeled.getText());
            }
            assertThat(Screens.save(stage.getScene(), "fit/mesh-high-contrast-" + language)).isNotEmptyFile();
        }
        softly.assertAll();
    }

    @Test
    void theConnectScreenInFrenchWritesTheCredentialsEndAsAFrenchDateNotAsIso(FxRobot robot)
            throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useLanguage(Locale.FRENCH));
        Path credential = home.resolve("fit.credential.json");
        SignedCredential issued = DemoOperator.issue("T-0077", "Wanjiru Canaryson", Role.TECHNICIAN,
                List.of(console.site().gateway().profile().siteId()), Instant.parse("2026-12-06T08:04:39Z"),
                Duration.ofDays(30), Map.of());
        CredentialFile.write(credential, issued);
        TextField file = robot.lookup("#credential-file").queryAs(TextField.class);
        robot.interact(file::clear);
        robot.clickOn(file).write(credential.toString()).type(KeyCode.ENTER);
        Label summary = robot.lookup("#credential-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getText().contains("Wanjiru Canaryson"));

        assertThat(summary.getText()).as("the credential's end").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT")
                .doesNotContain("Z UTC").contains("janv. 2027");
    }

    @Test
    void theMetersInFrenchAndHighContrastShowTheirTimesTitlesAndAxesWhole(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> {
            appearance.useTheme(Theme.HIGH_CONTRAST);
            appearance.useLanguage(Locale.FRENCH);
        });
        robot.clickOn("#nav-meters");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#meters-table").queryTableView()
                .getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        for (Node title : robot.lookup("#meters-table .column-header .label").queryAll()) {
            assertWhole((Labeled) title);
        }
        for (Node cell : robot.lookup("#meters-table .table-cell").queryAll()) {
            if (cell instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null
                    && !labeled.getText().isEmpty()) {
                assertWhole(labeled);
            }
        }
        for (Node axis : robot.lookup(".axis .axis-label").queryAll()) {
            Labeled label = (Labeled) axis;
            if (label.isVisible() && label.getText() != null && !label.getText().isEmpty()) {
                assertWhole(label);
            }
        }
        assertThat(Screens.save(stage.getScene(), "fit/meters-fr-high-contrast")).isNotEmptyFile();
    }

    @Test
    void theCashUpShowsItsTitlesDayTechnicianAndButtonWholeInEveryLanguageAndTheme(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        for (Theme theme : Theme.values()) {
            for (String language : List.of("en", "fr", "pt", "sw")) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(Locale.forLanguageTag(language));
                });
                robot.clickOn("#nav-cash");
                WaitForAsyncUtils.waitForFxEvents();

                for (Node title : robot.lookup("#cashup-lines .column-header .label").queryAll()) {
                    assertWhole((Labeled) title);
                }
                assertWhole(robot.lookup("#cashup-show").queryAs(Labeled.class));
                for (String key : List.of("cash.cashUp.day", "cash.cashUp.technician")) {
                    assertWhole(robot.lookup("#cash-desk .label").match((Node node) -> node instanceof Labeled label
                            && I18n.text(key).equals(label.getText())).queryAs(Labeled.class));
                }
                DatePicker day = robot.lookup("#cashup-day").queryAs(DatePicker.class);
                assertThat(day.getEditor().getText()).as("the cash-up's day").isNotEmpty();
                assertHolds(day.getEditor(), day.getEditor().getText());
                ComboBox<?> technician = robot.lookup("#cashup-technician").queryAs(ComboBox.class);
                assertHolds(technician.getEditor(), technician.getEditor().getText());
                Bounds show = sceneBounds(robot.lookup("#cashup-show").query());
                assertThat(show.getMaxX()).as(language + " " + theme.key() + ": the cash-up's button in the window")
                        .isLessThanOrEqualTo(stage.getScene().getWidth());
            }
        }
        assertThat(Screens.save(stage.getScene(), "fit/cash-sw-high-contrast")).isNotEmptyFile();
    }

    @Test
    void theReconciliationShowsItsDateHintsWholeInEveryLanguageAndTheme(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();

        SoftAssertions softly = new SoftAssertions();
        for (Theme theme : Theme.values()) {
            for (Locale language : I18n.LANGUAGES) {
                robot.interact(() -> {
                    appearance.useTheme(theme);
                    appearance.useLanguage(language);
                });
                robot.clickOn("#nav-reconcile");
                WaitForAsyncUtils.waitForFxEvents();
                for (String id : List.of("#reconcile-from", "#reconcile-to")) {
                    TextField field = robot.lookup(id).queryAs(DatePicker.class).getEditor();
                    Text prompt = new Text(field.getPromptText());
                    prompt.setFont(field.getFont());
                    softly.assertThat(field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight())
                            .as("%s %s: %s holds its hint %s", language, theme.key(), id, field.getPromptText())
                            .isGreaterThanOrEqualTo(prompt.getLayoutBounds().getWidth());
                }
                assertWhole(robot.lookup("#reconcile-run").queryAs(Labeled.class));
                assertWhole(robot.lookup("#reconcile-post").queryAs(Labeled.class));
                Bounds post = sceneBounds(robot.lookup("#reconcile-post").query());
                softly.assertThat(post.getMaxX()).as("%s %s: the post button in the window", language, theme.key())
                        .isLessThanOrEqualTo(stage.getScene().getWidth());
            }
        }
        softly.assertAll();
        assertThat(Screens.save(stage.getScene(), "fit/reconcile-sw-high-contrast")).isNotEmptyFile();
    }

    @Test
    void noticesLeaveTheMeshHintAndTheMetersChartLegendsInSight(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> {
            appearance.useTheme(Theme.HIGH_CONTRAST);
            appearance.useLanguage(Locale.FRENCH);
        });
        robot.clickOn("#nav-mesh");
        WaitForAsyncUtils.waitForFxEvents();
        showThreeNotices(robot);
        Node hint = robot.lookup("#site-screens .label").match((Node node) -> shown(node)
                && I18n.text("mesh.radio.route.empty").equals(((Labeled) node).getText())).query();
        assertClearOfNotices(robot, hint, "fr high-contrast: the Mesh screen's " + ((Labeled) hint).getText());

        robot.interact(() -> {
            appearance.useTheme(Theme.DARK);
            appearance.useLanguage(Locale.forLanguageTag("pt"));
        });
        robot.clickOn("#nav-meters");
        WaitForAsyncUtils.waitForFxEvents();
        showThreeNotices(robot);
        List<Node> legends = robot.lookup("#site-screens .chart-legend").match(ScreensFitTest::shown).queryAll()
                .stream().toList();
        assertThat(legends).as("the Meters charts' legends").isNotEmpty();
        for (Node legend : legends) {
            assertClearOfNotices(robot, legend, "pt dark: a Meters chart's legend");
        }
    }

    @Test
    void twoNoticesLieSideBySideOverTheStatusBarLeavingItsButtonsFreeInTheLightAndHighContrastThemes(
            FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        for (Theme theme : List.of(Theme.LIGHT, Theme.HIGH_CONTRAST)) {
            robot.interact(() -> {
                appearance.useTheme(theme);
                appearance.useLanguage(Locale.forLanguageTag(theme == Theme.LIGHT ? "fr" : "sw"));
            });
            TaskNotices notices = robot.lookup("#notices").queryAs(TaskNotices.class);
            robot.interact(() -> {
                notices.show(I18n.text("notice.failed", "Relevé complet", "La passerelle n'a pas répondu dans les"
                        + " délais ; vérifiez le câble et que la passerelle est allumée,"
                        + " puis relancez le relevé."),
                        Styles.DANGER, Material2AL.ERROR_OUTLINE, Duration.ofMinutes(5));
                notices.show(I18n.text("notice.done", "Synchronisation"), Styles.SUCCESS,
                        Material2AL.CHECK_CIRCLE_OUTLINE, Duration.ofMinutes(5));
            });
            WaitForAsyncUtils.waitForFxEvents();

            List<Node> shown = robot.lookup(".notification").queryAll().stream().toList();
            assertThat(shown).as(theme.key()).hasSize(2);
            Bounds bar = sceneBounds(robot.lookup(".status-bar").query());
            Bounds sync = sceneBounds(robot.lookup("#status-sync-box").query());
            for (Node notice : shown) {
                Bounds noticeBounds = sceneBounds(notice);
                assertThat(noticeBounds.getMaxY()).as("%s: a notice at %s down on the status bar at %s", theme.key(),
                        noticeBounds, bar).isGreaterThan(bar.getMinY());
                assertThat(noticeBounds.getMaxX()).as("%s: a notice at %s left of the sync at %s", theme.key(),
                        noticeBounds, sync).isLessThanOrEqualTo(sync.getMinX());
                for (Node text : notice.lookupAll(".text")) {
                    Bounds textBounds = text.localToScene(text.getBoundsInLocal());
                    assertThat(textBounds.getMaxY()).as("%s: a notice's text at %s inside its notice at %s",
                            theme.key(), textBounds, noticeBounds).isLessThanOrEqualTo(noticeBounds.getMaxY() + 0.5);
                }
            }
            Bounds first = sceneBounds(shown.get(0));
            Bounds second = sceneBounds(shown.get(1));
            assertThat(first.intersects(second)).as("%s: the first notice %s over the second %s", theme.key(), first,
                    second).isFalse();
            assertThat(Screens.save(stage.getScene(), "fit/notices-" + theme.key())).isNotEmptyFile();
        }
    }

    /** Three notices at once, as three long tasks that end together give. */
    private static void showThreeNotices(FxRobot robot) {
        TaskNotices notices = robot.lookup("#notices").queryAs(TaskNotices.class);
        robot.interact(() -> {
            for (int i = 1; i <= 3; i++) {
                notices.show(I18n.text("notice.done", "Pull " + i), Styles.SUCCESS, Material2AL.CHECK_CIRCLE_OUTLINE,
                        Duration.ofMinutes(5));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertClearOfNotices(FxRobot robot, Node read, String what) {
        Bounds readBounds = sceneBounds(read);
        for (Node notice : robot.lookup(".notification").queryAll()) {
            Bounds noticeBounds = sceneBounds(notice);
            assertThat(noticeBounds.intersects(readBounds)).as("a notice at %s over %s at %s", noticeBounds, what,
                    readBounds).isFalse();
        }
    }

    /** Whether {@code node} and every parent of it are visible. */
    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The text {@code labeled} draws is its whole text, not one cut to an ellipsis. */
    private static void assertWhole(Labeled labeled) {
        Text drawn = (Text) labeled.lookup(".text");
        assertThat(drawn).as(labeled.getText()).isNotNull();
        assertThat(drawn.getText()).as("the text drawn for " + labeled.getText()).isEqualTo(labeled.getText());
    }

    /** The text {@code labeled} draws: its whole text, or one cut to an ellipsis. */
    private static String drawnText(Labeled labeled) {
        Text drawn = (Text) labeled.lookup(".text");
        return drawn == null ? null : drawn.getText();
    }

    /** {@code field} has room for the whole of {@code text} inside its padding. */
    private static void assertHolds(TextField field, String text) {
        Text probe = new Text(text);
        probe.setFont(field.getFont());
        double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
        assertThat(room).as(field.getId() + " holds " + text)
                .isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth());
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
