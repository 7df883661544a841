package io.gridside.ui;

import static io.gridside.ui.FirmwareScreen.clickWhenEnabled;
import static io.gridside.ui.FirmwareScreen.onFx;
import static io.gridside.ui.FirmwareScreen.scene;
import static io.gridside.ui.FirmwareScreen.showTab;
import static io.gridside.ui.FirmwareScreen.text;
import static io.gridside.ui.FirmwareScreen.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.firmware.WaveRow;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.sim.firmware.SampleFirmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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
 * The Firmware screen on the demo site, opened the way a technician does it: the site's sample images are listed,
 * a damaged copy is refused with its reason and cannot be sent, the gateway sample passes its checks, is sent and
 * installed and its outcome shows with the health checks, and the history holds the install. Then the fleet's
 * versions are charted, the meter sample's campaign is previewed and follows an edited policy, and the campaign is
 * started, paused, resumed and aborted, and kept in the history.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@SuppressWarnings({"unchecked", "rawtypes"})
class FirmwareScreenTest {

    private static final double LAPTOP_HEIGHT = 728;

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
        stage.show();
        // The height a 1366x768 laptop screen leaves a window, so every step is done as it would be there.
        stage.setHeight(LAPTOP_HEIGHT);
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    @Test
    void checksImagesAndUpdatesTheDemoGateway(FxRobot robot) throws IOException, TimeoutException {
        openFirmwareScreen(robot);
        List<Path> samples = listsTheSampleImages(robot);

        refusesADamagedImageWithItsReason(robot, damagedCopyOf(samples.get(0)));
        acceptsTheGatewaySample(robot, samples.get(0));
        sendsAndInstallsIt(robot);
        Screens.save(scene(robot), "firmware-gateway");
        keepsTheInstallInTheHistory(robot);

        showsTheFleetByVersion(robot);
        acceptsTheMeterSample(robot, samples.get(1));
        previewsThePlanAndFollowsAnEditedPolicy(robot);
        Screens.save(scene(robot), "firmware-plan");
        startsPausesResumesAndAbortsTheCampaign(robot);
        Screens.save(scene(robot), "firmware-campaign");
        showTab(robot, "history");
        TableView<CampaignState> campaigns = onFx(() -> robot.lookup("#fw-history-campaigns").queryTableView());
        waitFor("the campaign in the history", () -> onFx(() -> campaigns.getItems().size()) == 1,
                () -> "the history held " + onFx(() -> List.copyOf(campaigns.getItems())));
        Screens.save(scene(robot), "firmware-history");
    }

    private void showsTheFleetByVersion(FxRobot robot) throws IOException, TimeoutException {
        showTab(robot, "fleet");
        waitFor("the fleet pulled when the screen first showed", () -> text(robot, "#fw-fleet-summary")
                .startsWith("60 meters run "), () -> "the screen said '" + text(robot, "#fw-fleet-summary") + "'");
        StackedBarChart<String, Number> chart = onFx(() -> robot.lookup("#fw-fleet-chart")
                .queryAs(StackedBarChart.class));
        int meters = onFx(() -> chart.getData().stream().flatMap(series -> series.getData().stream())
                .mapToInt(bar -> bar.getYValue().intValue()).sum());
        assertThat(meters).isEqualTo(60);
        assertThat(onFx(() -> chart.getData().stream().map(XYChart.Series::getName).toList()))
                .allSatisfy(name -> assertThat(name).startsWith("mtr-r"));
        labelsEveryBarAndShowsItsThinnestSegment(robot, chart);
        assertThat(text(robot, "#fw-fleet-gateway")).startsWith("Gateway: " + SampleFirmware.GATEWAY_VERSION
                + " (slot ").endsWith(", confirmed)");
        Screens.save(scene(robot), "firmware-fleet");
    }

    /** Each bar's total stands above it, and a segment of one meter is tall enough to see. */
    private static void labelsEveryBarAndShowsItsThinnestSegment(FxRobot robot,
            StackedBarChart<String, Number> chart) {
        List<String> totals = onFx(() -> robot.lookup(".fleet-total").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(totals).hasSize(onFx(() -> chart.getData().get(0).getData().size()));
        assertThat(totals.stream().mapToInt(Integer::parseInt).sum()).isEqualTo(60);
        List<Double> heights = onFx(() -> chart.getData().stream().flatMap(series -> series.getData().stream())
                .filter(bar -> bar.getYValue().intValue() > 0).map(bar -> ((Region) bar.getNode()).getHeight())
                .toList());
        assertThat(heights).allSatisfy(height -> assertThat(height).isGreaterThanOrEqualTo(8.0));
    }

    private void acceptsTheMeterSample(FxRobot robot, Path sample) throws TimeoutException {
        showTab(robot, "image");
        ComboBox<Path> images = comboBox(robot, "#fw-image-choice");
        robot.interact(() -> images.setValue(sample));
        waitFor("the meter sample's checks", () -> text(robot, "#fw-image-message").startsWith("This image "
                + "passed every check"), () -> "the screen said '" + text(robot, "#fw-image-message") + "'");
        assertThat(text(robot, "#fw-detail-version")).isEqualTo(SampleFirmware.METER_VERSION);
    }

    private void previewsThePlanAndFollowsAnEditedPolicy(FxRobot robot) throws TimeoutException {
        showTab(robot, "campaign");
        waitFor("the wave preview", () -> text(robot, "#fw-plan-summary").startsWith(SampleFirmware.METER_VERSION
                + ": "), () -> "the screen said '" + text(robot, "#fw-plan-summary") + "'");
        TableView<WaveRow> waves = onFx(() -> robot.lookup("#fw-plan-waves").queryTableView());
        List<WaveRow> planned = onFx(() -> List.copyOf(waves.getItems()));
        assertThat(planned).hasSizeGreaterThan(1);
        assertThat(planned.get(0).hardwareMix()).contains("mtr-r");
        VirtualFlow<?> rows = onFx(() -> (VirtualFlow<?>) waves.lookup(".virtual-flow"));
        assertThat(onFx(() -> rows.getLastVisibleCell().getIndex())).as("the last wave seen without scrolling")
                .isEqualTo(planned.size() - 1);
        TableView<Map.Entry<String, String>> excluded = onFx(() -> robot.lookup("#fw-plan-excluded")
                .queryTableView());
        assertThat(onFx(() -> List.copyOf(excluded.getItems()))).allSatisfy(left -> assertThat(left.getValue())
                .isNotBlank());

        Spinner<Integer> firstWave = onFx(() -> robot.lookup("#fw-policy-first-wave").queryAs(Spinner.class));
        robot.interact(() -> firstWave.getValueFactory().setValue(3));
        waitFor("the plan with a first wave of 3", () -> onFx(() -> waves.getItems().get(1).size()) == 3,
                () -> "the waves were " + onFx(() -> List.copyOf(waves.getItems())));
    }

    private void startsPausesResumesAndAbortsTheCampaign(FxRobot robot) throws TimeoutException {
        robot.clickOn(onFx(() -> robot.lookup("#fw-campaign-start").queryAs(Button.class)));
        waitFor("the campaign running", () -> text(robot, "#fw-campaign-state").contains(": running;"),
                () -> "the screen said '" + text(robot, "#fw-campaign-state") + "', '"
                        + text(robot, "#fw-campaign-staging-text") + "' and '" + text(robot, "#fw-campaign-message")
                        + "'");
        VBox bars = onFx(() -> robot.lookup("#fw-campaign-waves").queryAs(VBox.class));
        assertThat(onFx(() -> bars.getChildren().size())).isGreaterThan(1);
        TableView<CampaignState.MeterUpdate> meters = onFx(() -> robot.lookup("#fw-campaign-meters")
                .queryTableView());
        assertThat(onFx(() -> meters.getItems().size())).isGreaterThan(1);

        Supplier<String> state = () -> "the campaign stood at '" + text(robot, "#fw-campaign-state") + "'";
        clickWhenEnabled(robot, "#fw-campaign-pause", state);
        waitFor("the campaign paused", () -> text(robot, "#fw-campaign-state").contains(": paused;"),
                () -> "the screen said '" + text(robot, "#fw-campaign-state") + "'");
        clickWhenEnabled(robot, "#fw-campaign-resume", state);
        waitFor("the campaign resumed", () -> !text(robot, "#fw-campaign-state").contains(": paused;"),
                () -> "the screen said '" + text(robot, "#fw-campaign-state") + "'");
        clickWhenEnabled(robot, "#fw-campaign-abort", state);
        waitFor("the campaign aborted", () -> text(robot, "#fw-campaign-state").contains(": aborted;"),
                () -> "the screen said '" + text(robot, "#fw-campaign-state") + "' and '"
                        + text(robot, "#fw-campaign-message") + "'");
    }

    private void openFirmwareScreen(FxRobot robot) {
        robot.clickOn("#connect-demo");
        waitFor("the demo site's gateway", () -> onFx(() -> session.stateProperty().get() == LinkState.CONNECTED),
                () -> "the connect screen said '" + text(robot, "#problem") + "'");
        FirmwareScreen.open(robot);
        Label title = onFx(() -> robot.lookup("#site-title").queryAs(Label.class));
        String shown = onFx(() -> ((Text) title.lookup(".text")).getText());
        assertThat(shown).as("the site's name in the toolbar").isEqualTo(onFx(title::getText)).startsWith("Demo");
    }

    private List<Path> listsTheSampleImages(FxRobot robot) throws TimeoutException {
        showTab(robot, "image");
        ComboBox<Path> images = comboBox(robot, "#fw-image-choice");
        waitFor("the demo site's two sample images", () -> onFx(() -> images.getItems().size()) == 2,
                () -> "the list held " + onFx(() -> List.copyOf(images.getItems())));
        List<Path> samples = onFx(() -> List.copyOf(images.getItems()));
        assertThat(samples).extracting(path -> path.getFileName().toString())
                .containsExactly(SampleFirmware.GATEWAY_FILE, SampleFirmware.METER_FILE);
        return samples;
    }

    /** A copy of {@code image} with one byte of its last chunk flipped. */
    private static Path damagedCopyOf(Path image) throws IOException {
        byte[] bytes = Files.readAllBytes(image);
        bytes[bytes.length - 100] ^= 0x5a;
        Path damaged = home.resolve("damaged-" + image.getFileName());
        Files.write(damaged, bytes);
        return damaged;
    }

    private void refusesADamagedImageWithItsReason(FxRobot robot, Path damaged) throws IOException,
            TimeoutException {
        assertThat(FirmwareScreen.check(robot, damaged)).startsWith("Refused:");

        assertThat(text(robot, "#fw-image-message")).contains("[FIRMWARE_DAMAGED]").endsWith("It cannot be sent.");
        TableView<ImageReview.Check> checks = onFx(() -> robot.lookup("#fw-checks").queryTableView());
        assertThat(onFx(() -> List.copyOf(checks.getItems()))).anySatisfy(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.detail()).isNotBlank();
        });
        Screens.save(scene(robot), "firmware-refused");
        showTab(robot, "gateway");
        assertThat(onFx(() -> robot.lookup("#fw-gateway-send").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(text(robot, "#fw-gateway-ready")).startsWith("Choose a gateway image that passed");
    }

    private void acceptsTheGatewaySample(FxRobot robot, Path sample) throws TimeoutException {
        showTab(robot, "image");
        ComboBox<Path> images = comboBox(robot, "#fw-image-choice");
        robot.interact(() -> images.setValue(sample));
        waitFor("the gateway sample's checks", () -> text(robot, "#fw-image-message").startsWith("This image "
                + "passed every check"), () -> "the screen said '" + text(robot, "#fw-image-message") + "'");

        assertThat(text(robot, "#fw-detail-version")).isEqualTo(SampleFirmware.GATEWAY_VERSION);
        assertThat(text(robot, "#fw-detail-hardware")).isEqualTo(SampleFirmware.GATEWAY_HARDWARE);
        assertThat(text(robot, "#fw-detail-counter")).isEqualTo(Long.toString(SampleFirmware.GATEWAY_COUNTER));
        assertThat(text(robot, "#fw-detail-chunks")).isEqualTo("64 of 16 KiB");
        assertThat(text(robot, "#fw-detail-signer")).isNotEqualTo("not signed");
        TableView<ImageReview.Check> checks = onFx(() -> robot.lookup("#fw-checks").queryTableView());
        assertThat(onFx(() -> List.copyOf(checks.getItems()))).allSatisfy(check -> assertThat(check.passed())
                .isTrue());
    }

    private void sendsAndInstallsIt(FxRobot robot) throws TimeoutException {
        showTab(robot, "gateway");
        assertThat(text(robot, "#fw-gateway-ready")).isEqualTo("Ready to send " + SampleFirmware.GATEWAY_VERSION
                + " to the gateway and install it.");
        Button send = onFx(() -> robot.lookup("#fw-gateway-send").queryAs(Button.class));
        robot.clickOn(send);
        waitFor("the install's outcome", () -> !text(robot, "#fw-gateway-outcome").isEmpty(),
                () -> "the progress said '" + text(robot, "#fw-gateway-progress-text") + "'");

        assertThat(text(robot, "#fw-gateway-outcome")).isEqualTo("Confirmed: the gateway runs "
                + SampleFirmware.GATEWAY_VERSION + " and it passed its health checks.");
        assertThat(text(robot, "#fw-gateway-progress-text"))
                .isEqualTo("64 of 64 chunks sent, 0 held already.");
        TableView<FirmwareState.HealthCheck> checks = onFx(() -> robot.lookup("#fw-gateway-checks")
                .queryTableView());
        assertThat(onFx(() -> List.copyOf(checks.getItems()))).isNotEmpty()
                .allSatisfy(check -> assertThat(check.passed()).isTrue());
        assertThat(onFx(send::isDisabled)).isFalse();
        waitFor("the gateway's new version", () -> text(robot, "#fw-gateway-running").equals("Gateway: "
                + SampleFirmware.GATEWAY_VERSION + " (slot B, confirmed)"),
                () -> "the screen said '" + text(robot, "#fw-gateway-running") + "'");
        assertThat(text(robot, "#fw-gateway-ready")).isEqualTo("The gateway runs " + SampleFirmware.GATEWAY_VERSION
                + " already; sending it again changes nothing.");
    }

    private void keepsTheInstallInTheHistory(FxRobot robot) throws TimeoutException {
        showTab(robot, "history");
        TableView<GatewayInstall> installs = onFx(() -> robot.lookup("#fw-history-installs").queryTableView());
        waitFor("the install in the history", () -> onFx(() -> installs.getItems().size()) == 1,
                () -> "the history held " + onFx(() -> List.copyOf(installs.getItems())));
        GatewayInstall install = onFx(() -> installs.getItems().get(0));
        assertThat(install.version()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
        assertThat(install.confirmed()).isTrue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ComboBox<Path> comboBox(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(ComboBox.class));
    }
}
