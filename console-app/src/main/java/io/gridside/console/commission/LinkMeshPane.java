package io.gridside.console.commission;

import io.gridside.console.Listening;
import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshPalette;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The link check on the console's mesh view: the checked meters where they stand, those that need attention ringed
 * and named, a repeater's suggested place as a point of its own, the chosen meter's verdict and suggestion under
 * the view, and every suggestion listed; choosing a suggestion chooses its first meter.
 */
final class LinkMeshPane extends VBox {

    private final CommissionViewModel model;
    private final MeshCanvas canvas = new MeshCanvas();
    private final Label chosen = new Label();
    private final ListView<CommissionOverview.Remedy> remedies;
    private CommissionMesh mesh = CommissionMesh.of(List.of(), List.of(),
            MeshPalette.fallback());

    LinkMeshPane(CommissionViewModel model) {
        this.model = model;
        this.remedies = new ListView<>(model.remedies());
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("links-mesh-pane");
        canvas.setId("links-mesh");
        canvas.setMinSize(200, 160);
        chosen.setId("links-mesh-chosen");
        chosen.setWrapText(true);
        chosen.setMinHeight(Region.USE_PREF_SIZE);
        chosen.setText(CommissionTexts.text("mesh.none"));
        remedies.setId("links-remedies");
        remedies.setPrefHeight(120);
        remedies.setMinHeight(60);
        remedies.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CommissionOverview.Remedy remedy, boolean empty) {
                super.updateItem(remedy, empty);
                setText(empty || remedy == null ? null : remedy.text());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
    }

    private void layoutControls() {
        Label title = new Label(CommissionTexts.text("mesh.title"));
        title.getStyleClass().add("commission-mesh-title");
        Label legend = new Label(CommissionTexts.text("mesh.legend"));
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        Label remediesTitle = new Label(CommissionTexts.text("links.remedies"));
        remediesTitle.visibleProperty().bind(remedies.visibleProperty());
        remediesTitle.managedProperty().bind(remedies.visibleProperty());
        VBox.setVgrow(canvas, Priority.ALWAYS);
        setSpacing(6);
        getChildren().setAll(title, legend, canvas, chosen, remediesTitle, remedies);
    }

    private void bind() {
        Listening.onInvalidation(this, model.links(), changed -> redraw());
        Listening.onInvalidation(this, model.remedies(), changed -> redraw());
        remedies.visibleProperty().bind(Bindings.isNotEmpty(model.remedies()));
        remedies.managedProperty().bind(remedies.visibleProperty());
        canvas.selectedNodeProperty().addListener((obs, was, node) -> describe(node.intValue()));
        remedies.getSelectionModel().selectedItemProperty().addListener((obs, was, remedy) -> pointAt(remedy));
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                canvas.refreshPalette();
                redraw();
            }
        });
    }

    /** Draws the checks again, in the theme's colours once the pane is in a scene, and fits them in the view. */
    private void redraw() {
        MeshPalette palette = getScene() == null ? MeshPalette.fallback() : MeshPalette.of(this);
        String was = chosenSerial();
        mesh = CommissionMesh.of(model.links(), model.remedies(), palette);
        canvas.selectedNodeProperty().set(-1);
        canvas.setScene(mesh.scene());
        canvas.fitAll();
        canvas.selectedNodeProperty().set(was == null ? -1 : mesh.nodeOf(was));
        describe(canvas.selectedNodeProperty().get());
    }

    private String chosenSerial() {
        int node = canvas.selectedNodeProperty().get();
        return node >= 0 && node < mesh.meters().size() ? mesh.meters().get(node) : null;
    }

    /** Says under the view what the chosen meter's check found and what to do about it. */
    private void describe(int node) {
        CommissionOverview.Link link = node >= 0 && node < mesh.links().size() ? mesh.links().get(node) : null;
        if (link == null) {
            chosen.setText(CommissionTexts.text("mesh.none"));
        } else if (link.passes()) {
            chosen.setText(CommissionTexts.text("mesh.chosenPasses", link.serial()));
        } else {
            chosen.setText(CommissionTexts.text("mesh.chosen", link.serial(), link.reason(), link.suggestion()));
        }
    }

    /**
     * Chooses the first meter {@code remedy} would help, which rings it darker and says under the view what its
     * check found. The view is not moved: a site being commissioned fits in it whole.
     */
    private void pointAt(CommissionOverview.Remedy remedy) {
        int node = remedy == null ? -1 : remedy.meters().stream().mapToInt(mesh::nodeOf).filter(index -> index >= 0)
                .findFirst().orElse(-1);
        if (node >= 0) {
            canvas.selectedNodeProperty().set(node);
        }
    }
}
