package io.gridside.console.importing;

import io.gridside.console.Failures;
import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.console.imports.ReadingsImport;
import io.gridside.console.service.Amounts;
import io.gridside.console.service.ConsoleSession;
import io.gridside.console.service.PaymentOutbox;
import io.gridside.console.service.PaymentPush;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.message.HelloReply;
import io.gridside.site.QueuedPayment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * A CSV import as the technician runs it: choose the file, see what a dry run would change (or every bad line),
 * then apply it; and the payments outbox, which a supervisor's session pushes to the gateway. Apply is offered
 * only after a dry run of the same file found no problem, and it plans the file afresh as it writes.
 */
public final class ImportsViewModel {

    /** What a file holds. */
    public enum Kind { READINGS, PAYMENTS }

    /**
     * One row of the file as the plan judged it.
     *
     * @param item the meter or the payment's reference
     * @param value the register or the amount, as the screen shows it
     * @param fate what becomes of it
     */
    public record PlanRow(int line, String item, String customer, String value, String fate) {
    }

    private final SessionViewModel session;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.READINGS);
    private final StringProperty file = new SimpleStringProperty("");
    private final Message summary = new Message();
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** The problems shown, kept to word them again when the language changes. */
    private List<ImportProblem> found = List.of();
    /** Held here and listened to weakly: the language lives as long as the console, this model may not. */
    private final ChangeListener<Locale> reword = (language, old, now) -> problems.setAll(problemLines(found));
    private final BooleanProperty applicable = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<PaymentOutbox.Row> outbox = FXCollections.observableArrayList();
    private final BooleanProperty supervisor = new SimpleBooleanProperty();
    private final Message outboxMessage = new Message();

    public ImportsViewModel(SessionViewModel session) {
        this.session = session;
        kind.addListener((obs, old, chosen) -> forgetPlan());
        file.addListener((obs, old, chosen) -> forgetPlan());
        session.onNewSession(this::connected);
        I18n.languageProperty().addListener(new WeakChangeListener<>(reword));
    }

    private void connected(HelloReply hello) {
        SignedCredential credential = session.credential();
        supervisor.set(credential != null && credential.role() == Role.SUPERVISOR);
        forgetPlan();
        outbox.clear();
        outboxMessage.show(hello != null && !supervisor.get() ? Sentence.of("imports.push.supervisorOnly")
                : Sentence.NONE);
        if (hello != null) {
            loadOutbox();
        }
    }

    /** A plan is of one file and kind: choosing another asks for a new dry run before anything is applied. */
    private void forgetPlan() {
        applicable.set(false);
        rows.clear();
        found = List.of();
        problems.clear();
        summary.clear();
    }

    /** Plans the chosen file without writing anything, and shows what it would change or what is wrong in it. */
    public void dryRun() {
        Path chosen = chosenFile();
        Kind what = kind.get();
        if (chosen == null) {
            return;
        }
        busy.set(true);
        whenCancelled(session.runOnSession(Sentence.of("task.importPlan", chosen.getFileName()), (open, context) ->
                plan(open, what, chosen), shown -> {
                    busy.set(false);
                    show(shown, false);
                }, this::failed), summary);
    }

    /** Imports the chosen file: plans it afresh and writes it in one transaction if it has no problem. */
    public void apply() {
        Path chosen = chosenFile();
        Kind what = kind.get();
        if (chosen == null || !applicable.get()) {
            return;
        }
        busy.set(true);
        applicable.set(false);
        whenCancelled(session.runOnSession(Sentence.of("task.importApply", chosen.getFileName()), (open, context) ->
                importFile(open, what, chosen), shown -> {
                    busy.set(false);
                    show(shown, true);
                    loadOutbox();
                }, this::failed), summary);
    }

    /** What a plan or an import came to, made ready for the screen off the JavaFX thread. */
    private record Shown(Sentence summary, List<PlanRow> rows, List<ImportProblem> problems, long invalidLines) {
    }

    private Shown plan(ConsoleSession open, Kind what, Path chosen) throws IOException {
        byte[] bytes = Files.readAllBytes(chosen);
        String source = name(chosen);
        return what == Kind.READINGS ? readings(open.planReadings(bytes, source), false)
                : payments(open.planPayments(bytes, source), false);
    }

    private Shown importFile(ConsoleSession open, Kind what, Path chosen) throws IOException {
        byte[] bytes = Files.readAllBytes(chosen);
        String source = name(chosen);
        if (what == Kind.READINGS) {
            ConsoleSession.ImportOutcome<ReadingsImport.Plan> done = open.importReadings(bytes, source);
            return readings(done.plan(), done.applied());
        }
        ConsoleSession.ImportOutcome<PaymentsImport.Plan> done = open.importPayments(bytes, source);
        return payments(done.plan(), done.applied());
    }

    private Shown readings(ReadingsImport.Plan plan, boolean written) {
        ZoneId zone = zone();
        List<PlanRow> lines = plan.reads().stream().map(r -> new PlanRow(r.line(), r.read().meterId(), "",
                Formats.siteTime(r.read().at(), zone) + "  " + Amounts.kwh(r.read().registerWh()) + " kWh",
                I18n.text("imports.fate.read." + r.fate()))).toList();
        Sentence text = Sentence.of(written ? "imports.readings.done" : "imports.readings.plan", plan.source(),
                plan.rows(), plan.count(ReadingsImport.Fate.NEW), plan.count(ReadingsImport.Fate.DUPLICATE),
                plan.count(ReadingsImport.Fate.CONFLICTING), plan.ruleBreaks().size());
        return new Shown(text, lines, plan.problems(), plan.invalidLines());
    }

    private Shown payments(PaymentsImport.Plan plan, boolean written) {
        ZoneId zone = zone();
        List<PlanRow> lines = plan.payments().stream().map(p -> new PlanRow(p.line(), p.payment().reference(),
                p.payment().customerId(), Formats.money(p.payment().amountMinor(), plan.currency()) + "  "
                        + Formats.siteTime(p.payment().paidAt(), zone),
                p.fate() == PaymentsImport.Fate.IN_LEDGER ? I18n.text("imports.fate.payment.IN_LEDGER",
                        Long.toString(p.ledgerSeq()))
                        : I18n.text("imports.fate.payment." + p.fate()))).toList();
        Sentence text = Sentence.of(written ? "imports.payments.done" : "imports.payments.plan", plan.source(),
                plan.rows(), plan.count(PaymentsImport.Fate.NEW) + plan.count(PaymentsImport.Fate.REQUEUED),
                Formats.money(plan.queuedMinor(), plan.currency()), plan.count(PaymentsImport.Fate.IN_LEDGER),
                plan.count(PaymentsImport.Fate.QUEUED_ALREADY), plan.count(PaymentsImport.Fate.REPEATED));
        return new Shown(text, lines, plan.problems(), plan.invalidLines());
    }

    /** Each problem as {@code line N, column: what is wrong}, in the language in use. */
    private static List<String> problemLines(List<ImportProblem> listed) {
        return listed.stream().map(problem -> Failures.atLine(problem.line(), problem.field(), problem,
                problem.message())).toList();
    }

    private void show(Shown shown, boolean afterApply) {
        rows.setAll(shown.rows());
        found = List.copyOf(shown.problems());
        problems.setAll(problemLines(found));
        summary.show(shown.problems().isEmpty() ? shown.summary()
                : Sentence.of("imports.invalid", shown.invalidLines()));
        applicable.set(!afterApply && shown.problems().isEmpty());
    }

    private void failed(Throwable failure) {
        busy.set(false);
        applicable.set(false);
        summary.fail(failure);
    }

    /** Loads the outbox's payments with the state each is in. */
    public void loadOutbox() {
        session.runOnSession(Sentence.of("task.outbox"), (open, context) -> open.outbox(), outbox::setAll,
                failure -> outboxMessage.fail(failure));
    }

    /** Sends the outbox's pending payments to the gateway; only a supervisor's session may. */
    public void push() {
        if (!supervisor.get()) {
            outboxMessage.say("imports.push.supervisorOnly");
            return;
        }
        busy.set(true);
        whenCancelled(session.runOnSession(Sentence.of("task.push"), (open, context) -> open.push(context),
                this::pushed, failure -> {
                    busy.set(false);
                    outboxMessage.fail(failure);
                    loadOutbox();
                }), outboxMessage);
    }

    /**
     * Frees the screen when {@code task} is cancelled from the task list, says so in {@code said}, and lists the
     * outbox again: a cancel may come after an import's transaction or a payment's answer, so the outbox shows what
     * was kept rather than what was hoped.
     */
    private void whenCancelled(Task<?> task, Message said) {
        if (task == null) {
            return;
        }
        task.setOnCancelled(event -> {
            busy.set(false);
            said.say("task.cancelled");
            loadOutbox();
        });
    }

    private void pushed(PaymentPush.Result result) {
        busy.set(false);
        outboxMessage.show(result.answered().isEmpty() ? Sentence.of("imports.push.nothing")
                : Sentence.of("imports.push.done", result.answered().size(),
                        result.count(QueuedPayment.State.CREDITED),
                        result.count(QueuedPayment.State.ALREADY_CREDITED),
                        result.count(QueuedPayment.State.REFUSED)));
        loadOutbox();
        session.refresh();
    }

    /** A payment's state in words, with the gateway's answer to a refusal and the ledger entry once pulled. */
    public static String describe(PaymentOutbox.Row row) {
        QueuedPayment p = row.payment();
        String state = p.state() == QueuedPayment.State.REFUSED
                ? I18n.text("imports.state.REFUSED", p.answer(), p.answerCode())
                : I18n.text("imports.state." + p.state());
        return row.ledgerSeq() == null ? state : I18n.text("imports.state.inLedger", state,
                row.ledgerSeq().toString());
    }

    private Path chosenFile() {
        String typed = file.get() == null ? "" : file.get().strip();
        if (typed.isEmpty()) {
            summary.say("imports.chooseFile");
            return null;
        }
        Path chosen = Path.of(typed);
        if (!Files.isRegularFile(chosen)) {
            summary.say("imports.noFile", chosen);
            return null;
        }
        return chosen;
    }

    private ZoneId zone() {
        HelloReply hello = session.helloProperty().get();
        return hello == null ? ZoneId.of("UTC") : ZoneId.of(hello.timeZone());
    }

    private static String name(Path chosen) {
        Path name = chosen.getFileName();
        return name == null ? chosen.toString() : name.toString();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The path of the CSV file, as chosen or typed. */
    public StringProperty fileProperty() {
        return file;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.textProperty();
    }

    /** The file's good rows and what becomes of each. */
    public ObservableList<PlanRow> rows() {
        return rows;
    }

    /** Every problem of the file as {@code line N, column: what is wrong}; any one stops the import. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** Whether Apply may run: a dry run of this file found no problem, and it is not applied yet. */
    public BooleanProperty applicableProperty() {
        return applicable;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<PaymentOutbox.Row> outbox() {
        return outbox;
    }

    public BooleanProperty supervisorProperty() {
        return supervisor;
    }

    public ReadOnlyStringProperty outboxMessageProperty() {
        return outboxMessage.textProperty();
    }
}
