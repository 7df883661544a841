package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.sync.Attention;
import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.FirmwareRelease;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.ReceivedCredential;
import io.gridside.site.sync.RemoteTopUp;
import io.gridside.site.sync.SignedRevocations;
import io.gridside.site.sync.SyncConfig;
import io.gridside.site.sync.TariffVersion;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the down streams bring, applied with their cursors; customer fields merged by HLC; sync's own state. */
class SiteStoreSyncDownTest {

    private static final Instant NOW = Instant.parse("2026-06-05T09:00:00Z");
    private static final long MILLIS = NOW.toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void aLocalEditIsQueuedWithItsHlcAndALaterOneIsRequired() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Hlc first = sync.nextHlc(clock, "laptop-1");
            sync.editCustomerField("c-1", "phone", "+254700000001", first);
            Hlc second = sync.nextHlc(clock, "laptop-1");
            sync.editCustomerField("c-1", "phone", "+254700000002", second);

            assertThat(second).isGreaterThan(first);
            assertThat(sync.customerFields("c-1")).containsExactly(
                    new CustomerField("c-1", "phone", "+254700000002", second, CustomerField.LOCAL));
            assertThat(sync.pending(UpStream.CUSTOMERS, 0, 10)).extracting(UpItem::seq,
                    i -> i.fields().get("customerId"), i -> i.fields().get("field"), i -> i.fields().get("value"),
                    i -> i.fields().get("hlc")).containsExactly(
                            tuple(1L, "c-1", "phone", "+254700000002", second.text()),
                            tuple(2L, "c-1", "phone", "+254700000002", second.text()));
            assertThatThrownBy(() -> sync.editCustomerField("c-1", "phone", "x", first))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sync.editCustomerField("c-1", "email", "x", sync.nextHlc(clock, "laptop-1")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(sync.lastSeq(UpStream.CUSTOMERS)).isEqualTo(2);
        }
    }

    @Test
    void theLaterEditWinsATieGoesToTheCloudAndEveryLoserIsKeptForReview() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            Hlc local = new Hlc(MILLIS, 0, "laptop-1");
            sync.editCustomerField("c-1", "phone", "local-phone", local);
            sync.editCustomerField("c-1", "name", "Local Name", local);
            sync.editCustomerField("c-1", "address", "Local Road", local);
            Hlc later = new Hlc(MILLIS + 1, 0, "cloud");
            Hlc earlier = new Hlc(MILLIS - 1, 5, "cloud");
            Hlc tie = new Hlc(MILLIS, 0, "cloud");

            int taken = sync.applyCustomerFields(List.of(field("phone", "cloud-phone", later),
                    field("name", "Cloud Name", earlier), field("address", "Cloud Road", tie),
                    field("phone", "cloud-phone", later), field("name", "Local Name", earlier)), NOW, "e1:3");

            assertThat(taken).isEqualTo(2);
            assertThat(sync.customerFields("c-1")).extracting(CustomerField::field, CustomerField::value,
                    CustomerField::origin).containsExactly(tuple("address", "Cloud Road", CustomerField.CLOUD),
                            tuple("name", "Local Name", CustomerField.LOCAL),
                            tuple("phone", "cloud-phone", CustomerField.CLOUD));
            assertThat(sync.reviews()).extracting(FieldReview::field, FieldReview::lostValue, FieldReview::lostHlc,
                    FieldReview::wonValue, FieldReview::wonHlc).containsExactly(
                            tuple("phone", "local-phone", local, "cloud-phone", later),
                            tuple("name", "Cloud Name", earlier, "Local Name", local),
                            tuple("address", "Local Road", local, "Cloud Road", tie));
            assertThat(sync.cursor(DownStream.CUSTOMERS)).contains("e1:3");
            // What came from the cloud is not sent back up.
            assertThat(sync.lastSeq(UpStream.CUSTOMERS)).isEqualTo(3);

            // The same page again (a cursor lost with a restored cloud) changes nothing and adds no review.
            sync.applyCustomerFields(List.of(field("phone", "cloud-phone", later), field("name", "Cloud Name",
                    earlier), field("address", "Cloud Road", tie)), NOW.plusSeconds(60), "e2:3");
            assertThat(sync.reviews()).hasSize(3);
            assertThat(sync.customerFields("c-1")).extracting(CustomerField::value)
                    .containsExactly("Cloud Road", "Local Name", "cloud-phone");
            // A local edit after a cloud value is after it by HLC.
            Hlc next = sync.nextHlc(Clock.fixed(NOW, ZoneOffset.UTC), "laptop-1");
            assertThat(next).isGreaterThan(later);
            assertThat(next.node()).isEqualTo("laptop-1");
        }
    }

    @Test
    void aRemoteTopUpIsQueuedOnceWhateverComesAgain() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertLedger(List.of(new LedgerEntry(1, NOW, "c-1", EntryKind.TOP_UP, 500, 500, "payment:MM-0")));
            SyncRows sync = store.sync();
            long payments = sync.lastSeq(UpStream.PAYMENTS);

            int first = sync.applyRemoteTopUps(List.of(topUp("MM-1"), topUp("MM-2"), topUp("MM-0")), NOW, "e1:3");
            int again = sync.applyRemoteTopUps(List.of(topUp("MM-2"), topUp("MM-1"), topUp("MM-3")), NOW, "e2:3");

            assertThat(first).isEqualTo(2);
            assertThat(again).isEqualTo(1);
            assertThat(store.pendingPayments()).extracting(QueuedPayment::reference, QueuedPayment::source)
                    .containsExactly(tuple("MM-1", "mobile-money"), tuple("MM-2", "mobile-money"),
                            tuple("MM-3", "mobile-money"));
            assertThat(sync.cursor(DownStream.TOPUPS)).contains("e2:3");
            assertThat(sync.pending(UpStream.PAYMENTS, payments, 10)).extracting(UpItem::kind,
                    i -> i.fields().get("reference")).containsExactly(tuple("payment", "MM-1"),
                            tuple("payment", "MM-2"), tuple("payment", "MM-3"));
        }
    }

    @Test
    void aPageThatFailsLeavesItsCursorAndItemsAsTheyWere() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            sync.applyRemoteTopUps(List.of(topUp("MM-1")), NOW, "e1:1");

            RemoteTopUp negative = new RemoteTopUp("MM-3", "c-1", -5, "KES", NOW, "mobile-money");
            assertThatThrownBy(() -> sync.applyRemoteTopUps(List.of(topUp("MM-2"), negative), NOW, "e1:3"))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(sync.cursor(DownStream.TOPUPS)).contains("e1:1");
            assertThat(store.pendingPayments()).extracting(QueuedPayment::reference).containsExactly("MM-1");
            assertThat(sync.cursor(DownStream.TARIFFS)).isEmpty();
            sync.clearCursor(DownStream.TOPUPS);
            assertThat(sync.cursor(DownStream.TOPUPS)).isEmpty();
        }
    }

    @Test
    void keepsTariffsReleasesCredentialsAndTheNewestRevocationList() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            sync.applyTariffs(List.of(new TariffVersion("t-2", NOW.plusSeconds(86_400), "{\"v\":2}"),
                    new TariffVersion("t-1", NOW, "{\"v\":1}")), "e1:2");
            sync.applyTariffs(List.of(new TariffVersion("t-1", NOW, "{\"v\":1}")), "e1:2");
            FirmwareRelease release = new FirmwareRelease("meter", "3.2.0", List.of("hw-a", "hw-b"), 4, "fixes",
                    NOW);
            sync.applyFirmwareReleases(List.of(release), "e1:1");
            sync.applyCredentials(List.of(new ReceivedCredential("tech-1", new byte[] {1}, new byte[] {2})),
                    List.of(new SignedRevocations(3, new byte[] {3}, new byte[] {4}),
                            new SignedRevocations(2, new byte[] {5}, new byte[] {6})), NOW, "e1:3");

            assertThat(sync.tariffVersions()).extracting(TariffVersion::versionId).containsExactly("t-1", "t-2");
            assertThat(sync.firmwareReleases()).containsExactly(release);
            assertThat(sync.credentials()).extracting(ReceivedCredential::technicianId).containsExactly("tech-1");
            assertThat(sync.revocationList()).get().extracting(SignedRevocations::serial).isEqualTo(3L);
            assertThat(sync.applyRevocationList(new SignedRevocations(3, new byte[] {7}, new byte[] {8}), NOW))
                    .isFalse();
            assertThat(sync.applyRevocationList(new SignedRevocations(4, new byte[] {9}, new byte[] {10}), NOW))
                    .isTrue();
            assertThat(sync.revocationList().orElseThrow().signed()).containsExactly(9);
            assertThat(sync.cursor(DownStream.CREDENTIALS)).contains("e1:3");
            assertThat(sync.cursor(DownStream.FIRMWARE)).contains("e1:1");
        }
    }

    @Test
    void needsAttentionCountsRepeatsUntilResolved() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            long id = sync.addAttention("readings", "readings-1-40", "too_large", "The batch is too large.",
                    "Ask for a larger limit.", NOW);
            long same = sync.addAttention("readings", "readings-1-40", "too_large", "Still too large.",
                    "Ask for a larger limit.", NOW.plusSeconds(60));
            long other = sync.addAttention("events", "9", "bad_event", "Rejected.", "Look at event 9.", NOW);

            assertThat(same).isEqualTo(id);
            assertThat(sync.attention()).extracting(Attention::id, Attention::attempts, Attention::message,
                    Attention::lastSeen).containsExactly(tuple(id, 2, "Still too large.", NOW.plusSeconds(60)),
                            tuple(other, 1, "Rejected.", NOW));
            assertThat(sync.resolveAttention(id)).isTrue();
            assertThat(sync.resolveAttention(id)).isFalse();
            assertThat(sync.attention()).extracting(Attention::id).containsExactly(other);
            assertThat(sync.addAttention("readings", "readings-1-40", "too_large", "Again.", "Look.", NOW))
                    .isNotEqualTo(id);
        }
    }

    @Test
    void keepsHowRunsWentAndTheCloudsAddress() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            SyncRows sync = store.sync();
            assertThat(sync.state().lastSuccess()).isEmpty();
            assertThat(sync.config()).isEmpty();

            sync.recordSuccess(NOW);
            sync.recordFailure(NOW.plusSeconds(60), "The cloud did not answer.");
            assertThat(sync.state().lastSuccess()).contains(NOW);
            assertThat(sync.state().lastAttempt()).contains(NOW.plusSeconds(60));
            assertThat(sync.state().lastError()).contains("The cloud did not answer.");
            sync.recordSuccess(NOW.plusSeconds(120));
            assertThat(sync.state().lastError()).isEmpty();

            sync.saveConfig("https://127.0.0.1:8443", "sha256/abc=");
            assertThat(sync.config()).contains(new SyncConfig("https://127.0.0.1:8443", "sha256/abc="));
        }
    }

    private static CustomerField field(String name, String value, Hlc hlc) {
        return new CustomerField("c-1", name, value, hlc, CustomerField.CLOUD);
    }

    private static RemoteTopUp topUp(String reference) {
        return new RemoteTopUp(reference, "c-1", 1_000, "KES", NOW.minusSeconds(600), "mobile-money");
    }
}
