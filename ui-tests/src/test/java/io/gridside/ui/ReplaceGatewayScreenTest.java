package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.commission.CommissionStart;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.SiteInfo;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
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
 * A site's gateway dies after the console pulled it; a technician on site replaces it from the Commissioning
 * screen: the replica checked, a technician's credential refused in words before anything is pinned, the new
 * gateway reached and pinned under a supervisor's, one cash payment entered, and the replacement confirmed. The
 * result shows every customer, and the site's audit afterwards, pulled from the new gateway, agrees.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReplaceGatewayScreenTest {

    private static final long WAIT_SECONDS = 120;
    private static final int METERS = 12;
    /** Two days back, so that every time the simulated site reaches is in this computer's past. */
    private static final Instant NOW = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private SimulatedSite site;
    private ReplacementSite replacement;
    private Path database;
    private Path technician;
    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        System.setProperty("gridside.home", home.toString());
        site = SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW), clock);
        database = home.resolve("site.db");
        pull(site.listenTcp(0), Instant.EPOCH, NOW, GatewayPins.inMemory());
        clock.advance(Duration.ofHours(5));
        site.stopListeningTcp();
        site.endTcpSessions();
        clock.advance(Duration.ofHours(3));
        replacement = ReplacementSite.listen(new ReplacementGateway(siteId(), "GW-NEW001",
                SigningKey.fromSeed(ByteString.fromHex("5d".repeat(32))), DemoOperator.trusted(), clock,
                MeterRegisters.of(site.gateway())));
        technician = technicianCredential();
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        session = new SessionViewModel(tasks, dirs, SupervisorCredential.settingsFor(dirs, home, site, NOW));
        stage.setScene(GridsideApp.createScene(session, CommissionStart.forSession(session)));
        // The height a 1366x768 laptop screen leaves a window; the headless screen is 1280 pixels wide.
        stage.setHeight(728);
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
        replacement.close();
        site.close();
    }

    @Test
    void replacesTheDeadGatewayFromTheCommissioningScreenAndTheAuditAgrees(FxRobot robot) throws Exception {
        robot.clickOn("#connect-commission");
        robot.clickOn("#commission-replace");
        replaceText(robot, "#replace-database", database.toString());
        robot.clickOn("#replace-open");
        waitForStep(robot, "Step 2 of 5");
        assertThat(text(robot, "#replace-site-summary")).contains(siteId(), "replica verified");

        refusesATechniciansCredential(robot);

        String supervisor = session.credentialFile().toString();
        replaceText(robot, "#replace-credential", supervisor);
        replaceText(robot, "#replace-address", tcp());
        robot.clickOn("#replace-reach");
        waitForStep(robot, "Step 3 of 5");
        assertThat(text(robot, "#replace-gateway-summary")).contains("GW-NEW001", "demo-supervisor");

        entersACashPayment(robot);
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-payments");
        robot.clickOn("#replace-payments-complete");
        robot.clickOn("#replace-check-payments");
        waitForStep(robot, "Step 4 of 5");
        assertThat(text(robot, "#replace-confirm-payments")).startsWith("1 payments");
        robot.clickOn("#replace-confirm");
        waitForStep(robot, "Step 5 of 5");

        assertThat(text(robot, "#replace-result")).contains("GW-NEW001", "1 payments credited")
                .containsPattern("[1-9]\\d* ledger entries posted");
        TableView<?> results = robot.lookup("#replace-results").queryAs(TableView.class);
        assertThat(onFx(() -> results.getItems().size())).isEqualTo(METERS);
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-result");
        assertThat(auditFromTheNewGateway().reconciliation().agrees()).isTrue();
    }

    private void refusesATechniciansCredential(FxRobot robot) {
        replaceText(robot, "#replace-credential", technician.toString());
        replaceText(robot, "#replace-address", tcp());
        robot.clickOn("#replace-reach");
        waitFor(robot, "the refusal", () -> !text(robot, "#replace-problem").isEmpty());
        assertThat(text(robot, "#replace-problem")).contains("supervisor's credential", "demo-technician",
                "[REPLACE_SUPERVISOR_REQUIRED]");
        assertThat(text(robot, "#replace-step")).startsWith("Step 2 of 5");
    }

    private void entersACashPayment(FxRobot robot) throws IOException {
        String customer;
        SiteInfo info;
        try (SiteStore store = SiteStore.openExisting(database)) {
            customer = store.customers().get(0).customerId();
            info = store.site().orElseThrow();
        }
        String paid = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(info.zone())
                .format(NOW.plus(Duration.ofHours(6)));
        replaceText(robot, "#replace-pay-reference", "cash-dead-gw-1");
        replaceText(robot, "#replace-pay-customer", customer);
        replaceText(robot, "#replace-pay-amount", "2");
        replaceText(robot, "#replace-pay-time", paid);
        robot.clickOn("#replace-pay-add");
        assertThat(onFx(() -> robot.lookup("#replace-payments").queryAs(TableView.class).getItems().size()))
                .isEqualTo(1);
    }

    /** Pulls the site from the new gateway as the audit does, and audits the database. */
    private BillingReport auditFromTheNewGateway() throws IOException {
        InetSocketAddress address = replacement.address();
        try (SiteStore store = SiteStore.openExisting(database);
                GatewayClient client = GatewayClient.open(
                        TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                        Authentication.of(DemoOperator.supervisorFor(siteId(), NOW), GatewayPins.inMemory()),
                        Duration.ofSeconds(10))) {
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE, CancelSignal.NEVER);
            return BillingAudit.run(store);
        }
    }

    private void pull(InetSocketAddress address, Instant from, Instant to, GatewayPins pins) throws IOException {
        try (SiteStore store = SiteStore.open(database);
                GatewayClient client = GatewayClient.open(
                        TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                        Authentication.of(DemoOperator.supervisorFor(siteId(), to), pins), Duration.ofSeconds(10))) {
            SitePull.run(client, store, from, to, Progress.NONE, CancelSignal.NEVER);
        }
    }

    private Path technicianCredential() throws IOException {
        Path file = home.resolve("technician.credential.json");
        SignedCredential credential = DemoOperator.issue("demo-technician", "Demo technician", Role.TECHNICIAN,
                List.of(siteId()), NOW.minus(Duration.ofDays(1)), Duration.ofDays(3650), Map.of());
        CredentialFile.write(file, credential);
        SupervisorCredential.writeKeyBeside(file, credential);
        return file;
    }

    private String siteId() {
        return site.gateway().profile().siteId();
    }

    private String tcp() {
        return "127.0.0.1:" + replacement.address().getPort();
    }

    private static void waitForStep(FxRobot robot, String step) {
        waitFor(robot, step, () -> text(robot, "#replace-step").startsWith(step)
                || !text(robot, "#replace-problem").isEmpty());
        assertThat(text(robot, "#replace-problem")).as("the refusal on the way to " + step).isEmpty();
        assertThat(text(robot, "#replace-step")).startsWith(step);
    }

    private static void waitFor(FxRobot robot, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "; problem shown: "
                    + text(robot, "#replace-problem"), e);
        }
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write(text);
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The JavaFX thread did not answer.", e);
        }
    }
}
