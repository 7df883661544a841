package io.gridside.console.firmware;

import io.gridside.console.Sentence;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.ConsoleSession;
import io.gridside.console.service.SessionFirmware;
import io.gridside.console.service.firmware.FirmwareTrust;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushProgress;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskContext;
import io.gridside.link.auth.Role;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.HelloReply;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.sim.firmware.SampleFirmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.concurrent.Task;

/**
 * The Firmware screen's facts and orders on the open session, each as a task of the task list, which shows its
 * progress and can cancel it. A failure reaches the screen as a sentence with its code.
 */
public final class SessionFirmwareSource implements FirmwareSource {

    private final SessionViewModel session;
    private final BooleanBinding connected;
    private final BooleanBinding supervisor;

    public SessionFirmwareSource(SessionViewModel session) {
        this.session = session;
        this.connected = session.stateProperty().isEqualTo(LinkState.CONNECTED);
        this.supervisor = Bindings.createBooleanBinding(() -> isSupervisor(session.helloProperty().get()),
                session.helloProperty());
    }

    private static boolean isSupervisor(HelloReply hello) {
        try {
            return hello != null && Role.ofWireName(hello.role()) == Role.SUPERVISOR;
        } catch (IllegalArgumentException unknownRole) {
            return false;
        }
    }

    private SessionFirmware firmware(ConsoleSession open) throws IOException {
        return open.firmware(FirmwareTrust.load(session.dirs().data()));
    }

    @Override
    public void storedFleet(Consumer<List<FleetMeter>> onLoaded, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.firmware.storedFleet"),
                (open, context) -> firmware(open).storedFleet(), onLoaded, words(onFailure));
    }

    @Override
    public Cancel pullFleet(Consumer<List<FleetMeter>> onPulled, Consumer<String> onFailure) {
        return cancelOf(session.loadOnSession(Sentence.of("task.firmware.fleet"),
                (open, context) -> firmware(open).pullFleet(context), onPulled, words(onFailure)));
    }

    @Override
    public void gatewayState(Consumer<FirmwareState> onRead, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.firmware.gatewayState"),
                (open, context) -> firmware(open).gatewayState(), onRead, words(onFailure));
    }

    /**
     * Writes the demo site's sample images into the console's runtime folder. KNOWN SHORTCOMING: only the demo
     * started inside the console is known to be simulated; a simulated site reached over TCP or serial lists none,
     * and its samples are chosen as files.
     */
    @Override
    public void sampleImages(Consumer<List<Path>> onListed) {
        session.loadOnSession(Sentence.of("task.firmware.samples"), (open, context) -> {
            if (!(open.target() instanceof ConnectionTarget.Demo)) {
                return List.<Path>of();
            }
            Path folder = session.dirs().runtime().resolve("sample-firmware");
            SampleFirmware.writeSamples(folder);
            return List.of(folder.resolve(SampleFirmware.GATEWAY_FILE), folder.resolve(SampleFirmware.METER_FILE))
                    .stream().filter(Files::isRegularFile).toList();
        }, onListed, failure -> onListed.accept(List.of()));
    }

    @Override
    public void review(Path file, Consumer<ImageReview> onReviewed, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.firmware.review", file.getFileName()),
                (open, context) -> firmware(open).review(file, context), onReviewed, words(onFailure));
    }

    @Override
    public Cancel pushGateway(Path file, PushProgress progress, Consumer<PushResult> onDone,
            Consumer<String> onFailure) {
        return cancelOf(session.runOnSession(Sentence.of("task.firmware.pushGateway", file.getFileName()),
                (open, context) -> firmware(open).pushGateway(file, onFx(progress, context), context), onDone,
                words(onFailure)));
    }

    @Override
    public Cancel stageMeterImage(Path file, PushProgress progress, Consumer<PushResult> onDone,
            Consumer<String> onFailure) {
        return cancelOf(session.runOnSession(Sentence.of("task.firmware.stage", file.getFileName()),
                (open, context) -> firmware(open).stageMeterImage(file, onFx(progress, context), context), onDone,
                words(onFailure)));
    }

    /** Hands progress to the task list at once and to the screen on the JavaFX thread. */
    private static PushProgress onFx(PushProgress screen, TaskContext context) {
        return (phase, held, chunkCount, bytesSent) -> {
            context.update(Sentence.of("firmware.phase." + phase), held, chunkCount == 0 ? -1 : chunkCount);
            Platform.runLater(() -> screen.onProgress(phase, held, chunkCount, bytesSent));
        };
    }

    @Override
    public void start(ByteString imageSha256, CampaignPolicy policy, Consumer<CampaignState> onStarted,
            Consumer<String> onFailure) {
        session.runOnSession(Sentence.of("task.firmware.start"),
                (open, context) -> firmware(open).start(imageSha256, policy), onStarted, words(onFailure));
    }

    @Override
    public void control(String campaignId, ControlCampaign.Action action, Consumer<CampaignState> onDone,
            Consumer<String> onFailure) {
        session.runOnSession(Sentence.of("task.firmware.control", action.name().toLowerCase()),
                (open, context) -> firmware(open).control(campaignId, action), onDone, words(onFailure));
    }

    @Override
    public void refresh(String campaignIdOrNull, Consumer<CampaignState> onRefreshed, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.firmware.refresh"),
                (open, context) -> firmware(open).refresh(campaignIdOrNull), onRefreshed, words(onFailure));
    }

    @Override
    public void history(Consumer<History> onLoaded, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.firmware.history"), (open, context) -> {
            SessionFirmware firmware = firmware(open);
            return new History(firmware.history(), firmware.installs());
        }, onLoaded, words(onFailure));
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
        HelloReply hello = session.helloProperty().get();
        return hello == null ? ZoneOffset.UTC : ZoneId.of(hello.timeZone());
    }

    /** Runs {@code action} once a new session is connected: the hello comes a moment before the state says so. */
    @Override
    public void onNewSession(Runnable action) {
        session.onNewSession(hello -> {
            if (hello != null) {
                Platform.runLater(action);
            }
        });
    }

    private static Consumer<Throwable> words(Consumer<String> onFailure) {
        return failure -> onFailure.accept(SessionViewModel.describe(failure));
    }

    private static Cancel cancelOf(Task<?> task) {
        return () -> {
            if (task != null) {
                task.cancel();
            }
        };
    }
}
