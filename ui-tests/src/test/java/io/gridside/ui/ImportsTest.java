package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.importing.ImportsViewModel;
import io.gridside.console.service.PaymentOutbox;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The imports screen against a simulated site, signed in as a supervisor: dry run, apply, and the outbox push. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ImportsTest {

    /** A home of each test's own: a site database kept from another test's site would conflict with this one. */
    @TempDir
    Path home;

    private SiteConsole console;
    private SimulatedSite site;
    private SessionViewModel session;
    private InetSocketAddress address;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 12, 29);
        // The headless screen is 1280 wide; a laptop's 768 lines are the height that matters here.
        stage.setHeight(768);
        site = console.site();
        session = console.session();
        address = site.listenTcp(0);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> I18n.use(Locale.ENGLISH)));
        console.close();
    }

    private void connect(FxRobot robot) {
        ConnectScreen.connect(robot, address.getPort(), 12);
        robot.clickOn("#nav-imports");
    }

    private String customer(int index) {
        return site.gateway().layout().customers().get(index).customerId();
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#imports-summary").queryAs(Label.class).getText();
    }

    private void choose(FxRobot robot, String kind, Path file) {
        robot.clickOn("#imports-" + kind);
        robot.interact(() -> robot.lookup("#imports-file").queryAs(TextField.class).setText(file.toString()));
    }

    private static boolean allInLedger(TableView<PaymentOutbox.Row> outbox) {
        return !outbox.getItems().isEmpty() && outbox.getItems().stream().allMatch(r -> r.ledgerSeq() != null);
    }

    private Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    @Test
    void aBadFileListsEachBadLineAndCannotBeApplied(FxRobot robot) throws Exception {
        connect(robot);
        Path file = home.resolve("bad-payments.csv");
        Files.writeString(file, "reference,customer,amount,time\n"
                + "BAD-1," + customer(1) + ",25.00,2026-06-02 10:00\n"
                + "BAD-2," + customer(2) + ",12.345,2026-06-02 10:05\n"
                + "BAD-3,C-NOBODY,10,2026-06-02 10:10\n");
        choose(robot, "payments", file);

        robot.clickOn("#imports-dry-run");

        ListView<String> problems = robot.lookup("#imports-problems").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problems.getItems().size() >= 2);
        assertThat(problems.getItems()).anyMatch(p -> p.startsWith("line 3, amount: "))
                .anyMatch(p -> p.startsWith("line 4, customer: "));
        assertThat(summary(robot)).contains("problems on 2 lines", "nothing can be imported");
        assertThat(button(robot, "#imports-apply").isDisabled()).isTrue();
        assertThat(Screens.save(problems.getScene(), "imports-bad-file")).exists();
        assertThat(session.meters()).isNotEmpty();

        robot.interact(() -> I18n.use(Locale.FRENCH));
        assertThat(problems.getItems()).as("the listed problems follow a switch to French")
                .anyMatch(p -> p.startsWith("ligne 3, amount : « 12.345 » a 3 décimales"))
                .anyMatch(p -> p.startsWith("ligne 4, customer : le site n'a aucun client « C-NOBODY »"))
                .noneMatch(p -> p.startsWith("line "));
        robot.interact(() -> I18n.use(Locale.ENGLISH));

        Path readings = home.resolve("bad-readings.csv");
        Files.writeString(readings, "meter,timestamp,register_kwh\nM00001,2026-06-02T10:15,\"12.5\n");
        choose(robot, "readings", readings);
        assertThat(problems.getItems()).as("a new file forgets the last plan").isEmpty();
        robot.clickOn("#imports-dry-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());
        assertThat(problems.getItems()).allMatch(p -> p.startsWith("line 2"));
        assertThat(button(robot, "#imports-apply").isDisabled()).isTrue();
    }

    @Test
    void paymentsImportedThenPushedAreCreditedOnce(FxRobot robot) throws Exception {
        connect(robot);
        Path file = home.resolve("payments.csv");
        Files.writeString(file, "reference,customer,amount,time\n"
                + "UI-1," + customer(1) + ",250.00,2026-06-02 10:00\n"
                + "UI-2," + customer(2) + ",99.50,2026-06-02 10:05\n");
        choose(robot, "payments", file);

        robot.clickOn("#imports-dry-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary(robot).contains("Dry run"));
        assertThat(summary(robot)).contains("2 payments to queue (KES 349.50)");
        TableView<PaymentOutbox.Row> outbox = robot.lookup("#outbox-table").queryTableView();
        assertThat(outbox.getItems()).as("a dry run writes nothing").isEmpty();
        TableView<ImportsViewModel.PlanRow> rows = robot.lookup("#imports-rows").queryTableView();
        assertThat(rows.getItems()).extracting(ImportsViewModel.PlanRow::line).containsExactly(2, 3);

        robot.clickOn("#imports-apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outbox.getItems().size() == 2);
        assertThat(summary(robot)).contains("rows imported", "2 payments queued");
        assertThat(button(robot, "#imports-apply").isDisabled()).as("applied once").isTrue();
        assertThat(outbox.getItems()).allMatch(r -> r.payment().state() == QueuedPayment.State.PENDING);

        robot.clickOn("#outbox-push");
        Label pushed = robot.lookup("#outbox-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pushed.getText().startsWith("Sent"));
        assertThat(pushed.getText()).contains("Sent 2 payments: 2 credited, 0 credited before, 0 refused");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outbox.getItems().stream()
                .allMatch(r -> r.payment().state() == QueuedPayment.State.CREDITED));

        robot.clickOn("#outbox-push");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pushed.getText().contains("no payment waiting"));
        robot.clickOn("#imports-dry-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary(robot).contains("Dry run"));
        assertThat(summary(robot)).contains("0 payments to queue", "2 queued already");

        console.clock().advance(Reading.INTERVAL);
        robot.clickOn("#refresh");
        // The pull runs in the background: the outbox is read again until the ledger it pulled shows both, for as
        // long as a loaded machine may take to pull (the count of reads says nothing of how long each took).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!allInLedger(outbox) && System.nanoTime() < deadline) {
            robot.clickOn("#outbox-reload");
            try {
                WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> allInLedger(outbox));
            } catch (TimeoutException notYet) {
                // read it again
            }
        }
        assertThat(outbox.getItems()).allSatisfy(r -> assertThat(ImportsViewModel.describe(r))
                .isEqualTo("credited, in the ledger (entry " + r.ledgerSeq() + ")"));
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:UI-1"))
                .singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(25_000));
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:UI-2"))
                .hasSize(1);
        assertThat(Screens.save(outbox.getScene(), "imports-outbox")).exists();
    }
}
