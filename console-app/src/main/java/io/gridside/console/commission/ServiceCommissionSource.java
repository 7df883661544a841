package io.gridside.console.commission;

import io.gridside.console.Failures;
import io.gridside.console.Sentence;
import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.CommissionTargets;
import io.gridside.console.service.commission.StepCancelledException;
import io.gridside.console.tasks.BackgroundWork;
import io.gridside.console.tasks.TaskContext;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.message.HelloReply;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CsvProblem;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Commissioning screen's orders on a commissioning service, each as a task of the task list, which shows its
 * progress and can cancel it; after each the overview is read again. The screen's poll for meters that joined is no
 * order and runs on a thread of its own, off the task list. The service is made on the first order, in the
 * background, since making it reads the technician's credential. A failure reaches the screen as a sentence.
 */
public final class ServiceCommissionSource implements CommissionSource {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommissionSource.class);

    private final TaskRunner tasks;
    private final ServiceFactory factory;
    private final Consumer<Path> remember;
    private volatile LinkThresholds thresholds;
    private final AtomicBoolean reloading = new AtomicBoolean();
    /** The one thread that reads the overview again for the screen's timer, as the session's pings have theirs. */
    private final ExecutorService poller = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "commission-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CommissionService service;
    /** Whether making the service failed (no credential, say): the screen's timer then waits for an order. */
    private volatile boolean makeFailed;
    private Consumer<CommissionOverview> onOverview = overview -> { };
    private Consumer<Progress> onProgress = progress -> { };
    private Task<?> running;

    /**
     * @param start      what makes the day's service, and where a new site's store is remembered
     * @param thresholds the link check's limits, which its suggestions use too
     */
    public ServiceCommissionSource(TaskRunner tasks, CommissionStart start, LinkThresholds thresholds) {
        this.tasks = tasks;
        this.factory = start.factory();
        this.remember = start.remember();
        this.thresholds = thresholds;
    }

    @Override
    public void listen(Consumer<CommissionOverview> overviews, Consumer<Progress> progress) {
        this.onOverview = overviews;
        this.onProgress = progress;
    }

    private CommissionService service() throws Exception {
        CommissionService made = service;
        if (made == null) {
            synchronized (this) {
                if (service == null) {
                    try {
                        service = factory.make();
                    } catch (Exception e) {
                        makeFailed = true;
                        throw e;
                    }
                }
                made = service;
            }
        }
        return made;
    }

    /**
     * Reads the overview again on the source's own thread, outside the task list: the screen's timer asks for it
     * every few seconds, and a poll is not work the technician started, so it must not fill their list of tasks.
     * A failure is logged and the next poll tries again.
     */
    @Override
    public void reload() {
        if (service == null && makeFailed || !reloading.compareAndSet(false, true)) {
            return;
        }
        try {
            poller.execute(this::readAgain);
        } catch (RejectedExecutionException e) {
            reloading.set(false);
        }
    }

    private void readAgain() {
        try {
            CommissionService day = service();
            try {
                day.pullJoined(CancelSignal.NEVER);
            } catch (java.io.IOException linkDown) {
                // The overview still shows what the store holds; the next step's run reports the link.
                LOG.debug("The gateway did not list the meters that joined: {}", linkDown.getMessage());
            }
            CommissionOverview overview = overview(day);
            Platform.runLater(() -> onOverview.accept(overview));
        } catch (Exception e) {
            LOG.debug("The commissioning overview could not be read again: {}", e.getMessage());
        } finally {
            reloading.set(false);
        }
    }

    private CommissionOverview overview(CommissionService day) {
        String gateway = day.gateway().map(ServiceCommissionSource::describe).orElse("");
        return CommissionOverviews.of(day, gateway, thresholds);
    }

    private static String describe(HelloReply hello) {
        return CommissionTexts.text("gateway.pinnedOf", hello.gatewayId(),
                Ed25519.fingerprint(hello.gatewayKey()));
    }

    @Override
    public void proceed(Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.proceed"), (day, context) -> day.proceed(context, context), onFailure);
    }

    @Override
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    public void createSite(SitePlan plan, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.createSite", plan.siteId()), (day, context) -> {
            remember.accept(day.createSite(plan));
            return day.proceed(context, context);
        }, onFailure);
    }

    @Override
    public void connectGateway(String address, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.connect", address), (day, context) -> {
            day.useGateway(CommissionTargets.parse(address));
            return day.proceed(context, context);
        }, onFailure);
    }

    @Override
    public void choosePack(Path pack, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.pack", pack.getFileName()), (day, context) -> {
            day.usePack(pack);
            return day.proceed(context, context);
        }, onFailure);
    }

    @Override
    public void importCustomers(Path csv, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.customers", csv.getFileName()), (day, context) -> {
            CustomerCsv.Result result = day.importCustomers(csv);
            if (!result.ok()) {
                throw new CustomerProblems(result.problems());
            }
            return day.proceed(context, context);
        }, onFailure);
    }

    @Override
    public void assign(String serial, String customerId, Consumer<Sentence> onRefused) {
        order(CommissionTexts.text("task.assign", serial, customerId), (day, context) -> {
            day.assign(serial, customerId);
            return day.proceed(context, context);
        }, onRefused);
    }

    @Override
    public void unassign(String customerId, Consumer<Sentence> onRefused) {
        order(CommissionTexts.text("task.unassign", customerId), (day, context) -> {
            day.unassign(customerId);
            return day.proceed(context, context);
        }, onRefused);
    }

    @Override
    public void goLive(Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.goLive"), (day, context) -> {
            day.confirmGoLive();
            return day.proceed(context, context);
        }, onFailure);
    }

    @Override
    public void goBack(CommissionStep step, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.back", CommissionTexts.text("step." + step.name())), (day, context) -> {
            day.goBack(step);
            return null;
        }, onFailure);
    }

    @Override
    public LinkThresholds thresholds() {
        return thresholds;
    }

    @Override
    public void useThresholds(LinkThresholds chosen, Consumer<Sentence> onFailure) {
        order(CommissionTexts.text("task.thresholds"), (day, context) -> {
            day.useThresholds(chosen);
            thresholds = chosen;
            CommissionStep now = day.current();
            if (now == null || now.compareTo(CommissionStep.LINK_CHECK) < 0
                    || now.compareTo(CommissionStep.GO_LIVE) > 0) {
                // Before the link check they wait for it; after go-live no meter is checked again.
                return null;
            }
            if (now != CommissionStep.LINK_CHECK) {
                day.goBack(CommissionStep.LINK_CHECK);
            }
            return day.proceed(context, context);
        }, onFailure);
    }

    /**
     * Runs {@code work} on the service as a task, then reads the overview again, whatever the outcome. Orders run
     * one at a time, in the order given: a meter scanned while a step runs waits for it, so that two runs never
     * take the same step at once.
     */
    private void order(String title, DayWork work, Consumer<Sentence> onFailure) {
        onProgress.accept(new Progress(title, 0, -1, true));
        makeFailed = false;
        BackgroundWork<CommissionOverview> task = context -> {
            CommissionService day = service();
            try {
                synchronized (day) {
                    work.run(day, progressTo(context));
                }
            } finally {
                Platform.runLater(() -> onProgress.accept(new Progress("", 0, 0, false)));
            }
            return overview(day);
        };
        running = tasks.submit(title, task, onOverview, failure -> {
            onFailure.accept(Sentence.later(() -> words(failure)));
            reload();
        });
        running.setOnCancelled(event -> {
            onProgress.accept(new Progress("", 0, 0, false));
            reload();
        });
    }

    /** The task's context, with each progress report also handed to the screen's progress bar. */
    private TaskContext progressTo(TaskContext context) {
        return new TaskContext() {
            @Override
            public void update(String message, long done, long total) {
                context.update(message, done, total);
                Platform.runLater(() -> onProgress.accept(new Progress(message, done, total, true)));
            }

            @Override
            public void update(Sentence message, long done, long total) {
                context.update(message, done, total);
                String words = message.text();
                Platform.runLater(() -> onProgress.accept(new Progress(words, done, total, true)));
            }

            @Override
            public boolean getAsBoolean() {
                return context.getAsBoolean();
            }
        };
    }

    /**
     * A refusal's own sentence; the gateway's refusal with the gateway's code, in English as the gateway wrote it
     * and otherwise as the console's bundles word that code; any other failure as the session screens word it.
     */
    static String words(Throwable failure) {
        if (failure instanceof CustomerProblems problems) {
            return problems.words() + " [" + CommissionRefusal.NOT_READY + "]";
        }
        if (failure instanceof CommissionRefusal refusal) {
            String words = refusal.reason().map(reason -> CommissionTexts.text("refusal." + reason,
                    refusal.values().toArray())).orElse(refusal.getMessage());
            return words + " [" + refusal.code() + "]";
        }
        if (failure instanceof StepCancelledException cancelled) {
            return CommissionTexts.text("step.cancelled", CommissionTexts.text("step." + cancelled.step().name()));
        }
        return Failures.refusal(failure);
    }

    /**
     * A customers file refused for the problems of its lines, kept as problems so that the screen's list of them is
     * worded whenever it is read, in the language in use then.
     */
    static final class CustomerProblems extends RuntimeException {

        private static final long serialVersionUID = 1L;
        /** The most lines the screen lists; the count says how many there are in all. */
        private static final int SHOWN = 8;

        private final transient List<CsvProblem> problems;

        CustomerProblems(List<CsvProblem> problems) {
            super("The customers file has " + problems.size() + " problems; nothing was imported.");
            this.problems = List.copyOf(problems);
        }

        String words() {
            return CommissionTexts.text("customers.problems", problems.size(), String.join("\n", problems.stream()
                    .limit(SHOWN).map(problem -> Failures.atLine(problem.line(), problem.column(), problem,
                            problem.message())).toList()));
        }
    }

    /** Makes the day's commissioning service. */
    @FunctionalInterface
    public interface ServiceFactory {
        CommissionService make() throws Exception;
    }

    /** An order's work on the service. */
    @FunctionalInterface
    private interface DayWork {
        Object run(CommissionService day, TaskContext context) throws Exception;
    }
}
