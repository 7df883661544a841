package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import io.gridside.console.shell.Appearance;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
 * The Meters screen and the cash desk of the demo's site, opened in French and the high-contrast theme before the
 * site is reached, as a technician who chose them last visit sees them: every customer's name whole, the widest
 * among them included, and the cash-up's labels and button whole.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DemoSiteScreensFitTest {

    /** The demo's site: among its sixty customers is one whose name is wider than the others. */
    private static final int METERS = 60;
    private static final long SEED = 42;

    @TempDir
    static Path home;

    private SiteConsole console;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        console = SiteConsole.open(stage, home, METERS, SEED);
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
    void everyCustomersNameShowsWholeInFrenchHighContrast(FxRobot robot) throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> {
            appearance.useTheme(Theme.HIGH_CONTRAST);
            appearance.useLanguage(Locale.FRENCH);
        });
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-meters");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();

        TableColumn<MeterStatus, ?> names = table.getColumns().get(2);
        String widest = widestName(table, names);
        List<String> cut = new ArrayList<>();
        for (MeterStatus meter : new ArrayList<>(table.getItems())) {
            robot.interact(() -> table.scrollTo(meter));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node cell : robot.lookup("#meters-table .table-cell").queryAll()) {
                if (cell instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null
                        && !labeled.getText().isEmpty() && !whole(labeled)) {
                    cut.add(labeled.getText());
                }
            }
        }
        assertThat(cut).as("texts cut in a column %.0f wide (min %.0f); the widest name %s", names.getWidth(),
                names.getMinWidth(), widest).isEmpty();
        assertThat(Screens.save(stage.getScene(), "fit/meters-demo-fr-high-contrast")).isNotEmptyFile();
    }

    @Test
    void theCashDeskShowsEveryCustomersNameAndTheCashUpsChoicesWholeInFrenchHighContrast(FxRobot robot)
            throws TimeoutException, IOException {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> {
            appearance.useTheme(Theme.HIGH_CONTRAST);
            appearance.useLanguage(Locale.FRENCH);
        });
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        robot.clickOn("#nav-cash");
        TableView<MeterStatus> customers = robot.lookup("#cash-customers").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> customers.getItems().size() == METERS);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = new ArrayList<>();
        for (MeterStatus meter : new ArrayList<>(customers.getItems())) {
            robot.interact(() -> customers.scrollTo(meter));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node cell : robot.lookup("#cash-customers .table-cell").queryAll()) {
                if (cell instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null
                        && !labeled.getText().isEmpty() && !whole(labeled)) {
                    cut.add(labeled.getText());
                }
            }
        }
        Node cashUp = robot.lookup("#cashup-day").query().getParent().getParent();
        for (Node label : robot.from(cashUp).lookup(".label").queryAll()) {
            if (label instanceof Labeled labeled && labeled.getText() != null && !whole(labeled)) {
                cut.add(labeled.getText());
            }
        }
        Labeled show = robot.lookup("#cashup-show").queryAs(Labeled.class);
        if (!whole(show)) {
            cut.add(show.getText());
        }
        assertThat(cut).as("texts cut on the cash desk").isEmpty();
        assertThat(Screens.save(stage.getScene(), "fit/cash-demo-fr-high-contrast")).isNotEmptyFile();
    }

    private static String widestName(TableView<MeterStatus> table, TableColumn<MeterStatus, ?> names) {
        Labeled cell = (Labeled) table.lookup(".table-row-cell .table-cell");
        String widest = "";
        double width = 0;
        for (MeterStatus meter : table.getItems()) {
            Text probe = new Text(meter.customerName());
            probe.setFont(cell.getFont());
            if (probe.getLayoutBounds().getWidth() > width) {
                width = probe.getLayoutBounds().getWidth();
                widest = meter.customerName();
            }
        }
        return widest + " (" + Math.round(width) + " px in " + cell.getFont() + ")";
    }

    /** The text {@code labeled} draws is its whole text, not one cut to an ellipsis. */
    private static boolean whole(Labeled labeled) {
        Text drawn = (Text) labeled.lookup(".text");
        return drawn != null && drawn.getText().equals(labeled.getText());
    }
}
