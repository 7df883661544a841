package io.gridside.console.mesh;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.FittedFields;
import io.gridside.console.I18n;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Mesh screen: a toolbar (layout, link and radio colouring, search, filter, fit, reset, export), the mesh
 * drawn in the middle with its legend and the time slider under it, the chosen meter's radio on the right, and the
 * findings below. Controls and bindings only: the state lives in {@link MeshViewModel}.
 */
public final class MeshView extends BorderPane {

    private final MeshViewModel model;
    private final ToggleButton treeButton = new ToggleButton(I18n.text("mesh.layout.tree"));
    private final ToggleButton mapButton = new ToggleButton(I18n.text("mesh.layout.map"));
    private final ComboBox<MeshSceneBuilder.LinkColouring> linkColouring = new ComboBox<>();
    private final ComboBox<MeshSceneBuilder.NodeColouring> nodeColouring = new ComboBox<>();
    private final TextField search = new TextField();
    private final TextField filter = new TextField();
    private final ToggleButton allLinksButton = new ToggleButton(null, new FontIcon(Material2MZ.SHARE));
    private final Button fitButton = new Button(null, new FontIcon(Material2AL.FULLSCREEN));
    private final Button resetButton = new Button(null, new FontIcon(Material2MZ.RESTORE));
    private final MenuButton exportButton = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT));
    private final MeshCanvas canvas = new MeshCanvas();
    private final VBox legend = new VBox(2);
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Slider time = new Slider();
    private final Label timeText = new Label();
    private final Button nowButton = new Button(I18n.text("mesh.time.now"), new FontIcon(Material2MZ.UPDATE));
    private final Label message = new Label();
    private final MeterRadioPanel radioPanel = new MeterRadioPanel();
    private final MeshFindingsPane findings = new MeshFindingsPane();

    public MeshView(MeshViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("mesh-view");
        getStyleClass().add("mesh-view");
        ToggleGroup layouts = new ToggleGroup();
        treeButton.setToggleGroup(layouts);
        mapButton.setToggleGroup(layouts);
        treeButton.setSelected(true);
        treeButton.getStyleClass().add(Styles.LEFT_PILL);
        mapButton.getStyleClass().add(Styles.RIGHT_PILL);
        treeButton.setId("mesh-layout-tree");
        mapButton.setId("mesh-layout-map");
        layouts.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true);
            }
        });
        linkColouring.setId("mesh-link-colouring");
        linkColouring.getItems().setAll(MeshSceneBuilder.LinkColouring.values());
        linkColouring.setConverter(names("mesh.links."));
        linkColouring.setTooltip(new Tooltip(I18n.text("mesh.links.tip")));
        nodeColouring.setId("mesh-node-colouring");
        nodeColouring.getItems().setAll(model.nodeColourings());
        nodeColouring.setConverter(names("mesh.nodes."));
        nodeColouring.setTooltip(new Tooltip(I18n.text("mesh.nodes.tip")));
        search.setId("mesh-search");
        search.setPromptText(I18n.text("mesh.search.prompt"));
        search.setTooltip(new Tooltip(I18n.text("mesh.search.tip")));
        FittedFields.fit(search, "");
        filter.setId("mesh-filter");
        filter.setPromptText(I18n.text("mesh.filter.prompt"));
        filter.setTooltip(new Tooltip(I18n.text("mesh.filter.tip")));
        FittedFields.fit(filter, "");
        allLinksButton.setId("mesh-all-links");
        iconOnly(allLinksButton, "mesh.allLinks", "mesh.allLinks.tip");
        for (Labeled icon : new Labeled[] {allLinksButton, fitButton, resetButton}) {
            icon.getStyleClass().add(Styles.BUTTON_ICON);
        }
        fitButton.setId("mesh-fit");
        fitButton.setTooltip(new Tooltip(I18n.text("mesh.fit")));
        resetButton.setId("mesh-reset");
        resetButton.setTooltip(new Tooltip(I18n.text("mesh.reset.tip")));
        exportButton.setId("mesh-export");
        iconOnly(exportButton, "mesh.export", "mesh.export.tip");
        for (MeshExports.Format format : MeshExports.Format.values()) {
            MenuItem item = new MenuItem(I18n.text("mesh.export." + format.extension()));
            item.setId("mesh-export-" + format.extension());
            item.setOnAction(event -> export(format));
            exportButton.getItems().add(item);
        }
        canvas.setId("mesh-canvas");
        legend.setId("mesh-legend");
        legend.getStyleClass().add("mesh-legend");
        legend.setMouseTransparent(true);
        loading.setMaxSize(32, 32);
        time.setId("mesh-time");
        time.setMaxWidth(Double.MAX_VALUE);
        timeText.setId("mesh-time-text");
        timeText.setMinWidth(Region.USE_PREF_SIZE);
        nowButton.setId("mesh-now");
        message.setId("mesh-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        radioPanel.setId("mesh-radio");
        findings.setId("mesh-findings");
    }

    /**
     * Names a button that shows only its icon: its tooltip gives its name over what it does (on two lines, which no
     * language punctuates), and a screen reader reads the name. The toolbar holds one line at 1366 px in every
     * language and theme only with these two as icons.
     */
    private static void iconOnly(Labeled button, String nameKey, String tipKey) {
        String name = I18n.text(nameKey);
        button.setAccessibleText(name);
        button.setTooltip(new Tooltip(name + "\n" + I18n.text(tipKey)));
    }

    private static <T extends Enum<T>> StringConverter<T> names(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : I18n.text(prefix + value.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from a list, never typed");
            }
        };
    }

    private void layoutControls() {
        HBox layoutPills = new HBox(treeButton, mapButton);
        HBox colouring = new HBox(6, layoutPills, linkColouring, allLinksButton, nodeColouring);
        HBox tools = new HBox(2, fitButton, resetButton, exportButton);
        HBox finding = new HBox(6, search, filter, tools);
        for (Region fixed : new Region[] {treeButton, mapButton, linkColouring, allLinksButton, nodeColouring,
            fitButton, resetButton, exportButton}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        colouring.setAlignment(Pos.CENTER_LEFT);
        colouring.setId("mesh-toolbar-colouring");
        finding.setAlignment(Pos.CENTER_LEFT);
        finding.setId("mesh-toolbar-finding");
        // Two groups on one line: at 1366 px they fit in every language and theme (the two least used tools are
        // icons with tooltips, the labels short). A narrower window puts the search and its tools on a second line
        // rather than cut their hints.
        FlowPane toolbar = new FlowPane(12, 6, colouring, finding);
        toolbar.setId("mesh-toolbar");
        toolbar.getStyleClass().add("mesh-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        // The legend in a column beside the mesh, not over it: a fitted mesh fills its pane to the corners, where a
        // legend on top hid the labels of the meters drawn there. Beside it costs the mesh nothing: a site's tree is
        // about as tall as it is wide, and the pane far wider than tall.
        StackPane.setAlignment(loading, Pos.TOP_RIGHT);
        StackPane stack = new StackPane(canvas, loading);
        stack.setMinSize(0, 0);
        HBox.setHgrow(stack, Priority.ALWAYS);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        HBox drawing = new HBox(legend, stack);
        drawing.setMinSize(0, 0);
        HBox.setHgrow(time, Priority.ALWAYS);
        HBox timeBar = new HBox(8, new FontIcon(Material2MZ.SCHEDULE), time, timeText, nowButton);
        timeBar.getStyleClass().add("mesh-timebar");
        timeBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(drawing, Priority.ALWAYS);
        VBox centre = new VBox(drawing, timeBar, message);
        centre.setMinSize(0, 0);

        SplitPane mapAndFindings = new SplitPane(centre, findings);
        mapAndFindings.setOrientation(Orientation.VERTICAL);
        mapAndFindings.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(findings, false);

        ScrollPane side = new ScrollPane(radioPanel);
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setMinWidth(300);
        side.setPrefWidth(360);
        SplitPane main = new SplitPane(mapAndFindings, side);
        main.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(side, false);

        setTop(toolbar);
        setCenter(main);
    }

    private void bind() {
        model.layoutProperty().bind(Bindings.when(mapButton.selectedProperty()).then(MeshLayout.MAP)
                .otherwise(MeshLayout.TREE));
        linkColouring.valueProperty().bindBidirectional(model.linkColouringProperty());
        nodeColouring.valueProperty().bindBidirectional(model.nodeColouringProperty());
        allLinksButton.selectedProperty().bindBidirectional(model.allLinksProperty());
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnAction(event -> model.search());
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        fitButton.setOnAction(event -> canvas.fitAll());
        resetButton.setOnAction(event -> model.resetPositions());
        bindCanvas();
        bindTime();
        bindSides();
        message.textProperty().bind(model.messageProperty());
        loading.visibleProperty().bind(model.loadingProperty());
        Listening.onListChange(this, model.legend(), change -> showLegend());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.usePalette(MeshPalette.of(this));
                canvas.refreshPalette();
            }
        });
    }

    private void bindCanvas() {
        canvas.setScene(model.sceneProperty().get());
        Listening.onChange(this, model.sceneProperty(), (obs, old, scene) -> canvas.setScene(scene));
        Listening.onChange(this, model.revisionProperty(), (obs, old, revision) -> canvas.redraw());
        canvas.selectedNodeProperty().bindBidirectional(model.selectedNodeProperty());
        canvas.setOnNodeMoved(model::moved);
        model.setOnCentre(canvas::centerOn);
        model.setOnFit(canvas::fitAll);
    }

    private void bindTime() {
        MeshTimeline timeline = model.timeline();
        // Set, not bound: a slider moves its own bounds and value to keep min <= value <= max, which a binding forbids.
        Listening.onChange(this, timeline.minProperty(), (obs, old, min) -> showRange(timeline));
        Listening.onChange(this, timeline.maxProperty(), (obs, old, max) -> showRange(timeline));
        showRange(timeline);
        time.valueProperty().bindBidirectional(timeline.valueProperty());
        time.disableProperty().bind(timeline.availableProperty().not());
        timeline.reword();
        timeText.textProperty().bind(timeline.textProperty());
        nowButton.disableProperty().bind(timeline.chosenProperty().isNull());
        nowButton.setOnAction(event -> timeline.now());
    }

    private void showRange(MeshTimeline timeline) {
        double value = timeline.valueProperty().get();
        time.setMax(Math.max(time.getMax(), timeline.maxProperty().get()));
        time.setMin(timeline.minProperty().get());
        time.setMax(timeline.maxProperty().get());
        time.setValue(value);
    }

    private void bindSides() {
        Listening.onChange(this, model.radioProperty(), (obs, old, radio) -> {
            if (radio == null) {
                radioPanel.clear();
            } else {
                radioPanel.setZone(model.zone());
                radioPanel.show(radio);
            }
        });
        radioPanel.setOnChosen(model::highlight);
        // Every load sets new findings, equal or not to the last: the pane must let go of the graph it had, which an
        // equal load's change would not tell it, and keep the one its rows' radio and link numbers refer to.
        Listening.onInvalidation(this, model.findingsProperty(), obs -> findings.setFindings(model.graph(),
                model.findingsProperty().get(), model.currency()));
        findings.setOnChosen(model::highlightAndChoose);
    }

    private void showLegend() {
        legend.getChildren().clear();
        for (MeshSceneBuilder.LegendEntry entry : model.legend()) {
            Circle chip = new Circle(5, MeshPalette.color(entry.argb()));
            Label label = new Label(entry.label(), chip);
            label.getStyleClass().add(Styles.TEXT_SMALL);
            legend.getChildren().add(label);
        }
        List<MeshSceneBuilder.LegendEntry> links = model.linkLegend();
        for (int i = 0; i < links.size(); i++) {
            Line chip = new Line(0, 0, 14, 0);
            chip.setStroke(MeshPalette.color(links.get(i).argb()));
            chip.setStrokeWidth(3);
            if (i == links.size() - 1) {
                chip.getStrokeDashArray().setAll(4.0, 3.0);
            }
            Label label = new Label(links.get(i).label(), chip);
            label.getStyleClass().addAll(Styles.TEXT_SMALL, "mesh-legend-link");
            legend.getChildren().add(label);
        }
    }

    /** A picture is taken of the view here, where the canvas is; the model writes it and the data formats. */
    private void export(MeshExports.Format format) {
        if (format == MeshExports.Format.PNG) {
            model.exportPicture(canvas.picture());
        } else {
            model.exportData(format);
        }
    }

    /** The canvas the mesh is drawn on, for a test that looks at its pixels. */
    MeshCanvas canvas() {
        return canvas;
    }
}
