package io.gridside.console.commission;

import io.gridside.console.Failures;
import io.gridside.console.Formats;
import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.service.commission.StepState;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Commissioning screen's state: the steps and where each stands, the step the technician looks at, each step's
 * rows, the work under way and the last refusal. Everything changes on the JavaFX thread, from the source's
 * callbacks; every order goes to the source, which runs it in the background.
 */
public final class CommissionViewModel {

    /** The steps whose pane has its own button that does the step, so that Continue has nothing to do there. */
    private static final Set<CommissionStep> OWN_ACTION = EnumSet.of(CommissionStep.SITE, CommissionStep.GATEWAY,
            CommissionStep.PACK, CommissionStep.CUSTOMERS, CommissionStep.GO_LIVE);

    private final CommissionSource source;
    private final ObservableList<StepState> steps = FXCollections.observableArrayList();
    private final ObjectProperty<CommissionStep> shown = new SimpleObjectProperty<>(CommissionStep.SITE);
    private final ObjectProperty<CommissionStep> current = new SimpleObjectProperty<>(CommissionStep.SITE);
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty site = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final ObservableList<CommissionOverview.Joined> joined = FXCollections.observableArrayList();
    private final ObservableList<CommissionOverview.Customer> customers = FXCollections.observableArrayList();
    private final ObservableList<CommissionOverview.Link> links = FXCollections.observableArrayList();
    private final ObservableList<CommissionOverview.Remedy> remedies = FXCollections.observableArrayList();
    private final ObservableList<CommissionOverview.Relay> relays = FXCollections.observableArrayList();
    private final ObservableList<CommissionOverview.Bill> bills = FXCollections.observableArrayList();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final Message problem = new Message();
    private final StringProperty addressField = new SimpleStringProperty("127.0.0.1:");
    private final StringProperty packField = new SimpleStringProperty("");
    private final StringProperty customersField = new SimpleStringProperty("");
    /** The site form's fields as typed: id, name, operator, currency, zone, holidays, latitude, longitude. */
    private final List<StringProperty> siteFields = List.of(new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""), new SimpleStringProperty("KES"),
            new SimpleStringProperty("Africa/Nairobi"), new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""));
    /** The thresholds form's fields as typed: pass and fail signal, pass and fail ETX, pass and fail routes. */
    private final List<StringProperty> thresholdFields = List.of(new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final ObjectProperty<LinkThresholds> thresholds = new SimpleObjectProperty<>();
    private final BooleanBinding proceedApplies = Bindings.createBooleanBinding(
            () -> !OWN_ACTION.contains(current.get()), current);
    private final BooleanBinding live = Bindings.createBooleanBinding(() -> steps.stream().anyMatch(
            state -> state.step() == CommissionStep.GO_LIVE && state.status() == StepState.Status.DONE), steps);
    private boolean followCurrent = true;

    public CommissionViewModel(CommissionSource source) {
        this.source = source;
        source.listen(this::take, this::progress);
        showThresholds(source.thresholds());
    }

    private void showThresholds(LinkThresholds shown) {
        thresholds.set(shown);
        List<String> values = List.of(number(shown.passRssiDbm()), number(shown.failRssiDbm()),
                number(shown.passEtx()), number(shown.failEtx()), Integer.toString(shown.passRoutes()),
                Integer.toString(shown.failRoutes()));
        for (int i = 0; i < values.size(); i++) {
            thresholdFields.get(i).set(values.get(i));
        }
    }

    /** A limit as the technician would type it: -90, not -90.0; 2.5 as is. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void take(CommissionOverview overview) {
        steps.setAll(overview.steps());
        CommissionStep now = overview.steps().stream()
                .filter(state -> state.status() != StepState.Status.DONE).map(StepState::step).findFirst()
                .orElse(CommissionStep.REPORT);
        current.set(now);
        if (followCurrent) {
            shown.set(now);
        }
        waiting.set(overview.waiting());
        site.set(overview.site());
        gateway.set(overview.gateway());
        report.set(overview.report());
        joined.setAll(overview.joined());
        customers.setAll(overview.customers());
        links.setAll(overview.links());
        remedies.setAll(overview.remedies());
        relays.setAll(overview.relays());
        bills.setAll(overview.bills());
    }

    private void progress(CommissionSource.Progress update) {
        progressText.set(update.message());
        progress.set(update.total() > 0 ? (double) update.done() / update.total() : -1);
        running.set(update.running());
    }

    /** Fills the fields with what {@code start} offers: the demo's address and files; a real day's are empty. */
    public void offer(CommissionStart start) {
        if (!start.address().isEmpty()) {
            addressField.set(start.address());
        }
        packField.set(start.pack());
        customersField.set(start.customers());
        SitePlan plan = start.plan();
        if (plan != null) {
            List<String> values = List.of(plan.siteId(), plan.name(), plan.operator(), plan.currency(),
                    plan.zone().getId(), String.join(", ", plan.holidays().stream().map(LocalDate::toString).toList()),
                    Formats.coordinate(plan.latitude()), Formats.coordinate(plan.longitude()));
            for (int i = 0; i < values.size(); i++) {
                siteFields.get(i).set(values.get(i));
            }
        }
    }

    /** The gateway's address as typed, which the gateway pane's field edits. */
    public StringProperty addressFieldProperty() {
        return addressField;
    }

    public StringProperty packFieldProperty() {
        return packField;
    }

    public StringProperty customersFieldProperty() {
        return customersField;
    }

    /** The site form's field {@code index}: id, name, operator, currency, zone, holidays, latitude, longitude. */
    public StringProperty siteField(int index) {
        return siteFields.get(index);
    }

    /** Shows {@code step}'s form or table; the screen stops following the current step until it is shown again. */
    public void show(CommissionStep step) {
        followCurrent = step == current.get();
        shown.set(step);
    }

    /** Reads the overview again, as when the screen comes into view. */
    public void reload() {
        source.reload();
    }

    /** Runs the steps from the current one on until one waits for the technician. */
    public void proceed() {
        problem.clear();
        followCurrent = true;
        source.proceed(problem::show);
    }

    public void cancel() {
        source.cancel();
    }

    public void createSite(SitePlan plan) {
        problem.clear();
        source.createSite(plan, problem::show);
    }

    /**
     * Creates the site from the form's fields as typed: holidays as dates (2026-12-25) apart by commas or spaces,
     * the location in decimal degrees. A field that does not read is refused with the rule it breaks.
     */
    public void createSite(String siteId, String name, String operator, String currency, String zone,
            String holidays, String latitude, String longitude) {
        SitePlan plan;
        try {
            List<LocalDate> days = new ArrayList<>();
            for (String day : holidays.strip().split("[,\\s]+")) {
                if (!day.isEmpty()) {
                    days.add(LocalDate.parse(day));
                }
            }
            Collections.sort(days);
            plan = new SitePlan(siteId.strip(), name.strip(), operator.strip(), currency.strip().toUpperCase(
                    Locale.ROOT), ZoneId.of(zone.strip()), days, Formats.parseCoordinate(latitude.strip()),
                    Formats.parseCoordinate(longitude.strip()));
        } catch (DateTimeException | IllegalArgumentException e) {
            problem.show(Sentence.of(CommissionTexts.PREFIX + "site.invalid",
                    Sentence.later(() -> Failures.words(e))));
            return;
        }
        createSite(plan);
    }

    public void connectGateway(String address) {
        problem.clear();
        source.connectGateway(address.strip(), problem::show);
    }

    public void choosePack(Path pack) {
        problem.clear();
        source.choosePack(pack, problem::show);
    }

    public void importCustomers(Path csv) {
        problem.clear();
        source.importCustomers(csv, problem::show);
    }

    /**
     * Assigns what the scan field read (a scanner types its code and Enter, as a keyboard) to {@code customerId}.
     * An empty scan is ignored: a scanner's stray Enter must not read as a refusal.
     */
    public void assign(String scanned, String customerId) {
        if (scanned == null || scanned.isBlank()) {
            return;
        }
        problem.clear();
        if (customerId == null || customerId.isBlank()) {
            problem.show(Sentence.of(CommissionTexts.PREFIX + "assign.noCustomer"));
            return;
        }
        source.assign(scanned.strip(), customerId, problem::show);
    }

    /** Takes {@code customerId}'s meter back, so that the technician can scan the right one. */
    public void unassign(String customerId) {
        problem.clear();
        if (customerId != null && !customerId.isBlank()) {
            source.unassign(customerId.strip(), problem::show);
        }
    }

    /** Switches the gateway's billing on, once the technician has read the checks. */
    public void goLive() {
        problem.clear();
        followCurrent = true;
        source.goLive(problem::show);
    }

    /**
     * Checks the links against the thresholds as typed in the form, keeping the setup's cluster distance: a field
     * that is not a number, or limits that contradict each other, are refused with the rule they break; limits that
     * read go to the source, which checks the links again with them if the day has reached the link check.
     */
    public void applyThresholds() {
        problem.clear();
        LinkThresholds chosen;
        try {
            chosen = new LinkThresholds(decimal(0), decimal(1), decimal(2), decimal(3), whole(4), whole(5),
                    thresholds.get().clusterMetres());
        } catch (IllegalArgumentException e) {
            problem.show(Sentence.of(CommissionTexts.PREFIX + "thresholds.invalid",
                    Sentence.later(() -> Failures.words(e))));
            return;
        }
        thresholds.set(chosen);
        followCurrent = true;
        source.useThresholds(chosen, problem::show);
    }

    private double decimal(int field) {
        String typed = thresholdFields.get(field).get().strip().replace(',', '.');
        try {
            return Double.parseDouble(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CommissionTexts.text("thresholds.notNumber", typed), e);
        }
    }

    private int whole(int field) {
        String typed = thresholdFields.get(field).get().strip();
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CommissionTexts.text("thresholds.notNumber", typed), e);
        }
    }

    /** The thresholds form's field {@code index}: pass and fail signal, pass and fail ETX, pass and fail routes. */
    public StringProperty thresholdField(int index) {
        return thresholdFields.get(index);
    }

    /** The limits the link check uses, as last applied. */
    public ObjectProperty<LinkThresholds> thresholdsProperty() {
        return thresholds;
    }

    /**
     * Whether Continue is the action that applies now: not while the current step waits for its own pane's action
     * (create the site, connect, load the pack, import the customers, go live), which is then the one to press.
     */
    public BooleanBinding proceedAppliesProperty() {
        return proceedApplies;
    }

    /** Whether the site went live: its billing runs, and no meter is checked again here. */
    public BooleanBinding liveProperty() {
        return live;
    }

    /** Goes back to the step shown, so that it and the steps after it run again. */
    public void goBack() {
        problem.clear();
        followCurrent = true;
        source.goBack(shown.get(), problem::show);
    }

    /** Whether the step shown is done and may be gone back to. */
    public boolean shownIsDone() {
        return steps.stream().anyMatch(state -> state.step() == shown.get()
                && state.status() == StepState.Status.DONE);
    }

    public ObservableList<StepState> steps() {
        return steps;
    }

    public ObjectProperty<CommissionStep> shownProperty() {
        return shown;
    }

    public ObjectProperty<CommissionStep> currentProperty() {
        return current;
    }

    public StringProperty waitingProperty() {
        return waiting;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public StringProperty gatewayProperty() {
        return gateway;
    }

    public StringProperty reportProperty() {
        return report;
    }

    public ObservableList<CommissionOverview.Joined> joined() {
        return joined;
    }

    public ObservableList<CommissionOverview.Customer> customers() {
        return customers;
    }

    public ObservableList<CommissionOverview.Link> links() {
        return links;
    }

    /** What to do about the meters whose links fell short, the largest group first. */
    public ObservableList<CommissionOverview.Remedy> remedies() {
        return remedies;
    }

    public ObservableList<CommissionOverview.Relay> relays() {
        return relays;
    }

    public ObservableList<CommissionOverview.Bill> bills() {
        return bills;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** The last failure or refusal, as a sentence for the technician; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.textProperty();
    }
}
