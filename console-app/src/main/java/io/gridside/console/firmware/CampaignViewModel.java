package io.gridside.console.firmware;

import io.gridside.console.Message;
import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.message.ControlCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The meter campaign's part of the Firmware screen: the policy, the plan previewed from the stored fleet and the
 * chosen meter image, the start (the image sent to the gateway first), and the campaign's live progress per wave
 * and per meter, polled from the gateway while the screen is open.
 */
public final class CampaignViewModel {

    private final FirmwareSource source;
    private final ObservableList<FleetMeter> fleet;
    private final ObjectProperty<ImageReview> review;
    private final Transfer staging;
    private final Runnable onStored;
    private final ObjectProperty<CampaignPolicy> policy = new SimpleObjectProperty<>(CampaignPolicy.defaults());
    private final ObjectProperty<CampaignPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<WaveRow> waveRows = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> excluded = FXCollections.observableArrayList();
    private final StringProperty planText = new SimpleStringProperty("");
    private final ObjectProperty<CampaignState> state = new SimpleObjectProperty<>();
    private final ObservableList<WaveProgress> waves = FXCollections.observableArrayList();
    private final ObservableList<CampaignState.MeterUpdate> meters = FXCollections.observableArrayList();
    private final FilteredList<CampaignState.MeterUpdate> shownMeters = new FilteredList<>(meters);
    private final ObjectProperty<MeterUpdateStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty stateText = new SimpleStringProperty("");
    private final Message message = new Message();
    /**
     * Words the plan, its left-out meters and the campaign's state again after a language switch; held here and
     * listened to weakly, since the language lives as long as the console and this model may not.
     */
    private final ChangeListener<Locale> reword = (language, old, now) -> Message.onFxThread(this::reword);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean polling;

    CampaignViewModel(FirmwareSource source, ObservableList<FleetMeter> fleet, ObjectProperty<ImageReview> review,
            Transfer staging, Runnable onStored) {
        this.source = source;
        this.fleet = fleet;
        this.review = review;
        this.staging = staging;
        this.onStored = onStored;
        fleet.addListener((Observable changed) -> replan());
        review.addListener((Observable changed) -> replan());
        policy.addListener((Observable changed) -> replan());
        statusFilter.addListener((obs, old, now) -> shownMeters.setPredicate(now == null ? null
                : meter -> meter.status() == now));
        replan();
        I18n.languageProperty().addListener(new WeakChangeListener<>(reword));
    }

    private void reword() {
        replan();
        if (state.get() != null) {
            show(state.get());
        }
    }

    /** The chosen image's manifest when it is an acceptable meter image, else null. */
    private FirmwareManifest meterImage() {
        ImageReview reviewed = review.get();
        boolean meterImage = reviewed != null && reviewed.acceptable() && reviewed.manifest() != null
                && reviewed.manifest().product() == FirmwareProduct.METER;
        return meterImage ? reviewed.manifest() : null;
    }

    /**
     * Plans the campaign again. KNOWN SHORTCOMING: the plan is made on the JavaFX thread, since a plan of a few
     * thousand meters takes milliseconds; a site of tens of thousands would want it in the background.
     */
    private void replan() {
        FirmwareManifest image = meterImage();
        if (image == null || fleet.isEmpty()) {
            plan.set(null);
            waveRows.clear();
            excluded.clear();
            planText.set(I18n.text(image == null ? "firmware.plan.noImage" : "firmware.plan.noFleet"));
            return;
        }
        CampaignPlan planned = CampaignPlan.of(List.copyOf(fleet), image, policy.get());
        plan.set(planned);
        waveRows.setAll(WaveRow.of(planned, fleet));
        excluded.setAll(fleet.stream().filter(meter -> planned.excluded().containsKey(meter.meterId()))
                .map(meter -> Map.entry(meter.meterId(), whyLeftOut(meter, image))).toList());
        planText.set(I18n.text("firmware.plan.summary", image.version(), planned.meterCount(),
                planned.waves().size(), planned.excluded().size()));
    }

    /** Why {@code meter} is left out of a campaign of {@code image}, in the language in use. */
    private static String whyLeftOut(FleetMeter meter, FirmwareManifest image) {
        CampaignPlan.Exclusion why = CampaignPlan.exclusion(meter, image);
        return I18n.text("firmware.excluded." + why, meter.hardwareId(), image.version(), meter.version());
    }

    /** Takes {@code changed} as the policy; a value out of its range keeps the policy and says why. */
    public void setPolicy(java.util.function.Supplier<CampaignPolicy> changed) {
        try {
            policy.set(changed.get());
            message.clear();
        } catch (IllegalArgumentException outOfRange) {
            message.say("firmware.policy.invalid", Sentence.failure(outOfRange));
        }
    }

    /** Puts the policy back to its defaults. */
    public void resetPolicy() {
        setPolicy(CampaignPolicy::defaults);
    }

    /** Sends the chosen meter image to the gateway, then starts the campaign by the policy; a supervisor's order. */
    public void start() {
        ImageReview reviewed = review.get();
        if (meterImage() == null || plan.get() == null || busy.get() || running()) {
            return;
        }
        CampaignPolicy chosen = policy.get();
        busy.set(true);
        message.clear();
        staging.started();
        staging.cancelWith(source.stageMeterImage(reviewed.file(), staging::progress,
                staged -> startStaged(staged, chosen), problem -> {
                    staging.finished(problem);
                    busy.set(false);
                }));
    }

    private void startStaged(PushResult staged, CampaignPolicy chosen) {
        staging.finished(I18n.text("firmware.staged", staged.version(), staged.sent(), staged.chunkCount(),
                staged.alreadyHeld()));
        ByteString sha = staged.imageSha256();
        source.start(sha, chosen, started -> {
            busy.set(false);
            show(started);
            onStored.run();
        }, this::failed);
    }

    /** Stops sending the meter image; the gateway keeps the chunks it holds, and the campaign does not start. */
    public void cancelStaging() {
        if (staging.cancellableProperty().get()) {
            staging.cancel();
            busy.set(false);
        }
    }

    public void pause() {
        control(ControlCampaign.Action.PAUSE);
    }

    public void resume() {
        control(ControlCampaign.Action.RESUME);
    }

    public void abort() {
        control(ControlCampaign.Action.ABORT);
    }

    private void control(ControlCampaign.Action action) {
        CampaignState current = state.get();
        if (current == null || busy.get()) {
            return;
        }
        busy.set(true);
        source.control(current.campaignId(), action, done -> {
            busy.set(false);
            show(done);
            onStored.run();
        }, this::failed);
    }

    private void failed(String problem) {
        busy.set(false);
        message.showWords(problem);
    }

    /** Asks the gateway where its campaign stands. */
    public void refresh() {
        if (!source.connected().get()) {
            return;
        }
        CampaignState current = state.get();
        polling = true;
        source.refresh(current == null ? null : current.campaignId(), now -> {
            polling = false;
            if (now != null) {
                boolean ended = now.status().finished() && current != null && !current.status().finished();
                show(now);
                if (ended) {
                    onStored.run();
                }
            }
        }, problem -> {
            polling = false;
            message.showWords(problem);
        });
    }

    /** One tick of the screen's poll: asks again while a campaign runs and no answer is awaited. */
    public void poll() {
        if (!polling && running()) {
            refresh();
        }
    }

    /** Whether a campaign is under way on the gateway: running, paused or halted, not finished. */
    public boolean running() {
        return state.get() != null && !state.get().status().finished();
    }

    void forget() {
        state.set(null);
        waves.clear();
        meters.clear();
        stateText.set("");
        message.clear();
        polling = false;
    }

    private void show(CampaignState now) {
        state.set(now);
        waves.setAll(WaveProgress.of(now));
        meters.setAll(now.meters());
        Map<MeterUpdateStatus, Integer> counts = now.counts();
        String text = I18n.text("firmware.campaign.state", now.campaignId(), now.version(),
                I18n.text("firmware.status." + now.status()), counts.get(MeterUpdateStatus.CONFIRMED),
                now.meters().size(), counts.get(MeterUpdateStatus.FAILED));
        stateText.set(now.reason().isEmpty() ? text : text + " " + now.reason());
    }

    public ObjectProperty<CampaignPolicy> policyProperty() {
        return policy;
    }

    public ObjectProperty<CampaignPlan> planProperty() {
        return plan;
    }

    public ObservableList<WaveRow> waveRows() {
        return waveRows;
    }

    /** The meters the plan leaves out, each with why. */
    public ObservableList<Map.Entry<String, String>> excluded() {
        return excluded;
    }

    public StringProperty planTextProperty() {
        return planText;
    }

    public ObjectProperty<CampaignState> stateProperty() {
        return state;
    }

    public ObservableList<WaveProgress> waves() {
        return waves;
    }

    /** The campaign's meters the status filter lets through. */
    public ObservableList<CampaignState.MeterUpdate> shownMeters() {
        return shownMeters;
    }

    /** The status the meter table shows, or null for all. */
    public ObjectProperty<MeterUpdateStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Transfer staging() {
        return staging;
    }
}
