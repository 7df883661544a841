package io.gridside.console.service.sync;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.CancelSignal;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A site's store made from a small generated month, and a simulated cloud on loopback with faults switched on as a
 * test says: what the sync tests start from. The engine waits on a virtual clock: its back-offs are recorded, not
 * slept.
 */
final class CloudSync implements AutoCloseable {

    /** The small month every sync test syncs: 12 meters, 2 days. */
    static final MonthSpec MONTH = new MonthSpec(12, 11, MonthSpec.NO_SCENARIO, 2);

    final CloudServer cloud;
    final CloudFaults faults;
    final SiteStore store;
    final Path dataDir;
    final String siteId;
    final List<Duration> waits = new ArrayList<>();
    SignedCredential credential;

    private CloudSync(CloudServer cloud, CloudFaults faults, SiteStore store, Path dataDir) {
        this.cloud = cloud;
        this.faults = faults;
        this.store = store;
        this.dataDir = dataDir;
        this.siteId = store.site().orElseThrow().siteId();
        this.credential = DemoOperator.supervisorFor(siteId, Instant.now());
    }

    /** A copy of the month from {@code cache} in {@code dir}, and a cloud whose store is in {@code dir}. */
    static CloudSync start(Path cache, Path dir) throws IOException {
        Path month = SiteMonth.obtain(MONTH, cache);
        Path database = dir.resolve("site.db");
        Files.copy(month, database);
        CloudFaults faults = CloudFaults.none();
        CloudServer cloud = CloudServer.start(dir.resolve("cloud"), faults);
        try {
            return new CloudSync(cloud, faults, SiteStore.open(database), dir.resolve("data"));
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    CloudClient client() throws IOException {
        return client(CloudPin.parse(cloud.pin()));
    }

    CloudClient client(CloudPin pin) throws IOException {
        return SyncEngine.client(store, URI.create(cloud.url()), pin, credential, LaptopId.in(dataDir));
    }

    SyncEngine engine() throws IOException {
        return new SyncEngine(store, client(), Clock.systemUTC(),
                Backoff.standard(new SplittableRandom(7)), waits::add);
    }

    /** One run, without progress or cancel. */
    SyncResult run() throws IOException {
        return engine().run(SyncProgress.NONE, CancelSignal.NEVER);
    }

    /** A clock fixed at the month's third day, for what the store records. */
    static Clock clock() {
        return Clock.fixed(SiteMonth.START.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        store.close();
        cloud.close();
    }
}
