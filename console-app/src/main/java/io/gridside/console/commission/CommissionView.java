package io.gridside.console.commission;

import io.gridside.console.Listening;
import io.gridside.console.replace.ReplaceTexts;
import atlantafx.base.theme.Styles;
import io.gridside.site.commission.CommissionStep;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
import javafx.util.Duration;

/**
 * The Commissioning screen: the steps down the side, the step shown with what it waits for and the buttons that
 * move the day on (continue, cancel, go back), the work under way, the last refusal, and the step's own form or
 * table. Continue is the accented button only where it is what the step waits for; where the step has a button of
 * its own (create the site, connect, go live), that one is, and Continue is off. Controls and bindings only: the
 * state lives in {@link CommissionViewModel}. While the screen shows, a timer reads the overview again every few
 * seconds, off the task list, so that meters joining the mesh appear by themselves.
 */
public final class CommissionView extends BorderPane {

    /** How often the screen looks for meters that joined and results that came in. */
    private static final Duration POLL = Duration.seconds(3);

    private final CommissionViewModel model;
    private final Map<CommissionStep, Node> panes = new EnumMap<>(CommissionStep.class);
    private final Label title = new Label();
    private final Label waiting = new Label();
    private final Label problem = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button proceed = new Button(CommissionTexts.text("action.proceed"));
    private final Button cancel = new Button(CommissionTexts.text("action.cancel"));
    private final Button back = new Button(CommissionTexts.text("action.back"));
    private final Button close = new Button(CommissionTexts.text("action.close"));
    private final Button replace = new Button(ReplaceTexts.text("open"));
    private final Timeline poll;

    public CommissionView(CommissionViewModel model) {
        this.model = model;
        this.poll = new Timeline(new KeyFrame(POLL, event -> {
            if (!showing()) {
                // The window closed with the screen in it: nothing is left to refresh.
                stopPolling();
            } else if (!model.runningProperty().get()) {
                model.reload();
            }
        }));
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("commission-view");
        title.setId("commission-title");
        title.getStyleClass().add(Styles.TITLE_3);
        waiting.setId("commission-waiting");
        waiting.setWrapText(true);
        problem.setId("commission-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        progressText.setId("commission-progress");
        progress.setPrefWidth(160);
        proceed.setId("commission-proceed");
        cancel.setId("commission-cancel");
        back.setId("commission-back");
        close.setId("commission-close");
        close.setVisible(false);
        close.setManaged(false);
        replace.setId("commission-replace");
        replace.setVisible(false);
        replace.setManaged(false);
        for (Button button : new Button[] {proceed, cancel, back, close, replace}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        poll.setCycleCount(Animation.INDEFINITE);
        panes.put(CommissionStep.SITE, new SitePane(model));
        GatewayPane gateway = new GatewayPane(model);
        panes.put(CommissionStep.GATEWAY, gateway);
        panes.put(CommissionStep.PACK, gateway);
        panes.put(CommissionStep.CUSTOMERS, new CustomersPane(model, "customers.explain", true));
        panes.put(CommissionStep.ASSIGN, new AssignPane(model));
        panes.put(CommissionStep.BALANCES, new CustomersPane(model, "balances.explain", false));
        panes.put(CommissionStep.LINK_CHECK, ChecksPane.links(model));
        panes.put(CommissionStep.RELAY_TEST, ChecksPane.relays(model));
        panes.put(CommissionStep.DRY_RUN, ChecksPane.bills(model));
        panes.put(CommissionStep.GO_LIVE, new LivePane(model, "live.explain"));
        panes.put(CommissionStep.REPORT, new LivePane(model, "report.explain"));
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, progressText, progress, back, cancel, proceed, replace, close);
        header.setAlignment(Pos.CENTER_LEFT);
        StackPane content = new StackPane();
        content.getChildren().setAll(panes.values().stream().distinct().toList());
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox body = new VBox(8, header, waiting, problem, content);
        body.setPadding(new Insets(0, 12, 0, 12));
        setLeft(new StepList(model));
        setCenter(body);
    }

    /** Shows a button that leaves the screen, running {@code action}: the console's way back to connecting. */
    public void onClose(Runnable action) {
        close.setOnAction(event -> action.run());
        close.setVisible(true);
        close.setManaged(true);
    }

    /**
     * Shows a button that opens the replacement of a failed gateway, running {@code action}: a replacement is the
     * commissioning of a new gateway for a site that already bills, and needs no session with the dead one.
     */
    public void onReplace(Runnable action) {
        replace.setOnAction(event -> action.run());
        replace.setVisible(true);
        replace.setManaged(true);
    }

    private void bind() {
        for (Map.Entry<CommissionStep, Node> entry : panes.entrySet()) {
            Node pane = entry.getValue();
            pane.visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> panes.get(model.shownProperty().get()) == pane, model.shownProperty()));
        }
        title.textProperty().bind(Bindings.createStringBinding(
                () -> CommissionTexts.text("step." + model.shownProperty().get().name()), model.shownProperty()));
        waiting.textProperty().bind(model.waitingProperty());
        waiting.visibleProperty().bind(model.waitingProperty().isNotEmpty()
                .and(model.shownProperty().isEqualTo(model.currentProperty())));
        waiting.managedProperty().bind(waiting.visibleProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        progressText.textProperty().bind(model.progressTextProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        progressText.visibleProperty().bind(model.progressTextProperty().isNotEmpty());
        proceed.disableProperty().bind(model.runningProperty().or(model.proceedAppliesProperty().not()));
        // Only the action that applies now stands out: Continue, or the current step's own button.
        Listening.onChange(this, model.proceedAppliesProperty(), (obs, was, applies) -> accent(applies));
        accent(model.proceedAppliesProperty().get());
        cancel.disableProperty().bind(model.runningProperty().not());
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> model.runningProperty().get()
                || !model.shownIsDone(), model.runningProperty(), model.shownProperty(), model.steps()));
        proceed.setOnAction(event -> model.proceed());
        cancel.setOnAction(event -> model.cancel());
        back.setOnAction(event -> model.goBack());
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                poll.stop();
            }
        });
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                model.reload();
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    private void accent(boolean applies) {
        proceed.getStyleClass().remove(Styles.ACCENT);
        if (applies) {
            proceed.getStyleClass().add(Styles.ACCENT);
        }
    }

    /** Whether the screen is in a window that is showing. */
    private boolean showing() {
        return getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
    }

    private void stopPolling() {
        poll.stop();
    }
}
