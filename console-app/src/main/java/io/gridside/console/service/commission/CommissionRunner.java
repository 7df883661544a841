package io.gridside.console.service.commission;

import io.gridside.console.Sentence;
import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.site.NotReadyException;
import io.gridside.site.commission.CommissionStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the commissioning steps in their order, from the first not done, until one waits for the technician or all
 * are done. Each step is recorded as done only when its work says so, and each of its actions through the
 * journal, so a run that was cancelled, lost its link or was killed resumes at the step it stopped in and skips the
 * actions already applied. The technician may go back to an earlier step until the site is live.
 */
public final class CommissionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionRunner.class);
    private static final CommissionStep[] STEPS = CommissionStep.values();

    private final CommissionJournal journal;
    private final Map<CommissionStep, StepWork> work;

    /**
     * @param journal where progress is kept
     * @param work    each step's work; a step without one is unavailable and stops every run that reaches it
     */
    public CommissionRunner(CommissionJournal journal, Map<CommissionStep, StepWork> work) {
        this.journal = journal;
        this.work = work.isEmpty() ? new EnumMap<>(CommissionStep.class) : new EnumMap<>(work);
    }

    /** Every step with where it stands, in order. */
    public List<StepState> states() {
        Set<CommissionStep> done = journal.done();
        CommissionStep current = current(done);
        List<StepState> states = new ArrayList<>(STEPS.length);
        for (CommissionStep step : STEPS) {
            states.add(new StepState(step, statusOf(step, done, current)));
        }
        return states;
    }

    private StepState.Status statusOf(CommissionStep step, Set<CommissionStep> done, CommissionStep current) {
        if (done.contains(step)) {
            return StepState.Status.DONE;
        }
        if (!work.containsKey(step)) {
            return StepState.Status.UNAVAILABLE;
        }
        return step == current ? StepState.Status.CURRENT : StepState.Status.LEFT;
    }

    /** The first step not done, or null when the site is commissioned. */
    public CommissionStep current() {
        return current(journal.done());
    }

    private static CommissionStep current(Set<CommissionStep> done) {
        for (CommissionStep step : STEPS) {
            if (!done.contains(step)) {
                return step;
            }
        }
        return null;
    }

    /** Whether go-live is recorded: from then on the gateway bills, and commissioning no longer goes back. */
    public boolean live() {
        return journal.done().contains(CommissionStep.GO_LIVE);
    }

    /**
     * Runs the steps from the first not done until one waits for the technician, or all are done.
     *
     * @throws StepCancelledException when {@code cancel} was raised; the step under way stays current
     * @throws UnavailableStepException when a step that must run next has no work in this console
     * @throws Exception the step's own failure (a dropped link, a refusal), the step staying current
     */
    public RunResult run(Progress progress, CancelSignal cancel) throws Exception {
        return runThrough(STEPS[STEPS.length - 1], progress, cancel);
    }

    /**
     * Runs the steps from the first not done until one waits for the technician, or every step up to and including
     * {@code last} is done; the steps after {@code last} are left for a later run. A command that does one part of
     * the day (the gateway's setup, go-live) runs the steps up to its own this way, so that what comes before it is
     * checked and recorded as the full run would.
     *
     * @return the steps run; stopped is null when every step up to {@code last} is done
     * @throws StepCancelledException when {@code cancel} was raised; the step under way stays current
     * @throws UnavailableStepException when a step that must run next has no work in this console
     * @throws Exception the step's own failure (a dropped link, a refusal), the step staying current
     */
    public RunResult runThrough(CommissionStep last, Progress progress, CancelSignal cancel) throws Exception {
        List<CommissionStep> ran = new ArrayList<>();
        for (CommissionStep step = current(); step != null && step.compareTo(last) <= 0; step = current()) {
            StepOutcome outcome = runStep(step, progress, cancel);
            if (!outcome.done()) {
                return new RunResult(ran, step, outcome.waiting(), outcome.says());
            }
            ran.add(step);
        }
        return RunResult.completed(ran);
    }

    /**
     * Runs the current step alone, as when the technician presses its button.
     *
     * @throws IllegalStateException when {@code step} is not the current step
     */
    public StepOutcome runCurrent(CommissionStep step, Progress progress, CancelSignal cancel) throws Exception {
        if (step != current()) {
            throw new NotReadyException("commission.order", "Commissioning is at " + current() + ", not at " + step
                    + ": the steps run in order.", named(current()), named(step));
        }
        return runStep(step, progress, cancel);
    }

    /** {@code step} as the commissioning screen names it, worded when the refusal that holds it is read. */
    private static Sentence named(CommissionStep step) {
        return Sentence.of("commission.step." + step.name());
    }

    private StepOutcome runStep(CommissionStep step, Progress progress, CancelSignal cancel) throws Exception {
        StepWork stepWork = work.get(step);
        if (stepWork == null) {
            throw new UnavailableStepException(step);
        }
        if (cancel.isCancelled()) {
            throw new StepCancelledException(step);
        }
        progress.update(named(step), step.ordinal(), STEPS.length);
        StepOutcome outcome = stepWork.run(new Context(step, progress, cancel));
        if (outcome.done()) {
            journal.markDone(step, outcome.at(), outcome.detail());
            LOG.info("The commissioning step {} is done.", step);
        }
        progress.update(named(step), step.ordinal() + (outcome.done() ? 1 : 0), STEPS.length);
        return outcome;
    }

    /**
     * Goes back to {@code step}, so that it and every step after it run again; the actions they applied stay
     * recorded, so a run again applies only what changed.
     *
     * @throws IllegalStateException when the site is live and {@code step} comes before go-live, or when
     *                               {@code step} was not reached yet
     */
    public void goBackTo(CommissionStep step) {
        if (live() && step.compareTo(CommissionStep.GO_LIVE) <= 0) {
            throw new NotReadyException("commission.live", "The site bills live since go-live; a meter or a customer "
                    + "is changed through move-in and move-out now, not by commissioning again.");
        }
        CommissionStep current = current();
        if (current != null && step.compareTo(current) > 0) {
            throw new NotReadyException("commission.notReached", "Commissioning has not reached " + step
                    + " yet: it is at " + current + ".", named(step), named(current));
        }
        journal.reopenFrom(step);
        LOG.info("Commissioning went back to the step {}.", step);
    }

    /** The journal's once, bound to the step under way and its cancel signal. */
    private final class Context implements StepContext {

        private final CommissionStep step;
        private final Progress progress;
        private final CancelSignal cancel;

        Context(CommissionStep step, Progress progress, CancelSignal cancel) {
            this.step = step;
            this.progress = progress;
            this.cancel = cancel;
        }

        @Override
        public Progress progress() {
            return progress;
        }

        @Override
        public CancelSignal cancel() {
            return cancel;
        }

        @Override
        public boolean once(String key, Action action) throws Exception {
            if (journal.applied(key)) {
                return false;
            }
            if (cancel.isCancelled()) {
                throw new StepCancelledException(step);
            }
            action.apply(key);
            journal.markApplied(key);
            return true;
        }
    }
}
