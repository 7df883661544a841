package io.gridside.ui;

import static io.gridside.ui.FirmwareScreen.onFx;
import static io.gridside.ui.FirmwareScreen.text;
import static io.gridside.ui.FirmwareScreen.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.FirmwareState;
import io.gridside.sim.firmware.SampleFirmware;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

/**
 * A gateway image whose trial boot fails its meter-read check, on a simulated site reached over TCP: the screen
 * says the gateway reverted and why, and shows the failed check beside the one that passed.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FirmwareRevertTest {

    private static final int METERS = 24;

    @TempDir
    static Path home;

    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home.resolve(Long.toString(System.nanoTime())), METERS, 17);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void showsTheRevertWithTheFailedHealthCheck(FxRobot robot) throws IOException, TimeoutException {
        console.site().gateway().firmware().update().failHealthCheck("meter-read");
        Path samples = home.resolve("samples");
        SampleFirmware.writeSamples(samples);
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        FirmwareScreen.open(robot);

        assertThat(FirmwareScreen.check(robot, samples.resolve(SampleFirmware.GATEWAY_FILE)))
                .startsWith("This image passed every check");
        FirmwareScreen.showTab(robot, "gateway");
        FirmwareScreen.clickWhenEnabled(robot, "#fw-gateway-send", () -> "the screen said '"
                + text(robot, "#fw-gateway-ready") + "'");
        waitFor("the install's outcome", () -> !text(robot, "#fw-gateway-outcome").isEmpty(),
                () -> "the progress said '" + text(robot, "#fw-gateway-progress-text") + "'");

        assertThat(text(robot, "#fw-gateway-outcome")).startsWith("Reverted: " + SampleFirmware.GATEWAY_VERSION
                + " failed on trial (").endsWith("so the gateway went back to what it ran.");
        TableView<FirmwareState.HealthCheck> checks = onFx(() -> robot.lookup("#fw-gateway-checks")
                .queryTableView());
        List<FirmwareState.HealthCheck> shown = onFx(() -> List.copyOf(checks.getItems()));
        assertThat(shown).filteredOn(check -> !check.passed()).extracting(FirmwareState.HealthCheck::name)
                .containsExactly("meter-read");
        assertThat(console.site().gateway().firmware().update().runningVersion()).isNotEqualTo(
                SampleFirmware.GATEWAY_VERSION);
        Screens.save(FirmwareScreen.scene(robot), "firmware-reverted");
    }
}
