package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.shell.Appearance;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
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
 * The cash desk in French against a simulated site: a mistyped amount is refused in French, the confirmation's
 * amount follows a switch to English and back, and the receipt and its printed page read in French.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CashDeskLanguageTest {

    /** French groups thousands with a space of its own width, whichever the JDK's data picks. */
    private static final String GROUP = String.valueOf(DecimalFormatSymbols.getInstance(Locale.FRENCH)
            .getGroupingSeparator());

    @TempDir
    Path home;

    private SiteConsole console;
    private Stage stage;
    private SimulatedSite site;
    private SessionViewModel session;
    private InetSocketAddress address;
    private Path technician;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        console = SiteConsole.open(stage, home, 12, 23);
        stage.setHeight(768);
        site = console.site();
        session = console.session();
        address = site.listenTcp(0);
        technician = home.resolve("technician.credential.json");
        Files.deleteIfExists(technician);
        SignedCredential issued = DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN,
                List.of(site.gateway().profile().siteId()), SiteConsole.NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(2), Map.of(TechnicianCredential.CASH_LIMIT, 200_000L));
        CredentialFile.write(technician, issued);
        SupervisorCredential.writeKeyBeside(technician, issued);
    }

    @AfterEach
    void stop() {
        console.close();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void theCashDeskRefusesReceiptsAndPrintsInTheLanguageChosen(FxRobot robot) throws Exception {
        connectAsTechnician(robot);
        robot.clickOn("#nav-cash");
        speak(robot, Locale.FRENCH);
        String customer = site.gateway().layout().customers().get(2).customerId();
        chooseCustomer(robot, customer);

        review(robot, "-5");
        assertThat(text(robot, "#cash-message")).isEqualTo("Un montant ne peut pas être négatif ; « -5 » l'est.");

        review(robot, "1234.50");
        assertThat(text(robot, "#cash-confirmation")).contains("1" + GROUP + "234,50 KES", customer);
        speak(robot, Locale.ENGLISH);
        assertThat(text(robot, "#cash-confirmation")).contains("KES 1,234.50").doesNotContain("234,50");
        speak(robot, Locale.FRENCH);

        robot.clickOn("#cash-confirm");
        waitSaying(robot, () -> text(robot, "#cash-receipt").startsWith("Reçu "));
        assertThat(text(robot, "#cash-receipt")).contains("1" + GROUP + "234,50 KES", customer)
                .doesNotContain("Receipt");
        String receipt = text(robot, "#cash-receipt");
        String number = receipt.substring("Reçu ".length(), receipt.indexOf(' ', "Reçu ".length()));
        robot.clickOn("#cash-receipt-export");
        waitSaying(robot, () -> text(robot, "#cash-message").endsWith(".html"));
        String page = Files.readString(console.dirs().receipts().resolve("receipt-" + number + ".html"));
        assertThat(page).contains("<html lang=\"fr\">", "<h1>Reçu de paiement en espèces</h1>",
                "1" + GROUP + "234,50 KES", "Encaissé par", "T-0042").doesNotContain("Cash receipt", "Amount");
    }

    /** Pins the gateway's key in the supervisor's session, then opens the technician's. */
    private void connectAsTechnician(FxRobot robot) throws TimeoutException {
        ConnectScreen.connect(robot, address.getPort(), 12);
        robot.clickOn("#disconnect");
        waitSaying(robot, () -> session.helloProperty().get() == null);
        session.settings().put(SessionViewModel.SETTING_CREDENTIAL, technician.toString());
        ConnectScreen.pressConnect(robot, address.getPort());
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        waitSaying(robot, () -> session.credential() != null
                && "T-0042".equals(session.credential().technicianId()) && table.getItems().size() == 12);
    }

    private void speak(FxRobot robot, Locale language) {
        Appearance appearance = Appearance.of(stage.getScene()).orElseThrow();
        robot.interact(() -> appearance.useLanguage(language));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void chooseCustomer(FxRobot robot, String customerId) {
        TextField query = robot.lookup("#cash-customer-query").queryAs(TextField.class);
        robot.interact(() -> query.setText(customerId));
        TableView<MeterStatus> found = robot.lookup("#cash-customers").queryTableView();
        waitSaying(robot, () -> found.getItems().size() == 1);
        robot.interact(() -> found.getSelectionModel().select(0));
        waitSaying(robot, () -> found.getSelectionModel().getSelectedItem() != null
                && found.getSelectionModel().getSelectedItem().customerId().equals(customerId));
    }

    private void review(FxRobot robot, String amount) {
        robot.interact(() -> robot.lookup("#cash-amount").queryAs(TextField.class).setText(amount));
        robot.clickOn("#cash-review");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitSaying(FxRobot robot, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the cash desk showed: receipt '" + text(robot, "#cash-receipt")
                    + "', message '" + text(robot, "#cash-message") + "'; session "
                    + session.problemProperty().get(), e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
