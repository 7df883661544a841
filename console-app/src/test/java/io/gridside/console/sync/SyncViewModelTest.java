package io.gridside.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncViewModelTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String URL = "https://127.0.0.1:8443";
    private static final String PIN = "sha256/AAAA";

    private final FakeSyncSource source = new FakeSyncSource();
    private Instant clock = NOW;
    private final SyncViewModel model = new SyncViewModel(source, () -> clock);

    private static SyncOverview overview(boolean online, Map<String, Long> waiting, Instant lastSuccess,
            List<SyncOverview.Attention> attention) {
        return new SyncOverview(URL, PIN, online, waiting, lastSuccess, "", attention, List.of());
    }

    private static SyncOverview.Attention rejected(String id) {
        return new SyncOverview.Attention(id, "payments", "payment R-77", "Refused by the cloud [unknown_customer]",
                "Check the customer of R-77 and resolve it here.", SyncOverview.Action.RESOLVE, NOW);
    }

    @Test
    void saysWhenSyncIsNotSetUpAndKeepsSyncNowOff() {
        assertThat(model.indicatorTextProperty().get()).isEqualTo("Sync not set up");
        assertThat(model.configuredProperty().get()).isFalse();
    }

    @Test
    void saysNoSiteIsOpenBeforeAGatewayAnswered() {
        source.siteOpen.set(false);

        assertThat(model.indicatorTextProperty().get()).isEqualTo("Sync: no site open");
    }

    @Test
    void showsOnlineWhatWaitsAndHowLongAgoTheSiteSynced() {
        source.show(overview(true, Map.of("payments", 3L, "ledger", 1_200L, "readings", 40L),
                NOW.minus(Duration.ofMinutes(4)), List.of()));

        assertThat(model.indicatorTextProperty().get())
                .isEqualTo("1,243 waiting \u00b7 synced 4 min ago");

        clock = NOW.plus(Duration.ofHours(2));
        model.tick();
        assertThat(model.lastSuccessTextProperty().get()).isEqualTo("synced 2 h ago");
    }

    @Test
    void showsOfflineWithNothingWaitingAndANeverSyncedSite() {
        source.show(overview(false, Map.of(), null, List.of()));

        assertThat(model.indicatorTextProperty().get())
                .isEqualTo("Offline \u00b7 nothing waiting \u00b7 never synced");
        assertThat(model.onlineProperty().get()).isFalse();
    }

    @Test
    void doesNotLookSettledWhileItemsWaitForASiteThatNeverSynced() {
        source.show(overview(true, Map.of("events", 11L), null, List.of()));

        assertThat(model.indicatorTextProperty().get()).isEqualTo("11 waiting \u00b7 never synced");
        assertThat(model.neverSyncedWithWaitingProperty().get()).isTrue();

        source.show(overview(true, Map.of("events", 11L), NOW, List.of()));
        assertThat(model.neverSyncedWithWaitingProperty().get()).as("once synced").isFalse();

        source.show(overview(true, Map.of(), null, List.of()));
        assertThat(model.neverSyncedWithWaitingProperty().get()).as("with nothing waiting").isFalse();
    }

    @Test
    void groupsWaitingRowsByPriorityWithEventsAndCustomerEditsTogether() {
        SyncOverview shown = overview(true, Map.of("events", 5L, "customers", 2L, "payments", 1L), NOW, List.of());

        assertThat(SyncPriority.EVENTS.waiting(shown)).isEqualTo(7);
        assertThat(SyncPriority.PAYMENTS.waiting(shown)).isEqualTo(1);
        assertThat(SyncPriority.READINGS.waiting(shown)).isZero();
    }

    @Test
    void raisesTheBadgeWhileItemsNeedAttentionAndSendsTheirAction() {
        source.show(overview(true, Map.of(), NOW, List.of(rejected("7"))));

        assertThat(model.needsAttentionProperty().get()).isTrue();
        model.act(model.attention().get(0));
        assertThat(source.asked).containsExactly("RESOLVE 7");

        source.show(overview(true, Map.of(), NOW, List.of()));
        assertThat(model.needsAttentionProperty().get()).isFalse();
    }

    @Test
    void followsARunAndSaysHowItEnded() {
        source.show(overview(true, Map.of("ledger", 100L), NOW, List.of()));
        model.syncNow();
        source.step(new SyncProgress(true, List.of(new SyncProgress.Stream("ledger", true, 40, 100, 4096, false))));

        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.progressProperty().get().fraction()).isEqualTo(0.4);
        assertThat(model.indicatorTextProperty().get()).isEqualTo("Syncing 40%");

        source.show(overview(true, Map.of(), NOW, List.of()));
        source.step(new SyncProgress(false, List.of(new SyncProgress.Stream("ledger", true, 100, 100, 9000, true))));
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Done:");
    }

    @Test
    void aCancelledRunSaysWhatWasKept() {
        source.step(new SyncProgress(true, List.of()));
        model.cancel();
        source.step(SyncProgress.IDLE);

        assertThat(source.asked).containsExactly("cancel");
        assertThat(model.messageProperty().get()).startsWith("Cancelled:");
    }

    @Test
    void aRunThatFailedShowsTheLastError() {
        source.step(new SyncProgress(true, List.of()));
        source.show(new SyncOverview(URL, PIN, false, Map.of(), null, "The cloud did not answer.", List.of(),
                List.of()));
        source.step(SyncProgress.IDLE);

        assertThat(model.messageProperty().get()).isEqualTo("The cloud did not answer.");
    }

    @Test
    void anOrderThatCannotBeGivenSaysWhy() {
        source.failure = "A run is under way already.";

        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo("A run is under way already.");
    }

    @Test
    void keepsTheCloudTypedWithoutItsSpaces() {
        model.configure(" https://127.0.0.1:9443 ", "sha256/BBBB ");

        assertThat(source.asked).containsExactly("configure https://127.0.0.1:9443 sha256/BBBB");
        assertThat(model.messageProperty().get()).startsWith("Keeping https://127.0.0.1:9443 as the site's cloud");
    }
}
