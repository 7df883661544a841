package io.gridside.console.reconcile;

import atlantafx.base.theme.Styles;
import io.gridside.billing.rerate.ChargeDetail;
import io.gridside.billing.rerate.LineDifference;
import io.gridside.console.FittedFields;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.ConsoleSession;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Reconciliation over a period: each line the gateway charged otherwise than the console's re-rating, by customer
 * and day, in the site's currency, with what explains the chosen one; a supervisor posts the corrections after
 * confirming their count and total. Without a connected gateway it says that it needs one.
 */
public final class ReconcileView extends StackPane {

    private static final String FIGURE = "figure";

    private final ReconcileViewModel model;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button run = new Button(I18n.text("reconcile.run"), new FontIcon(Material2MZ.PLAY_ARROW));
    private final Button cancel = new Button(I18n.text("task.cancel"), new FontIcon(Material2AL.CLOSE));
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button post = new Button(I18n.text("reconcile.post"), new FontIcon(Material2MZ.SEND));
    private final TableView<LineDifference> table = new TableView<>();
    private final TableView<ChargeDetail> details = new TableView<>();
    private final Label message = new Label();
    private final Label offline = new Label(I18n.text("reconcile.needsConnection"));
    private final VBox content = new VBox(10);

    public ReconcileView(ReconcileViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        from.setConverter(Formats.pickerDays());
        to.setConverter(Formats.pickerDays());
        from.setId("reconcile-from");
        to.setId("reconcile-to");
        from.setPromptText(I18n.text("reconcile.from.prompt"));
        to.setPromptText(I18n.text("reconcile.to.prompt"));
        // Each as wide as its hint in the language's words and the theme's letters: a fixed width cut the French
        // hints in high contrast and the Swahili ones.
        FittedFields.fit(from);
        FittedFields.fit(to);
        run.setId("reconcile-run");
        run.getStyleClass().add(Styles.ACCENT);
        cancel.setId("reconcile-cancel");
        post.setId("reconcile-post");
        post.getStyleClass().add(Styles.DANGER);
        progress.setId("reconcile-progress");
        progress.setPrefSize(20, 20);
        progress.setMaxSize(20, 20);
        message.setId("reconcile-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        offline.setId("reconcile-offline");
        offline.getStyleClass().add(Styles.TITLE_4);
        offline.setWrapText(true);
        table.setId("reconcile-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.text("reconcile.none")));
        table.getColumns().setAll(List.of(line("reconcile.col.customer", d -> d.customerDay().customerId()),
                line("reconcile.col.day", d -> d.customerDay().day().toString()),
                line("reconcile.col.line", d -> d.line().label()),
                figure(line("reconcile.col.gateway", d -> money(d.gatewayMinor()))),
                figure(line("reconcile.col.console", d -> money(d.consoleMinor()))),
                figure(line("reconcile.col.correction", d -> money(d.correction().amountMinor())))));
        details.setId("reconcile-details");
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPlaceholder(new Label(I18n.text("reconcile.details.choose")));
        details.getColumns().setAll(List.of(detail("reconcile.col.reference", ChargeDetail::reference),
                figure(detail("reconcile.col.gateway", c -> money(c.gatewayMinor()))),
                figure(detail("reconcile.col.console", c -> money(c.consoleMinor())))));
    }

    private String money(long minor) {
        return Formats.money(minor, model.currency());
    }

    private static <S> TableColumn<S, String> figure(TableColumn<S, String> column) {
        column.getStyleClass().add(FIGURE);
        return column;
    }

    private static TableColumn<LineDifference, String> line(String key, Function<LineDifference, String> text) {
        TableColumn<LineDifference, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<ChargeDetail, String> detail(String key, Function<ChargeDetail, String> text) {
        TableColumn<ChargeDetail, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, whole(new Label(I18n.text("reconcile.from"))), from,
                whole(new Label(I18n.text("reconcile.to"))), to, whole(run), progress, whole(cancel), spacer,
                whole(post));
        bar.setAlignment(Pos.CENTER_LEFT);
        Label detailsTitle = new Label(I18n.text("reconcile.details"));
        detailsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox lower = new VBox(6, detailsTitle, details);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        content.getChildren().setAll(bar, message, split);
        content.setPadding(new Insets(12));
        content.setId("reconcile-content");
        StackPane.setAlignment(offline, Pos.CENTER);
        getChildren().setAll(content, offline);
    }

    /** {@code control} never narrower than its text: the bar's spacer gives way first. */
    private static <T extends Region> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    private void bind() {
        table.setItems(model.differences());
        details.setItems(model.details());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        message.textProperty().bind(model.messageProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty()
                .set(row));
        offline.visibleProperty().bind(model.connectedProperty().not());
        content.visibleProperty().bind(model.connectedProperty());
        run.disableProperty().bind(model.runningProperty());
        progress.visibleProperty().bind(model.runningProperty());
        cancel.visibleProperty().bind(model.runningProperty());
        post.visibleProperty().bind(model.supervisorProperty());
        post.managedProperty().bind(post.visibleProperty());
        post.disableProperty().bind(model.runningProperty().or(model.reportProperty().isNull())
                .or(Bindings.createBooleanBinding(() -> !model.hasCorrections(),
                        model.reportProperty())));
        run.setOnAction(event -> model.reconcile());
        cancel.setOnAction(event -> model.cancel());
        post.setOnAction(event -> confirmAndPost());
    }

    /** Asks the supervisor to confirm the count and the total before the gateway posts anything. */
    private void confirmAndPost() {
        ConsoleSession.Reconciled shown = model.reportProperty().get();
        if (shown == null || !model.hasCorrections()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.setTitle(I18n.text("reconcile.confirm.title"));
        confirm.setHeaderText(I18n.text("reconcile.confirm.header", shown.plan().count(),
                money(shown.plan().totalMinor())));
        confirm.setContentText(I18n.text("reconcile.confirm.text"));
        ButtonType postType = new ButtonType(I18n.text("reconcile.confirm.post"), ButtonBar.ButtonData.OK_DONE);
        // JavaFX's own Cancel is in the language the computer had when JavaFX started, not the console's.
        ButtonType cancelType = new ButtonType(I18n.text("task.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        confirm.getButtonTypes().setAll(cancelType, postType);
        confirm.getDialogPane().setId("reconcile-confirm");
        confirm.getDialogPane().lookupButton(postType).setId("reconcile-confirm-post");
        confirm.getDialogPane().lookupButton(cancelType).setId("reconcile-confirm-cancel");
        if (confirm.showAndWait().filter(postType::equals).isPresent()) {
            model.postCorrections();
        }
    }
}
