package io.gridside.console.service;

import io.gridside.console.service.sync.Backoff;
import io.gridside.console.service.sync.CloudPin;
import io.gridside.console.service.sync.LaptopId;
import io.gridside.console.service.sync.Sleeper;
import io.gridside.console.service.sync.SyncEngine;
import io.gridside.console.service.sync.SyncResult;
import io.gridside.console.service.sync.SyncSchedule;
import io.gridside.console.service.sync.SyncStatus;
import io.gridside.link.auth.SignedCredential;
import io.gridside.site.InvalidValueException;
import io.gridside.site.NotReadyException;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.SyncRows;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.SyncConfig;
import io.gridside.site.sync.SyncState;
import io.gridside.site.sync.UpStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud sync of the site a session has open: its schedule, started once the site's database holds the site
 * and the cloud's address and pin, and stopped with the session; the status the console shows at all times; and
 * the orders a person gives (sync now, cancel, resolve an item, set the cloud). Thread-safe; listeners hear each new
 * status on the thread that made it.
 */
public final class SiteSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteSync.class);

    /**
     * What the console shows of the site's sync.
     *
     * @param config the cloud's address and pin, empty while sync is not set up
     * @param status the schedule's status, or one read from the store while no schedule runs
     * @param reviews the customer values that merges overwrote, newest first
     * @param laptopId this laptop's id, the node of the customer edits made here; empty when it cannot be read
     */
    public record Snapshot(Optional<SyncConfig> config, SyncStatus status, List<FieldReview> reviews,
            String laptopId) {

        public Snapshot {
            reviews = List.copyOf(reviews);
        }
    }

    private final SiteStore store;
    private final Supplier<SignedCredential> credential;
    private final Path dataDir;
    private final Clock clock;
    private final Duration interval;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncSchedule.RunEnd>> runEndListeners = new CopyOnWriteArrayList<>();
    /** Set under this object's lock; read without it by {@link #cancel}, which must never wait. */
    private volatile SyncSchedule schedule;
    private boolean closed;
    private volatile String laptopId;
    /** The reviews as last read, shown again while a run goes on. */
    private volatile List<FieldReview> lastReviews;

    /**
     * The sync of {@code store}, as the technician whose credential {@code credential} gives, from the laptop whose
     * id is kept in {@code dataDir}; runs every {@code interval} while the cloud answers.
     */
    public SiteSync(SiteStore store, Supplier<SignedCredential> credential, Path dataDir, Clock clock,
            Duration interval) {
        this.store = store;
        this.credential = credential;
        this.dataDir = dataDir;
        this.clock = clock;
        this.interval = interval;
    }

    /** Hears every new snapshot: after a run, a step of one, a pull, or a change of the cloud. */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    /** Hears the end of every run of this site's sync, whichever schedule ran it, on the thread that ran it. */
    public void addRunEndListener(Consumer<SyncSchedule.RunEnd> listener) {
        runEndListeners.add(listener);
    }

    /**
     * Starts the schedule if the site's database holds the site and the cloud's address and pin and none runs yet,
     * then tells the listeners how sync stands; called after every pull, since a pull adds what waits.
     */
    public void siteStored() {
        synchronized (this) {
            if (schedule == null && !closed && store.site().isPresent()) {
                store.sync().config().ifPresent(this::startSchedule);
            }
        }
        publish();
    }

    /**
     * Keeps {@code url} and {@code pin} as the site's cloud and starts syncing with it, in place of any cloud kept
     * before.
     *
     * @throws IllegalArgumentException saying what is wrong with the address or the pin
     */
    public void configure(String url, String pin) {
        URI cloud = parseUrl(url);
        CloudPin parsed = CloudPin.parse(pin);
        synchronized (this) {
            stopSchedule();
            store.sync().saveConfig(cloud.toString(), parsed.toString());
        }
        siteStored();
    }

    /**
     * Starts a run now, or joins the one under way.
     *
     * @throws IllegalStateException saying what is missing when sync cannot run yet
     */
    public CompletableFuture<SyncResult> runNow() {
        SyncSchedule running;
        synchronized (this) {
            running = schedule;
        }
        if (running == null) {
            throw store.sync().config().isEmpty()
                    ? new NotReadyException("sync.notSetUp",
                            "Sync is not set up for this site: give the cloud's address and pin first.")
                    : new NotReadyException("sync.noSite",
                            "The site is not in its database yet: wait for the first pull from the gateway to end.");
        }
        return running.runNow();
    }

    /** Asks the run under way to stop at its next chunk or page. */
    public void cancel() {
        SyncSchedule running = schedule;
        if (running != null) {
            running.cancel();
        }
    }

    /** Marks the needs-attention item {@code id} dealt with. */
    public void resolve(long id) {
        store.sync().resolveAttention(id);
        publish();
    }

    /** How sync stands now, read from the schedule and the store. */
    public Snapshot snapshot() {
        SyncSchedule running;
        synchronized (this) {
            running = schedule;
        }
        return snapshotOf(running != null ? running.status() : idleStatus(store.sync()));
    }

    /**
     * The snapshot of {@code status}. The reviews are read again only between runs: only a run's down streams add
     * any, and a run reports at every chunk.
     */
    private Snapshot snapshotOf(SyncStatus status) {
        SyncRows rows = store.sync();
        List<FieldReview> reviews = status.running() ? lastReviews : null;
        if (reviews == null) {
            reviews = new ArrayList<>(rows.reviews());
            Collections.reverse(reviews);
            lastReviews = List.copyOf(reviews);
        }
        return new Snapshot(rows.config(), status, reviews, laptopId());
    }

    private String laptopId() {
        if (laptopId != null) {
            return laptopId;
        }
        try {
            laptopId = LaptopId.in(dataDir);
            return laptopId;
        } catch (IOException e) {
            LOG.debug("The laptop id in {} could not be read.", dataDir, e);
            return "";
        }
    }

    /**
     * Stops the schedule and waits for a run under way to end (a run ends at its next chunk or page), so that the
     * session's database can close right after; the wait holds no lock a run's progress report needs.
     */
    @Override
    public void close() {
        SyncSchedule stopping;
        synchronized (this) {
            closed = true;
            stopping = schedule;
            schedule = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    private void startSchedule(SyncConfig config) {
        try {
            SyncEngine engine = new SyncEngine(store, SyncEngine.client(store, parseUrl(config.cloudUrl()),
                    CloudPin.parse(config.pin()), credential.get(), LaptopId.in(dataDir)), clock,
                    Backoff.standard(new SplittableRandom()), Sleeper.REAL);
            schedule = new SyncSchedule(store, engine::run, SyncSchedule.Timer.thread("console-sync"),
                    Backoff.standard(new SplittableRandom()), clock, interval);
            schedule.addListener(this::publish);
            schedule.addRunEndListener(end -> runEndListeners.forEach(listener -> listener.accept(end)));
            schedule.start();
            LOG.info("Sync of {} with {} started.", store.file(), config.cloudUrl());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Sync of {} could not start: {}", store.file(), e.getMessage());
            store.sync().recordFailure(clock.instant(), "Sync could not start: " + e.getMessage());
        }
    }

    private void stopSchedule() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
    }

    private void publish() {
        publish(null);
    }

    /** Tells the listeners {@code status}, or the status read now when it is null. */
    private void publish(SyncStatus status) {
        if (listeners.isEmpty()) {
            return;
        }
        Snapshot now;
        try {
            now = status == null ? snapshot() : snapshotOf(status);
        } catch (RuntimeException e) {
            LOG.debug("The sync status of {} could not be read; the store is closing.", store.file(), e);
            return;
        }
        listeners.forEach(listener -> listener.accept(now));
    }

    /** The status of a site whose schedule does not run: sync not set up, or the site not stored yet. */
    private static SyncStatus idleStatus(SyncRows rows) {
        Map<UpStream, Long> waiting = rows.waiting();
        Map<Integer, Long> byPriority = new TreeMap<>();
        Map<String, Long> byStream = new LinkedHashMap<>();
        for (UpStream stream : UpStream.values()) {
            long count = waiting.getOrDefault(stream, 0L);
            byPriority.merge(stream.priority(), count, Long::sum);
            byStream.put(stream.wireName(), count);
        }
        SyncState state = rows.state();
        return new SyncStatus(SyncStatus.Connectivity.UNKNOWN, false, byPriority, byStream, state.lastSuccess(),
                state.lastError(), Optional.empty(), rows.attention(), Optional.empty());
    }

    private static URI parseUrl(String text) {
        String value = text == null ? "" : text.strip();
        try {
            URI url = new URI(value);
            if ("https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            LOG.debug("'{}' is not a URL.", value, e);
        }
        throw new InvalidValueException("sync.address", "The cloud's address must be an https:// address such as "
                + "https://127.0.0.1:8443; '" + value + "' is not.", value);
    }
}
