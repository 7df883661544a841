package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.CredentialFile;
import io.gridside.sim.DemoOperator;
import io.gridside.site.CreditState;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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

/** The console, headless, opened on the embedded demo site the way a technician does it: one click. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsoleOnDemoSiteTest {

    /**
     * How long a screen may take to show what its background work brings. The demo pulls as it runs, and the site
     * database serves one caller at a time: on a loaded machine the meter chart did not show within 30 s.
     * Only a safety net; a screen that never shows it fails here.
     */
    private static final int WAIT_SECONDS = 90;

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
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    @Test
    void connectsToTheDemoSiteAndShowsMetersWithBalances(FxRobot robot) throws TimeoutException {
        robot.clickOn("#connect-demo");

        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);

        MeterStatus first = table.getItems().get(0);
        assertThat(first.meterId()).isEqualTo("M00001");
        assertThat(first.currency()).isEqualTo("KES");
        assertThat(first.lastReadingAt()).isNotNull();
        assertThat(robot.lookup("#status-link").queryAs(Label.class).getText()).startsWith("TCP");
        assertThat(robot.lookup("#status-gateway").queryAs(Label.class).getText()).contains("GW-");
        assertThat(robot.lookup("#dashboard-online").queryAs(Label.class).getText()).isEqualTo("60 of 60");
    }

    @Test
    void opensTheDemoSiteOnTheScenarioChosen(FxRobot robot) throws TimeoutException {
        javafx.scene.control.ComboBox<String> scenarios = robot.lookup("#demo-scenario").queryComboBox();
        assertThat(scenarios.getItems()).contains("quiet-week", "feeder-outage", "bad-storm");
        robot.interact(() -> scenarios.setValue("feeder-outage"));

        robot.clickOn("#connect-demo");

        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);
        assertThat(session.journal().entries()).anyMatch(entry -> entry.contains("scenario feeder-outage"));
        assertThat(session.helloProperty().get().capabilities()).contains("events");
    }

    @Test
    void filtersTheMetersTableAndChartsTheChosenMeter(FxRobot robot) throws TimeoutException, IOException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);

        robot.clickOn("#nav-meters");
        robot.clickOn("#meters-filter").write("M0001");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(10).allMatch(m -> m.meterId().startsWith("M0001"));

        // The meters table's first row on screen: the hidden dashboard has rows too, and so does the table's pile.
        robot.clickOn(robot.lookup("#meters-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> row.isVisible() && row.getIndex() == 0)
                .queryAs(javafx.scene.Node.class));
        LineChart<?, ?> chart = robot.lookup("#meter-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !chart.getData().get(0).getData().isEmpty());
        assertThat(chart.getData().get(0).getData()).hasSizeGreaterThan(96);
        assertThat(chart.getTitle()).contains(table.getSelectionModel().getSelectedItem().meterId());
        LineChart<?, ?> voltage = robot.lookup("#meter-voltage-chart").queryAs(LineChart.class);
        assertThat(voltage.getData().get(1).getData()).hasSizeGreaterThan(96)
                .allSatisfy(point -> assertThat(((Number) point.getYValue()).doubleValue()).isBetween(150.0, 240.0));
        assertThat(Screens.save(table.getScene(), "meters")).exists();
    }

    @Test
    void showsAChosenCustomersStatementAndExportsItAsCsvAndAPage(FxRobot robot)
            throws TimeoutException, IOException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> customers = robot.lookup("#customers-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> customers.getItems().size() == 60);

        robot.clickOn("#nav-customers");
        robot.clickOn("#customers-filter").write("C00012");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(customers.getItems()).singleElement().satisfies(c -> assertThat(c.customerId()).isEqualTo("C00012"));
        robot.clickOn(robot.lookup("#customers-table .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0).queryAs(Node.class));

        TableView<CustomerStatement.Day> days = robot.lookup("#statement-table").queryTableView();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !days.getItems().isEmpty());
        MeterStatus chosen = customers.getItems().get(0);
        Label header = robot.lookup("#statement-header").queryAs(Label.class);
        assertThat(header.getText()).contains("C00012", chosen.customerName(), chosen.meterId(), "KES");
        // The statement is the pulled ledger, where a day's charges post at its end (decision 0025); the gateway's
        // balance in the table is less what the day accrued so far. So the two agree to the cent only while the last
        // day has no energy; else the statement's may be higher by that energy's unposted charges. The demo pulls again
        // as it runs, which moves the table but not a statement already shown: show it again until both are of one
        // pull. Shortcoming: the statement does not show the day's accrued charges until they post.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!agrees(days.getItems(), customers.getItems().get(0))) {
            assertThat(System.nanoTime()).as("the statement's last day %s and the table's %s agree",
                    days.getItems().isEmpty() ? null : days.getItems().get(days.getItems().size() - 1),
                    customers.getItems().get(0)).isLessThan(deadline);
            robot.clickOn("#statement-show");
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(robot.lookup("#statement-totals").queryAs(Label.class).getText()).contains("kWh", "charged KES");
        assertThat(Screens.save(customers.getScene(), "customers")).exists();

        robot.clickOn("#statement-export-csv");
        Label message = robot.lookup("#statement-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> message.getText().endsWith(".csv"));
        robot.clickOn("#statement-export-page");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> message.getText().endsWith(".html"));

        Path folder = AppDirs.forCurrentUser().statements();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(2).allSatisfy(f -> assertThat(f.getFileName().toString()).contains("-C00012-"));
        Path csv = files.stream().filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(days.getItems().size() + 3);
        assertThat(rows.get(rows.size() - 1)).startsWith("C00012,").contains(",total,");
    }

    @Test
    void dashboardCountsCustomersOutOfCredit(FxRobot robot) throws TimeoutException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);

        long out = table.getItems().stream().filter(m -> m.creditState() == CreditState.DISCONNECTED).count();

        assertThat(robot.lookup("#dashboard-out").queryAs(Label.class).getText()).isEqualTo(Long.toString(out));
        TableView<MeterStatus> attention = robot.lookup("#attention").queryTableView();
        assertThat(attention.getItems()).allMatch(m -> m.creditState() != CreditState.ACTIVE);
    }

    @Test
    void dashboardShowsTheGatewaysHealthWithItsHistory(FxRobot robot) throws TimeoutException, IOException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);

        // The console asks for the gateway's health with every ping, one every five seconds.
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> session.gatewayHealth().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#health-card").tryQuery()).isPresent();
        assertThat(robot.lookup("#health-uptime").queryAs(Label.class).getText()).matches("Up \\d+ d \\d+ h");
        assertThat(robot.lookup("#health-load").queryAs(Label.class).getText()).matches("Load \\d+% of a core");
        assertThat(robot.lookup("#health-memory").queryAs(Label.class).getText())
                .matches("Memory \\d+ of 256 MiB");
        assertThat(robot.lookup("#health-backhaul").queryAs(Label.class).getText())
                .matches("Backhaul (up, -\\d+ dBm|down|state unknown)");
        assertThat(robot.lookup("#health-clock").queryAs(Label.class).getText()).contains("ms against");
        javafx.scene.shape.Polyline load = robot.lookup("#health-load-history .sparkline-line")
                .queryAs(javafx.scene.shape.Polyline.class);
        assertThat(load.getPoints()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Screens.save(table.getScene(), "dashboard-health")).exists();
    }

    @Test
    void auditsTheDemoSitesBillingFromTheDashboard(FxRobot robot) throws TimeoutException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 60);

        robot.clickOn("#audit");

        Label result = robot.lookup("#audit-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result.getText().startsWith("All "));
        assertThat(result.getText()).contains("ledger entries of the gateway match", "60 customers");
    }

    @Test
    void anUnreachableGatewayIsExplainedOnTheConnectScreen(FxRobot robot) throws TimeoutException, IOException {
        Path credential = home.resolve("unreachable.credential.json");
        Files.deleteIfExists(credential);
        CredentialFile.write(credential, DemoOperator.supervisorFor("site-1", Instant.now()));
        session.settings().put(SessionViewModel.SETTING_CREDENTIAL, credential.toString());
        robot.doubleClickOn("#tcp-port").write("1");
        robot.clickOn("#connect-tcp");

        Label message = robot.lookup("#connect-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> message.getText().contains("UNREACHABLE"));
        assertThat(message.getText()).contains("127.0.0.1:1");
    }

    @Test
    void aMissingCredentialIsExplainedOnTheConnectScreen(FxRobot robot) throws TimeoutException {
        session.settings().put(SessionViewModel.SETTING_CREDENTIAL, home.resolve("nowhere.json").toString());
        robot.doubleClickOn("#tcp-port").write("1");
        robot.clickOn("#connect-tcp");

        Label message = robot.lookup("#connect-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> message.getText().contains("credential"));
        assertThat(message.getText()).contains("nowhere.json");
    }

    /** Whether a statement's last day and the gateway's balance agree, as the comment where it is used says. */
    private static boolean agrees(List<CustomerStatement.Day> days, MeterStatus reported) {
        if (days.isEmpty()) {
            return false;
        }
        CustomerStatement.Day last = days.get(days.size() - 1);
        // A day with energy may have charges accrued since its last posting (a top-up posts what accrued before it).
        return last.energyWh() > 0 ? last.balanceMinor() >= reported.balanceMinor()
                : last.balanceMinor() == reported.balanceMinor();
    }
}
