package io.gridside.console.customers;

import io.gridside.console.Message;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.StatementExport;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.MeterStatus;
import java.time.LocalDate;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

/**
 * The customers table's rows (one per meter status the gateway reported: customer, name, meter, balance, state),
 * its filter, and the chosen customer's statement over a period, with its exports.
 */
public final class CustomersViewModel {

    private final SessionViewModel session;
    private final FilteredList<MeterStatus> customers;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<MeterStatus> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<CustomerStatement> statement = new SimpleObjectProperty<>();
    private final Message message = new Message();

    public CustomersViewModel(SessionViewModel session) {
        this.session = session;
        this.customers = new FilteredList<>(session.meters());
        filterText.addListener((obs, old, text) -> applyFilter());
        selected.addListener((obs, old, chosen) -> chosen(old, chosen));
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        customers.setPredicate(c -> text.isEmpty() || c.customerId().toLowerCase(Locale.ROOT).contains(text)
                || c.customerName().toLowerCase(Locale.ROOT).contains(text)
                || c.meterId().toLowerCase(Locale.ROOT).contains(text));
    }

    /**
     * A pull replaces every row, so the table may hand back the same customer in a new row: that keeps the
     * statement shown, and only another customer loads theirs.
     */
    private void chosen(MeterStatus old, MeterStatus chosen) {
        if (chosen == null || old != null && old.customerId().equals(chosen.customerId())) {
            return;
        }
        loadStatement();
    }

    /**
     * Loads the chosen customer's statement over the period chosen; a day not chosen yet is the ledger's (its
     * last week), and the period then shows the days it took.
     */
    public void loadStatement() {
        MeterStatus chosen = selected.get();
        if (chosen == null) {
            statement.set(null);
            return;
        }
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            message.say("customers.period.backward");
            return;
        }
        String customerId = chosen.customerId();
        message.clear();
        session.loadStatement(customerId, from.get(), to.get(), loaded -> {
            if (selected.get() != null && selected.get().customerId().equals(customerId)) {
                from.set(loaded.firstDay());
                to.set(loaded.lastDay());
                statement.set(loaded);
            }
        }, message::showWords);
    }

    /** Writes the statement shown as {@code format} and says where. */
    public void export(StatementExport.Format format) {
        CustomerStatement shown = statement.get();
        if (shown == null) {
            return;
        }
        session.exportStatement(shown, format, file -> message.say("customers.exported", file),
                message::showWords);
    }

    /** The customers that pass the filter, in pull order; the table sorts them. */
    public FilteredList<MeterStatus> customers() {
        return customers;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The customer whose statement is shown; it stays chosen while a pull replaces the rows. */
    public ObjectProperty<MeterStatus> selectedProperty() {
        return selected;
    }

    /** The first day of the statement's period, in the site's time zone. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day of the statement's period, included. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The chosen customer's statement, or null before one is chosen and loaded. */
    public ObjectProperty<CustomerStatement> statementProperty() {
        return statement;
    }

    /** What the last export or load said: where a file went, or why it failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
