package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.Formats;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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

/** The cash desk against a simulated site: a technician's top-up with its receipt, and a supervisor's void. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CashDeskTest {

    /** The technician's offline cash limit: KES 2,000.00. */
    private static final long LIMIT = 200_000;

    /** A home of each test's own: a site database kept from another test's site would conflict with this one. */
    @TempDir
    Path home;

    private SiteConsole console;
    private SimulatedSite site;
    private SessionViewModel session;
    private InetSocketAddress address;
    private Path technician;
    private Path supervisor;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 12, 23);
        // The headless screen is 1280 wide; a laptop's 768 lines are the height that matters here.
        stage.setHeight(768);
        site = console.site();
        session = console.session();
        address = site.listenTcp(0);
        supervisor = Path.of(session.settings().get(SessionViewModel.SETTING_CREDENTIAL, ""));
        technician = home.resolve("technician.credential.json");
        Files.deleteIfExists(technician);
        SignedCredential issued = DemoOperator.issue("T-0042", "Amina Wanjiru",
                Role.TECHNICIAN, List.of(site.gateway().profile().siteId()), SiteConsole.NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(2), Map.of(TechnicianCredential.CASH_LIMIT, LIMIT));
        CredentialFile.write(technician, issued);
        SupervisorCredential.writeKeyBeside(technician, issued);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    /** Connects under {@code credential}; the supervisor's first session pins the gateway's key. */
    private void connectAs(FxRobot robot, Path credential) throws TimeoutException, IOException {
        if (session.helloProperty().get() != null) {
            robot.clickOn("#disconnect");
            waitSaying(robot, () -> session.helloProperty().get() == null);
        }
        String technicianId = CredentialFile.read(credential).technicianId();
        session.settings().put(SessionViewModel.SETTING_CREDENTIAL, credential.toString());
        ConnectScreen.pressConnect(robot, address.getPort());
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        try {
            // The table keeps the last session's meters, so wait for this credential's session to be the one open.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.credential() != null
                    && session.credential().technicianId().equals(technicianId) && table.getItems().size() == 12);
        } catch (TimeoutException e) {
            throw new AssertionError("not connected: " + session.journal().entries() + " "
                    + session.problemProperty().get(), e);
        }
    }

    /** Waits for {@code condition}; on time-out, says what the cash desk showed, which a bare time-out hides. */
    private void waitSaying(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the cash desk showed: receipt '" + text(robot, "#cash-receipt") + "', message '"
                    + text(robot, "#cash-message") + "', cash-up '" + text(robot, "#cashup-total") + "' / '"
                    + text(robot, "#cashup-message") + "'; session " + session.problemProperty().get(), e);
        }
    }

    private String customer(int index) {
        return site.gateway().layout().customers().get(index).customerId();
    }

    private long balanceOf(String customerId) {
        return session.meters().stream().filter(m -> m.customerId().equals(customerId)).findFirst().orElseThrow()
                .balanceMinor();
    }

    private void chooseCustomer(FxRobot robot, String customerId) {
        TextField query = robot.lookup("#cash-customer-query").queryAs(TextField.class);
        robot.interact(() -> query.setText(customerId));
        TableView<MeterStatus> found = robot.lookup("#cash-customers").queryTableView();
        waitSaying(robot, () -> found.getItems().size() == 1
                && found.getItems().get(0).customerId().equals(customerId));
        // Under load the row can be clicked before it shows the filtered customer, and the click then chooses
        // nothing: click again, as a person would, until the table shows the customer chosen.
        Supplier<Optional<Node>> row = () -> robot.lookup("#cash-customers .table-row-cell")
                .match((TableRow<?> cell) -> cell.isVisible() && cell.getIndex() == 0
                        && cell.getItem() instanceof MeterStatus shown && shown.customerId().equals(customerId))
                .tryQuery();
        for (int attempt = 1; ; attempt++) {
            waitSaying(robot, () -> row.get().isPresent());
            robot.clickOn(row.get().orElseThrow());
            try {
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> found.getSelectionModel().getSelectedItem()
                        != null && found.getSelectionModel().getSelectedItem().customerId().equals(customerId));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    waitSaying(robot, () -> false);
                }
            }
        }
    }

    private javafx.scene.control.Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void topUp(FxRobot robot, String customerId, String amount, String reference) {
        chooseCustomer(robot, customerId);
        robot.interact(() -> {
            robot.lookup("#cash-amount").queryAs(TextField.class).setText(amount);
            if (reference != null) {
                robot.lookup("#cash-reference").queryAs(TextField.class).setText(reference);
            }
        });
        robot.clickOn("#cash-review");
    }

    @Test
    void aTopUpGivesAReceiptAndTheBalanceShownRises(FxRobot robot) throws Exception {
        connectAs(robot, supervisor);
        connectAs(robot, technician);
        robot.clickOn("#nav-cash");
        String customer = customer(2);
        long before = balanceOf(customer);

        topUp(robot, customer, "150.50", null);

        assertThat(text(robot, "#cash-confirmation")).contains("KES 150.50", customer,
                Formats.money(before, "KES"));
        String reference = robot.lookup("#cash-reference").queryAs(TextField.class).getText();
        assertThat(reference).startsWith("CASH-");
        robot.clickOn("#cash-confirm");
        waitSaying(robot, () -> text(robot, "#cash-receipt").startsWith("Receipt "));
        String receipt = text(robot, "#cash-receipt");
        assertThat(receipt).contains("KES 150.50", customer, "may still credit KES 1,849.50 in cash");
        String number = receipt.substring("Receipt ".length(), receipt.indexOf(':'));
        assertThat(number).matches("[0-9A-F]{6,}-0001");
        waitSaying(robot, () -> text(robot, "#cashup-total")
                .contains("Hand over: KES 150.50"));

        console.clock().advance(Reading.INTERVAL);
        robot.clickOn("#refresh");
        waitSaying(robot, () -> balanceOf(customer) > before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(balanceOf(customer)).as("credited, less at most a quarter hour's charge")
                .isGreaterThan(before + 15_050 - 1_000);
        assertThat(text(robot, "#cash-balance")).isEqualTo(Formats.money(balanceOf(customer), "KES"));
        assertThat(Screens.save(robot.lookup("#cash-desk").query().getScene(), "cash-desk")).exists();

        robot.clickOn("#cash-receipt-export");
        waitSaying(robot, () -> text(robot, "#cash-message").endsWith(".html"));
        Path page = console.dirs().receipts().resolve("receipt-" + number + ".html");
        assertThat(Files.readString(page)).contains(number, "KES 150.50", customer, reference, "T-0042");

        robot.clickOn("#cash-next");
        topUp(robot, customer, "150.50", reference);
        robot.clickOn("#cash-confirm");
        waitSaying(robot, () -> text(robot, "#cash-receipt").contains("before"));
        assertThat(text(robot, "#cash-receipt")).contains("receipt " + number, "Nothing was credited again");
        assertThat(site.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:" + reference))
                .hasSize(1);
    }

    @Test
    void aRefusedTopUpSaysWhyInPlainWordsWithTheAllowanceLeft(FxRobot robot) throws Exception {
        connectAs(robot, supervisor);
        connectAs(robot, technician);
        robot.clickOn("#nav-cash");

        topUp(robot, customer(3), "2000.01", null);
        robot.clickOn("#cash-confirm");

        waitSaying(robot, () -> text(robot, "#cash-message").contains("did not"));
        assertThat(text(robot, "#cash-message")).contains("offline cash limit", "remaining KES 2,000.00",
                "[CASH_LIMIT_EXCEEDED]", "limit is KES 2,000.00").doesNotContain("(CASH_LIMIT_EXCEEDED)");
        topUp(robot, customer(3), "12.345", null);
        assertThat(text(robot, "#cash-message")).contains("at most 2 decimals");
    }

    @Test
    void aSupervisorVoidsATechniciansReceiptWithAReason(FxRobot robot) throws Exception {
        connectAs(robot, supervisor);
        connectAs(robot, technician);
        robot.clickOn("#nav-cash");
        topUp(robot, customer(4), "80", null);
        robot.clickOn("#cash-confirm");
        waitSaying(robot, () -> text(robot, "#cash-receipt").startsWith("Receipt "));
        assertThat(robot.lookup("#cashup-void-row").query().isVisible()).as("a technician voids nothing").isFalse();

        connectAs(robot, supervisor);
        robot.clickOn("#nav-cash");
        // The supervisor's session loads the day's cash book; the test waits for it to list the technician.
        waitSaying(robot, () -> robot.lookup("#cashup-technician").queryComboBox().getItems().contains("T-0042"));
        robot.interact(() -> robot.lookup("#cashup-technician").queryComboBox().setValue("T-0042"));
        waitSaying(robot, () -> text(robot, "#cashup-total")
                .contains("Hand over: KES 80.00"));
        robot.clickOn(robot.lookup("#cashup-lines .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0).queryAs(Node.class));
        TableView<?> lines = robot.lookup("#cashup-lines").queryTableView();
        assertThat(lines.getSelectionModel().getSelectedItem()).as("the receipt's line is chosen").isNotNull();
        assertThat(button(robot, "#cashup-void").isDisabled()).isFalse();
        robot.clickOn("#cashup-void");
        assertThat(text(robot, "#cashup-message")).contains("Say why");
        robot.interact(() -> robot.lookup("#cashup-void-reason").queryAs(TextField.class)
                .setText("Customer paid twice by mistake"));
        robot.clickOn("#cashup-void");

        waitSaying(robot, () -> text(robot, "#cashup-message").startsWith("Voided"));
        waitSaying(robot, () -> text(robot, "#cashup-total")
                .contains("Hand over: KES 0.00"));
        assertThat(text(robot, "#cashup-total")).contains("1 receipt, KES 80.00", "1 void, KES 80.00");
    }
}
