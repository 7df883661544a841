package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.QueuedPayment.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox of imported payments: each reference queued once, answers kept, refused ones queued again. */
class SiteStoreOutboxTest {

    private static final Instant PAID = Instant.parse("2026-06-02T10:00:00Z");
    private static final Instant QUEUED = Instant.parse("2026-06-03T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void queuesEachReferenceOnceAndKeepsTheFirstWhileItIsNotRefused() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            int first = store.queuePayments(List.of(payment("AG-1", 25_000), payment("AG-2", 1_000)), QUEUED);
            int again = store.queuePayments(List.of(payment("AG-1", 99_999)), QUEUED.plusSeconds(60));

            assertThat(first).isEqualTo(2);
            assertThat(again).isZero();
            assertThat(store.pendingPayments()).extracting(QueuedPayment::reference, QueuedPayment::amountMinor)
                    .containsExactly(tuple("AG-1", 25_000L),
                            tuple("AG-2", 1_000L));
        }
    }

    @Test
    void keepsTheGatewaysAnswersAndQueuesARefusedPaymentAgain() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.queuePayments(List.of(payment("AG-1", 25_000), payment("AG-2", 1_000)), QUEUED);

            store.recordPaymentAnswers(List.of(answered("AG-1", 25_000, State.CREDITED, null),
                    answered("AG-2", 1_000, State.REFUSED, "PAYMENT_UNKNOWN_CUSTOMER")), QUEUED.plusSeconds(5));
            int requeued = store.queuePayments(List.of(payment("AG-1", 25_000), payment("AG-2", 1_500)),
                    QUEUED.plusSeconds(60));

            assertThat(requeued).as("only the refused one").isEqualTo(1);
            assertThat(store.queuedPayments()).extracting(QueuedPayment::reference, QueuedPayment::state,
                    QueuedPayment::amountMinor, QueuedPayment::answerCode).containsExactly(
                            tuple("AG-1", State.CREDITED, 25_000L, null),
                            tuple("AG-2", State.PENDING, 1_500L, null));
        }
    }

    @Test
    void findsThePaymentsOfTheLedgerByTheirOwnReference() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertLedger(List.of(
                    new LedgerEntry(1, PAID, "c-001", EntryKind.OPENING, 10_000, 10_000, "opening"),
                    new LedgerEntry(2, PAID.plusSeconds(900), "c-001", EntryKind.TOP_UP, 25_000, 35_000,
                            "payment:AG-1"),
                    new LedgerEntry(3, PAID.plusSeconds(900), "c-001", EntryKind.ENERGY, -264, 34_736,
                            "2026-06-02T10:00:00Z")));

            assertThat(store.ledgerPayments()).containsOnlyKeys("AG-1");
            assertThat(store.ledgerPayments().get("AG-1").seq()).isEqualTo(2);
        }
    }

    private static QueuedPayment payment(String reference, long amountMinor) {
        return QueuedPayment.pending(reference, "c-001", amountMinor, "KES", PAID, "book.csv:2");
    }

    private static QueuedPayment answered(String reference, long amountMinor, State state, String code) {
        return new QueuedPayment(reference, "c-001", amountMinor, "KES", PAID, "book.csv:2", state, code,
                code == null ? null : "refused");
    }
}
