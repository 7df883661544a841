package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.TableColumn;
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

/** The Meters view shows the lifeline power limit of each unprotected household's meter, and none for the rest. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetersPowerLimitTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 24;

    @TempDir
    static Path home;

    private SimulatedSite site;
    private InetSocketAddress address;
    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        System.setProperty("gridside.home", home.toString());
        site = SimulatedSite.start(new SiteSpec(METERS, 31, 1, NOW).withBilling(SimBilling.REALISTIC),
                SimClock.manual(NOW));
        address = site.listenTcp(0);
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        session = new SessionViewModel(tasks, dirs, SupervisorCredential.settingsFor(dirs, home, site, NOW));
        stage.setScene(GridsideApp.createScene(session));
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
        site.close();
    }

    @Test
    void showsTheLimitOfLifelineHouseholdsAndNoneForShopsMillsAndProtectedCustomers(FxRobot robot)
            throws TimeoutException, IOException {
        TableView<MeterStatus> table = ConnectScreen.connect(robot, address.getPort(), METERS);
        robot.clickOn("#nav-meters");
        TableColumn<MeterStatus, ?> limit = table.getColumns().stream()
                .filter(column -> "col-limit".equals(column.getId())).findFirst().orElseThrow();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(meter -> "250 W".equals(limit.getCellData(meter))));

        BillingConfig config = BillingConfigDocument.decode(site.gateway().billingConfig());
        Map<String, Customer> customers = site.gateway().layout().customers().stream()
                .collect(Collectors.toMap(Customer::customerId, Function.identity()));
        assertThat(table.getItems()).allSatisfy(meter -> {
            Customer customer = customers.get(meter.customerId());
            boolean lifeline = customer.category() == CustomerCategory.HOUSEHOLD
                    && !config.terms().neverDisconnect().contains(customer.customerId());
            assertThat(limit.getCellData(meter)).as(meter.meterId()).isEqualTo(lifeline ? "250 W" : "none");
        });
        assertThat(table.getItems()).anyMatch(meter -> "none".equals(limit.getCellData(meter)));
        assertThat(Screens.save(table.getScene(), "meters-power-limit")).exists();
    }
}
