package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.commission.CommissionStart;
import io.gridside.console.replace.ReplaceGatewayViewModel.RegisterRow;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.GatewayPinFile;
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
import io.gridside.link.message.RegistersRead;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.LoopbackRelay;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A site's gateway dies after the console pulled it; a technician on site replaces it from the Commissioning
 * screen: the replica checked, a technician's credential refused in words before anything is pinned, the new
 * gateway reached and pinned under a supervisor's, one cash payment entered, the registers read and reviewed with
 * nothing posted, and the replacement confirmed. The result shows every customer, and the site's audit afterwards,
 * pulled from the new gateway, agrees. A register read cancelled, or a review left for the step before, posts
 * nothing and the flow starts again; the site's own gateway, alive after all, is refused in French words, and
 * another gateway than the one reached, behind the same address, is refused at the restore with nothing pinned.
 */
@ExtendWith({ReplaceGatewayScreenTest.InFrench.class, ApplicationExtension.class})
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
    private ReplacementGateway fresh;
    private long replicaTip;
    /** A register read waits here while it is set: the read is under way for as long as the test says. */
    private volatile CountDownLatch holdRead;
    private final CountDownLatch readReached = new CountDownLatch(1);
    /** A meter out of the new gateway's reach while it is set: its register is unread. */
    private volatile String outOfReach;
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
        try (SiteStore store = SiteStore.openExisting(database)) {
            replicaTip = store.ledger().stream().mapToLong(LedgerEntry::seq).max().orElseThrow();
        }
        clock.advance(Duration.ofHours(5));
        site.stopListeningTcp();
        site.endTcpSessions();
        clock.advance(Duration.ofHours(3));
        fresh = new ReplacementGateway(siteId(), "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5d".repeat(32))),
                DemoOperator.trusted(), clock, heldWhenAsked(MeterRegisters.of(site.gateway())));
        replacement = ReplacementSite.listen(fresh);
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
        CountDownLatch held = holdRead;
        if (held != null) {
            held.countDown();
        }
        session.close();
        tasks.close();
        replacement.close();
        site.close();
    }

    @Test
    void replacesTheDeadGatewayFromTheCommissioningScreenAndTheAuditAgrees(FxRobot robot) throws Exception {
        openTheReplica(robot);
        assertThat(robot.lookup("#replace-choose-database").queryButton().isVisible()).isTrue();

        refusesATechniciansCredential(robot);

        reachTheNewGateway(robot);

        entersACashPayment(robot);
        refusesALastReceiptThatIsNoReceiptNumber(robot);
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-payments");
        robot.clickOn("#replace-payments-complete");
        robot.clickOn("#replace-check-payments");
        waitForStep(robot, "Step 4 of 6");
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-registers");
        robot.clickOn("#replace-read-registers");
        waitForStep(robot, "Step 5 of 6");

        TableView<?> registers = robot.lookup("#replace-registers").queryAs(TableView.class);
        assertThat(onFx(() -> registers.getItems().size())).isEqualTo(METERS);
        assertThat(text(robot, "#replace-review-summary")).contains("Nothing is posted yet");
        assertThat(text(robot, "#replace-gateway-summary")).as("the restore pinned the key shown")
                .contains("GW-NEW001", "pinned for the site").doesNotContain("not pinned yet");
        assertThat(text(robot, "#replace-confirm-payments")).startsWith("1 payments");
        assertNothingPosted();
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-review");
        robot.clickOn("#replace-confirm");
        waitForStep(robot, "Step 6 of 6");

        assertThat(text(robot, "#replace-result")).contains("GW-NEW001", "1 payments credited")
                .containsPattern("[1-9]\\d* ledger entries posted");
        TableView<?> results = robot.lookup("#replace-results").queryAs(TableView.class);
        assertThat(onFx(() -> results.getItems().size())).isEqualTo(METERS);
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-result");
        assertThat(auditFromTheNewGateway().reconciliation().agrees()).isTrue();
    }

    @Test
    void aRegisterReadCancelledOrAReviewLeftPostsNothingAndTheFlowStartsAgain(FxRobot robot) throws Exception {
        openTheReplica(robot);
        reachTheNewGateway(robot);
        robot.clickOn("#replace-payments-complete");
        robot.clickOn("#replace-check-payments");
        waitForStep(robot, "Step 4 of 6");

        holdRead = new CountDownLatch(1);
        robot.clickOn("#replace-read-registers");
        assertThat(readReached.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the register read began").isTrue();
        robot.clickOn("#replace-cancel");
        waitFor(robot, "the cancel", () -> text(robot, "#replace-problem").startsWith("Cancelled"));
        holdRead.countDown();
        holdRead = null;
        assertThat(text(robot, "#replace-step")).startsWith("Step 4 of 6");
        assertNothingPosted();

        robot.clickOn("#replace-read-registers");
        waitForStep(robot, "Step 5 of 6");
        robot.clickOn("#replace-back");
        waitForStep(robot, "Step 4 of 6");
        assertNothingPosted();

        robot.clickOn("#replace-read-registers");
        waitForStep(robot, "Step 5 of 6");
        assertNothingPosted();
        robot.clickOn("#replace-confirm");
        waitForStep(robot, "Step 6 of 6");

        assertThat(text(robot, "#replace-result")).contains("GW-NEW001").containsPattern("[1-9]\\d* ledger entries "
                + "posted, 0 already posted before");
        assertThat(fresh.ledgerAfter(replicaTip)).extracting(LedgerEntry::reference).isNotEmpty()
                .doesNotHaveDuplicates();
        assertThat(auditFromTheNewGateway().reconciliation().agrees()).isTrue();
    }

    /**
     * The gateway behind the address typed changes between the reach and the restore (another new gateway is
     * plugged in): the restore refuses it in words before anything is pinned or sent, and the site's pin is as it
     * was.
     */
    @Test
    void aGatewayOtherThanTheOneShownIsRefusedAtTheRestoreWithNothingPinned(FxRobot robot) throws Exception {
        try (LoopbackRelay relay = LoopbackRelay.to(replacement.address());
                ReplacementSite other = ReplacementSite.listen(new ReplacementGateway(siteId(), "GW-OTHER9",
                        SigningKey.fromSeed(ByteString.fromHex("5e".repeat(32))), DemoOperator.trusted(), clock,
                        MeterRegisters.of(site.gateway())))) {
            openTheReplica(robot);
            replaceText(robot, "#replace-credential", session.credentialFile().toString());
            replaceText(robot, "#replace-address", relay.address());
            robot.clickOn("#replace-reach");
            waitForStep(robot, "Step 3 of 6");
            robot.clickOn("#replace-payments-complete");
            robot.clickOn("#replace-check-payments");
            waitForStep(robot, "Step 4 of 6");

            relay.pointAt(other.address());
            robot.clickOn("#replace-read-registers");
            waitFor(robot, "the refusal", () -> !text(robot, "#replace-problem").isEmpty());

            assertThat(text(robot, "#replace-problem")).startsWith("The gateway at this address is now GW-OTHER9")
                    .contains("not gateway GW-NEW001").endsWith("[REPLACE_GATEWAY_CHANGED]");
            assertThat(text(robot, "#replace-step")).startsWith("Step 4 of 6");
            assertThat(GatewayPinFile.of(AppDirs.forCurrentUser()).find(siteId())).as("the site's pin").isEmpty();
            assertThat(other.gateway().profile().siteName()).as("restored").isEmpty();
            assertNothingPosted();
            Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-changed");
        }
    }

    /**
     * In French, whose words are longer: the site's own gateway, alive after all, refused in French before any
     * payment, then the new gateway reached and its registers read for review, one meter out of reach and shown
     * unread, each step kept as a picture.
     */
    @Test
    @Tag(InFrench.TAG)
    void refusesTheSitesOwnGatewayAliveInFrenchAndReviewsTheRegisters(FxRobot robot) throws Exception {
        InetSocketAddress alive = site.listenTcp(0);
        String unread;
        try (SiteStore store = SiteStore.openExisting(database)) {
            unread = store.meters().get(1).meterId();
        }
        outOfReach = unread;
        robot.clickOn("#connect-commission");
        robot.clickOn("#commission-replace");
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-fr-site");
        replaceText(robot, "#replace-database", database.toString());
        robot.clickOn("#replace-open");
        waitForStep(robot, "Étape 2 sur 6");
        replaceText(robot, "#replace-credential", session.credentialFile().toString());
        replaceText(robot, "#replace-address", "127.0.0.1:" + alive.getPort());
        robot.clickOn("#replace-reach");
        waitFor(robot, "the refusal", () -> !text(robot, "#replace-problem").isEmpty());

        assertThat(text(robot, "#replace-problem")).startsWith("La passerelle " + site.gateway().profile().gatewayId()
                + " gère déjà le site " + siteId()).endsWith("[REPLACE_GATEWAY_NOT_FRESH]");
        assertThat(text(robot, "#replace-step")).startsWith("Étape 2 sur 6");
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-fr-not-fresh");

        replaceText(robot, "#replace-address", tcp());
        robot.clickOn("#replace-reach");
        waitForStep(robot, "Étape 3 sur 6");
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-fr-payments");
        robot.clickOn("#replace-payments-complete");
        robot.clickOn("#replace-check-payments");
        waitForStep(robot, "Étape 4 sur 6");
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-fr-registers");
        robot.clickOn("#replace-read-registers");
        waitForStep(robot, "Étape 5 sur 6");

        TableView<RegisterRow> registers = robot.lookup("#replace-registers").queryAs(TableView.class);
        assertThat(onFx(() -> List.copyOf(registers.getItems()))).hasSize(METERS)
                .filteredOn(row -> row.meter().equals(unread)).singleElement().satisfies(row -> {
                    assertThat(row.state()).isEqualTo("non lu [UNREAD_REGISTER]");
                    assertThat(row.register()).isEmpty();
                });
        assertThat(text(robot, "#replace-review-summary")).contains("11 à jour, 0 périmés, 1 non lus",
                "Rien n'est encore comptabilisé");
        ListView<String> warnings = robot.lookup("#replace-review-warnings").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(warnings.getItems()))).singleElement().asString()
                .contains(unread, "[UNREAD_REGISTER]");
        assertNothingPosted();
        Screens.save(robot.lookup("#replace-view").query().getScene(), "replace-gateway-fr-review");
    }

    /** Runs a test tagged {@link #TAG} in French, from before its window is built; the others in English. */
    static final class InFrench implements BeforeEachCallback, AfterEachCallback {

        static final String TAG = "french";

        @Override
        public void beforeEach(ExtensionContext context) {
            I18n.use(context.getTags().contains(TAG) ? Locale.FRENCH : Locale.ENGLISH);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            I18n.use(Locale.ENGLISH);
        }
    }

    private void openTheReplica(FxRobot robot) {
        robot.clickOn("#connect-commission");
        robot.clickOn("#commission-replace");
        replaceText(robot, "#replace-database", database.toString());
        robot.clickOn("#replace-open");
        waitForStep(robot, "Step 2 of 6");
        assertThat(text(robot, "#replace-site-summary")).contains(siteId(), "replica verified");
    }

    private void reachTheNewGateway(FxRobot robot) {
        replaceText(robot, "#replace-credential", session.credentialFile().toString());
        replaceText(robot, "#replace-address", tcp());
        robot.clickOn("#replace-reach");
        waitForStep(robot, "Step 3 of 6");
        assertThat(text(robot, "#replace-gateway-summary")).contains("GW-NEW001", "demo-supervisor");
    }

    private void refusesALastReceiptThatIsNoReceiptNumber(FxRobot robot) {
        replaceText(robot, "#replace-last-receipts", "AA11BB-x7");
        robot.clickOn("#replace-payments-complete");
        robot.clickOn("#replace-check-payments");
        assertThat(text(robot, "#replace-problem")).contains("AA11BB-x7", "[REPLACE_LAST_RECEIPT_INVALID]");
        assertThat(text(robot, "#replace-step")).startsWith("Step 3 of 6");
        robot.clickOn("#replace-payments-complete");
        replaceText(robot, "#replace-last-receipts", "");
    }

    /** The new gateway's ledger holds nothing after the replica's tip: no reconciliation was posted. */
    private void assertNothingPosted() {
        assertThat(fresh.ledgerAfter(replicaTip)).as("posted before the confirmation").isEmpty();
    }

    /**
     * {@code meters}, whose register read waits while {@link #holdRead} is set, and says when it began; the meter
     * {@link #outOfReach} names is not read.
     */
    private MeterRegisters heldWhenAsked(MeterRegisters meters) {
        return new MeterRegisters() {
            @Override
            public Optional<RegistersRead.Register> read(String meterId, Instant at) {
                CountDownLatch held = holdRead;
                if (held != null) {
                    readReached.countDown();
                    try {
                        held.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return meterId.equals(outOfReach) ? Optional.empty() : meters.read(meterId, at);
            }

            @Override
            public List<Reading> readings(Instant from, Instant to) {
                return meters.readings(from, to);
            }

            @Override
            public Optional<RelayState> relay(String meterId) {
                return meters.relay(meterId);
            }
        };
    }

    private void refusesATechniciansCredential(FxRobot robot) {
        replaceText(robot, "#replace-credential", technician.toString());
        replaceText(robot, "#replace-address", tcp());
        robot.clickOn("#replace-reach");
        waitFor(robot, "the refusal", () -> !text(robot, "#replace-problem").isEmpty());
        assertThat(text(robot, "#replace-problem")).contains("supervisor's credential", "demo-technician",
                "[REPLACE_SUPERVISOR_REQUIRED]");
        assertThat(text(robot, "#replace-step")).startsWith("Step 2 of 6");
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
