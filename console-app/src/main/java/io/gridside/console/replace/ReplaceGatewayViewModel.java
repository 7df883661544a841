package io.gridside.console.replace;

import io.gridside.console.Failures;
import io.gridside.console.Formats;
import io.gridside.console.Sentence;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.Reconciled;
import io.gridside.console.service.ReplacementRefusedException;
import io.gridside.console.service.ReplicaRestore;
import io.gridside.console.tasks.BackgroundWork;
import io.gridside.console.tasks.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The state of the gateway replacement's guided flow: the site's replica, the new gateway reached, the payments
 * entered, the meters' registers read for review, and the confirmation that posts. Nothing is posted before that
 * confirmation. Every step's work runs as a task in the console's task list; this model
 * is read and changed on the JavaFX thread only.
 */
public final class ReplaceGatewayViewModel {

    /** The flow's steps, in order. */
    public enum Step { SITE, GATEWAY, PAYMENTS, REGISTERS, CONFIRM, RESULT }

    /**
     * One customer's line of the result.
     *
     * @param gap the gap's energy in kWh, or what stood in its place (unread, stale)
     */
    public record ResultRow(String customer, String meter, String gap, String payments, String balance) {
    }

    /**
     * One meter's register as read for review, before the post.
     *
     * @param register the register read, in kWh, or empty when unread
     * @param state read, stale ({@code [STALE_REGISTER]}) or unread ({@code [UNREAD_REGISTER]}), in words
     * @param gap the gap's energy in kWh that the post bills, or what stands in its place
     */
    public record RegisterRow(String customer, String meter, String register, String readAt, String state,
            String gap) {
    }

    private final TaskRunner tasks;
    private final ReplacementWork work;
    private final Path databaseFolder;
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty credential = new SimpleStringProperty("");
    private final StringProperty lastReceipts = new SimpleStringProperty("");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.SITE);
    private final StringProperty siteSummary = new SimpleStringProperty("");
    private final StringProperty gatewaySummary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty resultSummary = new SimpleStringProperty("");
    private final StringProperty reviewSummary = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paymentsComplete = new SimpleBooleanProperty();
    private final ObservableList<ReplacementWork.Entered> payments = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObservableList<RegisterRow> registers = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private Task<?> current;
    /** The receipt books' last numbers given, checked with the payments; the restore numbers the books on. */
    private Map<String, Long> lastIssued = Map.of();
    /** The registers read for review, which the confirmation posts; null until read, and after a step back. */
    private GatewayReplacing.RegistersReview review;
    /** The new gateway as shown at the reach, whose key alone the later steps pin; null until reached. */
    private ReplacementWork.GatewayFacts reached;
    /** The site's time zone, once its replica checked: what times are shown in. */
    private ZoneId zone = ZoneOffset.UTC;

    /**
     * @param work the replacement's work on the console's services
     * @param databaseFolder where the site database's file chooser opens
     * @param credentialFile the credential offered at first: the console's own
     */
    ReplaceGatewayViewModel(TaskRunner tasks, ReplacementWork work, Path databaseFolder, Path credentialFile) {
        this.tasks = tasks;
        this.work = work;
        this.databaseFolder = databaseFolder;
        credential.set(credentialFile == null ? "" : credentialFile.toString());
    }

    /** The flow on the console's task list, with its pinned keys in {@code dirs}. */
    public static ReplaceGatewayViewModel of(TaskRunner tasks, AppDirs dirs, Path credentialFile) {
        return new ReplaceGatewayViewModel(tasks, new ReplacementWork(dirs), databaseFolder(dirs), credentialFile);
    }

    /** The sites' folder in the data folder, where the console keeps each site's database, or the data folder. */
    private static Path databaseFolder(AppDirs dirs) {
        return Files.isDirectory(dirs.sites()) ? dirs.sites() : dirs.data();
    }

    /** Where the site database's file chooser opens: the console's sites, in its data folder. */
    public Path databaseFolder() {
        return databaseFolder;
    }

    /** Checks the replica in the site database named, and moves on to the gateway when it checks. */
    public void openSite() {
        Path file = Path.of(database.get().strip());
        run("replaceGateway.task.site", context -> work.openSite(file), facts -> {
            String pulled = facts.lastPull() == null ? ReplaceTexts.text("site.neverPulled")
                    : Formats.siteTime(facts.lastPull(), facts.zone());
            zone = facts.zone();
            siteSummary.set(ReplaceTexts.text("site.summary", facts.name(), facts.siteId(), facts.deadGatewayId(),
                    pulled, facts.tipSeq(), facts.queued()));
            step.set(Step.GATEWAY);
        });
    }

    /**
     * Reaches the new gateway under the credential named, when it is a supervisor's, and shows its id and key with
     * nothing pinned: the restore pins that key, and refuses any other gateway.
     */
    public void reachGateway() {
        Path file = Path.of(database.get().strip());
        String target = address.get().strip();
        Path supervisor = Path.of(credential.get().strip());
        run("replaceGateway.task.reach", context -> work.reach(file, target, supervisor), facts -> {
            reached = facts;
            gatewaySummary.set(ReplaceTexts.text("gateway.summary", facts.gatewayId(), facts.keyFingerprint(),
                    facts.supervisor()));
            step.set(Step.PAYMENTS);
        });
    }

    /** Adds a payment the technician entered to those the replacement credits. */
    public void addPayment(ReplacementWork.Entered entered) {
        payments.add(entered);
    }

    /** Checks the payments entered and the last receipts, changing nothing, and moves on to the register read. */
    public void checkPayments() {
        if (!paymentsComplete.get()) {
            problem.set(ReplaceTexts.text("payments.unconfirmed"));
            return;
        }
        Optional<Map<String, Long>> books = lastIssued();
        if (books.isEmpty()) {
            return;
        }
        Path file = Path.of(database.get().strip());
        List<ReplacementWork.Entered> entered = List.copyOf(payments);
        run("replaceGateway.task.check", context -> work.check(file, entered), problems -> {
            if (problems.isEmpty()) {
                lastIssued = books.get();
                step.set(Step.REGISTERS);
            } else {
                problem.set(String.join("\n", problems));
            }
        });
    }

    /**
     * The last receipt numbers typed, one per book, by the command's rule ({@link ReplicaRestore#lastReceipts}); empty,
     * with the problem shown, when one is not a receipt number.
     */
    private Optional<Map<String, Long>> lastIssued() {
        List<String> typed = Arrays.stream(lastReceipts.get().split("[,;\\s]+")).filter(part -> !part.isEmpty())
                .toList();
        for (String receipt : typed) {
            try {
                ReplicaRestore.lastReceipts(List.of(receipt));
            } catch (IllegalArgumentException e) {
                problem.set(ReplaceTexts.text("payments.lastReceiptBad", receipt));
                return Optional.empty();
            }
        }
        return Optional.of(ReplicaRestore.lastReceipts(typed));
    }

    /**
     * Restores the new gateway and reads the meters' registers, posting nothing, and shows each meter's register and
     * gap for review; the confirmation posts them.
     */
    public void readRegisters() {
        if (reached == null) {
            return;
        }
        Path file = Path.of(database.get().strip());
        String target = address.get().strip();
        Path supervisor = Path.of(credential.get().strip());
        Map<String, Long> books = lastIssued;
        ReplacementWork.GatewayFacts shown = reached;
        List<ReplacementWork.Entered> entered = List.copyOf(payments);
        run("replaceGateway.task.registers", context -> work.readRegisters(file, target, supervisor, shown, entered,
                books, context), this::review);
    }

    /** Queues the payments and posts the registers reviewed; the result shows when it posted. */
    public void confirm() {
        if (review == null || reached == null) {
            return;
        }
        Path file = Path.of(database.get().strip());
        String target = address.get().strip();
        Path supervisor = Path.of(credential.get().strip());
        List<ReplacementWork.Entered> entered = List.copyOf(payments);
        GatewayReplacing.RegistersReview reviewed = review;
        ReplacementWork.GatewayFacts shown = reached;
        run("replaceGateway.task.replace", context -> work.post(file, target, supervisor, shown, entered, reviewed,
                context), this::show);
    }

    /** Stops the work under way; a replacement stopped before its post posted nothing and can run again. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Goes back one step, before the result. */
    public void back() {
        Step shown = step.get();
        if (shown != Step.SITE && shown != Step.RESULT && !running.get()) {
            problem.set("");
            review = null;
            step.set(Step.values()[shown.ordinal() - 1]);
        }
    }

    private void review(GatewayReplacing.RegistersReview read) {
        review = read;
        if (reached != null) {
            // The restore that read the registers pinned the key shown: the summary says so from here on.
            gatewaySummary.set(ReplaceTexts.text("gateway.pinned", reached.gatewayId(), reached.keyFingerprint(),
                    reached.supervisor()));
        }
        registers.setAll(RegisterRows.of(read, zone));
        warnings.setAll(RegisterRows.warnings(read.preview(), zone));
        long stale = read.preview().staleRegisters().size();
        long unread = read.preview().rows().stream().filter(Reconciled.Row::unread).count();
        reviewSummary.set(ReplaceTexts.text("review.summary", read.preview().rows().size() - unread - stale, stale,
                unread, Formats.siteTime(read.registers().at(), zone)));
        step.set(Step.CONFIRM);
    }

    private void show(GatewayReplacing.Result result) {
        Reconciled reconciled = result.reconciled();
        String currency = reconciled.currency();
        results.setAll(reconciled.rows().stream().map(row -> new ResultRow(row.customerId(), row.meterId(),
                gap(reconciled, row), Formats.money(row.paymentsMinor(), currency),
                Formats.money(row.resultingBalanceMinor(), currency))).toList());
        warnings.setAll(RegisterRows.warnings(reconciled, zone));
        review = null;
        if (result.periodsIgnored()) {
            warnings.add(ReplaceTexts.text("result.periodsIgnored", result.gatewayId()));
        }
        resultSummary.set(ReplaceTexts.text("result.summary", result.gatewayId(), result.keyFingerprint(),
                result.pinnedBy(), result.posted().entries().size(), result.posted().alreadyPosted().size(),
                reconciled.payments().size()));
        step.set(Step.RESULT);
    }

    private static String gap(Reconciled reconciled, Reconciled.Row row) {
        return RegisterRows.gap(reconciled, row);
    }

    private <T> void run(String title, BackgroundWork<T> background, Consumer<T> onSuccess) {
        if (running.get()) {
            return;
        }
        problem.set("");
        running.set(true);
        progress.set(-1);
        progressText.set(ReplaceTexts.text("progress.working"));
        Task<T> task = tasks.submit(Sentence.of(title), background, result -> {
            finished();
            onSuccess.accept(result);
        }, failure -> {
            finished();
            problem.set(words(failure));
        });
        current = task;
        task.progressProperty().addListener((obs, was, now) -> progress.set(now.doubleValue()));
        task.messageProperty().addListener((obs, was, now) -> progressText.set(TaskRunner.message(task)));
        task.setOnCancelled(event -> {
            finished();
            problem.set(ReplaceTexts.text("cancelled"));
        });
    }

    private void finished() {
        running.set(false);
        current = null;
        progressText.set("");
    }

    /** A failure in the technician's words, with its code where the replacement refused. */
    private static String words(Throwable failure) {
        if (failure instanceof ReplacementRefusedException refused) {
            return Failures.worded(refused, refused.getMessage()) + " [" + refused.code() + "]";
        }
        return Failures.describe(failure);
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty credentialProperty() {
        return credential;
    }

    /** The highest receipt number of each book, as the slips' book prints them: the command's --last-receipt. */
    public StringProperty lastReceiptsProperty() {
        return lastReceipts;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty siteSummaryProperty() {
        return siteSummary;
    }

    public StringProperty gatewaySummaryProperty() {
        return gatewaySummary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty resultSummaryProperty() {
        return resultSummary;
    }

    public StringProperty reviewSummaryProperty() {
        return reviewSummary;
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

    public BooleanProperty paymentsCompleteProperty() {
        return paymentsComplete;
    }

    public ObservableList<ReplacementWork.Entered> payments() {
        return payments;
    }

    /** Each meter's register read for review, before the post. */
    public ObservableList<RegisterRow> registers() {
        return registers;
    }

    public ObservableList<ResultRow> results() {
        return results;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
