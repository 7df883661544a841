package io.gridside.console.firmware;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The meter campaign: the policy beside the wave preview (waves with their size, hop range and hardware mix, and
 * the meters left out with why), the start, and the live progress per wave and per meter with pause, resume and
 * abort.
 */
final class CampaignPane extends BorderPane {

    /** The preview's share of the height while no campaign is under way, when the progress has nothing to show. */
    private static final double PREVIEW_ALONE = 0.62;
    /** The preview's share once a campaign runs or ran, whose waves and meters then need the room. */
    private static final double PREVIEW_BESIDE_PROGRESS = 0.43;

    private final CampaignViewModel model;
    private final FirmwareSource source;
    private final Label planText = new Label();
    private final TableView<WaveRow> waveRows = Tables.table("fw-plan-waves", null);
    private final TableView<Map.Entry<String, String>> excluded = Tables.table("fw-plan-excluded", null);
    private final Button startButton = new Button(I18n.text("firmware.campaign.start"),
            new FontIcon(Material2MZ.PLAY_ARROW));
    private final ProgressBar staging = new ProgressBar(0);
    private final Button cancelStaging = new Button(I18n.text("firmware.cancel"),
            new FontIcon(Material2AL.CLOSE));
    private final Label stagingText = new Label();
    private final Label stateText = new Label();
    private final Button pauseButton = new Button(I18n.text("firmware.campaign.pause"),
            new FontIcon(Material2MZ.PAUSE));
    private final Button resumeButton = new Button(I18n.text("firmware.campaign.resume"),
            new FontIcon(Material2MZ.PLAY_ARROW));
    private final Button abortButton = new Button(I18n.text("firmware.campaign.abort"),
            new FontIcon(Material2AL.CANCEL));
    private final Label message = new Label();
    private final VBox waveBars = new VBox(6);
    private final ComboBox<MeterUpdateStatus> filter = new ComboBox<>();
    private final SplitPane split = new SplitPane();
    private final TableView<CampaignState.MeterUpdate> meters = Tables.table("fw-campaign-meters",
            "firmware.campaign.none");

    CampaignPane(CampaignViewModel model, FirmwareSource source) {
        this.model = model;
        this.source = source;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        planText.setId("fw-plan-summary");
        planText.setWrapText(true);
        waveRows.getColumns().setAll(List.of(
                Tables.column("firmware.plan.wave", 70, (WaveRow row) -> row.wave() == 0
                        ? I18n.text("firmware.plan.canary") : Integer.toString(row.wave())),
                Tables.column("firmware.plan.size", 60, WaveRow::size),
                Tables.column("firmware.plan.hops", 90, WaveRow::hops),
                Tables.column("firmware.plan.hardware", 200, WaveRow::hardwareMix)));
        excluded.getColumns().setAll(List.of(
                Tables.column("firmware.plan.meter", 80, Map.Entry<String, String>::getKey),
                Tables.wrapping(Tables.column("firmware.plan.reason", 240, Map.Entry<String, String>::getValue))));
        startButton.setId("fw-campaign-start");
        startButton.getStyleClass().add(Styles.ACCENT);
        staging.setId("fw-campaign-staging");
        staging.setMaxWidth(Double.MAX_VALUE);
        stagingText.setId("fw-campaign-staging-text");
        stagingText.setWrapText(true);
        stateText.setId("fw-campaign-state");
        stateText.setWrapText(true);
        for (Label wrapped : List.of(planText, stagingText, stateText, message)) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        pauseButton.setId("fw-campaign-pause");
        resumeButton.setId("fw-campaign-resume");
        abortButton.setId("fw-campaign-abort");
        abortButton.getStyleClass().add(Styles.DANGER);
        message.setId("fw-campaign-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.DANGER);
        waveBars.setId("fw-campaign-waves");
        filter.setId("fw-campaign-filter");
        List<MeterUpdateStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(List.of(MeterUpdateStatus.values()));
        filter.getItems().setAll(statuses);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(MeterUpdateStatus status) {
                return status == null ? I18n.text("firmware.campaign.allStatuses") : status.name();
            }

            @Override
            public MeterUpdateStatus fromString(String text) {
                return null;
            }
        });
        meters.getColumns().setAll(List.of(
                fixed(Tables.column("firmware.plan.meter", 80, CampaignState.MeterUpdate::meterId)),
                fixed(Tables.column("firmware.plan.wave", 60, CampaignState.MeterUpdate::wave)),
                fixed(Tables.column("firmware.campaign.status", 120, CampaignState.MeterUpdate::status)),
                fixed(Tables.column("firmware.campaign.attempts", 92, CampaignState.MeterUpdate::attempts)),
                fixed(Tables.column("firmware.campaign.version", 85, CampaignState.MeterUpdate::version)),
                Tables.clipped(Tables.column("firmware.campaign.reason", 240, CampaignState.MeterUpdate::reason))));
    }

    private void layoutControls() {
        HBox.setHgrow(waveRows, Priority.ALWAYS);
        excluded.setPrefWidth(380);
        HBox tables = new HBox(10, waveRows, excluded);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox preview = new VBox(6, heading("firmware.plan.title", planText), tables, startRow());
        preview.setMinHeight(0);

        HBox controls = new HBox(8, pauseButton, resumeButton, abortButton, new Label(
                I18n.text("firmware.campaign.filter")), filter);
        controls.setAlignment(Pos.CENTER_LEFT);
        ScrollPane bars = new ScrollPane(waveBars);
        bars.setFitToWidth(true);
        SplitPane waveAndMeter = new SplitPane(bars, meters);
        waveAndMeter.setDividerPositions(0.32);
        VBox.setVgrow(waveAndMeter, Priority.ALWAYS);
        VBox progress = new VBox(6, heading("firmware.campaign.progress", stateText), controls, message,
                waveAndMeter);
        progress.setMinHeight(0);

        split.getItems().setAll(preview, progress);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(PREVIEW_ALONE);
        PolicyForm policy = new PolicyForm(model);
        BorderPane.setMargin(policy, new javafx.geometry.Insets(0, 12, 0, 0));
        setLeft(policy);
        setCenter(split);
        getStyleClass().add("firmware-body");
    }

    /** The start, and beside it the staging's bar with its line under it, which takes room only once it speaks. */
    private HBox startRow() {
        stagingText.managedProperty().bind(stagingText.textProperty().isNotEmpty());
        VBox stagingBox = new VBox(4, staging, stagingText);
        stagingBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(stagingBox, Priority.ALWAYS);
        HBox start = new HBox(10, startButton, stagingBox, cancelStaging);
        start.setAlignment(Pos.CENTER_LEFT);
        return start;
    }

    /** A section's title with its summary on the same line, which leaves a table the height of two rows more. */
    private static HBox heading(String titleKey, Label summary) {
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox heading = new HBox(12, title, summary);
        heading.setAlignment(Pos.BASELINE_LEFT);
        return heading;
    }

    /** A column that keeps its width, so that the reason beside it gives way instead. */
    private static <S, T> javafx.scene.control.TableColumn<S, T> fixed(javafx.scene.control.TableColumn<S, T> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private void bind() {
        planText.textProperty().bind(model.planTextProperty());
        waveRows.setItems(model.waveRows());
        excluded.setItems(model.excluded());
        BooleanBinding underWay = Bindings.createBooleanBinding(model::running, model.stateProperty());
        startButton.disableProperty().bind(model.planProperty().isNull().or(model.busyProperty()).or(underWay)
                .or(source.supervisor().not()).or(source.connected().not()));
        startButton.setOnAction(event -> model.start());
        staging.progressProperty().bind(model.staging().fractionProperty());
        cancelStaging.setId("fw-campaign-staging-cancel");
        cancelStaging.disableProperty().bind(model.staging().cancellableProperty().not());
        cancelStaging.setOnAction(event -> model.cancelStaging());
        stagingText.textProperty().bind(Bindings.createStringBinding(() -> source.supervisor().get()
                ? model.staging().progressTextProperty().get() : I18n.text("firmware.campaign.needSupervisor"),
                source.supervisor(), model.staging().progressTextProperty()));
        stateText.textProperty().bind(Bindings.when(model.stateProperty().isNull())
                .then(I18n.text("firmware.campaign.none")).otherwise(model.stateTextProperty()));
        bindControls();
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        filter.valueProperty().bindBidirectional(model.statusFilterProperty());
        meters.setItems(model.shownMeters());
        Listening.onListChange(this, model.waves(), change -> drawWaves());
        Listening.onChange(this, model.stateProperty(), (obs, old, now) -> {
            if ((old == null) != (now == null)) {
                split.setDividerPositions(now == null ? PREVIEW_ALONE : PREVIEW_BESIDE_PROGRESS);
            }
        });
    }

    private void bindControls() {
        BooleanBinding running = status(CampaignStatus.RUNNING);
        BooleanBinding stopped = status(CampaignStatus.PAUSED).or(status(CampaignStatus.HALTED));
        pauseButton.disableProperty().bind(running.not().or(model.busyProperty()));
        resumeButton.disableProperty().bind(stopped.not().or(model.busyProperty()).or(source.supervisor().not()));
        abortButton.disableProperty().bind(running.or(stopped).not().or(model.busyProperty()));
        pauseButton.setOnAction(event -> model.pause());
        resumeButton.setOnAction(event -> model.resume());
        abortButton.setOnAction(event -> model.abort());
    }

    private BooleanBinding status(CampaignStatus wanted) {
        return Bindings.createBooleanBinding(() -> model.stateProperty().get() != null
                && model.stateProperty().get().status() == wanted, model.stateProperty());
    }

    private void drawWaves() {
        waveBars.getChildren().setAll(model.waves().stream().map(WaveBar::new).toList());
    }
}
