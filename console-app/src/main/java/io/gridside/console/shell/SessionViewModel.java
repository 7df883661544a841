package io.gridside.console.shell;

import io.gridside.console.I18n;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.SitePull;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.client.Credential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.HelloReply;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's session with its gateway, as the screens see it: link state, what the gateway said of itself,
 * the meters as last pulled, and the link's health. Properties change on the JavaFX thread only; all link and
 * store work goes through the task runner.
 */
public final class SessionViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);
    /** How far back the first pull from a real gateway reaches. */
    private static final Duration FIRST_PULL = Duration.ofDays(2);
    private static final long PING_SECONDS = 5;
    private static final int PINGS_PER_REFRESH = 6;

    private final TaskRunner tasks;
    private final AppDirs dirs;
    private final Connector connector = new Connector();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-ping");
        thread.setDaemon(true);
        return thread;
    });

    private final ObjectProperty<LinkState> state = new SimpleObjectProperty<>(LinkState.DISCONNECTED);
    private final ObjectProperty<HelloReply> hello = new SimpleObjectProperty<>();
    private final ObjectProperty<SiteInfo> site = new SimpleObjectProperty<>();
    private final StringProperty linkLabel = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<Duration> roundTrip = new SimpleObjectProperty<>();
    private final LongProperty framesDropped = new SimpleLongProperty();
    private final ObjectProperty<Instant> gatewayClock = new SimpleObjectProperty<>();
    private final ObservableList<MeterStatus> meters = FXCollections.observableArrayList();

    private volatile GatewayClient client;
    private volatile SiteStore store;
    private volatile Instant pulledUpTo;
    private ConnectionTarget target;
    private long pings;
    private boolean refreshing;

    public SessionViewModel(TaskRunner tasks, AppDirs dirs) {
        this.tasks = tasks;
        this.dirs = dirs;
        pinger.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens a session with the gateway at {@code target}, then pulls the site. */
    public void connect(ConnectionTarget target) {
        this.target = target;
        state.set(LinkState.CONNECTING);
        problem.set("");
        tasks.submit(I18n.text("task.connect", target.describe()), context -> open(target), this::connected,
                this::connectFailed);
    }

    /** Connects again to the last target, after a dropped link. */
    public void reconnect() {
        if (target != null) {
            connect(target);
        }
    }

    private GatewayClient open(ConnectionTarget target) throws IOException {
        closeSession();
        GatewayClient opened = connector.connect(target, Credential.DEMO);
        store = SiteStore.open(databaseFor(target, opened.hello()));
        pulledUpTo = null;
        client = opened;
        opened.onClosed(cause -> linkClosed(opened, cause));
        return opened;
    }

    private Path databaseFor(ConnectionTarget target, HelloReply hello) throws IOException {
        if (target instanceof ConnectionTarget.Demo) {
            Path file = Files.createTempFile("gridside-demo-", ".db");
            file.toFile().deleteOnExit();
            return file;
        }
        return dirs.siteDatabase(hello.siteId());
    }

    private void connected(GatewayClient opened) {
        hello.set(opened.hello());
        gatewayClock.set(opened.hello().clock());
        linkLabel.set(I18n.text("status.link", opened.transport().kind(), opened.transport().address()));
        state.set(LinkState.CONNECTED);
        refresh();
    }

    private void connectFailed(Throwable failure) {
        state.set(LinkState.DISCONNECTED);
        problem.set(describe(failure));
    }

    private void linkClosed(GatewayClient closed, IOException cause) {
        if (cause == null) {
            return;
        }
        Platform.runLater(() -> {
            if (closed == client) {
                state.set(LinkState.LOST);
                problem.set(I18n.text("link.lost", closed.transport().address(), cause.getMessage(),
                        LinkException.Code.CLOSED));
            }
        });
    }

    /** Pulls the meters' status and any readings and ledger entries that are new since the last pull. */
    public void refresh() {
        GatewayClient current = client;
        if (current == null || refreshing) {
            return;
        }
        refreshing = true;
        tasks.submit(I18n.text("task.pull"), context -> {
            current.ping();
            Instant to = current.lastGatewayClock();
            Instant from = pulledUpTo != null ? pulledUpTo.minus(Reading.INTERVAL) : firstPullFrom(to);
            SitePull.Result result = SitePull.run(current, store, from, to, context, context);
            pulledUpTo = to;
            return result;
        }, result -> {
            refreshing = false;
            gatewayClock.set(current.lastGatewayClock());
            site.set(result.site().site());
            meters.setAll(result.statuses());
            framesDropped.set(current.stats().framesDropped());
        }, failure -> {
            refreshing = false;
            if (state.get() == LinkState.CONNECTED) {
                problem.set(describe(failure));
            }
        });
    }

    private Instant firstPullFrom(Instant to) {
        if (target instanceof ConnectionTarget.Demo demo) {
            return Reading.intervalStartOf(demo.spec().now())
                    .minus(Duration.ofDays(demo.spec().historyDays()));
        }
        return to.minus(FIRST_PULL);
    }

    /** Loads a meter's stored readings of the last {@code window}, then hands them to {@code onLoaded}. */
    public void loadReadings(String meterId, Duration window, Consumer<List<Reading>> onLoaded) {
        SiteStore current = store;
        Instant end = gatewayClock.get();
        if (current == null || end == null) {
            return;
        }
        tasks.submit(I18n.text("task.readings", meterId),
                context -> current.readings(meterId, end.minus(window), end.plus(Reading.INTERVAL)), onLoaded,
                failure -> problem.set(describe(failure)));
    }

    private void ping() {
        GatewayClient current = client;
        if (current == null || !current.isOpen()) {
            return;
        }
        try {
            Duration rtt = current.ping();
            long dropped = current.stats().framesDropped();
            Instant clock = current.lastGatewayClock();
            Platform.runLater(() -> {
                roundTrip.set(rtt);
                gatewayClock.set(clock);
                framesDropped.set(dropped);
                if (++pings % PINGS_PER_REFRESH == 0) {
                    refresh();
                }
            });
        } catch (LinkException e) {
            LOG.debug("A ping to the gateway failed: {}", e.getMessage());
        }
    }

    /** Ends the session on purpose. */
    public void disconnect() {
        GatewayClient current = client;
        client = null;
        state.set(LinkState.DISCONNECTED);
        problem.set("");
        meters.clear();
        hello.set(null);
        if (current != null) {
            current.close();
        }
    }

    private void closeSession() {
        GatewayClient current = client;
        client = null;
        if (current != null) {
            current.close();
        }
        SiteStore oldStore = store;
        store = null;
        if (oldStore != null) {
            oldStore.close();
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof LinkException link) {
            return link.getMessage() + " [" + link.code() + "]";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    public ObjectProperty<LinkState> stateProperty() {
        return state;
    }

    public ObjectProperty<HelloReply> helloProperty() {
        return hello;
    }

    public ObjectProperty<SiteInfo> siteProperty() {
        return site;
    }

    public StringProperty linkLabelProperty() {
        return linkLabel;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<Duration> roundTripProperty() {
        return roundTrip;
    }

    public LongProperty framesDroppedProperty() {
        return framesDropped;
    }

    public ObjectProperty<Instant> gatewayClockProperty() {
        return gatewayClock;
    }

    public ObservableList<MeterStatus> meters() {
        return meters;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        closeSession();
        connector.close();
    }
}
