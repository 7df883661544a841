package io.gridside.console.replace;

import atlantafx.base.theme.Styles;
import io.gridside.console.replace.ReplaceGatewayViewModel.Step;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The gateway replacement, step by step: the site's replica, the new gateway, the payments made since the last
 * pull, the registers read, their review with the confirmation that posts, and the result; above them what the
 * earlier steps found, the work under way and the last refusal. Controls and bindings only: the state lives in
 * {@link ReplaceGatewayViewModel}.
 */
public final class ReplaceGatewayView extends BorderPane {

    private final ReplaceGatewayViewModel model;
    private final Map<Step, Node> panes = new EnumMap<>(Step.class);
    private final Label title = new Label(ReplaceTexts.text("title"));
    private final Label stepTitle = new Label();
    private final Label siteSummary = new Label();
    private final Label gatewaySummary = new Label();
    private final Label problem = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button back = new Button(ReplaceTexts.text("action.back"));
    private final Button cancel = new Button(ReplaceTexts.text("action.cancel"));
    private final Button close = new Button(ReplaceTexts.text("action.close"));

    public ReplaceGatewayView(ReplaceGatewayViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("replace-view");
        title.getStyleClass().add(Styles.TITLE_3);
        stepTitle.setId("replace-step");
        stepTitle.getStyleClass().add(Styles.TITLE_4);
        siteSummary.setId("replace-site-summary");
        gatewaySummary.setId("replace-gateway-summary");
        problem.setId("replace-problem");
        problem.getStyleClass().add(Styles.DANGER);
        progressText.setId("replace-progress");
        progress.setPrefWidth(160);
        back.setId("replace-back");
        cancel.setId("replace-cancel");
        close.setId("replace-close");
        for (Label label : new Label[] {siteSummary, gatewaySummary, problem, progressText}) {
            label.setWrapText(true);
            // Whole sentences before a taller table: the table scrolls, a cut sentence loses its code.
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Button button : new Button[] {back, cancel, close}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        panes.put(Step.SITE, ReplacePanes.site(model));
        panes.put(Step.GATEWAY, ReplacePanes.gateway(model));
        panes.put(Step.PAYMENTS, new PaymentsPane(model));
        panes.put(Step.REGISTERS, ReplacePanes.registers(model));
        panes.put(Step.CONFIRM, ReplacePanes.confirm(model));
        panes.put(Step.RESULT, ReplacePanes.result(model));
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, progressText, progress, back, cancel, close);
        header.setAlignment(Pos.CENTER_LEFT);
        StackPane content = new StackPane();
        content.getChildren().setAll(panes.values());
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox body = new VBox(8, header, stepTitle, siteSummary, gatewaySummary, problem, content);
        body.setPadding(new Insets(8, 12, 8, 12));
        setCenter(body);
    }

    /** Shows {@code action} behind the close button: the way back to the Commissioning screen. */
    public void onClose(Runnable action) {
        close.setOnAction(event -> action.run());
    }

    private void bind() {
        for (Map.Entry<Step, Node> entry : panes.entrySet()) {
            entry.getValue().visibleProperty().bind(model.stepProperty().isEqualTo(entry.getKey()));
        }
        stepTitle.textProperty().bind(Bindings.createStringBinding(() -> ReplaceTexts.text("step."
                + model.stepProperty().get().name(), model.stepProperty().get().ordinal() + 1, Step.values().length),
                model.stepProperty()));
        showWhenSet(siteSummary, model.siteSummaryProperty().isNotEmpty()
                .and(model.stepProperty().isNotEqualTo(Step.SITE)));
        siteSummary.textProperty().bind(model.siteSummaryProperty());
        showWhenSet(gatewaySummary, model.gatewaySummaryProperty().isNotEmpty()
                .and(model.stepProperty().isNotEqualTo(Step.SITE))
                .and(model.stepProperty().isNotEqualTo(Step.GATEWAY)));
        gatewaySummary.textProperty().bind(model.gatewaySummaryProperty());
        problem.textProperty().bind(model.problemProperty());
        showWhenSet(problem, model.problemProperty().isNotEmpty());
        progressText.textProperty().bind(model.progressTextProperty());
        progress.progressProperty().bind(model.progressProperty());
        showWhenSet(progress, model.runningProperty());
        showWhenSet(progressText, model.progressTextProperty().isNotEmpty());
        cancel.disableProperty().bind(model.runningProperty().not());
        back.disableProperty().bind(model.runningProperty().or(model.stepProperty().isEqualTo(Step.SITE))
                .or(model.stepProperty().isEqualTo(Step.RESULT)));
        close.disableProperty().bind(model.runningProperty());
        back.setOnAction(event -> model.back());
        cancel.setOnAction(event -> model.cancel());
    }

    private static void showWhenSet(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
