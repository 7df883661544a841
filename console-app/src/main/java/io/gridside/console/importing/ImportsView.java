package io.gridside.console.importing;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.importing.ImportsViewModel.Kind;
import io.gridside.console.importing.ImportsViewModel.PlanRow;
import io.gridside.console.service.PaymentOutbox;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Imports of readings and payments from CSV files: the file, a dry run that lists what each row would do or
 * every bad line, Apply once the file is clean; below, the payments outbox with its Push for a supervisor.
 */
public final class ImportsView extends VBox {

    private final ImportsViewModel model;
    private final RadioButton readings = new RadioButton(I18n.text("imports.kind.readings"));
    private final RadioButton payments = new RadioButton(I18n.text("imports.kind.payments"));
    private final TextField file = new TextField();
    private final Button browse = new Button(I18n.text("imports.browse"), new FontIcon(Material2AL.FOLDER_OPEN));
    private final Button dryRun = new Button(I18n.text("imports.dryRun"), new FontIcon(Material2MZ.PLAYLIST_PLAY));
    private final Button apply = new Button(I18n.text("imports.apply"), new FontIcon(Material2AL.DONE_ALL));
    private final Label summary = new Label();
    private final ListView<String> problems = new ListView<>();
    private final TableView<PlanRow> rows = new TableView<>();
    private final TableView<PaymentOutbox.Row> outbox = new TableView<>();
    private final Button reloadOutbox = new Button(I18n.text("imports.outbox.reload"),
            new FontIcon(Material2MZ.REFRESH));
    private final Button push = new Button(I18n.text("imports.push"), new FontIcon(Material2MZ.SEND));
    private final Label outboxMessage = new Label();

    public ImportsView(ImportsViewModel model) {
        this.model = model;
        createControls();
        createTables();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("imports");
        ToggleGroup kinds = new ToggleGroup();
        readings.setToggleGroup(kinds);
        payments.setToggleGroup(kinds);
        readings.setId("imports-readings");
        payments.setId("imports-payments");
        readings.setSelected(true);
        file.setId("imports-file");
        file.setPromptText(I18n.text("imports.file.prompt"));
        browse.setId("imports-browse");
        dryRun.setId("imports-dry-run");
        apply.setId("imports-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        summary.setId("imports-summary");
        problems.setId("imports-problems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setPrefHeight(110);
        problems.setMinHeight(90);
        problems.setPlaceholder(new Label(I18n.text("imports.problems.none")));
        reloadOutbox.setId("outbox-reload");
        push.setId("outbox-push");
        outboxMessage.setId("outbox-message");
        for (Label label : List.of(summary, outboxMessage)) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
    }

    private void createTables() {
        rows.setId("imports-rows");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.setPlaceholder(new Label(I18n.text("imports.rows.none")));
        rows.getColumns().setAll(List.of(column("imports.col.line", r -> Integer.toString(r.line())),
                column("imports.col.item", PlanRow::item), column("imports.col.customer", PlanRow::customer),
                column("imports.col.value", PlanRow::value), column("imports.col.fate", PlanRow::fate)));
        outbox.setId("outbox-table");
        outbox.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outbox.setPlaceholder(new Label(I18n.text("imports.outbox.none")));
        outbox.getColumns().setAll(List.of(column("imports.col.reference", o -> o.payment().reference()),
                column("imports.col.customer", o -> o.payment().customerId()),
                column("imports.col.amount", o -> Formats.money(o.payment().amountMinor(), o.payment().currency())),
                column("imports.col.source", o -> o.payment().source()),
                column("imports.col.state", ImportsViewModel::describe)));
    }

    private static <S> TableColumn<S, String> column(String key, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox choose = new HBox(8, readings, payments, file, browse, dryRun, apply);
        choose.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox plan = new VBox(8, choose, summary, problems, rows);
        Label outboxTitle = new Label(I18n.text("imports.outbox.title"));
        outboxTitle.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox outboxBar = new HBox(8, outboxTitle, spacer, reloadOutbox, push);
        outboxBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(outbox, Priority.ALWAYS);
        VBox outboxPane = new VBox(8, outboxBar, outboxMessage, outbox);
        outboxPane.setPadding(new Insets(8, 0, 0, 0));
        SplitPane split = new SplitPane(plan, outboxPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(split);
        setPadding(new Insets(12));
    }

    private void bind() {
        readings.selectedProperty().addListener((obs, old, on) -> model.kindProperty().set(on ? Kind.READINGS
                : Kind.PAYMENTS));
        Listening.onChange(this, model.kindProperty(), (obs, old, kind) -> (kind == Kind.READINGS ? readings : payments)
                .setSelected(true));
        file.textProperty().bindBidirectional(model.fileProperty());
        summary.textProperty().bind(model.summaryProperty());
        problems.setItems(model.problems());
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        rows.setItems(model.rows());
        outbox.setItems(model.outbox());
        outboxMessage.textProperty().bind(model.outboxMessageProperty());
        dryRun.disableProperty().bind(model.busyProperty());
        apply.disableProperty().bind(model.applicableProperty().not().or(model.busyProperty()));
        push.disableProperty().bind(model.supervisorProperty().not().or(model.busyProperty()));
        browse.setOnAction(event -> chooseFile());
        dryRun.setOnAction(event -> model.dryRun());
        apply.setOnAction(event -> model.apply());
        reloadOutbox.setOnAction(event -> model.loadOutbox());
        push.setOnAction(event -> model.push());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("imports.browse.title"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(I18n.text("imports.browse.csv"),
                "*.csv", "*.CSV"), new FileChooser.ExtensionFilter(I18n.text("imports.browse.all"), "*"));
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }
}
