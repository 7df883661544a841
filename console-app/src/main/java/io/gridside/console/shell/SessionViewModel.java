package io.gridside.console.shell;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.ConsoleSession;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.GatewayRefinder;
import io.gridside.console.service.GatewaySearch;
import io.gridside.console.service.LinkHealth;
import io.gridside.console.service.SerialPorts;
import io.gridside.console.service.Settings;
import io.gridside.console.service.SitePull;
import io.gridside.console.service.StatementExport;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.tasks.BackgroundWork;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.HelloReply;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's session with its gateway, as the screens see it: link state, what the gateway said of itself,
 * the meters as last pulled, and the link's health. Properties change on the JavaFX thread only; all link and
 * store work goes through the task runner or the ping timer.
 */
public final class SessionViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);
    private static final long PING_SECONDS = 5;
    /** Pull new readings and status every this many pings, so the screens follow the site by themselves. */
    private static final int PINGS_PER_REFRESH = 3;
    /** How many of the gateway's health reports the dashboard keeps for its history: five minutes of pings. */
    public static final int HEALTH_SAMPLES = 60;
    /** How long the console looks for a serial gateway that went away before it leaves it to the technician. */
    static final Duration SEARCH_LIMIT = Duration.ofMinutes(2);
    private static final long MAX_RECONNECT_DELAY_SECONDS = 30;
    public static final String SETTING_HOST = "connect.tcp.host";
    public static final String SETTING_PORT = "connect.tcp.port";
    public static final String SETTING_SERIAL = "connect.serial.device";
    public static final String SETTING_CREDENTIAL = "connect.credential.file";

    private final TaskRunner tasks;
    private final AppDirs dirs;
    private final Settings settings;
    private final SerialPorts serialPorts;
    private final Connector connector;
    private final GatewayRefinder refinder;
    private final GatewaySearch gatewaySearch;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-ping");
        thread.setDaemon(true);
        return thread;
    });

    private final ObjectProperty<LinkState> state = new SimpleObjectProperty<>(LinkState.DISCONNECTED);
    private final ObjectProperty<HelloReply> hello = new SimpleObjectProperty<>();
    private final StringProperty linkLabel = new SimpleStringProperty("");
    private final Message problem = new Message();
    private final ObjectProperty<Duration> roundTrip = new SimpleObjectProperty<>();
    private final LongProperty framesDropped = new SimpleLongProperty();
    private final ObjectProperty<Instant> gatewayClock = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkException.Code> failureCode = new SimpleObjectProperty<>();
    private final javafx.beans.property.DoubleProperty bytesPerSecond =
            new javafx.beans.property.SimpleDoubleProperty();
    private final LinkJournal journal = new LinkJournal();
    private final LongProperty retransmissions = new SimpleLongProperty();
    private final MeterRows meters = new MeterRows();
    private final IntegerProperty pulls = new SimpleIntegerProperty();
    private final BooleanProperty pulled = new SimpleBooleanProperty();
    private final ObservableList<GatewayHealth> gatewayHealth = FXCollections.observableArrayList();

    private volatile ConsoleSession session;
    private ConnectionTarget target;
    /** The advert's gateway id when {@link #target} was found on the LAN, so a reconnection checks it again. */
    private String advertisedGatewayId;
    private Task<?> search;
    private Sentence lostText = Sentence.NONE;
    private long pings;
    private boolean refreshing;
    /** How many pulls stored a mesh snapshot the site database did not hold; changed on the JavaFX thread. */
    private int meshPulls;
    /** Attempts made since the link was lost; 0 while the link is up or was closed on purpose. */
    private int reconnectAttempt;

    public SessionViewModel(TaskRunner tasks, AppDirs dirs, Settings settings) {
        this(tasks, dirs, settings, GatewaySearch.onTheLan());
    }

    /** A session whose connect screen searches the LAN with {@code gatewaySearch}. */
    public SessionViewModel(TaskRunner tasks, AppDirs dirs, Settings settings, GatewaySearch gatewaySearch) {
        this.tasks = tasks;
        this.dirs = dirs;
        this.settings = settings;
        this.gatewaySearch = gatewaySearch;
        this.serialPorts = SerialPorts.forUser(dirs, settings);
        this.connector = new Connector(GatewayPinFile.of(dirs), Connector.DEFAULT_ANSWER_TIMEOUT, serialPorts);
        this.refinder = new GatewayRefinder(connector);
        pinger.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens a session with the gateway at {@code target}, then pulls the site. */
    public void connect(ConnectionTarget target) {
        connect(target, null);
    }

    /**
     * Opens a session with a gateway found on the LAN, then pulls the site; refuses a gateway whose hello names
     * another gateway than {@code advertisedGatewayId}, its advert.
     */
    public void connect(ConnectionTarget target, String advertisedGatewayId) {
        start(target, advertisedGatewayId, false);
    }

    /**
     * Connects again to the target whose gateway presented a changed key, and pins the key it presents now.
     * The technician chooses this after checking the gateway; only a supervisor's credential may do it.
     */
    public void repin() {
        if (target != null && !(target instanceof ConnectionTarget.Demo)) {
            start(target, advertisedGatewayId, true);
        }
    }

    /**
     * Connects again to the target whose gateway presented a changed key, and pins the key it presents now if
     * {@code record}, the operator's key replacement record, names it; any technician's credential may do this.
     */
    public void repinWithRecord(SignedKeyReplacement record) {
        if (target != null && !(target instanceof ConnectionTarget.Demo)) {
            start(target, advertisedGatewayId, false, record);
        }
    }

    private void start(ConnectionTarget target, String advertisedGatewayId, boolean repin) {
        start(target, advertisedGatewayId, repin, null);
    }

    private void start(ConnectionTarget target, String advertisedGatewayId, boolean repin,
            SignedKeyReplacement record) {
        cancelSearch();
        this.target = target;
        this.advertisedGatewayId = advertisedGatewayId;
        if (reconnectAttempt == 0) {
            problem.clear();
        }
        failureCode.set(null);
        journal.record(I18n.text("journal.connecting", target.words()));
        state.set(LinkState.CONNECTING);
        Sentence title = Sentence.of(repin || record != null ? "task.repin" : "task.connect", target.words());
        tasks.submit(title, context -> open(target, advertisedGatewayId, repin, record), this::connected,
                this::connectFailed);
    }

    /**
     * Connects again at once after a dropped link: a serial gateway is looked for again by its identity on every
     * port that looks like a gateway, since it may come back under another name; any other is connected to where
     * it was.
     */
    public void reconnect() {
        ConsoleSession current = session;
        if (current != null && current.canResume()) {
            searchAgain(current, Sentence.of(overSerial(current) ? "link.searchingAgain" : "link.resumingAgain",
                    current.hello().gatewayId()));
        } else if (target != null) {
            reconnectAttempt = Math.max(reconnectAttempt, 1);
            start(target, advertisedGatewayId, false);
        }
    }

    private ConsoleSession open(ConnectionTarget target, String advertisedGatewayId, boolean repin,
            SignedKeyReplacement record) throws IOException {
        closeSession();
        ConsoleSession opened;
        if (target instanceof ConnectionTarget.Demo demo) {
            opened = ConsoleSession.openDemo(connector, dirs, demo);
        } else if (record != null) {
            opened = ConsoleSession.repinWithRecord(connector, dirs, target, technicianCredential(), record);
        } else if (repin) {
            opened = ConsoleSession.repin(connector, dirs, target, technicianCredential());
        } else {
            opened = ConsoleSession.open(connector, dirs, target, technicianCredential(), advertisedGatewayId);
        }
        remember(target);
        opened.keepThroughDrops();
        session = opened;
        opened.onLinkLost(cause -> Platform.runLater(() -> linkLost(opened, cause)));
        return opened;
    }

    /** The credential file the technician chose, or the one in the config folder. */
    public Path credentialFile() {
        String chosen = settings.get(SETTING_CREDENTIAL, "");
        return chosen.isBlank() ? dirs.defaultCredential() : Path.of(chosen);
    }

    /** The open session's site database, or null without a session. */
    public Path siteFile() {
        ConsoleSession current = session;
        return current == null ? null : current.siteFile();
    }

    private SignedCredential technicianCredential() throws IOException {
        Path file = credentialFile();
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(I18n.text("connect.credential.missing", file));
        }
        SignedCredential credential = CredentialFile.read(file);
        connector.signWith(Connector.technicianKeyFor(file, credential));
        return credential;
    }

    /** Keeps where a gateway answered, so the connect screen offers it next time. */
    private void remember(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Tcp tcp) {
            settings.put(SETTING_HOST, tcp.host());
            settings.put(SETTING_PORT, Integer.toString(tcp.port()));
        } else if (target instanceof ConnectionTarget.Serial serial) {
            settings.put(SETTING_SERIAL, serial.device());
        }
    }

    /** The console's folders for this user. */
    public AppDirs dirs() {
        return dirs;
    }

    public Settings settings() {
        return settings;
    }

    /** How the connect screen searches the LAN for gateways. */
    public GatewaySearch gatewaySearch() {
        return gatewaySearch;
    }

    /** The serial ports of this machine, judged by the technician's list of gateway USB ids. */
    public SerialPorts serialPorts() {
        return serialPorts;
    }

    private void connected(ConsoleSession opened) {
        reconnectAttempt = 0;
        problem.clear();
        journal.record(I18n.text("journal.connected", opened.hello().gatewayId(), opened.linkLabel()));
        opened.revocationsOnOpening().ifPresent(carried -> journal.record(I18n.text(carried.pushed()
                ? "journal.revocationsPushed" : "journal.revocationsHeld", Long.toString(carried.gatewaySerial()),
                opened.hello().gatewayId())));
        hello.set(opened.hello());
        gatewayHealth.clear();
        gatewayClock.set(opened.hello().clock());
        linkLabel.set(opened.linkLabel());
        state.set(LinkState.CONNECTED);
        refresh();
        pingSoon();
    }

    private void connectFailed(Throwable failure) {
        journal.record(I18n.text("journal.failed", describe(failure)));
        failureCode.set(failure instanceof LinkException link ? link.code() : null);
        if (reconnectAttempt > 0 && !refusedForGood(failureCode.get())) {
            scheduleReconnect();
            return;
        }
        reconnectAttempt = 0;
        problem.fail(failure);
        state.set(LinkState.DISCONNECTED);
    }

    /** A refusal that trying again cannot cure: the technician has to act first. */
    private static boolean refusedForGood(LinkException.Code code) {
        return code == LinkException.Code.REFUSED || code == LinkException.Code.GATEWAY_KEY_CHANGED
                || code == LinkException.Code.GATEWAY_UNVERIFIED || code == LinkException.Code.GATEWAY_NOT_PINNED;
    }

    /** Tries the last gateway again after a pause that doubles with each attempt, up to half a minute. */
    private void scheduleReconnect() {
        reconnectAttempt++;
        long delay = Math.min(MAX_RECONNECT_DELAY_SECONDS, 1L << Math.min(reconnectAttempt, 5));
        problem.show(Sentence.joined(lostText, Sentence.of("link.retrying", delay, reconnectAttempt)));
        state.set(LinkState.LOST);
        int attempt = reconnectAttempt;
        pinger.schedule(() -> Platform.runLater(() -> {
            if (state.get() == LinkState.LOST && reconnectAttempt == attempt && target != null) {
                start(target, advertisedGatewayId, false);
            }
        }), delay, TimeUnit.SECONDS);
    }

    private void linkLost(ConsoleSession lost, IOException cause) {
        if (lost != session) {
            return;
        }
        if (lost.canResume()) {
            Sentence searching = Sentence.of(overSerial(lost) ? "link.searching" : "link.resuming", lost.address(),
                    clause(cause), lost.hello().gatewayId(), LinkException.Code.CLOSED);
            journal.record(searching.text());
            searchAgain(lost, searching);
        } else {
            lostText = Sentence.of("link.lost", lost.address(), clause(cause), LinkException.Code.CLOSED);
            journal.record(lostText.text());
            reconnectAttempt = 0;
            scheduleReconnect();
        }
    }

    private static boolean overSerial(ConsoleSession session) {
        return session.target() instanceof ConnectionTarget.Serial;
    }

    /**
     * Resumes the session in the background (looking for a serial gateway on the ports, since it may come back
     * under another name) and carries on once it answers; {@code message} tells the technician meanwhile why and
     * what for. A TCP gateway that does not come back within the search time is left to the reconnection loop.
     */
    private void searchAgain(ConsoleSession lost, Sentence message) {
        cancelSearch();
        problem.show(message);
        state.set(LinkState.SEARCHING);
        AtomicReference<Task<?>> self = new AtomicReference<>();
        Sentence title = Sentence.of(overSerial(lost) ? "task.refind" : "task.resume", lost.hello().gatewayId());
        Task<Void> task = tasks.submit(title, context -> {
            lost.resume(refinder, SEARCH_LIMIT, context, context);
            remember(lost.target());
            return null;
        }, done -> {
            if (isCurrentSearch(self.get(), lost)) {
                resumed(lost);
            }
        }, failure -> {
            if (isCurrentSearch(self.get(), lost)) {
                if (overSerial(lost)) {
                    endSearch(Sentence.failure(failure));
                } else {
                    search = null;
                    lostText = Sentence.failure(failure);
                    journal.record(lostText.text());
                    reconnectAttempt = 0;
                    scheduleReconnect();
                }
            }
        });
        task.setOnCancelled(event -> {
            if (isCurrentSearch(task, lost)) {
                endSearch(Sentence.of("link.searchStopped", lost.hello().gatewayId()));
            }
        });
        self.set(task);
        search = task;
    }

    private boolean isCurrentSearch(Task<?> task, ConsoleSession lost) {
        return task != null && task == search && lost == session;
    }

    private void resumed(ConsoleSession found) {
        search = null;
        target = found.target();
        journal.record(I18n.text("journal.resumed", found.hello().gatewayId(), found.linkLabel()));
        linkLabel.set(found.linkLabel());
        failureCode.set(null);
        problem.clear();
        state.set(LinkState.CONNECTED);
        refresh();
        pingSoon();
    }

    private void endSearch(Sentence why) {
        search = null;
        journal.record(why.text());
        problem.show(why);
        state.set(LinkState.LOST);
    }

    /** Stops looking for the serial gateway, as the technician asked; the session then waits for a reconnect. */
    public void stopSearch() {
        Task<?> running = search;
        if (running != null) {
            running.cancel();
        }
    }

    /** Stops a search whose outcome no longer matters, without a word to the technician. */
    private void cancelSearch() {
        Task<?> running = search;
        search = null;
        if (running != null) {
            running.cancel();
        }
    }

    /** Pulls the meters' status and any readings and ledger entries that are new since the last pull. */
    public void refresh() {
        pull(false);
    }

    /** Pulls as {@link #refresh()} does, asked by the technician (F5): its task row is not folded with routine ones. */
    public void pullNow() {
        pull(true);
    }

    private void pull(boolean asked) {
        ConsoleSession current = session;
        if (current == null || refreshing || state.get() != LinkState.CONNECTED) {
            return;
        }
        refreshing = true;
        BackgroundWork<SitePull.Result> work = context -> current.pull(context, context);
        Consumer<SitePull.Result> onPulled = result -> {
            refreshing = false;
            if (result.topologyNew()) {
                meshPulls++;
            }
            // Only the meters that changed are replaced; screens that follow every pull, whatever it changed,
            // listen to the count of pulls, which moves after the meters are up to date.
            meters.update(result.statuses());
            pulled.set(true);
            pulls.set(pulls.get() + 1);
            journal.record(I18n.text("journal.pulled", result.readingsNew(), result.ledgerNew(), result.daysCompared(),
                    result.daysFetched()));
        };
        Consumer<Throwable> failed = failure -> {
            refreshing = false;
            if (state.get() == LinkState.CONNECTED) {
                problem.fail(failure);
            }
        };
        Sentence title = Sentence.of("task.pull");
        Task<?> pull = asked ? tasks.submitAsked(title, work, onPulled, failed)
                : tasks.submit(title, work, onPulled, failed);
        // A pull cancelled from the task list keeps what it stored, and the next refresh pulls the rest.
        pull.setOnCancelled(event -> refreshing = false);
    }

    /** Loads a meter's stored readings of the last {@code window}, then hands them to {@code onLoaded}. */
    public void loadReadings(String meterId, Duration window, Consumer<List<Reading>> onLoaded) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        tasks.submit(Sentence.of("task.readings", meterId), context -> current.readings(meterId, window), onLoaded,
                failure -> problem.fail(failure));
    }

    /** Works out each meter's lifeline power limit from what is pulled, then hands the limits to {@code onLoaded}. */
    public void loadPowerLimits(Consumer<Map<String, Integer>> onLoaded) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        tasks.submit(Sentence.of("task.limits"), context -> current.powerLimits(), onLoaded,
                failure -> problem.fail(failure));
    }

    /**
     * Builds a customer's statement of the site days {@code first} to {@code last} from the site database (a day
     * left null is the ledger's: see {@link ConsoleSession#statement}), then hands it to {@code onLoaded}.
     */
    public void loadStatement(String customerId, LocalDate first, LocalDate last,
            Consumer<CustomerStatement> onLoaded, Consumer<String> onFailure) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        tasks.submit(Sentence.of("task.statement", customerId), context -> current.statement(customerId, first, last),
                onLoaded, failure -> onFailure.accept(describe(failure)));
    }

    /** Reads what the site database holds to preview a tariff change with, then hands it to {@code onLoaded}. */
    public void loadTariffs(Consumer<TariffPreview> onLoaded, Consumer<String> onFailure) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        tasks.submit(Sentence.of("task.tariffs"), context -> current.tariffPreview(), onLoaded,
                failure -> onFailure.accept(describe(failure)));
    }

    /** Reads a customer's stored readings for a tariff preview, then hands them to {@code onLoaded}. */
    public void loadCustomerReadings(TariffPreview preview, String customerId, Consumer<List<Reading>> onLoaded,
            Consumer<String> onFailure) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        tasks.submit(Sentence.of("task.readings.customer", customerId),
                context -> current.customerReadings(preview, customerId), onLoaded,
                failure -> onFailure.accept(describe(failure)));
    }

    /** Runs work that needs no gateway (rating, writing a file) in the background, failures told in words. */
    public <T> void runInBackground(Sentence title, BackgroundWork<T> work, Consumer<T> onDone,
            Consumer<String> onFailure) {
        tasks.submit(title, work, onDone, failure -> onFailure.accept(describe(failure)));
    }

    /** Writes {@code statement} as {@code format} into the statements folder, then hands over the file written. */
    public void exportStatement(CustomerStatement statement, StatementExport.Format format, Consumer<Path> onWritten,
            Consumer<String> onFailure) {
        Path folder = dirs.statements();
        tasks.submit(Sentence.of("task.export", statement.customerId()), context -> {
            Files.createDirectories(folder);
            return StatementExport.write(statement, format, folder.resolve(StatementExport.fileName(statement,
                    format)));
        }, onWritten, failure -> onFailure.accept(describe(failure)));
    }

    /**
     * Runs {@code work} on the open session as a task of the task list, which shows its progress and can cancel
     * it; without a session nothing runs, {@code onFailure} hears so ({@link NoSessionException}) and null comes
     * back. A screen's failure handler words the failure with {@link #describe} or its own.
     *
     * @param onDone runs on the JavaFX thread with the result
     * @param onFailure runs on the JavaFX thread with why the work failed; not called when it was cancelled
     */
    public <T> Task<T> runOnSession(Sentence title, SessionWork<T> work, Consumer<T> onDone,
            Consumer<Throwable> onFailure) {
        ConsoleSession current = session;
        if (current == null) {
            onFailure.accept(new NoSessionException());
            return null;
        }
        return tasks.submit(title, context -> work.run(current, context), onDone, onFailure);
    }

    /**
     * As {@link #runOnSession}, for what a screen shows of the session: the outcome is dropped when the session that
     * asked is no longer the open one, so a slow load of a closed session never lands on the next session's screen.
     * A money move's outcome is never dropped: use {@link #runOnSession} for it.
     */
    public <T> Task<T> loadOnSession(Sentence title, SessionWork<T> work, Consumer<T> onLoaded,
            Consumer<Throwable> onFailure) {
        ConsoleSession asked = session;
        return runOnSession(title, work, boundTo(asked, onLoaded), boundTo(asked, onFailure));
    }

    private <T> Consumer<T> boundTo(ConsoleSession asked, Consumer<T> action) {
        return outcome -> {
            if (asked == session) {
                action.accept(outcome);
            } else {
                LOG.debug("A load of a session no longer open came back and is dropped.");
            }
        };
    }

    /** The credential the open session runs under, or null without one. */
    public SignedCredential credential() {
        ConsoleSession current = session;
        return current == null ? null : current.credential();
    }

    /** Measures the link at once rather than at the next tick; nothing happens once the console is closing. */
    private void pingSoon() {
        try {
            pinger.execute(this::ping);
        } catch (RejectedExecutionException e) {
            LOG.debug("The console is closing, so the link is not measured.");
        }
    }

    /** Re-runs the site's billing over what is pulled and hands the report to {@code onDone}. */
    public void audit(Consumer<BillingReport> onDone, Consumer<String> onFailure) {
        ConsoleSession current = session;
        if (current == null) {
            return;
        }
        // A cancel from the task list stops the replay between two ticks, so a given-up audit frees its thread.
        tasks.submit(Sentence.of("task.audit"), context -> current.audit(context), onDone,
                failure -> onFailure.accept(describe(failure)));
    }

    private void ping() {
        ConsoleSession current = session;
        if (current == null || !current.isLinkUp()) {
            return;
        }
        try {
            LinkHealth health = current.ping();
            GatewayHealth reported = askGatewayHealth(current);
            Platform.runLater(() -> {
                showHealth(health);
                keepGatewayHealth(current, reported);
            });
        } catch (LinkException e) {
            LOG.debug("A ping to the gateway failed: {}", e.getMessage());
        }
    }

    /** The gateway's own health, or null when it could not say: an older gateway may not measure it. */
    private static GatewayHealth askGatewayHealth(ConsoleSession current) {
        try {
            return current.gatewayHealth();
        } catch (LinkException e) {
            LOG.debug("The gateway did not report its health: {}", e.getMessage());
            return null;
        }
    }

    private void keepGatewayHealth(ConsoleSession from, GatewayHealth reported) {
        if (reported == null || from != session) {
            return;
        }
        gatewayHealth.add(reported);
        if (gatewayHealth.size() > HEALTH_SAMPLES) {
            gatewayHealth.remove(0, gatewayHealth.size() - HEALTH_SAMPLES);
        }
    }

    private void showHealth(LinkHealth health) {
        roundTrip.set(health.roundTrip());
        bytesPerSecond.set(health.bytesPerSecond());
        retransmissions.set(health.retransmissions());
        framesDropped.set(health.framesDropped());
        gatewayClock.set(health.gatewayClock());
        if (++pings % PINGS_PER_REFRESH == 0) {
            refresh();
        }
    }

    /** Ends the session on purpose. */
    public void disconnect() {
        cancelSearch();
        reconnectAttempt = 0;
        journal.record(I18n.text("journal.disconnected"));
        closeSession();
        state.set(LinkState.DISCONNECTED);
        problem.clear();
        meters.clear();
        pulled.set(false);
        gatewayHealth.clear();
        hello.set(null);
        roundTrip.set(null);
    }

    private void closeSession() {
        ConsoleSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    /** A cause's message as part of a longer sentence: without its own full stop. */
    private static String clause(IOException cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().replaceAll("[.\\s]+$", "");
    }

    /** A failure in a sentence for the technician, with its code; never a stack trace. */
    public static String describe(Throwable failure) {
        return Failures.describe(failure);
    }

    public ObjectProperty<LinkState> stateProperty() {
        return state;
    }

    /**
     * Calls {@code action} with the hello of each new session, or null when a session ends; not when a refresh brings
     * the same gateway's hello again with a new clock, so a form being filled in stays as it is.
     */
    public void onNewSession(Consumer<HelloReply> action) {
        hello.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.gatewayId().equals(now.gatewayId())) {
                action.accept(now);
            }
        });
    }

    public ObjectProperty<HelloReply> helloProperty() {
        return hello;
    }

    public StringProperty linkLabelProperty() {
        return linkLabel;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.textProperty();
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

    /** Whether {@link #meters()} holds a pull of the open site yet: a screen tells a site loading from an empty one. */
    public ReadOnlyBooleanProperty pulledProperty() {
        return pulled;
    }

    /** How many pulls of this console went through; it moves once per pull, after {@link #meters()} is updated. */
    public ReadOnlyIntegerProperty pullsProperty() {
        return pulls;
    }

    /**
     * How many pulls of this console stored a new mesh snapshot; read on the JavaFX thread when
     * {@link #pullsProperty()} moves, it tells a screen whether the mesh it shows is still the latest the site
     * database holds.
     */
    public int meshPulls() {
        return meshPulls;
    }

    /** The gateway's last health reports, oldest first, at most {@value #HEALTH_SAMPLES} of them. */
    public ObservableList<GatewayHealth> gatewayHealth() {
        return gatewayHealth;
    }

    public javafx.beans.property.DoubleProperty bytesPerSecondProperty() {
        return bytesPerSecond;
    }

    /** Why the last connection failed, as a code, or null; the connect screen offers a re-pin on a new key. */
    public ObjectProperty<LinkException.Code> failureCodeProperty() {
        return failureCode;
    }

    /** Frames the console sent again in this session, because the gateway did not acknowledge them in time. */
    public LongProperty retransmissionsProperty() {
        return retransmissions;
    }

    public LinkJournal journal() {
        return journal;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public void close() {
        cancelSearch();
        pinger.shutdownNow();
        closeSession();
        connector.close();
    }
}
