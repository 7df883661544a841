package io.gridside.console.firmware;

import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushPhase;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A stand-in for the session: answers at once, or holds an answer back until the test releases it, and writes
 * down what the screen asked.
 */
final class FakeFirmwareSource implements FirmwareSource {

    final BooleanProperty connected = new SimpleBooleanProperty(true);
    final BooleanProperty supervisor = new SimpleBooleanProperty(true);
    final List<String> asked = new ArrayList<>();
    final Map<Path, ImageReview> reviews = new HashMap<>();
    List<FleetMeter> stored = List.of();
    List<FleetMeter> pulled = List.of();
    /** When set, a fleet pull fails with this sentence. */
    String pullFailure;
    List<Path> samples = List.of();
    /** What the gateway says it runs; null makes the question fail. */
    FirmwareState gatewayState = new FirmwareState("gw-sim-r1", new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true),
            null, null, List.of(), null);
    History history = new History(List.of(), List.of());
    /** What the gateway says of its campaign when asked, started or controlled; null for none. */
    CampaignState campaign;
    PushResult pushResult;
    String pushFailure;
    /** When set, a push reports progress and waits here for the test to finish it. */
    boolean holdPush;
    PushProgress heldProgress;
    Consumer<PushResult> heldDone;
    boolean cancelled;
    CampaignPolicy startedWith;
    ControlCampaign.Action controlled;
    Consumer<CampaignState> heldRefresh;
    boolean holdRefresh;
    private Runnable newSession = () -> { };

    @Override
    public void gatewayState(Consumer<FirmwareState> onRead, Consumer<String> onFailure) {
        asked.add("gateway state");
        if (gatewayState == null) {
            onFailure.accept("The gateway did not answer.");
        } else {
            onRead.accept(gatewayState);
        }
    }

    @Override
    public void storedFleet(Consumer<List<FleetMeter>> onLoaded, Consumer<String> onFailure) {
        asked.add("stored fleet");
        onLoaded.accept(stored);
    }

    @Override
    public Cancel pullFleet(Consumer<List<FleetMeter>> onPulled, Consumer<String> onFailure) {
        asked.add("pull fleet");
        if (pullFailure != null) {
            onFailure.accept(pullFailure);
        } else {
            onPulled.accept(pulled);
        }
        return () -> cancelled = true;
    }

    @Override
    public void sampleImages(Consumer<List<Path>> onListed) {
        onListed.accept(samples);
    }

    @Override
    public void review(Path file, Consumer<ImageReview> onReviewed, Consumer<String> onFailure) {
        asked.add("review " + file);
        ImageReview review = reviews.get(file);
        if (review == null) {
            onFailure.accept("The file " + file + " could not be read.");
        } else {
            onReviewed.accept(review);
        }
    }

    @Override
    public Cancel pushGateway(Path file, PushProgress progress, Consumer<PushResult> onDone,
            Consumer<String> onFailure) {
        asked.add("push gateway " + file);
        return push(progress, onDone, onFailure);
    }

    @Override
    public Cancel stageMeterImage(Path file, PushProgress progress, Consumer<PushResult> onDone,
            Consumer<String> onFailure) {
        asked.add("stage " + file);
        return push(progress, onDone, onFailure);
    }

    private Cancel push(PushProgress progress, Consumer<PushResult> onDone, Consumer<String> onFailure) {
        progress.onProgress(PushPhase.OFFERING, 0, 0, 0);
        if (holdPush) {
            heldProgress = progress;
            heldDone = onDone;
        } else if (pushFailure != null) {
            onFailure.accept(pushFailure);
        } else {
            progress.onProgress(PushPhase.DONE, pushResult.chunkCount(), pushResult.chunkCount(), 0);
            onDone.accept(pushResult);
        }
        return () -> cancelled = true;
    }

    @Override
    public void start(ByteString imageSha256, CampaignPolicy policy, Consumer<CampaignState> onStarted,
            Consumer<String> onFailure) {
        asked.add("start " + imageSha256.hex());
        startedWith = policy;
        onStarted.accept(campaign);
    }

    @Override
    public void control(String campaignId, ControlCampaign.Action action, Consumer<CampaignState> onDone,
            Consumer<String> onFailure) {
        asked.add(action + " " + campaignId);
        controlled = action;
        onDone.accept(campaign);
    }

    @Override
    public void refresh(String campaignIdOrNull, Consumer<CampaignState> onRefreshed, Consumer<String> onFailure) {
        asked.add("refresh " + campaignIdOrNull);
        if (holdRefresh) {
            heldRefresh = onRefreshed;
        } else {
            onRefreshed.accept(campaign);
        }
    }

    @Override
    public void history(Consumer<History> onLoaded, Consumer<String> onFailure) {
        asked.add("history");
        onLoaded.accept(history);
    }

    @Override
    public BooleanExpression supervisor() {
        return supervisor;
    }

    @Override
    public BooleanExpression connected() {
        return connected;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Africa/Nairobi");
    }

    @Override
    public void onNewSession(Runnable action) {
        newSession = action;
    }

    void openNewSession() {
        newSession.run();
    }
}
