package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.rerate.ChargeDetail;
import io.gridside.billing.rerate.LineDifference;
import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EntryKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The reconciliation screen against a simulated gateway made to charge one customer's day wrongly (billing takes
 * the next reading of the fourth customer's meter on 3 June as 1 kWh more than the meter read): the day shows with
 * its line and what explains it, a supervisor posts the correction after confirming it, and the period reconciles
 * clean again; once the link is lost, the screen says it needs a connection.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReconciliationViewTest {

    /** 12:07 in Nairobi (UTC+3) on 3 June; two days of history begin 1 June at 12:00. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final LocalDate JUNE_3 = LocalDate.of(2026, 6, 3);
    private static final int METERS = 12;

    @TempDir
    static Path home;

    private SimulatedSite site;
    private TaskRunner tasks;
    private SessionViewModel session;
    private InetSocketAddress address;
    private String wronged;
    private long pricePerKwh;
    /** This test's own home folder, so that no test finds the site database another left. */
    private Path dir;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory(home, "console");
        System.setProperty("gridside.home", dir.toString());
        SimClock.Manual clock = SimClock.manual(NOW);
        site = SimulatedSite.start(new SiteSpec(METERS, 6, 2, NOW), clock);
        wronged = site.gateway().layout().customers().get(3).customerId();
        pricePerKwh = site.gateway().layout().tariff().energyMinorPerKwh();
        site.gateway().misrate(site.gateway().layout().meters().get(3).meterId(), JUNE_3, 1_000);
        clock.advance(Duration.ofHours(12));
        address = site.listenTcp(0);
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        session = new SessionViewModel(tasks, dirs, SupervisorCredential.settingsFor(dirs, dir, site, NOW));
        stage.setScene(GridsideApp.createScene(session));
        // The headless screen is 1280 wide, a little narrower than the 1366 x 768 laptops the console must fit.
        stage.setWidth(1280);
        stage.setHeight(768);
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
        site.close();
    }

    @Test
    void aSupervisorPostsTheCorrectionOfAMisRatedDayAfterConfirmingAndTheRerunIsClean(FxRobot robot)
            throws Exception {
        connect(robot);

        robot.clickOn("#nav-reconcile");
        robot.clickOn("#reconcile-run");
        TableView<LineDifference> lines = robot.lookup("#reconcile-table").queryTableView();
        Label message = robot.lookup("#reconcile-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());

        assertThat(lines.getItems()).singleElement().satisfies(line -> {
            assertThat(line.customerDay().customerId()).isEqualTo(wronged);
            assertThat(line.customerDay().day()).isEqualTo(JUNE_3);
            assertThat(line.line().label()).isEqualTo("energy");
            assertThat(line.correction().amountMinor()).isEqualTo(pricePerKwh);
        });
        assertThat(message.getText()).contains("1 line differs", "2026-06-01", "2026-06-03");
        clickFirstRow(robot, "#reconcile-table");
        TableView<ChargeDetail> details = robot.lookup("#reconcile-details").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(details.getItems()).singleElement().satisfies(detail -> assertThat(
                detail.gatewayMinor() - detail.consoleMinor()).isEqualTo(pricePerKwh));
        assertThat(robot.lookup("#reconcile-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)).as("amounts in the site's currency").anyMatch(t -> t != null && t.startsWith(
                        site.gateway().profile().currency() + " "));
        Screens.save(lines.getScene(), "reconcile-differences");

        robot.clickOn("#reconcile-post");
        DialogPane confirm = robot.lookup("#reconcile-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).contains("Post 1 correction,", site.gateway().profile().currency());
        Screens.save(confirm.getScene(), "reconcile-confirm");
        robot.clickOn("#reconcile-confirm-post");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message.getText().startsWith("Posted 1 correction;"));
        assertThat(message.getText()).contains("agrees");
        assertThat(lines.getItems()).isEmpty();
        assertThat(site.gateway().ledgerAfter(0)).as("the correction is in the gateway's ledger")
                .filteredOn(e -> e.kind() == EntryKind.ADJUSTMENT && e.customerId().equals(wronged))
                .singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(pricePerKwh));

        robot.clickOn("#reconcile-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message.getText().startsWith("Every charge line"));
        assertThat(lines.getItems()).isEmpty();

        site.stopListeningTcp();
        site.dropTcpSessions();
        Node offline = robot.lookup("#reconcile-offline").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, offline::isVisible);
        assertThat(robot.lookup("#reconcile-content").query().isVisible()).as("no report without a gateway").isFalse();
        Screens.save(offline.getScene(), "reconcile-offline");
    }

    @Test
    void aTechnicianSeesTheDifferencesButIsNotOfferedToPostThem(FxRobot robot) throws Exception {
        // Only a supervisor may pin a site's first gateway key, so the supervisor connects once first.
        connect(robot);
        robot.clickOn("#disconnect");
        Path credential = dir.resolve("technician.credential.json");
        SignedCredential issued = DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN,
                List.of(site.gateway().profile().siteId()), NOW.minus(Duration.ofDays(1)), Duration.ofDays(2),
                Map.of());
        CredentialFile.write(credential, issued);
        SupervisorCredential.writeKeyBeside(credential, issued);
        TextField file = robot.lookup("#credential-file").queryAs(TextField.class);
        robot.interact(file::clear);
        robot.clickOn(file).write(credential.toString()).type(KeyCode.ENTER);
        Label summary = robot.lookup("#credential-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getText().contains("Amina Wanjiru"));
        connect(robot);

        robot.clickOn("#nav-reconcile");
        robot.clickOn("#reconcile-run");
        TableView<LineDifference> lines = robot.lookup("#reconcile-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());

        assertThat(session.helloProperty().get().role()).isEqualTo("technician");
        assertThat(lines.getItems()).singleElement()
                .satisfies(line -> assertThat(line.customerDay().customerId()).isEqualTo(wronged));
        assertThat(robot.lookup("#reconcile-post").query().isVisible()).isFalse();
    }

    private void connect(FxRobot robot) {
        Label said = robot.lookup("#connect-message").queryAs(Label.class);
        ConnectScreen.connect(robot, address.getPort(), meters -> meters.getItems().size() == METERS
                || !said.getText().isEmpty());
        assertThat(said.getText()).as("the connect screen's message").isEmpty();
    }

    /** Clicks a table's first row once the table has laid it out, which may come a pulse after its items. */
    private static void clickFirstRow(FxRobot robot, String table) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(table + " .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0 && row.getItem() != null)
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(table + " .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0).queryAs(Node.class));
    }
}
