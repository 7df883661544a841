package io.gridside.console.cash;

import atlantafx.base.theme.Styles;
import io.gridside.console.FittedColumns;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.cash.CashBookLine;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The cash-up half of the cash desk: a day's receipts and voids of a technician, the hand-over, and voiding. */
final class CashUpPane extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CashUpViewModel model;
    private final Label title = new Label(I18n.text("cash.cashUp.title"));
    private final DatePicker day = new DatePicker();
    private final ComboBox<String> technician = new ComboBox<>();
    private final Button show = new Button(I18n.text("cash.cashUp.show"), new FontIcon(Material2MZ.REFRESH));
    private final TableView<CashBookLine> lines = new TableView<>();
    private final Label total = new Label();
    private final TextField reason = new TextField();
    private final Button voidButton = new Button(I18n.text("cash.void"), new FontIcon(Material2AL.BLOCK));
    private final Label message = new Label();
    private final HBox voidRow = new HBox(8);

    CashUpPane(CashUpViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        day.setConverter(Formats.pickerDays());
        title.getStyleClass().add(Styles.TITLE_4);
        day.setId("cashup-day");
        // As wide as the picker's own text field needs for a day in the theme's font, never narrower.
        day.setMinWidth(Region.USE_PREF_SIZE);
        technician.setId("cashup-technician");
        technician.setEditable(true);
        // Room for a technician's id such as "demo-supervisor" whole, in the theme's font.
        technician.getEditor().setPrefColumnCount(16);
        technician.setMinWidth(Region.USE_PREF_SIZE);
        show.setId("cashup-show");
        lines.setId("cashup-lines");
        lines.setPlaceholder(new Label(I18n.text("cash.cashUp.none")));
        lines.getColumns().setAll(List.of(
                column("cash.col.time", l -> TIME.format(l.at().atZone(model.zoneProperty().get()))),
                column("cash.col.kind", this::kindOf),
                column("cash.col.receipt", CashBookLine::receipt),
                column("cash.col.customer", CashBookLine::customerId),
                column("cash.col.amount", l -> Formats.money(l.handOverMinor(), l.currency())),
                column("cash.col.detail", l -> l.kind() == CashBookLine.Kind.RECEIPT ? l.reference()
                        : I18n.text("cash.voidedBy", l.voidedBy(), l.reason()))));
        // Every title whole in every language; a long reason for a void scrolls the table rather than cut it.
        FittedColumns.fit(lines);
        total.setId("cashup-total");
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.getStyleClass().add(Styles.TEXT_BOLD);
        reason.setId("cashup-void-reason");
        reason.setPromptText(I18n.text("cash.void.prompt"));
        voidButton.setId("cashup-void");
        voidButton.getStyleClass().add(Styles.DANGER);
        message.setId("cashup-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** The line's kind, said to be the replaced gateway's when the replica holds it and this gateway does not. */
    private String kindOf(CashBookLine line) {
        String kind = line.kind() == CashBookLine.Kind.RECEIPT ? "cash.kind.receipt" : "cash.kind.void";
        return I18n.text(model.fromReplica(line) ? kind + ".replica" : kind);
    }

    private static TableColumn<CashBookLine, String> column(String key, Function<CashBookLine, String> value) {
        TableColumn<CashBookLine, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        // The day, the technician and the button each keep their whole width and go to a second row when the pane
        // is too narrow for one: at 1366 pixels, in French or Swahili or in the high-contrast theme's larger letters,
        // one row cut the words beside the fields to an ellipsis and the button to its icon.
        show.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane choice = new FlowPane(12, 8, labelled("cashup-day-label", "cash.cashUp.day", day),
                labelled("cashup-technician-label", "cash.cashUp.technician", technician), show);
        choice.setId("cashup-choice");
        choice.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        voidRow.getChildren().setAll(reason, voidButton);
        voidRow.setAlignment(Pos.CENTER_LEFT);
        voidRow.setId("cashup-void-row");
        VBox.setVgrow(lines, Priority.ALWAYS);
        getChildren().setAll(title, choice, lines, total, voidRow, message);
        setSpacing(8);
    }

    /** {@code field} after its label, the two kept together on one row, the label never cut. */
    private static HBox labelled(String id, String key, Region field) {
        Label label = new Label(I18n.text(key));
        label.setId(id);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        HBox pair = new HBox(8, label, field);
        pair.setAlignment(Pos.CENTER_LEFT);
        pair.setMinWidth(Region.USE_PREF_SIZE);
        return pair;
    }

    private void bind() {
        day.valueProperty().bindBidirectional(model.dayProperty());
        technician.setItems(model.technicians());
        technician.valueProperty().bindBidirectional(model.technicianProperty());
        technician.disableProperty().bind(model.supervisorProperty().not());
        lines.setItems(model.lines());
        lines.getSelectionModel().selectedItemProperty().addListener((obs, old, line) ->
                model.selectedProperty().set(line));
        total.textProperty().bind(model.totalProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        voidRow.visibleProperty().bind(model.supervisorProperty());
        voidRow.managedProperty().bind(voidRow.visibleProperty());
        voidButton.disableProperty().bind(model.selectedProperty().isNull());
        message.textProperty().bind(model.messageProperty());
        show.setOnAction(event -> model.load());
        voidButton.setOnAction(event -> model.voidSelected());
        reason.setOnAction(event -> model.voidSelected());
    }
}
