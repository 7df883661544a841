package io.gridside.console.replay;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.FittedColumns;
import io.gridside.console.FittedFields;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshSceneBuilder.LegendEntry;
import io.gridside.site.outage.Outage;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Replay screen: the window's choice on top, the timeline and the play controls under it, the mesh at the
 * instant beside the meters table, and the outages with the chosen one's evidence below. Controls and bindings
 * only: the state lives in {@link ReplayViewModel}. The pulse of a playing replay comes from an animation timer
 * that runs only while it plays.
 */
public final class ReplayView extends BorderPane {

    private final ReplayViewModel model;
    private final ComboBox<WindowChoice.Length> windowLength = new ComboBox<>();
    private final DatePicker windowDay = new DatePicker();
    private final Button reloadButton = new Button(I18n.text("replay.reload"), new FontIcon(Material2MZ.REFRESH));
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Label diagnosis = new Label();
    private final ReplayTimeline timeline = new ReplayTimeline();
    private final Button previousButton = new Button(null, new FontIcon(Material2MZ.SKIP_PREVIOUS));
    private final ToggleButton playButton = new ToggleButton(null, new FontIcon(Material2MZ.PLAY_ARROW));
    private final Button nextButton = new Button(null, new FontIcon(Material2MZ.SKIP_NEXT));
    private final ComboBox<Speed> speed = new ComboBox<>();
    private final TextField instantField = new TextField();
    private final Label zone = new Label();
    private final Button goButton = new Button(I18n.text("replay.go"));
    private final Label summary = new Label();
    private final MeshCanvas canvas = new MeshCanvas();
    private final FlowPane legend = new FlowPane(12, 2);
    private final ComboBox<RowFilter> rowFilter = new ComboBox<>();
    private final TextField rowSearch = new TextField();
    private final TableView<MeterRow> meters = new TableView<>();
    private FittedColumns<MeterRow> fittedMeters;
    private final TableView<Outage> outages = new TableView<>();
    private final TextArea details = new TextArea();
    private final Button reportOutageButton = new Button(I18n.text("replay.report.outage"),
            new FontIcon(Material2MZ.SAVE_ALT));
    private final Button reportWindowButton = new Button(I18n.text("replay.report.window"),
            new FontIcon(Material2MZ.SAVE_ALT));
    private final Label message = new Label();
    private MeshPalette palette = MeshPalette.fallback();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.pulse(now);
        }
    };

    public ReplayView(ReplayViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        windowDay.setConverter(Formats.pickerDays());
        setId("replay-view");
        getStyleClass().add("replay-view");
        windowLength.setId("replay-window-length");
        windowLength.getItems().setAll(WindowChoice.Length.values());
        windowLength.setConverter(named(length -> I18n.text(length.key())));
        windowLength.setValue(model.choiceProperty().get().length());
        windowDay.setId("replay-window-day");
        windowDay.setPromptText(I18n.text("replay.window.latest"));
        windowDay.setTooltip(new Tooltip(I18n.text("replay.window.dayTip")));
        FittedFields.fit(windowDay);
        reloadButton.setId("replay-reload");
        loading.setMaxSize(24, 24);
        diagnosis.setId("replay-diagnosis");
        diagnosis.getStyleClass().add(Styles.TEXT_MUTED);
        timeline.setId("replay-timeline");
        previousButton.setId("replay-previous");
        previousButton.setTooltip(new Tooltip(I18n.text("replay.previous")));
        playButton.setId("replay-play");
        playButton.setTooltip(new Tooltip(I18n.text("replay.play")));
        nextButton.setId("replay-next");
        nextButton.setTooltip(new Tooltip(I18n.text("replay.next")));
        speed.setId("replay-speed");
        speed.getItems().setAll(Speed.values());
        speed.setConverter(named(Speed::label));
        speed.setTooltip(new Tooltip(I18n.text("replay.speed")));
        instantField.setId("replay-instant");
        // As wide as a whole instant, seconds included, in any theme's letters.
        FittedFields.fit(instantField, "8888-88-88 88:88:88");
        instantField.setTooltip(new Tooltip(I18n.text("replay.instant.tip")));
        zone.setId("replay-zone");
        zone.setTooltip(new Tooltip(I18n.text("replay.instant.zone")));
        goButton.setId("replay-go");
        summary.setId("replay-summary");
        summary.setMinWidth(0);
        // On two lines when the language's words need them, rather than cut the plant's state to an ellipsis.
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        canvas.setId("replay-canvas");
        legend.setId("replay-legend");
        legend.getStyleClass().add("replay-legend");
        rowFilter.setId("replay-filter");
        rowFilter.getItems().setAll(RowFilter.values());
        rowFilter.setConverter(named(filter -> I18n.text(filter.key())));
        rowSearch.setId("replay-search");
        rowSearch.setPromptText(I18n.text("replay.search.prompt"));
        meters.setId("replay-meters");
        meters.getStyleClass().addAll("replay-meters", Styles.DENSE);
        Label noMeters = new Label();
        noMeters.textProperty().bind(model.rowsNoteProperty());
        meters.setPlaceholder(noMeters);
        createMeterColumns();
        // Seven columns in half the window: the high contrast theme's larger letters or a longer language would cut
        // their texts; fitted, they widen, take room from the mesh beside them (MetersRoom) and scroll sideways only
        // when that is not enough.
        fittedMeters = FittedColumns.fit(meters);
        outages.setId("replay-outages");
        // Dense rows: at 1366x768 the outages' list shows twice as many of them.
        outages.getStyleClass().add(Styles.DENSE);
        outages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        createOutageColumns();
        details.setId("replay-outage-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText(I18n.text("replay.outage.choose"));
        reportOutageButton.setId("replay-report-outage");
        reportWindowButton.setId("replay-report-window");
        message.setId("replay-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from a list, never typed");
            }
        };
    }

    /** Marks a row whose meter had no power, or whose messages did not reach the gateway, for the style sheet. */
    private static final class MeterTableRow extends TableRow<MeterRow> {

        private static final PseudoClass OUT = PseudoClass.getPseudoClass("out");
        private static final PseudoClass SILENT = PseudoClass.getPseudoClass("silent");

        @Override
        protected void updateItem(MeterRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(OUT, !empty && row != null && row.out());
            pseudoClassStateChanged(SILENT, !empty && row != null && row.powered() && !row.talking());
        }
    }

    private void createMeterColumns() {
        meters.setRowFactory(table -> new MeterTableRow());
        meters.getColumns().add(column("replay.col.meter", MeterRow::meterId));
        meters.getColumns().add(column("replay.col.customer", MeterRow::customer));
        meters.getColumns().add(column("replay.col.power", row -> I18n.text(row.powered() ? "replay.power.on"
                : "replay.power.off")));
        meters.getColumns().add(column("replay.col.comms", row -> I18n.text(row.talking() ? "replay.comms.talking"
                : "replay.comms.silent")));
        meters.getColumns().add(column("replay.col.parent", MeterRow::parent));
        meters.getColumns().add(column("replay.col.relay", row -> I18n.text("replay.relay." + row.relay().name())));
        meters.getColumns().add(column("replay.col.feeder", MeterRow::feeder));
    }

    private static <S> TableColumn<S, String> column(String key, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private void createOutageColumns() {
        TableColumn<Outage, Outage> cause = new TableColumn<>(I18n.text("replay.col.cause"));
        cause.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        cause.setCellFactory(column -> new CauseCell());
        cause.setComparator((a, b) -> ReplayTexts.cause(a.cause()).compareTo(ReplayTexts.cause(b.cause())));
        cause.setPrefWidth(170);
        TableColumn<Outage, Instant> start = new TableColumn<>(I18n.text("replay.col.start"));
        start.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().start()));
        start.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : Formats.siteTime(at, zone()));
            }
        });
        start.setPrefWidth(150);
        TableColumn<Outage, java.time.Duration> duration = new TableColumn<>(I18n.text("replay.col.duration"));
        duration.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().duration()));
        duration.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(java.time.Duration length, boolean empty) {
                super.updateItem(length, empty);
                setText(empty || length == null ? null : ReplayTexts.duration(length));
            }
        });
        TableColumn<Outage, Integer> count = new TableColumn<>(I18n.text("replay.col.meters"));
        count.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().meterCount()));
        outages.getColumns().add(cause);
        outages.getColumns().add(start);
        outages.getColumns().add(duration);
        outages.getColumns().add(count);
    }

    /** An outage's cause with the colour its band has on the timeline. */
    private final class CauseCell extends TableCell<Outage, Outage> {
        @Override
        protected void updateItem(Outage outage, boolean empty) {
            super.updateItem(outage, empty);
            if (empty || outage == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(ReplayTexts.cause(outage.cause()));
            setGraphic(new Rectangle(10, 10, MeshPalette.color(ReplayTimeline.causeColour(palette,
                    outage.cause()))));
        }
    }

    private ZoneId zone() {
        ReplayWindow shown = model.windowProperty().get();
        return shown == null ? ZoneId.systemDefault() : shown.zone();
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label windowLabel = new Label(I18n.text("replay.window"));
        Label endingLabel = new Label(I18n.text("replay.window.ending"));
        HBox toolbar = new HBox(8, windowLabel, windowLength, endingLabel, windowDay, reloadButton, loading, spacer,
                diagnosis);
        toolbar.getStyleClass().add("mesh-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        for (Region fixed : new Region[] {windowLabel, windowLength, endingLabel, windowDay, reloadButton}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        diagnosis.setMinWidth(0);

        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox controls = new HBox(6, previousButton, playButton, nextButton, speed, instantField, zone, goButton,
                summary);
        controls.getStyleClass().add("mesh-timebar");
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Region fixed : new Region[] {previousButton, playButton, nextButton, speed, zone, goButton}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        instantField.setMinWidth(140);
        VBox top = new VBox(toolbar, timeline, controls);

        // The legend in a strip under the mesh, not over it: a fitted mesh fills its pane to the corners.
        VBox.setVgrow(canvas, Priority.ALWAYS);
        canvas.setMinSize(0, 0);
        VBox drawing = new VBox(canvas, legend);
        drawing.setMinSize(0, 0);
        HBox.setHgrow(rowSearch, Priority.ALWAYS);
        HBox meterBar = new HBox(6, rowFilter, rowSearch);
        meterBar.setAlignment(Pos.CENTER_LEFT);
        rowFilter.setMinWidth(Region.USE_PREF_SIZE);
        VBox.setVgrow(meters, Priority.ALWAYS);
        VBox meterSide = new VBox(4, meterBar, meters);
        meterSide.setMinWidth(0);
        SplitPane meshAndMeters = new SplitPane(drawing, meterSide);
        meshAndMeters.setDividerPositions(0.5);
        MetersRoom.keep(meshAndMeters, fittedMeters.neededWidthProperty());

        HBox reportBar = new HBox(6, reportOutageButton, reportWindowButton);
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox detailSide = new VBox(4, details, reportBar);
        detailSide.setMinWidth(0);
        SplitPane outagesAndDetails = new SplitPane(outages, detailSide);
        outagesAndDetails.setDividerPositions(0.55);

        // Half the height for the outages and their evidence, which a technician reads; the divider drags.
        SplitPane centre = new SplitPane(meshAndMeters, outagesAndDetails);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(outagesAndDetails, false);

        setTop(top);
        setCenter(centre);
        setBottom(message);
    }

    private void bind() {
        windowLength.valueProperty().addListener((obs, old, length) -> choose());
        windowDay.valueProperty().addListener((obs, old, day) -> choose());
        reloadButton.setOnAction(event -> model.load());
        loading.visibleProperty().bind(model.loadingProperty());
        diagnosis.textProperty().bind(model.diagnosisMessageProperty());
        bindPlay();
        bindMesh();
        bindTables();
        message.textProperty().bind(model.messageProperty());
        summary.textProperty().bind(model.summaryProperty());
        visibleProperty().addListener((obs, old, visible) -> {
            if (visible) {
                model.shown();
            } else {
                model.playingProperty().set(false);
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                palette = MeshPalette.of(this);
                model.usePalette(palette);
                timeline.usePalette(palette);
                canvas.refreshPalette();
                if (isVisible()) {
                    model.shown();
                }
            } else {
                // Replaced by a language or theme switch: the toolkit would go on pulsing this screen for good.
                pulse.stop();
            }
        });
    }

    private void choose() {
        model.choiceProperty().set(new WindowChoice(windowLength.getValue(), windowDay.getValue()));
        model.load();
    }

    private void bindPlay() {
        playButton.selectedProperty().bindBidirectional(model.playingProperty());
        Listening.onChange(this, model.playingProperty(), (obs, old, playing) -> {
            playButton.setGraphic(new FontIcon(playing ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW));
            if (playing) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
        previousButton.setOnAction(event -> model.stepPrevious());
        nextButton.setOnAction(event -> model.stepNext());
        speed.valueProperty().bindBidirectional(model.speedProperty());
        instantField.textProperty().bindBidirectional(model.instantTextProperty());
        instantField.setOnAction(event -> model.seekTyped());
        zone.textProperty().bind(model.zoneTextProperty());
        goButton.setOnAction(event -> model.seekTyped());
        timeline.setOnSeek(at -> {
            model.playingProperty().set(false);
            model.seek(at);
        });
        Listening.onChange(this, model.windowProperty(), (obs, old, shown) -> showWindow(shown));
        Listening.onChange(this, model.instantProperty(), (obs, old, at) -> timeline.setInstant(at,
                model.playingProperty().get()));
        // A screen built again on a theme or language switch shows the window the model already holds at once.
        showWindow(model.windowProperty().get());
        timeline.setInstant(model.instantProperty().get(), false);
        for (javafx.scene.Node control : new javafx.scene.Node[] {previousButton, playButton, nextButton,
            instantField, goButton, reportWindowButton}) {
            control.disableProperty().bind(model.windowProperty().isNull());
        }
    }

    private void showWindow(ReplayWindow shown) {
        if (shown != null) {
            timeline.setWindow(shown.from(), shown.to(), shown.zone(), model.eventMillis(), model.outages());
            timeline.setHistoryStart(shown.historyStart());
        }
    }

    private void bindMesh() {
        Listening.onChange(this, model.sceneProperty(), (obs, old, scene) -> showScene(scene));
        showScene(model.sceneProperty().get());
        Listening.onChange(this, model.revisionProperty(), (obs, old, revision) -> canvas.redraw());
        Listening.onListChange(this, model.legend(), change -> showLegend());
        showLegend();
        canvas.selectedNodeProperty().addListener((obs, old, node) -> {
            ReplayWindow shown = model.windowProperty().get();
            int meter = node.intValue() - 1;
            if (shown != null && meter >= 0 && meter < shown.meterIds().size()) {
                model.rowTextProperty().set(shown.meterIds().get(meter));
            }
        });
    }

    private void showScene(ReplayScene scene) {
        if (scene != null) {
            canvas.setScene(scene.scene());
            canvas.fitAll();
        }
    }

    private void bindTables() {
        rowFilter.valueProperty().bindBidirectional(model.rowFilterProperty());
        rowSearch.textProperty().bindBidirectional(model.rowTextProperty());
        SortedList<MeterRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(meters.comparatorProperty());
        meters.setItems(sorted);
        SortedList<Outage> sortedOutages = new SortedList<>(model.outages());
        sortedOutages.comparatorProperty().bind(outages.comparatorProperty());
        outages.setItems(sortedOutages);
        outages.setPlaceholder(new Label());
        ((Label) outages.getPlaceholder()).textProperty().bind(model.diagnosisMessageProperty());
        outages.getSelectionModel().selectedItemProperty().addListener((obs, old, outage) -> {
            if (outage != null && outage != model.chosenOutageProperty().get()) {
                model.chooseOutage(outage);
            }
        });
        Listening.onChange(this, model.chosenOutageProperty(), (obs, old, outage) -> {
            if (outage == null) {
                outages.getSelectionModel().clearSelection();
            } else if (outages.getSelectionModel().getSelectedItem() != outage) {
                outages.getSelectionModel().select(outage);
                outages.scrollTo(outage);
            }
        });
        Listening.bindText(details, model.outageDetailsProperty());
        reportOutageButton.disableProperty().bind(model.chosenOutageProperty().isNull());
        reportOutageButton.setOnAction(event -> report(false));
        reportWindowButton.setOnAction(event -> report(true));
    }

    /** Asks where to save the report, then has the model write it in the background. */
    private void report(boolean wholeWindow) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text(wholeWindow ? "replay.report.window" : "replay.report.outage"));
        chooser.setInitialFileName(model.reportFileName(wholeWindow));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("replay.report.pages"),
                "*.html"));
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.writeReport(wholeWindow, chosen.toPath());
        }
    }

    private void showLegend() {
        legend.getChildren().clear();
        for (LegendEntry entry : model.legend()) {
            Label label = new Label(entry.label(), new Circle(5, MeshPalette.color(entry.argb())));
            label.getStyleClass().add(Styles.TEXT_SMALL);
            legend.getChildren().add(label);
        }
        // The chosen outage's meters are ringed, not filled: the same ring, in the theme's accent, says so here.
        Circle ring = new Circle(4, Color.TRANSPARENT);
        ring.setStroke(MeshPalette.color(palette.accent() | 0xff000000));
        ring.setStrokeWidth(2);
        Label chosen = new Label(I18n.text("replay.legend.chosen"), ring);
        chosen.setId("replay-legend-chosen");
        chosen.getStyleClass().add(Styles.TEXT_SMALL);
        legend.getChildren().add(chosen);
    }

    /** The canvas the mesh is drawn on, for a test that looks at it. */
    MeshCanvas canvas() {
        return canvas;
    }
}
