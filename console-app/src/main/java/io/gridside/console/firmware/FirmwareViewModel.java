package io.gridside.console.firmware;

import io.gridside.console.I18n;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Firmware screen's state: the fleet as stored and pulled, the chosen image and its review, the gateway's
 * update, the campaign (see {@link CampaignViewModel}) and the history. Changes happen on the JavaFX thread; the
 * source does the work in the background.
 */
public final class FirmwareViewModel {

    private final FirmwareSource source;
    private final ObservableList<FleetMeter> fleet = FXCollections.observableArrayList();
    private final ObjectProperty<FleetVersions> versions = new SimpleObjectProperty<>(FleetVersions.of(List.of()));
    private final StringProperty fleetText = new SimpleStringProperty("");
    private final BooleanProperty fleetProblem = new SimpleBooleanProperty();
    private final StringProperty gatewayText = new SimpleStringProperty("");
    private final ObjectProperty<FirmwareState.Slot> gatewayRunning = new SimpleObjectProperty<>();
    private final ObservableList<Path> images = FXCollections.observableArrayList();
    private final ObjectProperty<Path> image = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageReview> review = new SimpleObjectProperty<>();
    private final StringProperty imageText = new SimpleStringProperty("");
    private final Transfer gatewayTransfer;
    private final ObjectProperty<FirmwareState.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<CampaignState> campaigns = FXCollections.observableArrayList();
    private final ObservableList<GatewayInstall> installs = FXCollections.observableArrayList();
    private final StringProperty historyText = new SimpleStringProperty("");
    private final CampaignViewModel campaign;
    private boolean loaded;
    // KNOWN SHORTCOMING: stays true after a disconnect, so a screen shown unloaded when the next site connects
    // may read twice (at the connection, then at the new session).
    private boolean sessionKnown;
    private boolean showing;
    private FirmwareSource.Cancel fleetPull;
    private final ChangeListener<Boolean> connectedAgain = (obs, was, now) -> {
        if (now && showing && sessionKnown) {
            shown();
        }
    };

    public FirmwareViewModel(FirmwareSource source) {
        this(source, System::nanoTime);
    }

    /** A screen whose transfer rates are timed by {@code nanoClock}. */
    public FirmwareViewModel(FirmwareSource source, LongSupplier nanoClock) {
        this.source = source;
        this.gatewayTransfer = new Transfer(nanoClock);
        this.campaign = new CampaignViewModel(source, fleet, review, new Transfer(nanoClock), this::loadHistory);
        fleetText.set(I18n.text("firmware.fleet.none"));
        imageText.set(I18n.text("firmware.image.none"));
        gatewayText.set(I18n.text("firmware.fleet.gatewayUnknown"));
        source.onNewSession(this::sessionOpened);
        // A link back up after a drop opens no new session: the screen shown meanwhile reads once it is connected.
        // A new session's own reading waits for sessionOpened, which comes just after it connected.
        // Weakly: the source outlives the screens a language switch replaces, and must not keep this one.
        source.connected().addListener(new WeakChangeListener<>(connectedAgain));
    }

    /**
     * Reads what the site database holds the first time the screen shows in a session, and asks the gateway how its
     * campaign stands.
     */
    public void shown() {
        showing = true;
        if (!loaded && source.connected().get()) {
            loaded = true;
            loadStoredFleet();
            readGateway();
            listSamples();
            loadHistory();
            campaign.refresh();
        }
    }

    /** The screen went out of sight; it reads nothing more until it shows again. */
    public void hidden() {
        showing = false;
    }

    private void sessionOpened() {
        sessionKnown = true;
        loaded = false;
        fleet.clear();
        versions.set(FleetVersions.of(List.of()));
        review.set(null);
        outcome.set(null);
        gatewayText.set(I18n.text("firmware.fleet.gatewayUnknown"));
        gatewayRunning.set(null);
        campaign.forget();
        if (showing) {
            shown();
        }
    }

    /** Shows the stored fleet; a site whose fleet was never pulled has it pulled at once while connected. */
    private void loadStoredFleet() {
        source.storedFleet(stored -> {
            showFleet(stored);
            if (stored.isEmpty() && source.connected().get()) {
                pullFleet();
            }
        }, this::fleetFailed);
    }

    private void fleetFailed(String problem) {
        fleetText.set(problem);
        fleetProblem.set(true);
    }

    /** Pulls the fleet from the gateway, with progress in the task list; the pull can be cancelled there. */
    public void pullFleet() {
        fleetText.set(I18n.text("firmware.fleet.pulling"));
        fleetProblem.set(false);
        fleetPull = source.pullFleet(pulled -> {
            fleetPull = null;
            showFleet(pulled);
        }, problem -> {
            fleetPull = null;
            fleetFailed(problem);
        });
    }

    private void showFleet(List<FleetMeter> meters) {
        fleetProblem.set(false);
        fleet.setAll(meters);
        versions.set(FleetVersions.of(meters));
        FleetVersions shown = versions.get();
        fleetText.set(meters.isEmpty() ? I18n.text("firmware.fleet.none")
                : I18n.text("firmware.fleet.summary", meters.size(), shown.versions().size(),
                        shown.hardwareIds().size()));
    }

    /** Asks the gateway what it runs, for the line above the chart: the meters' versions are not all of it. */
    private void readGateway() {
        source.gatewayState(state -> {
            gatewayRunning.set(state.running());
            gatewayText.set(gatewayLine(state.running()));
        }, problem -> {
            gatewayRunning.set(null);
            gatewayText.set(I18n.text("firmware.fleet.gatewayUnknown"));
        });
    }

    static String gatewayLine(FirmwareState.Slot running) {
        return I18n.text("firmware.fleet.gateway", running.version(), running.name(), I18n.text(
                running.confirmed() ? "firmware.fleet.gatewayConfirmed" : "firmware.fleet.gatewayTrial"));
    }

    private void listSamples() {
        source.sampleImages(samples -> {
            for (Path sample : samples) {
                if (!images.contains(sample)) {
                    images.add(sample);
                }
            }
        });
    }

    /** Reads and checks {@code file}, and lists it among the images to choose from. */
    public void choose(Path file) {
        if (file == null) {
            return;
        }
        if (!images.contains(file)) {
            images.add(file);
        }
        image.set(file);
        review.set(null);
        imageText.set(I18n.text("firmware.image.checking", file.getFileName()));
        source.review(file, reviewed -> {
            if (file.equals(image.get())) {
                review.set(reviewed);
                imageText.set(reviewed.acceptable() ? I18n.text("firmware.image.acceptable")
                        : I18n.text("firmware.image.refused", whyRefused(reviewed), reviewed.refusal().code()));
            }
        }, problem -> {
            if (file.equals(image.get())) {
                imageText.set(problem);
            }
        });
    }

    /** Whether the chosen image passed its checks and is for {@code product}. */
    public BooleanBinding acceptableFor(FirmwareProduct product) {
        return Bindings.createBooleanBinding(() -> review.get() != null && review.get().acceptable()
                && review.get().manifest() != null && review.get().manifest().product() == product, review);
    }

    /** Sends the chosen gateway image and installs it; the outcome says whether the gateway kept it. */
    public void sendToGateway() {
        ImageReview reviewed = review.get();
        if (reviewed == null || !reviewed.acceptable() || gatewayTransfer.runningProperty().get()) {
            return;
        }
        outcome.set(null);
        gatewayTransfer.started();
        gatewayTransfer.cancelWith(source.pushGateway(reviewed.file(), gatewayTransfer::progress, this::installed,
                gatewayTransfer::finished));
    }

    private void installed(PushResult result) {
        outcome.set(result.outcome());
        // The outcome has its own line, with the health checks under it; the transfer's line says what was sent.
        gatewayTransfer.finished(switch (result.ending()) {
            case ALREADY_RUNNING -> I18n.text("firmware.alreadyRunning", result.version());
            case BY_ANOTHER_SESSION -> I18n.text("firmware.byAnotherSession", result.version());
            case INSTALLED -> I18n.text("firmware.sent", result.sent(), result.chunkCount(),
                    result.alreadyHeld());
        });
        readGateway();
        loadHistory();
    }

    /** Reads the stored campaigns and gateway installs again. */
    public void loadHistory() {
        source.history(history -> {
            campaigns.setAll(history.campaigns());
            installs.setAll(history.installs());
            historyText.set(history.campaigns().isEmpty() && history.installs().isEmpty()
                    ? I18n.text("firmware.history.none") : "");
        }, problem -> historyText.set(problem));
    }

    /** Stops a fleet pull under way. */
    public void cancelFleetPull() {
        if (fleetPull != null) {
            fleetPull.cancel();
            fleetPull = null;
            fleetText.set(I18n.text("firmware.cancelled"));
        }
    }

    public FirmwareSource source() {
        return source;
    }

    public ObservableList<FleetMeter> fleet() {
        return fleet;
    }

    public ObjectProperty<FleetVersions> versionsProperty() {
        return versions;
    }

    public StringProperty fleetTextProperty() {
        return fleetText;
    }

    /** Whether the fleet's line tells of a failure rather than of the fleet. */
    public BooleanProperty fleetProblemProperty() {
        return fleetProblem;
    }

    /** What the gateway itself runs, in a line: its version, slot and whether that image is confirmed. */
    public StringProperty gatewayTextProperty() {
        return gatewayText;
    }

    /** The gateway's running slot as it last said, or null before it said. */
    public ObjectProperty<FirmwareState.Slot> gatewayRunningProperty() {
        return gatewayRunning;
    }

    /** The images to choose from: the simulated site's samples and the files chosen so far. */
    public ObservableList<Path> images() {
        return images;
    }

    public ObjectProperty<Path> imageProperty() {
        return image;
    }

    public ObjectProperty<ImageReview> reviewProperty() {
        return review;
    }

    public StringProperty imageTextProperty() {
        return imageText;
    }

    public Transfer gatewayTransfer() {
        return gatewayTransfer;
    }

    /** How the last install from this screen ended, or null. */
    public ObjectProperty<FirmwareState.Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<CampaignState> campaigns() {
        return campaigns;
    }

    public ObservableList<GatewayInstall> installs() {
        return installs;
    }

    public StringProperty historyTextProperty() {
        return historyText;
    }

    public CampaignViewModel campaign() {
        return campaign;
    }

    /**
     * Why {@code reviewed} is refused: in English the check's own sentence, with its particulars (the versions, the
     * key); in any other language the sentence of its code, as a gateway's refusal of the same code reads.
     */
    private static String whyRefused(ImageReview reviewed) {
        String key = "error.gateway." + reviewed.refusal().code();
        return Locale.ENGLISH.equals(I18n.locale()) || !I18n.has(key) ? reviewed.message() : I18n.text(key);
    }
}
