package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteEvent;
import io.gridside.site.sync.Attention;
import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.FirmwareRelease;
import io.gridside.site.sync.ReceivedCredential;
import io.gridside.site.sync.TariffVersion;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.UpStream;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncEngineTest {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    private CloudSync sync;

    @BeforeEach
    void start() throws IOException {
        sync = CloudSync.start(cache, dir);
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    @Test
    void sendsTheWholeSiteOnceAndTheCloudHoldsItExactly() throws IOException {
        SyncResult result = sync.run();

        assertThat(result.complete()).as(result.attention().toString()).isTrue();
        assertThat(sync.store.sync().waiting().values()).allMatch(waiting -> waiting == 0);
        HexFormat hex = HexFormat.of();
        assertThat(sync.cloud.ledger(sync.siteId)).extracting(UpItems.Ledger::seq)
                .containsExactlyElementsOf(sync.store.ledger().stream().map(e -> e.seq()).toList());
        assertThat(sync.cloud.ledger(sync.siteId).get(sync.cloud.ledger(sync.siteId).size() - 1).hash())
                .isEqualTo(hex.formatHex(sync.store.ledgerHash(sync.store.lastLedgerSeq()).orElseThrow()));
        assertThat(sync.cloud.events(sync.siteId)).extracting(UpItems.Event::id)
                .containsExactlyInAnyOrderElementsOf(sync.store.events(Instant.EPOCH, FAR).stream()
                        .map(SiteEvent::id).toList());
        assertThat(sync.cloud.readings(sync.siteId)).isNotEmpty();
        for (UpStream stream : UpStream.values()) {
            assertThat(sync.store.sync().checkpoint(stream)).as(stream.name())
                    .isEqualTo(sync.store.sync().lastSeq(stream));
        }
    }

    @Test
    void aSecondRunSendsNothing() throws IOException {
        sync.run();

        SyncResult again = sync.run();

        assertThat(again.complete()).isTrue();
        assertThat(again.itemsSent()).isZero();
        assertThat(again.bytesSent()).isZero();
    }

    @Test
    void theCheckpointStaysWhereItWasWhenNoCommitAnswerCame() throws IOException {
        // The PUT that completes the batch commits it in the same request and its answer is lost; then every
        // commit the console asks, having found the batch committed, loses its answer too.
        sync.faults.once(CloudFaults.Kind.DROP_AFTER, "PUT /v1/sites/" + sync.siteId + "/batches/payments-");
        for (int i = 1; i < Attempts.MAX; i++) {
            sync.faults.once(CloudFaults.Kind.DROP_AFTER, "/commit");
        }

        assertThatThrownBy(sync::run).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.RETRYABLE));
        assertThat(sync.store.sync().checkpoint(UpStream.PAYMENTS)).isZero();
        assertThat(sync.cloud.watermark(sync.siteId, "payments"))
                .isEqualTo(sync.store.sync().lastSeq(UpStream.PAYMENTS));

        SyncResult next = sync.run();

        assertThat(next.complete()).isTrue();
        assertThat(next.up().get("payments").bytesSent()).as("the batch is found committed by its id").isZero();
        assertThat(sync.cloud.items(sync.siteId, "payments")).extracting(item -> item.get("seq"))
                .doesNotHaveDuplicates().hasSize((int) sync.store.sync().lastSeq(UpStream.PAYMENTS));
    }

    @Test
    void resumesABatchFromWhatTheCloudHoldsAfterADrop(@TempDir Path other) throws IOException {
        int chunk = 2048;
        SyncResult clean;
        int blocks;
        try (CloudSync reference = CloudSync.start(cache, other)) {
            SyncEngine engine = reference.engine();
            engine.chunkBytes(chunk);
            clean = engine.run(SyncProgress.NONE, CancelSignal.NEVER);
            blocks = reference.cloud.readings(reference.siteId).size();
        }
        // The readings' first batch: its status, its first chunk, then its second chunk taken but unanswered.
        sync.faults.slowMillis(0).once(CloudFaults.Kind.SLOW, "/batches/readings-")
                .once(CloudFaults.Kind.SLOW, "/batches/readings-")
                .once(CloudFaults.Kind.DROP_AFTER, "/batches/readings-");
        SyncEngine engine = sync.engine();
        engine.chunkBytes(chunk);

        SyncResult resumed = engine.run(SyncProgress.NONE, CancelSignal.NEVER);

        assertThat(clean.up().get("readings").bytesSent()).isGreaterThan(3L * chunk);
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.up().get("readings").bytesSent()).as("the chunk the cloud took is not sent again")
                .isEqualTo(clean.up().get("readings").bytesSent() - chunk);
        assertThat(sync.waits).hasSize(1);
        assertThat(sync.cloud.readings(sync.siteId)).hasSize(blocks);
    }

    @Test
    void sendsAgainFromTheWatermarkOfACloudRestoredFromABackup() throws IOException {
        sync.run();
        sync.cloud.backup();
        sync.store.insertEvents(List.of(event(1_000), event(1_001), event(1_002)));
        SyncResult second = sync.run();
        sync.cloud.restoreLatestBackup();

        SyncResult third = sync.run();

        assertThat(second.up().get("events").itemsSent()).isEqualTo(3);
        assertThat(third.rewound()).containsExactly("events");
        assertThat(third.up().get("events").itemsSent()).as("only what the backup lacked").isEqualTo(3);
        assertThat(third.up().get("ledger").itemsSent()).isZero();
        assertThat(sync.cloud.events(sync.siteId)).extracting(UpItems.Event::id)
                .containsExactlyInAnyOrderElementsOf(sync.store.events(Instant.EPOCH, FAR).stream()
                        .map(SiteEvent::id).toList());
    }

    @Test
    void aLedgerThatDiffersFromADayIsSentAgainFromThatDayOnly() throws IOException {
        sync.run();
        LocalDate second = SiteMonth.START.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        long firstOfDay = sync.store.ledger().stream()
                .filter(entry -> !entry.at().atZone(ZoneOffset.UTC).toLocalDate().isBefore(second))
                .mapToLong(LedgerEntry::seq).min().orElseThrow();
        assertThat(firstOfDay).isGreaterThan(1);
        assertThat(sync.cloud.corruptLedgerFrom(second)).isPositive();

        SyncResult repaired = sync.run();

        assertThat(repaired.complete()).as(repaired.attention().toString()).isTrue();
        assertThat(repaired.ledgerReplacedFrom()).isEqualTo(firstOfDay);
        assertThat(repaired.up().get("ledger").itemsSent())
                .isEqualTo(sync.store.lastLedgerSeq() - firstOfDay + 1);
        assertThat(sync.cloud.ledger(sync.siteId)).extracting(UpItems.Ledger::hash)
                .containsExactlyElementsOf(sync.store.ledger().stream().map(entry -> HexFormat.of()
                        .formatHex(sync.store.ledgerHash(entry.seq()).orElseThrow())).toList());
    }

    @Test
    void remoteTopUpsAreQueuedOnceEvenAfterAResyncOfAnUnknownCursor() throws IOException {
        String customer = sync.store.customers().get(0).customerId();
        String currency = sync.store.site().orElseThrow().currency();
        sync.cloud.publishTopUp(sync.siteId, topUp("MM-1", customer, currency));
        sync.cloud.publishTopUp(sync.siteId, topUp("MM-2", customer, currency));
        SyncResult first = sync.run();
        sync.cloud.backup();
        sync.cloud.restoreLatestBackup();

        SyncResult second = sync.run();

        assertThat(first.topUpsQueued()).isEqualTo(2);
        assertThat(first.complete()).as("the queued top-ups' payment rows went up in the same run").isTrue();
        assertThat(sync.cloud.payments(sync.siteId)).filteredOn(item -> "MM-1".equals(item.get("reference")))
                .hasSize(1);
        assertThat(second.resynced()).contains("topups");
        assertThat(second.topUpsQueued()).isZero();
        assertThat(second.complete()).isTrue();
        assertThat(sync.store.queuedPayments()).extracting(QueuedPayment::reference)
                .containsOnlyOnce("MM-1", "MM-2");
    }

    @Test
    void aCustomerFieldEditedOnBothSidesKeepsTheLaterAndListsTheOtherForReview() throws IOException {
        String customer = sync.store.customers().get(1).customerId();
        Instant now = Instant.now();
        sync.store.sync().editCustomerField(customer, "phone", "+255 700 000 001",
                new Hlc(now.minusSeconds(60).toEpochMilli(), 0, "laptop"));
        sync.cloud.publishCustomerField(sync.siteId, new DownItems.CustomerField(customer, "phone",
                "+255 700 000 002", new Hlc(now.toEpochMilli(), 0, "cloud").text()));

        SyncResult result = sync.run();

        assertThat(result.fieldsTaken()).isEqualTo(1);
        assertThat(sync.store.sync().customerFields(customer)).filteredOn(field -> field.field().equals("phone"))
                .extracting(CustomerField::value).containsExactly("+255 700 000 002");
        assertThat(sync.store.sync().reviews()).extracting(FieldReview::lostValue)
                .containsExactly("+255 700 000 001");
        assertThat(sync.cloud.customerFields(sync.siteId)).containsEntry(customer + "/phone", "+255 700 000 002");
    }

    @Test
    void refusesACloudWhoseCertificateIsNotThePinnedOneBeforeSendingAnything() throws IOException {
        CloudPin other = CloudPin.parse("sha256/" + Base64.getEncoder().encodeToString(new byte[32]));
        SyncEngine engine = new SyncEngine(sync.store, sync.client(other), CloudSync.clock(),
                Backoff.standard(new SplittableRandom(1)), sync.waits::add);

        assertThatThrownBy(() -> engine.run(SyncProgress.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.SESSION_REFUSED);
                    assertThat(e.code()).isEqualTo("pin_mismatch");
                    assertThat(e.getMessage()).contains(other.toString());
                });
        assertThat(sync.faults.requests()).isZero();
        assertThat(sync.store.sync().checkpoint(UpStream.LEDGER)).isZero();
    }

    @Test
    void trustsTheCloudByItsIssuersPinToo() throws IOException {
        SyncEngine engine = new SyncEngine(sync.store, sync.client(CloudPin.parse(sync.cloud.issuerPin())),
                CloudSync.clock(), Backoff.standard(new SplittableRandom(1)), sync.waits::add);

        assertThat(engine.run(SyncProgress.NONE, CancelSignal.NEVER).complete()).isTrue();
    }

    @Test
    void stopsWithTheCloudsMessageWhenTheLaptopWasReportedLost() throws IOException {
        sync.cloud.reportLaptopLost(LaptopId.in(sync.dataDir));

        assertThatThrownBy(sync::run).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudException.Kind.SESSION_REFUSED);
            assertThat(e.code()).isEqualTo("laptop_reported_lost");
        });
        assertThat(sync.store.sync().state().lastError()).isPresent();
    }

    @Test
    void aCloudThatAcceptsNoConnectionEndsTheRunAtOnceForTheScheduleToBackOff() throws IOException {
        // Port 1 of loopback: nothing listens there.
        CloudClient nowhere = SyncEngine.client(sync.store, URI.create("https://127.0.0.1:1"),
                CloudPin.parse(sync.cloud.pin()), sync.credential, LaptopId.in(sync.dataDir));
        SyncEngine engine = new SyncEngine(sync.store, nowhere, CloudSync.clock(),
                Backoff.standard(new SplittableRandom(1)), sync.waits::add);

        assertThatThrownBy(() -> engine.run(SyncProgress.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.RETRYABLE);
                    assertThat(e.code()).isEqualTo(CloudException.UNREACHABLE);
                });
        assertThat(sync.waits).isEmpty();
    }

    @Test
    void retriesServerErrorsWithBackOffAndFinishes() throws IOException {
        sync.faults.once(CloudFaults.Kind.ERROR_503, "/handshake").once(CloudFaults.Kind.ERROR_500, "/batches/")
                .once(CloudFaults.Kind.ERROR_503, "/down/");

        SyncResult result = sync.run();

        assertThat(result.complete()).isTrue();
        assertThat(sync.waits).hasSize(3).allMatch(wait -> !wait.isNegative() && wait.compareTo(Backoff.CAP) <= 0);
    }

    @Test
    void aCancelEndsTheRunBetweenChunksKeepingWhatWasAcknowledged() throws IOException {
        AtomicInteger chunks = new AtomicInteger();
        SyncEngine engine = sync.engine();
        engine.chunkBytes(4096);

        assertThatThrownBy(() -> engine.run(update -> {
            if (update.stream() == null && update.bytesSent() > 0) {
                chunks.incrementAndGet();
            }
        }, () -> chunks.get() >= 3)).isInstanceOf(CancellationException.class);
        long acknowledged = sync.store.sync().checkpoint(UpStream.PAYMENTS);

        SyncResult rest = sync.run();

        assertThat(rest.complete()).isTrue();
        assertThat(acknowledged + rest.up().get("payments").itemsSent())
                .isEqualTo(sync.store.sync().lastSeq(UpStream.PAYMENTS));
    }


    @Test
    void anItemTheCloudRejectsGoesOnTheNeedsAttentionListAndHoldsNothingBack() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sync.store.file());
                Statement statement = connection.createStatement()) {
            // An outbox row whose event is gone: the cloud cannot take an event without its time and kind.
            statement.executeUpdate("INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'events', "
                    + "COALESCE(MAX(seq), 0) + 1, '999999', 'event', 0 FROM sync_outbox WHERE stream = 'events'");
        }

        SyncResult result = sync.run();
        SyncResult again = sync.run();

        assertThat(result.complete()).isFalse();
        assertThat(result.attention()).singleElement().asString().startsWith("events seq");
        assertThat(sync.store.sync().attention()).extracting(Attention::stream, Attention::code)
                .containsExactly(tuple("events", "item_invalid"));
        assertThat(result.up().values()).allMatch(up -> up.waiting() == 0);
        assertThat(again.itemsSent()).isZero();
        assertThat(again.complete()).isTrue();
    }

    @Test
    void aBatchThatKeepsFailingWaitsOnTheNeedsAttentionListWhileTheOtherStreamsGoOn() throws IOException {
        for (int i = 0; i < Attempts.MAX; i++) {
            sync.faults.once(CloudFaults.Kind.ERROR_500, "/batches/events-");
        }

        SyncResult result = sync.run();

        assertThat(result.complete()).isFalse();
        assertThat(result.up().get("events").waiting()).isPositive();
        assertThat(result.up().get("readings").waiting()).isZero();
        assertThat(result.up().get("ledger").waiting()).isZero();
        assertThat(sync.store.sync().attention()).extracting(Attention::stream, Attention::code)
                .containsExactly(tuple("events", "internal"));
        assertThat(sync.run().complete()).isTrue();
    }


    @Test
    void bringsDownTariffsReleasesCredentialsAndTheNewestRevocationList() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sync.cloud.publishTariff(sync.siteId, new DownItems.Tariff("v-2026-07", LocalDate.parse("2026-07-01"),
                Map.of("id", "flat-2026-07", "energyMinorPerKwh", 3_800)));
        sync.cloud.publishFirmware(sync.siteId, new DownItems.Firmware("2.4.0", "meter", List.of("GM-1"), 7,
                "Faster joins.", now));
        sync.cloud.publishCredential(sync.siteId, DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN,
                List.of(sync.siteId), now, Duration.ofDays(30), Map.of()));
        sync.cloud.publishRevocations(sync.siteId, DemoOperator.revocations(1, now, List.of("T-0007"), List.of()));
        sync.cloud.publishRevocations(sync.siteId, DemoOperator.revocations(2, now, List.of("T-0007", "T-0008"),
                List.of()));

        SyncResult result = sync.run();
        SyncResult again = sync.run();

        // A first read is the cloud's snapshot: the newest list only, beside the credential.
        assertThat(result.down()).containsEntry("tariffs", 1).containsEntry("firmware", 1)
                .containsEntry("credentials", 2);
        assertThat(sync.store.sync().tariffVersions()).extracting(TariffVersion::versionId)
                .containsExactly("v-2026-07");
        assertThat(sync.store.sync().tariffVersions().get(0).tariffJson()).contains("\"energyMinorPerKwh\":3800");
        assertThat(sync.store.sync().firmwareReleases()).extracting(FirmwareRelease::version)
                .containsExactly("2.4.0");
        assertThat(sync.store.sync().credentials()).extracting(ReceivedCredential::technicianId)
                .containsExactly("T-0042");
        assertThat(sync.store.sync().revocationList()).hasValueSatisfying(list -> assertThat(list.serial())
                .isEqualTo(2));
        assertThat(again.down().values()).allMatch(items -> items == 0);
    }


    @Test
    void aDownPageTheConsoleCannotReadWaitsOnTheNeedsAttentionListUnapplied() throws IOException {
        String customer = sync.store.customers().get(2).customerId();
        sync.cloud.publish(sync.siteId, "customers", Map.of("customerId", customer, "field", "phone", "value",
                "+255 700 000 009", "hlc", "yesterday"));

        SyncResult result = sync.run();

        assertThat(result.complete()).isFalse();
        assertThat(sync.store.sync().attention()).extracting(Attention::stream, Attention::code)
                .containsExactly(tuple("customers", "item_unreadable"));
        assertThat(sync.store.sync().cursor(DownStream.CUSTOMERS)).isEmpty();
        assertThat(sync.store.sync().customerFields(customer)).extracting(CustomerField::value)
                .doesNotContain("+255 700 000 009");
        assertThat(result.up().values()).allMatch(up -> up.waiting() == 0);
    }

    private static SiteEvent event(long id) {
        return new SiteEvent(id, SiteMonth.START.plusSeconds(40 * 3600 + id), "M00001", EventKind.POWER_LOSS,
                new TreeMap<>(), null);
    }

    private static DownItems.TopUp topUp(String reference, String customer, String currency) {
        // Paid a day ago: a resync's snapshot holds the top-ups of the last 90 days by the cloud's clock.
        return new DownItems.TopUp(reference, customer, 5_000, currency,
                Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS), DownItems.MOBILE_MONEY);
    }
}
