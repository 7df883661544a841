package io.gridside.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.sync.SyncProgress.Update;
import io.gridside.console.service.sync.SyncStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunStepsTest {

    private final RunSteps steps = new RunSteps();

    private static SyncStatus status(boolean running, Map<String, Long> waiting, Update update) {
        return new SyncStatus(SyncStatus.Connectivity.ONLINE, running, Map.of(), waiting, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.ofNullable(update));
    }

    @Test
    void countsEachStreamAgainstWhatWaitedWhenTheRunBegan() {
        Map<String, Long> waiting = Map.of("readings", 30L, "payments", 10L, "ledger", 0L);

        SyncProgress begun = steps.next(status(true, waiting, null));

        assertThat(begun.streams()).extracting(SyncProgress.Stream::name).containsExactly("payments", "readings");
        assertThat(begun.fraction()).isZero();

        steps.next(status(true, waiting, new Update("payments", "sending", 0, -1, 0)));
        SyncProgress step = steps.next(status(true, waiting, new Update("payments", "acknowledged", 10, -1, 900)));
        assertThat(step.streams().get(0)).isEqualTo(new SyncProgress.Stream("payments", true, 10, 10, 900, false));
        assertThat(step.fraction()).isEqualTo(0.25);
    }

    @Test
    void givesEachStreamItsOwnBytesAndMarksItDoneWhenTheRunMovesOn() {
        Map<String, Long> waiting = Map.of("payments", 2L, "readings", 4L);
        steps.next(status(true, waiting, null));
        steps.next(status(true, waiting, new Update("payments", "sending", 0, -1, 0)));
        steps.next(status(true, waiting, new Update(null, "sent", -1, -1, 500)));
        steps.next(status(true, waiting, new Update("payments", "acknowledged", 2, -1, 500)));
        steps.next(status(true, waiting, new Update("readings", "sending", 0, -1, 500)));

        SyncProgress chunk = steps.next(status(true, waiting, new Update(null, "sent", -1, -1, 2_548)));

        assertThat(chunk.streams()).containsExactly(new SyncProgress.Stream("payments", true, 2, 2, 500, true),
                new SyncProgress.Stream("readings", true, 0, 4, 2_048, false));
    }

    @Test
    void aDownStreamCountsItsItemsWithoutATotalAndAnEndedRunHasEveryStreamDone() {
        steps.next(status(true, Map.of(), null));
        steps.next(status(true, Map.of(), new Update("tariffs", "applied 3 items", 3, -1, 0)));

        SyncProgress ended = steps.next(status(false, Map.of(), null));

        assertThat(ended.running()).isFalse();
        assertThat(ended.streams()).containsExactly(new SyncProgress.Stream("tariffs", false, 3, 0, 0, true));
        assertThat(ended.fraction()).isEqualTo(1.0);
    }

    @Test
    void customerEditsGoingUpAndComingDownHaveARowEach() {
        Map<String, Long> waiting = Map.of("customers", 1L);
        steps.next(status(true, waiting, null));
        steps.next(status(true, waiting, new Update("customers", "sending", 0, -1, 0)));
        steps.next(status(true, waiting, new Update("customers", "acknowledged", 1, -1, 166)));
        steps.next(status(true, waiting, new Update("tariffs", "applied 0 items", 0, -1, 166)));

        SyncProgress down = steps.next(status(true, waiting, new Update("customers", "applied 2 items", 2, -1, 166)));

        assertThat(down.streams()).containsExactly(new SyncProgress.Stream("customers", true, 1, 1, 166, true),
                new SyncProgress.Stream("tariffs", false, 0, 0, 0, true),
                new SyncProgress.Stream("customers", false, 2, 0, 0, false));
    }
}
