package io.gridside.console.tariffs;

import io.gridside.console.Message;
import io.gridside.console.Formats;
import io.gridside.console.Retext;
import io.gridside.console.Sentence;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.message.PushTariff;
import io.gridside.site.Customer;
import io.gridside.site.Reading;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The site's tariff schedule as last pulled, a draft of its next version, and the bill of a chosen customer and
 * month under both, rated again in the background whenever the draft, the customer or the month changes.
 */
public final class TariffsViewModel implements Retext {

    private final SessionViewModel session;
    private final ObjectProperty<TariffPreview> source = new SimpleObjectProperty<>();
    private final ObservableList<TariffVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionDraft> draft = new SimpleObjectProperty<>();
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObjectProperty<TariffPreview.Preview> preview = new SimpleObjectProperty<>();
    private final Message message = new Message();
    private final Message previewMessage = new Message();
    /** The chosen customer's readings, once loaded; null before. */
    private List<Reading> readings;
    /** The hello of the session the schedule was read in, so that another gateway's is read afresh. */
    private Object loadedFor;
    /** Counts preview requests, so that only the newest one's result is shown. */
    private long previewRequest;
    /** Whether a read of the schedule is under way, so that a pull ending meanwhile does not start another. */
    private boolean reading;
    /** The session's pull count when the last read began, to tell whether a pull ended while it ran. */
    private int readAtPull;

    public TariffsViewModel(SessionViewModel session) {
        this.session = session;
        customer.addListener((obs, old, chosen) -> loadReadings(chosen));
        month.addListener((obs, old, chosen) -> refreshPreview());
    }

    /**
     * Reads the site's schedule and customers, unless they were read in this session already. A read that found no
     * tariff, as one does before the site's first pull stored it, counts as not read, so the next call reads again.
     */
    public void loadIfNeeded() {
        Object hello = session.helloProperty().get();
        if (hello != null && !reading && (hello != loadedFor || source.get() == null)) {
            load();
        }
    }

    /** How many pulls of the session went through: a screen read before the first pull ended reads again. */
    public ReadOnlyIntegerProperty pullsProperty() {
        return session.pullsProperty();
    }

    /** Reads the site's schedule and customers from the site database; the draft starts again from the newest. */
    public void load() {
        loadedFor = session.helloProperty().get();
        message.clear();
        reading = true;
        readAtPull = session.pullsProperty().get();
        session.loadTariffs(this::loaded, this::notLoaded);
    }

    /** A read that found no tariff while a pull was storing one is tried again: that pull's end found it busy. */
    private void notLoaded(String problem) {
        reading = false;
        if (source.get() == null && readAtPull != session.pullsProperty().get()) {
            load();
            return;
        }
        message.showWords(problem);
    }

    private void loaded(TariffPreview loaded) {
        reading = false;
        source.set(loaded);
        versions.setAll(loaded.schedule().versions());
        VersionDraft fresh = new VersionDraft(loaded.schedule(), nextVersionFrom(loaded.schedule()));
        fresh.versionProperty().addListener((obs, old, version) -> refreshPreview());
        draft.set(fresh);
        Customer chosen = customer.get();
        customers.setAll(loaded.customers());
        if (chosen != null) {
            customers.stream().filter(c -> c.customerId().equals(chosen.customerId())).findFirst()
                    .ifPresentOrElse(customer::set, () -> customer.set(null));
        }
        refreshPreview();
    }

    /** The next version starts as the month after the gateway's today begins, and after the newest version. */
    private LocalDateTime nextVersionFrom(TariffSchedule schedule) {
        Instant clock = session.gatewayClockProperty().get();
        LocalDate today = (clock == null ? Instant.now() : clock).atZone(source.get().site().zone()).toLocalDate();
        LocalDateTime from = YearMonth.from(today).plusMonths(1).atDay(1).atStartOfDay();
        LocalDateTime newest = schedule.versions().get(schedule.versions().size() - 1).effectiveFrom();
        return from.isAfter(newest) ? from : YearMonth.from(newest).plusMonths(1).atDay(1).atStartOfDay();
    }

    private void loadReadings(Customer chosen) {
        readings = null;
        preview.set(null);
        months.clear();
        if (chosen == null || source.get() == null) {
            return;
        }
        TariffPreview from = source.get();
        session.loadCustomerReadings(from, chosen.customerId(), loaded -> {
            if (chosen.equals(customer.get())) {
                readings = loaded;
                months.setAll(from.months(loaded));
                month.set(months.isEmpty() ? null : months.get(months.size() - 1));
                refreshPreview();
            }
        }, message::showWords);
    }

    /** Rates the chosen month again, so the preview's note reads in the language now in use. */
    @Override
    public void retext() {
        refreshPreview();
    }

    /** Rates the chosen month under both tariffs again, in the background; shows why not when it cannot. */
    public void refreshPreview() {
        long request = ++previewRequest;
        TariffPreview from = source.get();
        Customer chosen = customer.get();
        YearMonth chosenMonth = month.get();
        VersionDraft edited = draft.get();
        if (from == null || chosen == null || readings == null) {
            previewMessage.say("tariffs.preview.choose");
            return;
        }
        if (chosenMonth == null) {
            previewMessage.say("tariffs.preview.noReadings", chosen.customerId());
            return;
        }
        TariffVersion version = edited == null ? null : edited.versionProperty().get();
        if (version == null) {
            previewMessage.say("tariffs.preview.fix");
            return;
        }
        List<Reading> theirs = readings;
        session.runInBackground(Sentence.of("task.tariffPreview", chosen.customerId(), chosenMonth),
                context -> from.preview(version, chosen.customerId(), chosenMonth, theirs), rated -> {
                    if (request == previewRequest) {
                        preview.set(rated);
                        previewMessage.clear();
                    }
                }, failure -> {
                    if (request == previewRequest) {
                        previewMessage.showWords(failure);
                    }
                });
    }

    /** Writes the site's schedule with the draft as its newest version to {@code file}, as a tariff file. */
    public void save(Path file) {
        VersionDraft edited = draft.get();
        TariffSchedule schedule = edited == null ? null : edited.scheduleWithDraft();
        if (schedule == null) {
            return;
        }
        session.runInBackground(Sentence.of("task.tariffSave"), context -> Files.writeString(file,
                TariffFile.write(schedule)), written -> message.say("tariffs.saved", written),
                message::showWords);
    }

    /** Whether the session may send the draft to the gateway: a supervisor's only. */
    public boolean canSend() {
        SignedCredential credential = session.credential();
        return credential != null && credential.role() == Role.SUPERVISOR;
    }

    /** When the draft takes effect, in the site's time; null while it has problems. */
    public LocalDateTime draftEffectiveFrom() {
        VersionDraft edited = draft.get();
        TariffVersion version = edited == null ? null : edited.versionProperty().get();
        return version == null ? null : version.effectiveFrom();
    }

    /**
     * Sends the draft to the gateway as the schedule's next version, in the background; the gateway re-rates from
     * its effective time and posts what moved, which the message then sums up.
     */
    public void send() {
        VersionDraft edited = draft.get();
        TariffSchedule schedule = edited == null ? null : edited.scheduleWithDraft();
        if (schedule == null) {
            return;
        }
        TariffVersion version = schedule.versions().get(schedule.versions().size() - 1);
        PushTariff request = new PushTariff(schedule.versions().size(), TariffFile.write(new TariffSchedule(
                schedule.tariffId(), schedule.currency(), List.of(version))));
        session.runOnSession(Sentence.of("task.tariffSend"), (current, context) -> current.pushTariff(request),
                pushed -> message.say("tariffs.sent", pushed.versionNumber(), pushed.posted().size(),
                        Formats.money(pushed.netMinor(), schedule.currency())),
                failure -> message.fail(failure));
    }

    /** What the site database holds to preview with; null before it is read. */
    public ObjectProperty<TariffPreview> sourceProperty() {
        return source;
    }

    /** The versions of the site's schedule, oldest first. */
    public ObservableList<TariffVersion> versions() {
        return versions;
    }

    /** The draft of the next version; null before the schedule is read. */
    ObjectProperty<VersionDraft> draftProperty() {
        return draft;
    }

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    /** The months of the chosen customer's readings, oldest first. */
    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    /** The chosen customer's month under both tariffs; null until rated, and while the choice changes. */
    public ObjectProperty<TariffPreview.Preview> previewProperty() {
        return preview;
    }

    /** Why the preview shown is not of the draft as it stands, or empty when it is. */
    public ReadOnlyStringProperty previewMessageProperty() {
        return previewMessage.textProperty();
    }

    /** What the last load or save said: where the file went, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
