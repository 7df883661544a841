package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.I18n;
import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commissioning day cancelled in the middle of the relay tests, the console then closed, opened again on the same
 * store and cancelled in the middle of go-live, its link then cut, and finished: nothing is applied twice. The relays
 * tested before the interruption are not switched again, each customer is commissioned and opened on the ledger
 * once, and each step is recorded once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionDayResumeTest {

    private static final int METERS = 20;

    @TempDir
    Path home;

    @Test
    void anInterruptedAndResumedDayAppliesNothingTwice() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home)) {
            Path file;
            Map<String, Instant> testedFirst;
            try (CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
                file = upToTheCustomers(fresh, day);
                Interruption atRelays = cancelAt("Relay test of", 8);
                assertThatThrownBy(() -> day.proceed(atRelays.progress, atRelays.cancel))
                        .isInstanceOf(StepCancelledException.class);
                testedFirst = day.records().relayTests().stream()
                        .collect(Collectors.toMap(RelayTest::meterId, RelayTest::testedAt));
            }
            assertThat(testedFirst).hasSize(8);
            fresh.advance(Duration.ofMinutes(30));

            try (CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
                day.resume(file);
                day.confirmGoLive();
                assertThat(day.states().get(CommissionStep.RELAY_TEST.ordinal()).status())
                        .isEqualTo(StepState.Status.CURRENT);
                Interruption atGoLive = cancelAt("Commissioning NG-", 12);
                assertThatThrownBy(() -> day.proceed(atGoLive.progress, atGoLive.cancel))
                        .isInstanceOf(StepCancelledException.class);
                assertThat(commissionedOnTheGateway(fresh)).hasSize(12);

                fresh.site.dropTcpSessions();
                RunResult finished = proceedOverADroppedLink(day);

                assertThat(finished.complete()).isTrue();
                assertThat(day.records().progress()).extracting(StepRecord::step)
                        .containsExactly(CommissionStep.values());
                assertThat(day.records().relayTests()).hasSize(METERS)
                        .filteredOn(test -> testedFirst.containsKey(test.meterId()))
                        .allSatisfy(test -> assertThat(test.testedAt()).isEqualTo(testedFirst.get(test.meterId())));
                assertThat(day.records().reports()).hasSize(1);
            }
            assertThat(commissionedOnTheGateway(fresh)).hasSize(METERS).doesNotHaveDuplicates();
            fresh.advance(Duration.ofHours(1));
            assertThat(openingEntries(fresh)).hasSize(METERS).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRelayTestSaysWhichMeterItTestsInTheTechniciansLanguage() throws Exception {
        List<String> lines = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        I18n.use(Locale.FRENCH);
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            upToTheCustomers(fresh, day);
            String relayTest = I18n.text("progress.relayTest", "");
            Progress progress = (message, done, total) -> {
                lines.add(message);
                cancelled.compareAndSet(false, message.startsWith(relayTest));
            };

            assertThatThrownBy(() -> day.proceed(progress, cancelled::get)).isInstanceOf(StepCancelledException.class);

            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(relayTest).startsWith("Essai du relais"))
                    .noneSatisfy(line -> assertThat(line).startsWith("Relay test of"));
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    private static Path upToTheCustomers(FreshDay fresh, CommissionService day) throws Exception {
        Path file = day.createSite(FreshDay.PLAN);
        day.useGateway(fresh.target());
        day.usePack(fresh.pack);
        day.proceed(Progress.NONE, CancelSignal.NEVER);
        fresh.advance(Duration.ofMinutes(30));
        List<JoinedMeter> joined = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.commissioning().joinedMeters(null, (batch, received, total) -> joined.addAll(batch),
                    CancelSignal.NEVER);
        }
        assertThat(joined).hasSize(METERS);
        assertThat(day.importCustomers(FreshDay.write(fresh.folder.resolve("customers.csv"),
                FreshDay.customersCsv(joined, 0))).ok()).isTrue();
        return file;
    }

    /** The first run after the link was cut may find the old session dead; the next opens a new one. */
    private static RunResult proceedOverADroppedLink(CommissionService day) throws Exception {
        try {
            return day.proceed(Progress.NONE, CancelSignal.NEVER);
        } catch (IOException droppedLink) {
            return day.proceed(Progress.NONE, CancelSignal.NEVER);
        }
    }

    private static List<String> commissionedOnTheGateway(FreshDay fresh) throws IOException {
        try (GatewayClient client = fresh.open()) {
            return client.commissioning().state().commissionedCustomers();
        }
    }

    private static List<String> openingEntries(FreshDay fresh) throws Exception {
        List<LedgerEntry> ledger = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.ledger(0, (batch, received, total) -> ledger.addAll(batch), CancelSignal.NEVER);
        }
        return ledger.stream().filter(entry -> entry.kind() == EntryKind.OPENING).map(LedgerEntry::customerId)
                .toList();
    }

    /** A cancel raised when the progress reports the {@code count}th message beginning with {@code prefix}. */
    private static Interruption cancelAt(String prefix, int count) {
        AtomicBoolean cancelled = new AtomicBoolean();
        int[] seen = new int[1];
        Progress progress = (message, done, total) -> {
            if (message.startsWith(prefix) && ++seen[0] > count) {
                cancelled.set(true);
            }
        };
        return new Interruption(progress, cancelled::get);
    }

    private record Interruption(Progress progress, CancelSignal cancel) {
    }
}
