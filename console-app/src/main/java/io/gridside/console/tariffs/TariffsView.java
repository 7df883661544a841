package io.gridside.console.tariffs;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.service.TariffUnits;
import io.gridside.site.Customer;
import io.gridside.site.tariff.TariffVersion;
import java.io.File;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The site's tariff: its versions line by line, a form for the next version that checks each field as it is
 * typed and saves the schedule as a tariff file, and a chosen customer's month billed under both, line by line.
 */
public final class TariffsView extends VBox {

    private static final String FIGURE = "figure";

    private final TariffsViewModel model;
    private final Label header = new Label();
    private final Button reload = new Button(I18n.text("tariffs.reload"), new FontIcon(Material2MZ.REFRESH));
    private final ListView<TariffVersion> versions = new ListView<>();
    private final ListView<String> versionLines = new ListView<>();
    private final ScrollPane editor = new ScrollPane();
    private final Button save = new Button(I18n.text("tariffs.save"), new FontIcon(Material2MZ.SAVE));
    private final Button send = new Button(I18n.text("tariffs.send"), new FontIcon(Material2MZ.SEND));
    private final Label problems = new Label();
    private final Label message = new Label();
    private final ComboBox<Customer> customer = new ComboBox<>();
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final Label previewHeader = new Label();
    private final TableView<TariffPreview.Row> previewTable = new TableView<>();
    private final Label previewTotal = new Label();
    private final Label previewMessage = new Label();

    public TariffsView(TariffsViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        header.setId("tariffs-header");
        header.getStyleClass().add(Styles.TITLE_4);
        reload.setId("tariffs-reload");
        versions.setId("tariff-versions");
        versions.setPlaceholder(wrapped(I18n.text("list.empty")));
        // Wide enough for a version's start in French ("à partir du 2027-01-01 00:00") without a scroll bar.
        versions.setPrefSize(240, 110);
        versions.setMinSize(150, 80);
        versions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TariffVersion version, boolean empty) {
                super.updateItem(version, empty);
                setText(empty || version == null ? null : I18n.text("tariffs.version.from",
                        version.effectiveFrom().toLocalDate(), version.effectiveFrom().toLocalTime()));
            }
        });
        versionLines.setId("tariff-version-lines");
        versionLines.setPlaceholder(wrapped(I18n.text("list.empty")));
        versionLines.setPrefHeight(110);
        versionLines.setMinHeight(80);
        editor.setId("tariff-editor");
        editor.setFitToWidth(true);
        save.setId("tariff-save");
        save.getStyleClass().add(Styles.ACCENT);
        send.setId("tariff-send");
        problems.setId("tariff-problems");
        // The buttons keep their words whole; whether the draft is valid is said on its own line below them.
        save.setMinWidth(Region.USE_PREF_SIZE);
        send.setMinWidth(Region.USE_PREF_SIZE);
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("tariffs-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        customer.setId("tariff-customer");
        customer.setPrefWidth(220);
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer c) {
                return c == null ? "" : c.customerId() + " \u2013 " + c.name();
            }

            @Override
            public Customer fromString(String text) {
                return null;
            }
        });
        month.setId("tariff-month");
        previewHeader.setId("tariff-preview-header");
        previewHeader.setWrapText(true);
        previewHeader.setMinHeight(Region.USE_PREF_SIZE);
        previewTotal.setId("tariff-preview-total");
        previewTotal.getStyleClass().add(Styles.TITLE_4);
        previewTotal.setWrapText(true);
        previewTotal.setMinHeight(Region.USE_PREF_SIZE);
        previewMessage.setId("tariff-preview-message");
        previewMessage.getStyleClass().add("problem-text");
        previewMessage.setWrapText(true);
        previewMessage.setMinHeight(Region.USE_PREF_SIZE);
        createPreviewTable();
    }

    private void createPreviewTable() {
        previewTable.setId("tariff-preview-table");
        previewTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        previewTable.setPlaceholder(new Label(I18n.text("tariffs.preview.none")));
        TableColumn<TariffPreview.Row, String> line = column("tariffs.col.line", VersionText::rowName);
        line.setPrefWidth(170);
        TableColumn<TariffPreview.Row, String> now = new TableColumn<>(I18n.text("tariffs.col.now"));
        now.getColumns().setAll(List.of(figure("tariffs.col.kwh", row -> kwh(row.currentWh())),
                figure("tariffs.col.amount", row -> amount(row, row.currentUnits(), false))));
        TableColumn<TariffPreview.Row, String> edited = new TableColumn<>(I18n.text("tariffs.col.edited"));
        edited.getColumns().setAll(List.of(figure("tariffs.col.kwh", row -> kwh(row.proposedWh())),
                figure("tariffs.col.amount", row -> amount(row, row.proposedUnits(), false))));
        TableColumn<TariffPreview.Row, String> difference = figure("tariffs.col.difference",
                row -> amount(row, row.differenceUnits(), true));
        difference.setPrefWidth(100);
        previewTable.getColumns().setAll(List.of(line, now, edited, difference));
    }

    private String amount(TariffPreview.Row row, long units, boolean signed) {
        TariffPreview.Preview shown = model.previewProperty().get();
        if (shown == null) {
            return "";
        }
        String text = row.unitsPerMinor() == 1 ? TariffUnits.amount(units, shown.currency())
                : TariffUnits.exactCharge(units, shown.currency());
        return signed && units > 0 ? "+" + text : text;
    }

    private static String kwh(Long wh) {
        return wh == null ? "" : TariffUnits.kwh(wh);
    }

    private static TableColumn<TariffPreview.Row, String> figure(String key,
            Function<TariffPreview.Row, String> value) {
        TableColumn<TariffPreview.Row, String> column = column(key, value);
        column.getStyleClass().add(FIGURE);
        column.setPrefWidth(80);
        return column;
    }

    private static TableColumn<TariffPreview.Row, String> column(String key,
            Function<TariffPreview.Row, String> value) {
        TableColumn<TariffPreview.Row, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, header, spacer, reload);
        top.setAlignment(Pos.CENTER_LEFT);

        HBox.setHgrow(versionLines, Priority.ALWAYS);
        VBox.setVgrow(editor, Priority.ALWAYS);
        HBox saving = new HBox(10, save, send);
        saving.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, title("tariffs.versions"), new HBox(6, versions, versionLines),
                title("tariffs.draft.title"), editor, saving, problems, message);
        left.setPadding(new Insets(0, 8, 0, 0));

        HBox choices = new HBox(8, new Label(I18n.text("tariffs.preview.customer")), customer,
                new Label(I18n.text("tariffs.preview.month")), month);
        choices.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        Label note = new Label(I18n.text("tariffs.preview.note"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        VBox right = new VBox(6, title("tariffs.preview.title"), choices, previewHeader, previewTable, previewTotal,
                previewMessage, note);
        right.setPadding(new Insets(0, 0, 0, 8));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.47);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(top, split);
        setSpacing(8);
        setPadding(new Insets(12));
    }

    /** A placeholder that wraps in a narrow list rather than be cut: the versions' list is 190 pixels wide. */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(0, 6, 0, 6));
        return label;
    }

    private static Label title(String key) {
        Label title = new Label(I18n.text(key));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        return title;
    }

    private void bind() {
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                model.loadIfNeeded();
            }
        });
        // A screen shown before the site's first pull ended, as a start on this screen is, reads once it has.
        Listening.onChange(this, model.pullsProperty(), (obs, old, count) -> {
            if (isVisible()) {
                model.loadIfNeeded();
            }
        });
        reload.setOnAction(event -> model.load());
        versions.setItems(model.versions());
        versions.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> showVersion(chosen));
        Listening.onListChange(this, model.versions(), change ->
                versions.getSelectionModel().selectLast());
        Listening.onChange(this, model.sourceProperty(), (obs, old, source) -> showHeader(source));
        Listening.onChange(this, model.draftProperty(), (obs, old, draft) -> showDraft(draft));
        save.setOnAction(event -> chooseFileAndSave());
        send.setOnAction(event -> confirmAndSend());
        message.textProperty().bind(model.messageProperty());
        customer.setItems(model.customers());
        customer.valueProperty().bindBidirectional(model.customerProperty());
        month.setItems(model.months());
        month.valueProperty().bindBidirectional(model.monthProperty());
        previewMessage.textProperty().bind(model.previewMessageProperty());
        previewMessage.visibleProperty().bind(model.previewMessageProperty().isNotEmpty());
        previewMessage.managedProperty().bind(previewMessage.visibleProperty());
        Listening.onChange(this, model.previewProperty(), (obs, old, preview) -> showPreview(preview));
        showHeader(null);
        showDraft(null);
        showPreview(null);
    }

    private void showHeader(TariffPreview source) {
        header.setText(source == null ? I18n.text("tariffs.header.none") : I18n.text("tariffs.header",
                source.schedule().tariffId(), source.schedule().currency(), source.schedule().versions().size()));
    }

    /** Asks the supervisor to confirm the version's effective time before the gateway re-rates by it. */
    private void confirmAndSend() {
        java.time.LocalDateTime from = model.draftEffectiveFrom();
        if (from == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.setTitle(I18n.text("tariffs.send.title"));
        confirm.setHeaderText(I18n.text("tariffs.send.header", model.versions().size() + 1,
                from.toLocalDate() + " " + from.toLocalTime()));
        confirm.setContentText(I18n.text("tariffs.send.text"));
        ButtonType sendType = new ButtonType(I18n.text("tariffs.send.confirm"), ButtonBar.ButtonData.OK_DONE);
        // JavaFX's own Cancel is in the language the computer had when JavaFX started, not the console's.
        ButtonType cancelType = new ButtonType(I18n.text("task.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        confirm.getButtonTypes().setAll(cancelType, sendType);
        confirm.getDialogPane().setId("tariff-send-confirm");
        confirm.getDialogPane().lookupButton(sendType).setId("tariff-send-confirm-send");
        if (confirm.showAndWait().filter(sendType::equals).isPresent()) {
            model.send();
        }
    }

    private void showVersion(TariffVersion version) {
        TariffPreview source = model.sourceProperty().get();
        versionLines.getItems().setAll(version == null || source == null ? List.of()
                : VersionText.lines(version, source.schedule().currency()));
    }

    private void showDraft(VersionDraft draft) {
        send.setVisible(model.canSend());
        send.setManaged(send.isVisible());
        send.disableProperty().unbind();
        save.disableProperty().unbind();
        problems.textProperty().unbind();
        if (draft == null) {
            editor.setContent(new Label(I18n.text("tariffs.draft.none.loaded")));
            save.setDisable(true);
            send.setDisable(true);
            problems.setText("");
            return;
        }
        editor.setContent(new VersionEditor(draft));
        save.disableProperty().bind(draft.versionProperty().isNull());
        send.disableProperty().bind(draft.versionProperty().isNull());
        problems.textProperty().bind(Bindings.createStringBinding(() -> draft.problemCountProperty().get() == 0
                ? I18n.text("tariffs.draft.valid") : I18n.text("tariffs.draft.problems",
                        draft.problemCountProperty().get()), draft.problemCountProperty()));
    }

    private void chooseFileAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("tariffs.save.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("tariffs.save.filter"),
                "*.json"));
        TariffPreview source = model.sourceProperty().get();
        chooser.setInitialFileName((source == null ? "tariff" : source.schedule().tariffId()) + ".json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }

    private void showPreview(TariffPreview.Preview preview) {
        if (preview == null) {
            previewHeader.setText("");
            previewTable.getItems().clear();
            previewTotal.setText("");
            return;
        }
        String currency = preview.currency();
        LocalDate lastDay = preview.current().lastDay();
        String days = lastDay.equals(preview.month().atEndOfMonth()) ? preview.month().toString()
                : I18n.text("tariffs.preview.soFar", preview.month().atDay(1), lastDay);
        previewHeader.setText(I18n.text("tariffs.preview.header", preview.customerId(), days,
                TariffUnits.kwh(preview.current().energyWh()), preview.tariffId(), currency));
        previewTable.getItems().setAll(preview.rows());
        long difference = preview.differenceMinor();
        previewTotal.setText(I18n.text("tariffs.preview.total",
                VersionText.amount(preview.current().totalMinor(), currency),
                VersionText.amount(preview.proposed().totalMinor(), currency),
                (difference > 0 ? "+" : "") + VersionText.amount(difference, currency)));
    }
}
