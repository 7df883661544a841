package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.sync.SyncView;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.api.DownItems;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * The Sync screen and the status bar's indicator against a simulated site and a cloud on loopback, as a technician
 * uses them: what waits shows before sync is set up; the cloud's address and pin typed on the screen start the sync;
 * a batch the cloud keeps failing lands on the needs-attention list with its sentence and goes up on Retry; Sync now
 * sends what a pull added until nothing waits; Cancel stops a slow run with something still waiting; and a stopped
 * cloud shows as offline.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SyncScreenTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path home;

    private SiteConsole console;
    private InetSocketAddress address;
    private CloudServer cloud;
    private CloudFaults faults;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 12, 41);
        // The height a 1366x768 laptop screen leaves a window.
        stage.setHeight(728);
        address = console.site().listenTcp(0);
        faults = CloudFaults.none();
        // The cloud checks the credential on the site's clock, which this test holds still.
        cloud = CloudServer.builder(home.resolve("cloud")).faults(faults)
                .clock(Clock.fixed(SiteConsole.NOW, ZoneOffset.UTC)).start();
    }

    @AfterEach
    void stop() {
        console.close();
        cloud.close();
    }

    @Test
    void syncsWhatWaitsListsWhatNeedsAttentionCancelsAndShowsOffline(FxRobot robot) throws Exception {
        ConnectScreen.connect(robot, address.getPort(), 12);
        showsWhatWaitsBeforeSyncIsSetUp(robot);

        listsABatchTheCloudKeepsFailingWithWhatToDo(robot);
        Screens.save(scene(robot), "sync-attention");
        retryingItSendsEverything(robot);

        syncNowSendsWhatAPullAdded(robot);
        Screens.save(scene(robot), "sync-done");
        listsACustomerValueALaterCloudEditOverwrote(robot);
        cancelStopsASlowRun(robot);
        showsOfflineWhenTheCloudIsStopped(robot);
        Screens.save(scene(robot), "sync-offline");
    }

    private void showsWhatWaitsBeforeSyncIsSetUp(FxRobot robot) {
        robot.clickOn("#nav-sync");
        waitFor(robot, "the waiting rows of the pulled site", () -> waiting(robot, "ledger") > 0
                && waiting(robot, "readings") > 0);
        assertThat(text(robot, "#sync-online")).startsWith("Sync is not set up");
        assertThat(text(robot, "#status-sync")).isEqualTo("Sync not set up");
        assertThat(onFx(() -> robot.lookup("#sync-now").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(waiting(robot, "total")).isEqualTo(waiting(robot, "payments") + waiting(robot, "ledger")
                + waiting(robot, "events") + waiting(robot, "readings"));
    }

    /** Five failures in a row end a batch's attempts: the payments batch fails five times, the rest goes up. */
    private void listsABatchTheCloudKeepsFailingWithWhatToDo(FxRobot robot) {
        faults.retryAfterSeconds(0);
        for (int i = 0; i < 5; i++) {
            faults.once(CloudFaults.Kind.ERROR_500, "/batches/payments-");
        }
        TextField url = onFx(() -> robot.lookup("#sync-url").queryAs(TextField.class));
        TextField pin = onFx(() -> robot.lookup("#sync-pin").queryAs(TextField.class));
        robot.interact(() -> {
            url.setText(cloud.url());
            pin.setText(cloud.pin());
        });
        robot.clickOn("#sync-save");

        TableView<?> attention = onFx(() -> robot.lookup("#sync-attention").queryAs(TableView.class));
        waitFor(robot, "the failing batch on the needs-attention list",
                () -> onFx(() -> attention.getItems().size()) == 1);
        String row = onFx(() -> attention.getItems().get(0).toString());
        assertThat(row).contains("stream=payments").contains("The cloud keeps failing on this batch")
                .contains("action=RETRY");
        waitFor(robot, "the ledger and readings acknowledged", () -> waiting(robot, "ledger") == 0
                && waiting(robot, "readings") == 0 && waiting(robot, "payments") > 0);
        assertThat(text(robot, "#status-sync-attention")).isEqualTo("1");
        assertThat(onFx(() -> robot.lookup("#status-sync-attention").query().isVisible())).isTrue();
    }

    private void retryingItSendsEverything(FxRobot robot) {
        // The table redraws its rows at every status, so the button is found and pressed in one step on the FX
        // thread: a button found first and clicked after may belong to a row that was redrawn meanwhile.
        String pressed = onFx(() -> {
            Button retry = robot.lookup("#sync-attention .table-cell .button").match(Node::isVisible)
                    .queryAs(Button.class);
            retry.fire();
            return retry.getText();
        });
        assertThat(pressed).isEqualTo("Retry");

        // The status line is written when the sync ends, a moment after the last acknowledgement is counted.
        waitFor(robot, "everything acknowledged after the retry", () -> waiting(robot, "total") == 0
                && !onFx(() -> robot.lookup("#status-sync-attention").query().isVisible())
                && !text(robot, "#status-sync").startsWith("Syncing"));
        assertThat(cloud.ledger(siteId())).isNotEmpty();
        assertThat(cloud.payments(siteId())).isNotEmpty();
        assertThat(text(robot, "#status-sync")).isEqualTo("nothing waiting \u00b7 synced just now");
        assertThat(text(robot, "#sync-online")).isEqualTo("Online: the cloud answers.");
    }

    private void syncNowSendsWhatAPullAdded(FxRobot robot) {
        pullAnotherHour(robot);
        clickWhenEnabled(robot, "#sync-now");

        waitFor(robot, "the run by hand to end with nothing waiting", () -> waiting(robot, "total") == 0
                && text(robot, "#sync-message").startsWith("Done:"));
        assertThat(text(robot, "#sync-last-error")).isEqualTo("none");
        TableView<?> streams = onFx(() -> robot.lookup("#sync-streams").queryAs(TableView.class));
        assertThat(onFx(() -> streams.getItems().stream().map(Object::toString).toList()))
                .anySatisfy(stream -> assertThat(stream).contains("name=readings").contains("done=true"));
        // A run that had nothing to move leaves the table empty; its words must not deny the run the line above
        // reports done.
        assertThat(onFx(() -> ((Labeled) streams.getPlaceholder()).getText()))
                .as("the stream table's words once a run has ended").doesNotStartWith("No run yet")
                .startsWith("No stream had anything");
    }

    /**
     * A phone number edited on this laptop (written to the site's database as the console writes it) and a later
     * one published by the cloud: the cloud's wins, and the local one is listed for review.
     */
    private void listsACustomerValueALaterCloudEditOverwrote(FxRobot robot) throws IOException, TimeoutException {
        String customer = console.site().gateway().layout().customers().get(0).customerId();
        long millis = SiteConsole.NOW.toEpochMilli();
        try (SiteStore store = SiteStore.open(console.dirs().siteDatabase(siteId()))) {
            store.sync().editCustomerField(customer, "phone", "+254700000001", new Hlc(millis, 0, "laptop-test"));
        }
        cloud.publishCustomerField(siteId(), new DownItems.CustomerField(customer, "phone", "+254700000002",
                new Hlc(millis + 60_000, 0, "cloud").text()));
        clickWhenEnabled(robot, "#sync-now");

        TableView<?> reviews = onFx(() -> robot.lookup("#sync-reviews").queryAs(TableView.class));
        waitFor(robot, "the overwritten phone number listed", () -> onFx(() -> reviews.getItems().size()) == 1);
        assertThat(onFx(() -> reviews.getItems().get(0).toString())).contains("customerId=" + customer)
                .contains("lostValue=+254700000001").contains("wonValue=+254700000002").contains("wonBy=cloud");
        SyncView view = onFx(() -> robot.lookup("#sync-view").queryAs(SyncView.class));
        robot.interact(() -> view.showList("reviews"));
        Screens.save(scene(robot), "sync-reviews");
        robot.interact(() -> view.showList("attention"));
    }

    private void cancelStopsASlowRun(FxRobot robot) {
        faults.slowMillis(1_500).set(CloudFaults.Kind.SLOW, 1.0);
        pullAnotherHour(robot);
        clickWhenEnabled(robot, "#sync-now");
        clickWhenEnabled(robot, "#sync-cancel");

        waitFor(robot, "the run cancelled", () -> text(robot, "#sync-message").startsWith("Cancelled:")
                && onFx(() -> robot.lookup("#sync-now").queryAs(Button.class).isDisabled()) == Boolean.FALSE);
        assertThat(waiting(robot, "total")).isPositive();
        faults.off();
    }

    private void showsOfflineWhenTheCloudIsStopped(FxRobot robot) {
        cloud.close();
        clickWhenEnabled(robot, "#sync-now");

        waitFor(robot, "offline shown", () -> text(robot, "#status-sync").startsWith("Offline \u00b7")
                && text(robot, "#sync-online").startsWith("Offline:"));
        assertThat(waiting(robot, "total")).isPositive();
        assertThat(text(robot, "#sync-last-error")).isNotEqualTo("none");
        readsTheLastErrorInFrench(robot);
    }

    /** The cloud not found at its address, as the last error, reads in French once the language is switched. */
    private void readsTheLastErrorInFrench(FxRobot robot) {
        String english = text(robot, "#sync-last-error");
        try {
            robot.interact(() -> I18n.use(Locale.FRENCH));
            waitFor(robot, "the last error in French", () -> text(robot, "#sync-last-error").startsWith("Rien n'a "
                    + "répondu à l'adresse du cloud"));
            assertThat(text(robot, "#sync-last-error")).endsWith(" [unreachable]");
        } finally {
            robot.interact(() -> I18n.use(Locale.ENGLISH));
        }
        assertThat(english).startsWith("Nothing answered at ");
    }

    /** Lets the site's clock run an hour on and pulls what the gateway recorded meanwhile. */
    private void pullAnotherHour(FxRobot robot) {
        long before = waiting(robot, "total");
        console.clock().advance(Duration.ofHours(1));
        clickWhenEnabled(robot, "#refresh");
        waitFor(robot, "the pull's rows waiting", () -> waiting(robot, "total") > before);
    }

    private String siteId() {
        return console.site().gateway().profile().siteId();
    }

    private static long waiting(FxRobot robot, String priority) {
        return Long.parseLong(text(robot, "#sync-waiting-" + priority).replace(",", ""));
    }

    private static javafx.scene.Scene scene(FxRobot robot) {
        return onFx(() -> robot.lookup("#sync-view").query().getScene());
    }

    private static void clickWhenEnabled(FxRobot robot, String query) {
        Button button = onFx(() -> robot.lookup(query).queryAs(Button.class));
        waitFor(robot, query + " enabled", () -> !onFx(button::isDisabled));
        robot.clickOn(button);
    }

    /** Waits for {@code condition}; on time-out, says what the screen showed, which a bare time-out hides. */
    private static void waitFor(FxRobot robot, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain for " + what + ": the indicator said '"
                    + text(robot, "#status-sync") + "', the state '" + text(robot, "#sync-online") + "', the message '"
                    + text(robot, "#sync-message") + "', the last error '" + text(robot, "#sync-last-error")
                    + "', waiting " + List.of("payments", "ledger", "events", "readings").stream()
                            .map(p -> p + " " + text(robot, "#sync-waiting-" + p)).toList(), e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText)
                .orElse("(not shown)"));
    }

    private static <T> T onFx(Callable<T> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(60, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError("the lookup on the FX thread failed", failure);
        }
    }
}
