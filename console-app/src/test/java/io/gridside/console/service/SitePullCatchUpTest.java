package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull during which the gateway bills a quarter hour after its readings were pulled and before its ledger is: at
 * the site's midnight it posts the day's charges, that quarter hour's energy among them. The replica must still
 * hold a reading for everything its ledger billed, or a replacement re-running it refuses.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SitePullCatchUpTest {

    /** Ten minutes before the site's midnight in Nairobi. */
    private static final Instant NOW = Instant.parse("2026-06-02T20:50:00Z");

    @TempDir
    Path dir;

    @Test
    void aQuarterHourBilledWhileTheLedgerIsPulledComesWithItsReadings() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        AtomicBoolean jumped = new AtomicBoolean();
        Progress quarterHourAfterReadings = (message, done, total) -> {
            if (message.equals(I18n.text("pull.readings")) && done == total && jumped.compareAndSet(false, true)) {
                clock.advance(Duration.ofMinutes(15));
            }
        };
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(6, 8, 2, NOW), clock);
                SiteStore store = SiteStore.open(dir.resolve("site.db"));
                GatewayClient client = ReplacedSites.supervisor(site.listenTcp(0),
                        site.gateway().profile().siteId(), NOW, GatewayPins.inMemory(), false)) {
            SitePull.run(client, store, Instant.EPOCH, NOW, quarterHourAfterReadings, () -> false);

            Instant lastBilled = store.ledger().stream().filter(entry -> entry.kind() == EntryKind.ENERGY)
                    .map(LedgerEntry::at).max(Instant::compareTo).orElseThrow();
            Instant lastRead = store.readings(Instant.EPOCH, Instant.MAX).stream().map(Reading::intervalEnd)
                    .max(Instant::compareTo).orElseThrow();

            assertThat(jumped).isTrue();
            assertThat(lastBilled).as("the gateway billed the quarter hour after the readings were pulled")
                    .isEqualTo(Reading.intervalStartOf(NOW).plus(Reading.INTERVAL));
            assertThat(lastRead).isEqualTo(lastBilled);
            GapReconciliation.prepare(store, ReplicaRestore.of(store));
        }
    }
}
