package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.QueuedRead;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox of reads for the gateway's billing: each read once by origin, meter and time, answers kept. */
class SiteStoreReadingOutboxTest {

    private static final Instant AT = Instant.parse("2026-06-02T13:45:00Z");
    private static final Instant NOW = Instant.parse("2026-06-03T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void queuesAReadOnceAndAgainOnlyAfterTheGatewayRefusedIt() {
        QueuedRead read = QueuedRead.pending("M00048", AT, 12_040, "IMPORT", "reads.csv:2", "imported");
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.queueReads(List.of(read), NOW)).isEqualTo(1);
            assertThat(store.queueReads(List.of(read), NOW)).as("a re-import queues nothing new").isZero();

            store.recordReadAnswers(List.of(read.answered(QueuedRead.State.REFUSED, "GAP_INCOMPLETE", "send all")),
                    NOW);

            assertThat(store.pendingReads()).isEmpty();
            assertThat(store.queuedReads()).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(QueuedRead.State.REFUSED);
                assertThat(r.answerCode()).isEqualTo("GAP_INCOMPLETE");
            });
            assertThat(store.queueReads(List.of(read), NOW)).as("a refused read is queued again").isEqualTo(1);
            assertThat(store.pendingReads()).containsExactly(read);

            store.recordReadAnswers(List.of(read.answered(QueuedRead.State.FILLED, null, null)), NOW);

            assertThat(store.queueReads(List.of(read), NOW)).as("a filled read stays answered").isZero();
        }
    }

    @Test
    void keepsTheOutboxAcrossReopening() {
        QueuedRead read = QueuedRead.pending("M00010", AT, 340, "OVERRIDDEN", "decision:1", "display");
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.queueReads(List.of(read), NOW);
        }
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.pendingReads()).containsExactly(read);
        }
    }
}
