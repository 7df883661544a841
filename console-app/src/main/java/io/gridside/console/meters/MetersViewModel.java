package io.gridside.console.meters;

import io.gridside.console.I18n;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.CreditState;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/** The meters table's rows, its filter, and the readings of the chosen meter. */
public final class MetersViewModel {

    /** How much history the chart of a meter shows. */
    static final Duration CHART_WINDOW = Duration.ofHours(48);

    private final SessionViewModel session;
    private final FilteredList<MeterStatus> filtered;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<CreditState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<MeterStatus> selected = new SimpleObjectProperty<>();
    private final ObservableList<Reading> readings = FXCollections.observableArrayList();
    /** Each meter's lifeline power limit in watts, for the meters that have one. */
    private final ObservableMap<String, Integer> powerLimits = FXCollections.observableHashMap();

    public MetersViewModel(SessionViewModel session) {
        this.session = session;
        this.filtered = new FilteredList<>(session.meters());
        filterText.addListener((obs, old, text) -> applyFilter());
        stateFilter.addListener((obs, old, state) -> applyFilter());
        selected.addListener((obs, old, meter) -> loadReadings(meter));
        session.gatewayClockProperty().addListener((obs, old, clock) -> reloadIfNewInterval(old, clock));
        // Worked out from all that a pull stores, not only the meters' status: read again after every pull.
        session.pullsProperty().addListener((obs, old, count) -> loadPowerLimits());
    }

    private void loadPowerLimits() {
        session.loadPowerLimits(limits -> {
            powerLimits.keySet().retainAll(limits.keySet());
            powerLimits.putAll(limits);
        });
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        CreditState state = stateFilter.get();
        filtered.setPredicate(meter -> (state == null || meter.creditState() == state)
                && (text.isEmpty() || matches(meter, text)));
    }

    private static boolean matches(MeterStatus meter, String text) {
        return meter.meterId().toLowerCase(Locale.ROOT).contains(text)
                || meter.customerId().toLowerCase(Locale.ROOT).contains(text)
                || meter.customerName().toLowerCase(Locale.ROOT).contains(text);
    }

    private void loadReadings(MeterStatus meter) {
        if (meter == null) {
            readings.clear();
            return;
        }
        String meterId = meter.meterId();
        session.loadReadings(meterId, CHART_WINDOW, loaded -> {
            if (selected.get() != null && selected.get().meterId().equals(meterId)) {
                readings.setAll(loaded);
            }
        });
    }

    private void reloadIfNewInterval(java.time.Instant old, java.time.Instant clock) {
        if (old != null && clock != null && selected.get() != null
                && !Reading.intervalStartOf(old).equals(Reading.intervalStartOf(clock))) {
            loadReadings(selected.get());
        }
    }

    /** The meters that pass the filter, in pull order; the table sorts them. */
    public FilteredList<MeterStatus> meters() {
        return filtered;
    }

    public int totalCount() {
        return session.meters().size();
    }

    public ObservableList<MeterStatus> allMeters() {
        return session.meters();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<CreditState> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<MeterStatus> selectedProperty() {
        return selected;
    }

    /** The chosen meter's readings of the last two days, oldest first. */
    public ObservableList<Reading> readings() {
        return readings;
    }

    /** Each meter's lifeline power limit in watts, for the meters that have one; filled after each pull. */
    public ObservableMap<String, Integer> powerLimits() {
        return powerLimits;
    }

    /** The power limit of {@code meter} as the table shows it: watts, or that it has none. */
    public String powerLimitText(MeterStatus meter) {
        Integer watts = powerLimits.get(meter.meterId());
        return watts == null ? I18n.text("meters.limit.none") : I18n.text("meters.limit.watts", watts);
    }

    public ZoneId zone() {
        return session.helloProperty().get() == null ? ZoneId.systemDefault()
                : ZoneId.of(session.helloProperty().get().timeZone());
    }

    public List<CreditState> states() {
        return List.of(CreditState.values());
    }
}
