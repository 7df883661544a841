package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.GatewaySearch;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.discovery.DiscoveredGateway;
import io.gridside.link.discovery.GatewayAdvert;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
 * The connect screen's "Search the network": it lists what the search found and connects on a click. The search
 * here answers with a simulator on loopback, since these tests must not multicast on this machine's real network;
 * LanDiscoveryTest searches a real one, made of network namespaces.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkSearchTest {

    @TempDir
    static Path home;

    private final AtomicReference<GatewaySearch> answer = new AtomicReference<>();
    private SiteConsole console;
    private SimulatedSite site;
    private InetSocketAddress address;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 10, 37, (time, cancel) -> answer.get().search(time, cancel));
        site = console.site();
        session = console.session();
        address = site.listenTcp(0);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private DiscoveredGateway advertising(String gatewayId) {
        GatewayAdvert advert = new GatewayAdvert(gatewayId, "site-37", "Demo village 37", List.of(1), null);
        return new DiscoveredGateway(advert, advert.instanceName(), List.of(address.getHostString()),
                address.getPort());
    }

    @Test
    void listsTheGatewaysFoundAndConnectsToTheOneClicked(FxRobot robot) throws TimeoutException, IOException {
        String gatewayId = site.gateway().layout().gatewayId();
        answer.set((time, cancel) -> List.of(advertising(gatewayId)));

        robot.clickOn("#search-network");

        ListView<DiscoveredGateway> list = robot.lookup("#discovered").queryListView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(robot.lookup("#search-message").queryAs(Label.class).getText()).contains("One gateway found");
        assertThat(list.getItems().get(0).endpoint()).isEqualTo(address.getHostString() + ":" + address.getPort());
        assertThat(Screens.save(list.getScene(), "connect-search")).exists();
        clickFirstGateway(robot);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == LinkState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-gateway").queryAs(Label.class).getText()).contains(gatewayId);
    }

    @Test
    void refusesAGatewayWhoseHelloNamesAnotherThanItsAdvert(FxRobot robot) throws TimeoutException {
        answer.set((time, cancel) -> List.of(advertising("GW-IMPOST")));

        robot.clickOn("#search-network");
        ListView<DiscoveredGateway> list = robot.lookup("#discovered").queryListView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        clickFirstGateway(robot);

        Label message = robot.lookup("#connect-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().contains("NOT_A_GATEWAY"));
        assertThat(message.getText()).contains("GW-IMPOST", site.gateway().layout().gatewayId(), "did not connect");
        assertThat(session.stateProperty().get()).isEqualTo(LinkState.DISCONNECTED);
    }

    /** Clicks the first gateway of the list once its row shows it. */
    private static void clickFirstGateway(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#discovered .list-cell")
                .queryAll().stream().anyMatch(cell -> ((ListCell<?>) cell).getItem() != null));
        Node row = robot.lookup("#discovered .list-cell").queryAll().stream()
                .filter(cell -> ((ListCell<?>) cell).getItem() != null).findFirst().orElseThrow();
        robot.clickOn(row);
    }

    @Test
    void saysWhenNothingAnsweredOrTheSearchFailed(FxRobot robot) throws TimeoutException {
        answer.set((time, cancel) -> List.of());
        robot.clickOn("#search-network");
        Label message = robot.lookup("#search-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().startsWith("No gateway answered"));

        answer.set((time, cancel) -> {
            throw new IOException("No network interface of this machine is up.");
        });
        robot.clickOn("#search-network");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().contains("No network interface"));
    }
}
