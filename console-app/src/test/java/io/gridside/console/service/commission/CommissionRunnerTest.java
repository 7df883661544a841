package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.site.commission.CommissionStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommissionRunnerTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final List<String> applied = new ArrayList<>();

    private Map<CommissionStep, StepWork> everyStepApplying(int actionsEach) {
        Map<CommissionStep, StepWork> work = new EnumMap<>(CommissionStep.class);
        for (CommissionStep step : CommissionStep.values()) {
            work.put(step, context -> {
                for (int i = 0; i < actionsEach; i++) {
                    context.once(step + "/" + i, applied::add);
                }
                return StepOutcome.finished();
            });
        }
        return work;
    }

    @Test
    void runsEveryStepInOrderOnce() throws Exception {
        CommissionRunner runner = new CommissionRunner(journal, everyStepApplying(2));

        RunResult result = runner.run(Progress.NONE, CancelSignal.NEVER);

        assertThat(result.complete()).isTrue();
        assertThat(result.ran()).containsExactly(CommissionStep.values());
        assertThat(applied).hasSize(2 * CommissionStep.values().length).doesNotHaveDuplicates();
        assertThat(applied.get(0)).isEqualTo("SITE/0");
        assertThat(runner.states()).allMatch(state -> state.status() == StepState.Status.DONE);
    }

    @Test
    void aRunThroughAStepLeavesTheStepsAfterItAndTheNextRunCarriesOn() throws Exception {
        CommissionRunner runner = new CommissionRunner(journal, everyStepApplying(1));

        RunResult toPack = runner.runThrough(CommissionStep.PACK, Progress.NONE, CancelSignal.NEVER);
        RunResult again = runner.runThrough(CommissionStep.PACK, Progress.NONE, CancelSignal.NEVER);
        RunResult rest = runner.run(Progress.NONE, CancelSignal.NEVER);

        assertThat(toPack.complete()).isTrue();
        assertThat(toPack.ran()).containsExactly(CommissionStep.SITE, CommissionStep.GATEWAY, CommissionStep.PACK);
        assertThat(again.ran()).isEmpty();
        assertThat(rest.ran()).first().isEqualTo(CommissionStep.CUSTOMERS);
        assertThat(applied).doesNotHaveDuplicates().hasSize(CommissionStep.values().length);
    }

    @Test
    void stopsAtAStepThatWaitsForTheTechnicianAndShowsItCurrent() throws Exception {
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.ASSIGN, context -> StepOutcome.waitingFor("wait.assign", 3));
        CommissionRunner runner = new CommissionRunner(journal, work);

        RunResult result = runner.run(Progress.NONE, CancelSignal.NEVER);

        assertThat(result.stopped()).isEqualTo(CommissionStep.ASSIGN);
        assertThat(result.waiting()).isEqualTo("3 customers have no meter yet: scan each meter at its house, or wait "
                + "for it to join the mesh.");
        assertThat(result.says()).isEqualTo(CommissionSentence.of("wait.assign", 3));
        assertThat(result.ran()).containsExactly(CommissionStep.SITE, CommissionStep.GATEWAY, CommissionStep.PACK,
                CommissionStep.CUSTOMERS);
        assertThat(runner.states().get(CommissionStep.ASSIGN.ordinal()).status())
                .isEqualTo(StepState.Status.CURRENT);
        assertThat(runner.states().get(CommissionStep.BALANCES.ordinal()).status())
                .isEqualTo(StepState.Status.LEFT);
    }

    @Test
    void aRunThatLostItsLinkMidStepResumesWithoutApplyingAnythingTwice() throws Exception {
        AtomicBoolean linkDrops = new AtomicBoolean(true);
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.BALANCES, context -> {
            for (int i = 0; i < 10; i++) {
                int customer = i;
                context.once("balance/" + i, key -> applied.add(key));
                if (customer == 5 && linkDrops.getAndSet(false)) {
                    throw new IOException("The link to the gateway dropped");
                }
            }
            return StepOutcome.finished();
        });

        assertThatThrownBy(() -> new CommissionRunner(journal, work).run(Progress.NONE, CancelSignal.NEVER))
                .isInstanceOf(IOException.class);
        assertThat(applied).contains("balance/5").doesNotContain("balance/6");
        RunResult resumed = new CommissionRunner(journal, work).run(Progress.NONE, CancelSignal.NEVER);

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.ran().get(0)).isEqualTo(CommissionStep.BALANCES);
        assertThat(applied).doesNotHaveDuplicates()
                .filteredOn(key -> key.startsWith("balance/")).hasSize(10);
    }

    @Test
    void cancelStopsBetweenActionsAndKeepsWhatWasApplied() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.RELAY_TEST, context -> {
            for (int i = 0; i < 6; i++) {
                context.once("relay/" + i, key -> {
                    applied.add(key);
                    if (actions.incrementAndGet() == 2) {
                        cancelled.set(true);
                    }
                });
            }
            return StepOutcome.finished();
        });
        CommissionRunner runner = new CommissionRunner(journal, work);

        assertThatThrownBy(() -> runner.run(Progress.NONE, cancelled::get))
                .isInstanceOf(StepCancelledException.class);

        assertThat(runner.current()).isEqualTo(CommissionStep.RELAY_TEST);
        assertThat(journal.applied("relay/1")).isTrue();
        assertThat(journal.applied("relay/2")).isFalse();
        runner.run(Progress.NONE, CancelSignal.NEVER);
        assertThat(applied).doesNotHaveDuplicates().filteredOn(key -> key.startsWith("relay/")).hasSize(6);
    }

    @Test
    void goingBackReopensTheStepAndEveryStepAfterIt() throws Exception {
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.GO_LIVE, context -> StepOutcome.waitingFor("wait.goLive"));
        CommissionRunner runner = new CommissionRunner(journal, work);
        runner.run(Progress.NONE, CancelSignal.NEVER);

        runner.goBackTo(CommissionStep.ASSIGN);

        assertThat(runner.current()).isEqualTo(CommissionStep.ASSIGN);
        assertThat(journal.done()).containsExactlyInAnyOrder(CommissionStep.SITE, CommissionStep.GATEWAY,
                CommissionStep.PACK, CommissionStep.CUSTOMERS);
        assertThat(journal.applied("ASSIGN/0")).isTrue();
    }

    @Test
    void refusesToGoBackOnceLiveOrAheadOfWhereItIs() throws Exception {
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.LINK_CHECK, context -> StepOutcome.waitingFor("wait.links", 2,
                "SM005000017, SM005000025"));
        CommissionRunner runner = new CommissionRunner(journal, work);
        runner.run(Progress.NONE, CancelSignal.NEVER);

        assertThatThrownBy(() -> runner.goBackTo(CommissionStep.DRY_RUN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not reached");
        work.put(CommissionStep.LINK_CHECK, context -> StepOutcome.finished());
        CommissionRunner again = new CommissionRunner(journal, work);
        again.run(Progress.NONE, CancelSignal.NEVER);
        assertThatThrownBy(() -> again.goBackTo(CommissionStep.ASSIGN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("move-in");
        again.goBackTo(CommissionStep.REPORT);
        assertThat(again.current()).isEqualTo(CommissionStep.REPORT);
    }

    @Test
    void refusesToGoBackAheadOfWhereItIsInTheTechniciansLanguage() throws Exception {
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.put(CommissionStep.LINK_CHECK, context -> StepOutcome.waitingFor("wait.links", 2,
                "SM005000017, SM005000025"));
        CommissionRunner runner = new CommissionRunner(journal, work);
        runner.run(Progress.NONE, CancelSignal.NEVER);
        Throwable ahead = catchThrowable(() -> runner.goBackTo(CommissionStep.DRY_RUN));

        I18n.use(Locale.FRENCH);
        try {
            assertThat(Failures.describe(ahead)).isEqualTo(I18n.text("refused.commission.notReached",
                    I18n.text("commission.step.DRY_RUN"), I18n.text("commission.step.LINK_CHECK")))
                    .contains("« " + I18n.text("commission.step.DRY_RUN") + " »").doesNotContain("DRY_RUN");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void namesEachStepItRunsAsTheScreenNamesIt() throws Exception {
        List<String> lines = new ArrayList<>();
        I18n.use(Locale.forLanguageTag("sw"));
        try {
            new CommissionRunner(journal, everyStepApplying(1)).run((message, done, total) -> lines.add(message),
                    CancelSignal.NEVER);

            assertThat(lines).contains(I18n.text("commission.step.SITE"), I18n.text("commission.step.GO_LIVE"))
                    .doesNotContain("SITE", "GO_LIVE");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void aStepWithoutWorkIsUnavailableAndStopsTheRunBeforeIt() throws Exception {
        Map<CommissionStep, StepWork> work = everyStepApplying(1);
        work.remove(CommissionStep.DRY_RUN);
        CommissionRunner runner = new CommissionRunner(journal, work);

        assertThatThrownBy(() -> runner.run(Progress.NONE, CancelSignal.NEVER))
                .isInstanceOf(UnavailableStepException.class);

        assertThat(runner.current()).isEqualTo(CommissionStep.DRY_RUN);
        assertThat(runner.states().get(CommissionStep.DRY_RUN.ordinal()).status())
                .isEqualTo(StepState.Status.UNAVAILABLE);
    }

    @Test
    void runsOnlyTheCurrentStepWhenAskedForOne() throws Exception {
        CommissionRunner runner = new CommissionRunner(journal, everyStepApplying(1));

        assertThatThrownBy(() -> runner.runCurrent(CommissionStep.PACK, Progress.NONE, CancelSignal.NEVER))
                .isInstanceOf(IllegalStateException.class);
        runner.runCurrent(CommissionStep.SITE, Progress.NONE, CancelSignal.NEVER);

        assertThat(applied).containsExactly("SITE/0");
        assertThat(runner.current()).isEqualTo(CommissionStep.GATEWAY);
    }
}
