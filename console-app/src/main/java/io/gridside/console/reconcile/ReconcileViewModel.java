package io.gridside.console.reconcile;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.billing.rerate.ChargeDetail;
import io.gridside.billing.rerate.LineDifference;
import io.gridside.console.service.ConsoleSession;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.shell.SessionWork;
import io.gridside.link.auth.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Reconciliation of the gateway's ledger with the console's re-rating over a period, run as a task the task list
 * shows and can cancel: every line charged otherwise, by customer and day, with the intervals that explain it, and
 * for a supervisor's session the corrections to have the gateway post, then the period reconciled again.
 */
public final class ReconcileViewModel {

    private final SessionViewModel session;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ConsoleSession.Reconciled> report = new SimpleObjectProperty<>();
    private final ObservableList<LineDifference> differences = FXCollections.observableArrayList();
    private final ObjectProperty<LineDifference> selected = new SimpleObjectProperty<>();
    private final ObservableList<ChargeDetail> details = FXCollections.observableArrayList();
    private final Message message = new Message();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanBinding connected;
    private final BooleanBinding supervisor;
    private Task<?> task;

    public ReconcileViewModel(SessionViewModel session) {
        this.session = session;
        this.connected = session.stateProperty().isEqualTo(LinkState.CONNECTED);
        this.supervisor = Bindings.createBooleanBinding(() -> session.helloProperty().get() != null
                && Role.ofWireName(session.helloProperty().get().role()) == Role.SUPERVISOR, session.helloProperty());
        selected.addListener((obs, old, line) -> showDetails(line));
        session.helloProperty().addListener((obs, old, hello) -> clear());
    }

    private void clear() {
        report.set(null);
        differences.clear();
        message.clear();
    }

    private void showDetails(LineDifference line) {
        ConsoleSession.Reconciled shown = report.get();
        details.setAll(line == null || shown == null ? List.of() : shown.result().detailsOf(line));
    }

    /** Reconciles the period chosen; a day left empty is the ledger's first, or the gateway's yesterday. */
    public void reconcile() {
        if (!connected.get()) {
            message.say("reconcile.needsConnection");
            return;
        }
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            message.say("reconcile.backward");
            return;
        }
        start(Sentence.of("task.reconcile"), (current, context) -> {
            context.update(Sentence.of("reconcile.comparing"), -1, -1);
            return current.reconcile(first, last, context);
        }, reconciled -> show(reconciled, Sentence.NONE));
    }

    /** Whether the report shown has corrections to post; the screen asks the supervisor to confirm first. */
    public boolean hasCorrections() {
        return report.get() != null && report.get().plan().count() > 0;
    }

    /** Has the gateway post the report's corrections, then reconciles the same period again. */
    public void postCorrections() {
        ConsoleSession.Reconciled shown = report.get();
        if (shown == null || !hasCorrections() || !supervisor.get()) {
            return;
        }
        LocalDate first = shown.result().from();
        LocalDate last = shown.result().to();
        start(Sentence.of("task.postCorrections", shown.plan().count()), (current, context) -> {
            context.update(Sentence.of("reconcile.posting"), -1, -1);
            int posted = current.postCorrections(shown.plan()).size();
            context.update(Sentence.of("reconcile.comparing"), -1, -1);
            return new Posted(posted, current.reconcile(first, last, context));
        }, posted -> show(posted.after(), Sentence.of("reconcile.posted", posted.count())));
    }

    private record Posted(int count, ConsoleSession.Reconciled after) {
    }

    private <T> void start(Sentence title, SessionWork<T> work, Consumer<T> done) {
        running.set(true);
        message.clear();
        Task<T> started = session.runOnSession(title, work, result -> {
            running.set(false);
            task = null;
            done.accept(result);
        }, failure -> {
            running.set(false);
            task = null;
            message.fail(failure);
        });
        task = started;
        if (started == null) {
            running.set(false);
            return;
        }
        started.setOnCancelled(event -> {
            running.set(false);
            task = null;
            message.say("reconcile.cancelled");
        });
    }

    private void show(ConsoleSession.Reconciled reconciled, Sentence before) {
        report.set(reconciled);
        from.set(reconciled.result().from());
        to.set(reconciled.result().to());
        differences.setAll(reconciled.result().differences());
        Sentence found = reconciled.result().clean()
                ? Sentence.of("reconcile.clean", reconciled.result().customerDays(), reconciled.result().from(),
                        reconciled.result().to())
                : Sentence.of("reconcile.differ", reconciled.result().differences().size(),
                        reconciled.result().customerDays(), reconciled.result().from(), reconciled.result().to());
        message.show(Sentence.joined(before, found));
    }

    /** Stops the reconciliation under way, as the task list's cancel button does. */
    public void cancel() {
        Task<?> running = task;
        if (running != null) {
            running.cancel();
        }
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The last reconciliation's report with what posting would do, or null before one ran. */
    public ObjectProperty<ConsoleSession.Reconciled> reportProperty() {
        return report;
    }

    /** Every line charged otherwise, in customer, day and line order. */
    public ObservableList<LineDifference> differences() {
        return differences;
    }

    public ObjectProperty<LineDifference> selectedProperty() {
        return selected;
    }

    /** What explains the chosen line: each reference it charged otherwise. */
    public ObservableList<ChargeDetail> details() {
        return details;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Whether a gateway answers: reconciliation needs one. */
    public BooleanBinding connectedProperty() {
        return connected;
    }

    /** Whether the session runs under a supervisor's credential, which alone may have corrections posted. */
    public BooleanBinding supervisorProperty() {
        return supervisor;
    }

    /** The site's currency, or an empty text before a gateway answered. */
    public String currency() {
        return session.helloProperty().get() == null ? "" : session.helloProperty().get().currency();
    }
}
