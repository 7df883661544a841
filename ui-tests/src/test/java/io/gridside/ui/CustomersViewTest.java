package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Node;
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

/** The Customers screen on the demo site: each customer's balance and state, a statement, and its exports. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CustomersViewTest {

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
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !days.getItems().isEmpty());
        MeterStatus chosen = customers.getItems().get(0);
        Label header = robot.lookup("#statement-header").queryAs(Label.class);
        assertThat(header.getText()).contains("C00012", chosen.customerName(), chosen.meterId(), "KES");
        // The demo's ledger runs up to the pull, so the last day's balance is the one the gateway reported.
        assertThat(days.getItems().get(days.getItems().size() - 1).balanceMinor()).isEqualTo(chosen.balanceMinor());
        assertThat(robot.lookup("#statement-totals").queryAs(Label.class).getText()).contains("kWh", "charged KES");
        assertThat(Screens.save(customers.getScene(), "customers")).exists();

        robot.clickOn("#statement-export-csv");
        Label message = robot.lookup("#statement-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().endsWith(".csv"));
        robot.clickOn("#statement-export-page");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().endsWith(".html"));

        Path folder = AppDirs.forCurrentUser().statements();
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).allSatisfy(name -> assertThat(name).contains("-C00012-"));
        }
        Path csv = Files.list(folder).filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(days.getItems().size() + 3);
        assertThat(rows.get(rows.size() - 1)).startsWith("C00012,").contains(",total,");
    }
}
