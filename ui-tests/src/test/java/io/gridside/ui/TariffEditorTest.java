package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.site.Customer;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

/** The tariffs screen on the demo site, which bills flat: a price edited in the draft moves the month's bill. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TariffEditorTest {

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
        // As high as a 1366x768 laptop's screen; the headless screen is 1280 wide.
        stage.setHeight(768);
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    /**
     * The demo's flat tariff has one open block and no tax, levy or minimum. Raising its price by KES 10.00/kWh
     * (1,000 cents a kWh, one cent a Wh) raises every Wh of the month by exactly one cent, so the month's energy
     * charge, and with it the total, rise by exactly as many cents as the customer read Wh.
     */
    @Test
    void aPriceEditedInTheDraftMovesTheMonthsBillByTheHandComputedAmount(FxRobot robot)
            throws TimeoutException, IOException {
        openTariffs(robot);
        ComboBox<Customer> customer = robot.lookup("#tariff-customer").queryComboBox();
        robot.interact(() -> customer.getSelectionModel().selectFirst());
        TableView<TariffPreview.Row> table = robot.lookup("#tariff-preview-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        ComboBox<YearMonth> month = robot.lookup("#tariff-month").queryComboBox();
        assertThat(month.getValue()).isNotNull();

        TextField price = robot.lookup("#block-price-0").queryAs(TextField.class);
        String raised = new BigDecimal(price.getText()).add(BigDecimal.TEN).toPlainString();
        robot.clickOn(price);
        robot.interact(price::selectAll);
        robot.write(raised);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            TariffPreview.Row first = table.getItems().isEmpty() ? null : table.getItems().get(0);
            return first != null && first.proposedPrice() != null
                    && first.proposedPrice() - first.currentPrice() == 10_000_000L;
        });
        TariffPreview.Row total = table.getItems().get(table.getItems().size() - 1);
        TariffPreview.Row energy = table.getItems().get(0);
        assertThat(energy.currentWh()).isPositive();
        assertThat(total.kind()).isEqualTo(TariffPreview.Row.Kind.TOTAL);
        assertThat(total.differenceUnits()).isEqualTo(energy.currentWh());
        assertThat(robot.lookup("#tariff-preview-total").queryAs(Label.class).getText())
                .endsWith("+KES " + BigDecimal.valueOf(energy.currentWh(), 2).toPlainString());
        assertThat(robot.lookup("#tariff-problems").queryAs(Label.class).getText()).contains("valid");
        assertThat(robot.lookup("#tariff-save").queryAs(Button.class).isDisabled()).isFalse();
        Files.copy(Screens.save(table.getScene(), "tariffs"), Path.of("/tmp/tariffui-tariffs.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBandEndingOffTheQuarterHourShowsItsFieldErrorAndSaveIsDisabledUntilItGoes(FxRobot robot)
            throws TimeoutException, IOException {
        openTariffs(robot);
        Button save = robot.lookup("#tariff-save").queryAs(Button.class);
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn("#add-band");
        TextField to = robot.lookup("#band-to-0").queryAs(TextField.class);
        robot.clickOn(to);
        robot.interact(to::selectAll);
        robot.write("18:10");
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#band-error-0").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("to: must be a time HH:MM on the quarter hour, or 24:00, was 18:10");
        assertThat(error.isVisible()).isTrue();
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#tariff-problems").queryAs(Label.class).getText()).contains("to fix");
        Files.copy(Screens.save(save.getScene(), "tariffs-bad-band"), Path.of("/tmp/tariffui-bad-band.png"),
                StandardCopyOption.REPLACE_EXISTING);

        robot.clickOn("#band-remove-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#band-error-0").tryQuery()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
    }

    private void openTariffs(FxRobot robot) throws TimeoutException {
        robot.clickOn("#connect-demo");
        TableView<MeterStatus> meters = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> meters.getItems().size() == 60);
        robot.clickOn("#nav-tariffs");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#block-price-0").tryQuery().isPresent());
    }
}
