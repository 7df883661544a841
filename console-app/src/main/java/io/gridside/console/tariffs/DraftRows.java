package io.gridside.console.tariffs;

import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editable rows of a version draft: each field as typed, and the row's problems beside it. */
final class DraftRows {

    private DraftRows() {
    }

    /** One row of a list of the draft, whose fields the list watches and whose problems it shows. */
    abstract static class Row {

        private final StringProperty error = new SimpleStringProperty("");

        /** What is wrong with the row, each field's problem after its name; empty when nothing is. */
        StringProperty errorProperty() {
            return error;
        }

        /** The fields whose edits validate the draft again. */
        abstract Observable[] fields();
    }

    /** An energy block: where it ends in kWh (empty for the open, last block), its price per kWh, lifeline. */
    static final class BlockRow extends Row {
        final StringProperty upToKwh = new SimpleStringProperty("");
        final StringProperty price = new SimpleStringProperty("");
        final BooleanProperty lifeline = new SimpleBooleanProperty();

        @Override
        Observable[] fields() {
            return new Observable[] {upToKwh, price, lifeline};
        }
    }

    /** A time-of-use band: its day type, from and to as HH:MM, the price it adds per kWh. */
    static final class BandRow extends Row {
        final ObjectProperty<DayType> day = new SimpleObjectProperty<>(DayType.WEEKDAY);
        final StringProperty from = new SimpleStringProperty("00:00");
        final StringProperty to = new SimpleStringProperty("24:00");
        final StringProperty price = new SimpleStringProperty("0");

        @Override
        Observable[] fields() {
            return new Observable[] {day, from, to, price};
        }
    }

    /** A tax or levy line: its name, kind, and either a percentage of the energy or a price per kWh. */
    static final class ChargeRow extends Row {
        final StringProperty name = new SimpleStringProperty("");
        final ObjectProperty<ChargeLine.Kind> kind = new SimpleObjectProperty<>(ChargeLine.Kind.TAX);
        final StringProperty percent = new SimpleStringProperty("");
        final StringProperty price = new SimpleStringProperty("");

        @Override
        Observable[] fields() {
            return new Observable[] {name, kind, percent, price};
        }
    }
}
