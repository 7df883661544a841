package io.gridside.console.tariffs;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.tariffs.DraftRows.BandRow;
import io.gridside.console.tariffs.DraftRows.BlockRow;
import io.gridside.console.tariffs.DraftRows.ChargeRow;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The form of a version draft: one line per field and per row of the blocks, bands and tax lines, each with its
 * problem shown under it as the draft's check finds it, and buttons that add and remove rows.
 */
final class VersionEditor extends VBox {

    private static final double FIGURE_WIDTH = 90;
    private static final double TIME_WIDTH = 76;
    /** The name of "none" in a choice that may be left out. */
    private static final String NONE = "";

    private final VersionDraft draft;
    private final VBox blockRows = new VBox(4);
    private final VBox bandRows = new VBox(4);
    private final VBox chargeRows = new VBox(4);

    VersionEditor(VersionDraft draft) {
        this.draft = draft;
        setSpacing(6);
        getChildren().addAll(field("tariffs.draft.from", text(draft.effectiveFrom, "draft-from", 170),
                error(draft.error("effectiveFrom"), "draft-from-error")));
        addBlocks();
        addBands();
        addStanding();
        addCharges();
        getChildren().addAll(field("tariffs.draft.powerLimit", text(draft.powerLimit, "draft-power-limit",
                FIGURE_WIDTH)), error(draft.error("powerLimit"), "draft-power-limit-error"),
                error(draft.error("other"), "draft-other-error"));
    }

    private void addBlocks() {
        ComboBox<String> reset = choice(draft.blockReset, "draft-reset", true, Period.values());
        getChildren().addAll(title("tariffs.draft.blocks"), blockRows,
                addButton("add-block", () -> draft.blocks.add(newBlock())),
                error(draft.error("blocks"), "draft-blocks-error"), field("tariffs.draft.reset", reset),
                error(draft.error("blockReset"), "draft-reset-error"));
        rebuild(draft.blocks, blockRows, this::blockRow);
    }

    private BlockRow newBlock() {
        BlockRow row = new BlockRow();
        row.price.set("0");
        return row;
    }

    private void addBands() {
        getChildren().addAll(title("tariffs.draft.bands"), bandRows,
                addButton("add-band", () -> draft.bands.add(new BandRow())),
                error(draft.error("tou"), "draft-bands-error"));
        rebuild(draft.bands, bandRows, this::bandRow);
    }

    private void addStanding() {
        getChildren().addAll(title("tariffs.draft.standing"),
                field("tariffs.draft.standingPeriod", choice(draft.standingPeriod, "draft-standing-period", true,
                        Period.values()), label("tariffs.draft.amount"),
                        text(draft.standingAmount, "draft-standing-amount", FIGURE_WIDTH),
                        label("tariffs.draft.dueDay"), text(draft.dueDay, "draft-due-day", TIME_WIDTH)),
                error(draft.error("standing"), "draft-standing-error"),
                field("tariffs.draft.minimum", text(draft.minimum, "draft-minimum", FIGURE_WIDTH)),
                error(draft.error("minimum"), "draft-minimum-error"));
    }

    private void addCharges() {
        getChildren().addAll(title("tariffs.draft.charges"), chargeRows,
                addButton("add-charge", () -> draft.charges.add(new ChargeRow())));
        rebuild(draft.charges, chargeRows, this::chargeRow);
    }

    private Node blockRow(BlockRow row, int index) {
        CheckBox lifeline = new CheckBox(I18n.text("tariffs.draft.lifeline"));
        lifeline.setId("block-lifeline-" + index);
        lifeline.selectedProperty().bindBidirectional(row.lifeline);
        return row(row, "block", index, draft.blocks, label("tariffs.draft.upTo"),
                text(row.upToKwh, "block-upto-" + index, FIGURE_WIDTH), label("tariffs.draft.price", draft.currency()),
                text(row.price, "block-price-" + index, FIGURE_WIDTH), lifeline);
    }

    private Node bandRow(BandRow row, int index) {
        return row(row, "band", index, draft.bands, choice(row.day, "band-day-" + index, false, DayType.values()),
                text(row.from, "band-from-" + index, TIME_WIDTH), label("tariffs.draft.to"),
                text(row.to, "band-to-" + index, TIME_WIDTH), label("tariffs.draft.plus", draft.currency()),
                text(row.price, "band-price-" + index, FIGURE_WIDTH));
    }

    private Node chargeRow(ChargeRow row, int index) {
        TextField name = text(row.name, "charge-name-" + index, FIGURE_WIDTH);
        name.setPromptText(I18n.text("tariffs.draft.name"));
        return row(row, "charge", index, draft.charges, name,
                choice(row.kind, "charge-kind-" + index, false, ChargeLine.Kind.values()),
                text(row.percent, "charge-percent-" + index, TIME_WIDTH), label("tariffs.draft.percentOr"),
                text(row.price, "charge-price-" + index, FIGURE_WIDTH), label("tariffs.draft.perKwh"));
    }

    /** A row's fields in a line, a button that removes it, and its problems under them. */
    private <R extends DraftRows.Row> Node row(R row, String kind, int index, ObservableList<R> rows,
            Node... fields) {
        Button remove = new Button(null, new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.setId(kind + "-remove-" + index);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setOnAction(event -> rows.remove(row));
        HBox line = new HBox(6, fields);
        line.getChildren().add(remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, error(row.errorProperty(), kind + "-error-" + index));
    }

    /** Builds the rows again when one is added or removed, not while one is typed in, which keeps its focus. */
    private <R> void rebuild(ObservableList<R> rows, VBox box, BiFunction<R, Integer, Node> build) {
        Runnable all = () -> {
            box.getChildren().clear();
            for (int i = 0; i < rows.size(); i++) {
                box.getChildren().add(build.apply(rows.get(i), i));
            }
        };
        Listening.onListChange(this, rows, change -> {
            boolean structure = false;
            while (change.next()) {
                structure |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structure) {
                all.run();
            }
        });
        all.run();
    }

    private static HBox field(String key, Node... controls) {
        HBox line = new HBox(6, label(key));
        line.getChildren().addAll(controls);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Label title(String key) {
        Label title = new Label(I18n.text(key));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        return title;
    }

    private static Label label(String key, Object... args) {
        Label label = new Label(I18n.text(key, args));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label error(StringProperty text, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("problem-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(text);
        error.visibleProperty().bind(text.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static TextField text(StringProperty value, String id, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(width);
        field.setMinWidth(width);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Button addButton(String id, Runnable add) {
        Button button = new Button(I18n.text("tariffs.draft.addRow"), new FontIcon(Material2AL.ADD));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(event -> add.run());
        return button;
    }

    /**
     * A choice of {@code values} by name, with "none" (the empty name) first when the field may be left out: a
     * combo box holds no null item well, so the choice is of names and kept in step with {@code value}.
     */
    @SafeVarargs
    private static <T extends Enum<T>> ComboBox<String> choice(ObjectProperty<T> value, String id, boolean optional,
            T... values) {
        List<String> names = new ArrayList<>();
        if (optional) {
            names.add(NONE);
        }
        Arrays.stream(values).map(Enum::name).forEach(names::add);
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(names));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.equals(NONE) ? I18n.text("tariffs.draft.none")
                        : I18n.text("tariffs.enum." + name.toLowerCase(Locale.ROOT));
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        Class<T> type = values[0].getDeclaringClass();
        box.setValue(value.get() == null ? NONE : value.get().name());
        box.valueProperty().addListener((obs, old, name) -> value.set(name == null || name.equals(NONE) ? null
                : Enum.valueOf(type, name)));
        Listening.onChange(box, value, (obs, old, chosen) -> box.setValue(chosen == null ? NONE : chosen.name()));
        return box;
    }
}
