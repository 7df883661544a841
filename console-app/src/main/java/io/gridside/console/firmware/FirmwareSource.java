package io.gridside.console.firmware;

import io.gridside.site.firmware.GatewayInstall;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushProgress;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;

/**
 * Where the Firmware screen's facts come from and its orders go: the open session, in the background, or a test's
 * stand-in. Every callback, progress included, runs on the JavaFX thread; a failure comes as a sentence for the
 * technician.
 */
public interface FirmwareSource {

    /** The fleet as last pulled and stored in the site database. */
    void storedFleet(Consumer<List<FleetMeter>> onLoaded, Consumer<String> onFailure);

    /** Asks the gateway for every meter's hardware and firmware, and stores what it says. */
    Cancel pullFleet(Consumer<List<FleetMeter>> onPulled, Consumer<String> onFailure);

    /** What firmware the gateway itself runs and holds. */
    void gatewayState(Consumer<FirmwareState> onRead, Consumer<String> onFailure);

    /** The sample images of a simulated site, written where the console can read them; none for a real site. */
    void sampleImages(Consumer<List<Path>> onListed);

    /** Reads and checks the image {@code file} against the trusted keys and what the site runs. */
    void review(Path file, Consumer<ImageReview> onReviewed, Consumer<String> onFailure);

    /** Checks, sends and installs the gateway image {@code file}. */
    Cancel pushGateway(Path file, PushProgress progress, Consumer<PushResult> onDone, Consumer<String> onFailure);

    /** Checks and sends the meter image {@code file} to the gateway, which holds it for a campaign. */
    Cancel stageMeterImage(Path file, PushProgress progress, Consumer<PushResult> onDone,
            Consumer<String> onFailure);

    /** Starts a campaign of the staged meter image {@code imageSha256} by {@code policy}. */
    void start(ByteString imageSha256, CampaignPolicy policy, Consumer<CampaignState> onStarted,
            Consumer<String> onFailure);

    /** Pauses, resumes or aborts the campaign {@code campaignId}. */
    void control(String campaignId, ControlCampaign.Action action, Consumer<CampaignState> onDone,
            Consumer<String> onFailure);

    /**
     * Asks the gateway where the campaign {@code campaignIdOrNull} stands (null: the one it runs or ran last), and
     * stores it; hands over null when the gateway never ran one.
     */
    void refresh(String campaignIdOrNull, Consumer<CampaignState> onRefreshed, Consumer<String> onFailure);

    /** The campaigns and gateway installs the site database holds, newest first. */
    void history(Consumer<History> onLoaded, Consumer<String> onFailure);

    /** Whether the technician signed in as a supervisor, whom installing, starting and resuming need. */
    BooleanExpression supervisor();

    /** Whether a gateway is connected now, so that the screen may ask it something. */
    BooleanExpression connected();

    /** The site's time zone, in which the screen shows instants. */
    ZoneId zone();

    /** Runs {@code action} whenever a session opens: another site, or the same one again. */
    void onNewSession(Runnable action);

    /** The stored campaigns and gateway installs, newest first. */
    record History(List<CampaignState> campaigns, List<GatewayInstall> installs) {

        public History {
            campaigns = List.copyOf(campaigns);
            installs = List.copyOf(installs);
        }
    }

    /** Stops work under way; work that has finished is not undone. */
    @FunctionalInterface
    interface Cancel {

        void cancel();
    }
}
