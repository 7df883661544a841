package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.QueuedRead;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision on the exceptions queue queues the read it decides for the gateway's billing, with the decision. */
class VeeQueueDecisionTest {

    private static final Instant AT = Instant.parse("2026-06-02T13:45:00Z");
    private static final Instant DECIDED = Instant.parse("2026-06-03T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void queuesTheRegisterGivenOnAnOverrideAndTheReadAsItCameOnAnAcceptance() {
        ReadException conflicting = new ReadException(new RawRead("M00001", AT, 5_000), ReadRule.CONFLICTING_READ,
                "another register is held");
        ReadException backwards = new ReadException(new RawRead("M00002", AT, 7_000), ReadRule.REGISTER_BACKWARDS,
                "below the read before");
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.queueExceptions(List.of(conflicting, backwards));

            VeeQueue.decide(store, ExceptionDecision.override(conflicting, 4_980, "S-0007", DECIDED,
                    "read off the display"));
            VeeQueue.decide(store, ExceptionDecision.accept(backwards, "S-0007", DECIDED, "meter replaced"));

            assertThat(VeeQueue.readsWaiting(store)).isEqualTo(2);
            assertThat(store.pendingReads()).extracting(QueuedRead::meterId, QueuedRead::registerWh,
                    QueuedRead::origin).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("M00001", 4_980L, "OVERRIDDEN"),
                            org.assertj.core.groups.Tuple.tuple("M00002", 7_000L, "ACCEPTED"));
            assertThat(store.pendingReads()).allSatisfy(read -> {
                assertThat(read.readAt()).isEqualTo(AT);
                assertThat(read.originId()).startsWith("decision:" + read.meterId());
                assertThat(read.reason()).contains("S-0007");
            });
            assertThat(store.exceptionDecisions()).hasSize(2);
        }
    }
}
