package io.gridside.console.exceptions;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.billing.vee.EstimateEditor;
import io.gridside.console.I18n;
import io.gridside.console.service.VeeQueue;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.ReadRule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * The exceptions queue of the site database (reads VEE held back, each with its customer and the reads around it)
 * filtered by kind, with or without the decided ones, the gaps' estimates, and the technician's decision on the
 * chosen exception or estimate: accept it or override it, always with a reason, recorded under the id of the
 * session's credential.
 */
public final class ExceptionsViewModel {

    private final SessionViewModel session;
    private final ObservableList<VeeQueue.Item> items = FXCollections.observableArrayList();
    private final FilteredList<VeeQueue.Item> shown = new FilteredList<>(items, item -> item.open());
    private final ObservableList<GapEstimate> estimates = FXCollections.observableArrayList();
    /** The kind shown, or null for every kind. */
    private final ObjectProperty<ReadRule> kind = new SimpleObjectProperty<>();
    private final BooleanProperty showDecided = new SimpleBooleanProperty();
    private final ObjectProperty<VeeQueue.Item> selectedItem = new SimpleObjectProperty<>();
    private final ObjectProperty<GapEstimate> selectedEstimate = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final Message message = new Message();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ExceptionsViewModel(SessionViewModel session) {
        this.session = session;
        kind.addListener((obs, old, chosen) -> applyFilter());
        showDecided.addListener((obs, old, show) -> applyFilter());
    }

    private void applyFilter() {
        ReadRule wanted = kind.get();
        boolean decided = showDecided.get();
        shown.setPredicate(item -> (decided || item.open()) && (wanted == null || item.exception().rule() == wanted));
    }

    /** Runs VEE over what is pulled, then shows the queue and the estimates as they stand. */
    public void check() {
        load(true);
    }

    /** Shows the queue and the estimates as the site database holds them, without running VEE. */
    public void reload() {
        load(false);
    }

    private void load(boolean runVee) {
        busy.set(true);
        freedOnCancel(session.runOnSession(Sentence.of(runVee ? "task.vee" : "task.exceptions"), (current, context) -> {
            VeeQueue.Run run = runVee ? current.runVee() : null;
            return new Loaded(run, current.exceptionQueue(), current.estimates());
        }, loaded -> {
            busy.set(false);
            show(loaded);
        }, failure -> {
            busy.set(false);
            message.fail(failure);
        }), () -> { });
    }

    private record Loaded(VeeQueue.Run run, List<VeeQueue.Item> items, List<GapEstimate> estimates) {
    }

    private void show(Loaded loaded) {
        VeeQueue.Item chosen = selectedItem.get();
        items.setAll(loaded.items());
        estimates.setAll(loaded.estimates());
        if (chosen != null) {
            selectedItem.set(items.stream().filter(i -> sameException(i, chosen)).findFirst().orElse(null));
        }
        long open = loaded.items().stream().filter(VeeQueue.Item::open).count();
        if (loaded.run() != null) {
            message.say("exceptions.checked", loaded.run().rawReads().stored(), open,
                    loaded.estimates().size());
        }
    }

    private static boolean sameException(VeeQueue.Item a, VeeQueue.Item b) {
        return a.exception().equals(b.exception());
    }

    /** Accepts the chosen exception's read or the chosen estimate as it stands, for the reason given. */
    public void accept() {
        decide(false);
    }

    /** Replaces the chosen exception's register, or the chosen estimate's values, with the value given. */
    public void override() {
        decide(true);
    }

    private void decide(boolean override) {
        String why = reason.get() == null ? "" : reason.get().strip();
        VeeQueue.Item item = selectedItem.get();
        GapEstimate estimate = selectedEstimate.get();
        if (item == null && estimate == null) {
            message.say("exceptions.choose");
            return;
        }
        if (item != null && !item.open()) {
            message.say("exceptions.decidedAlready");
            return;
        }
        if (why.isEmpty()) {
            message.say("exceptions.reasonRequired");
            return;
        }
        List<Long> values;
        try {
            values = override ? values(item != null) : List.of();
        } catch (NumberFormatException e) {
            message.say(item != null ? "exceptions.valueRequired" : "exceptions.valuesRequired");
            return;
        }
        busy.set(true);
        freedOnCancel(session.runOnSession(Sentence.of("task.decide"), (current, context) -> {
            String by = current.credential().technicianId();
            Instant now = Instant.now();
            if (item != null) {
                current.decide(override ? ExceptionDecision.override(item.exception(), values.get(0), by, now, why)
                        : ExceptionDecision.accept(item.exception(), by, now, why));
            } else {
                // Shortcoming: the screen gives no reason for a changed total, so an override must keep the gap's
                // total here; `bill vee override --total-reason` can change it.
                current.editEstimate(override ? EstimateEditor.override(estimate, values, by, now, why, null)
                        : EstimateEditor.accept(estimate, by, now, why));
            }
            return new Decided(by, current.readsWaiting());
        }, decided -> {
            busy.set(false);
            value.set("");
            reason.set("");
            message.show(Sentence.joined(Sentence.of(override ? "exceptions.overridden" : "exceptions.accepted",
                    decided.by()), Sentence.of("exceptions.readsWaiting", decided.readsWaiting())));
            reload();
        }, failure -> {
            busy.set(false);
            message.fail(failure);
        }), this::reload);
    }

    /**
     * Frees the screen when {@code task} is cancelled from the task list, then runs {@code after}: a decision may
     * have been stored before the cancel came, so a cancelled decision lists the queue again.
     */
    private void freedOnCancel(Task<?> task, Runnable after) {
        if (task != null) {
            task.setOnCancelled(event -> {
                busy.set(false);
                message.say("task.cancelled");
                after.run();
            });
        }
    }

    /** Who decided, and how many decided or imported reads then waited to be pushed to the gateway's billing. */
    private record Decided(String by, int readsWaiting) {
    }

    /** The value typed: one register in Wh for an exception, or the gap's interval values, comma-separated. */
    private List<Long> values(boolean oneRegister) {
        String text = value.get() == null ? "" : value.get().strip();
        List<Long> values = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            long wh = Long.parseLong(part);
            if (wh < 0) {
                throw new NumberFormatException("negative");
            }
            values.add(wh);
        }
        if (oneRegister && values.size() != 1) {
            throw new NumberFormatException("one register");
        }
        return values;
    }

    /** The site's time zone, which the screen writes times in. */
    public ZoneId zone() {
        return session.helloProperty().get() == null ? ZoneId.of("UTC")
                : ZoneId.of(session.helloProperty().get().timeZone());
    }

    /** A rule's name as the screen shows it. */
    public static String kindName(ReadRule rule) {
        return rule == null ? I18n.text("exceptions.kind.all")
                : I18n.text("exceptions.kind." + rule.name().toLowerCase(Locale.ROOT));
    }

    /** The queue's entries that pass the filter: open ones, and decided ones too when asked. */
    public FilteredList<VeeQueue.Item> shown() {
        return shown;
    }

    /** Every entry of the queue, open and decided. */
    public ObservableList<VeeQueue.Item> items() {
        return items;
    }

    public ObservableList<GapEstimate> estimates() {
        return estimates;
    }

    public ObjectProperty<ReadRule> kindProperty() {
        return kind;
    }

    public BooleanProperty showDecidedProperty() {
        return showDecided;
    }

    /** The exception chosen, whose detail is shown and which a decision is about; none while an estimate is. */
    public ObjectProperty<VeeQueue.Item> selectedItemProperty() {
        return selectedItem;
    }

    /** The estimate chosen, which a decision is about; none while an exception is. */
    public ObjectProperty<GapEstimate> selectedEstimateProperty() {
        return selectedEstimate;
    }

    /** The register (Wh) an override sets, or an estimate's interval values, comma-separated. */
    public StringProperty valueProperty() {
        return value;
    }

    /** Why: required for every decision. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** What the last check or decision said, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** Whether a check or a decision is under way. */
    public BooleanProperty busyProperty() {
        return busy;
    }
}
