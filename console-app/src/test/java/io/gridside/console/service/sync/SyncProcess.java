package io.gridside.console.service.sync;

import io.gridside.link.client.CancelSignal;
import io.gridside.sim.DemoOperator;
import io.gridside.site.store.SiteStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A console that syncs a site's store with the cloud in a JVM of its own, run after run until everything is
 * acknowledged, for {@link SyncFaultTest} to kill at a random instant. It prints {@code started} once the store is
 * open and {@code done} when a run completed; back-offs are not slept, so it keeps the cloud busy.
 *
 * <p>Arguments: the store's file, the cloud's URL, the cloud's pin, the console's data folder, a seed.
 */
final class SyncProcess {

    /** Runs that ended without completing, beyond which it gives up (a kill usually comes long before). */
    private static final int MAX_RUNS = 200;

    private SyncProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (SiteStore store = SiteStore.open(Path.of(args[0]))) {
            String siteId = store.site().orElseThrow().siteId();
            CloudClient client = SyncEngine.client(store, URI.create(args[1]), CloudPin.parse(args[2]),
                    DemoOperator.supervisorFor(siteId, Instant.now()), LaptopId.in(Path.of(args[3])));
            SyncEngine engine = new SyncEngine(store, client, Clock.systemUTC(),
                    Backoff.standard(new SplittableRandom(Long.parseLong(args[4]))), wait -> { });
            System.out.println("started");
            System.out.flush();
            for (int run = 0; run < MAX_RUNS; run++) {
                try {
                    if (engine.run(SyncProgress.NONE, CancelSignal.NEVER).complete()) {
                        System.out.println("done");
                        return;
                    }
                } catch (CloudException e) {
                    System.out.println("failed " + e.code());
                }
                System.out.flush();
            }
        }
    }
}
