package io.gridside.ui;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.GatewaySearch;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import javafx.stage.Stage;

/**
 * The console's window on a stage, beside a simulated site on a manual clock, signed in as a demo supervisor:
 * what most UI tests start from. Its files live under the test's own home folder.
 */
final class SiteConsole implements AutoCloseable {

    /** Where the simulated site's clock starts; only a test that says so moves it. */
    static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private final SimulatedSite site;
    private final SimClock.Manual clock;
    private final AppDirs dirs;
    private final TaskRunner tasks;
    private final SessionViewModel session;

    private SiteConsole(SimulatedSite site, SimClock.Manual clock, AppDirs dirs, TaskRunner tasks,
            SessionViewModel session) {
        this.site = site;
        this.clock = clock;
        this.dirs = dirs;
        this.tasks = tasks;
        this.session = session;
    }

    /** A site of {@code meters} meters from {@code seed}, and the console on {@code stage}. */
    static SiteConsole open(Stage stage, Path home, int meters, long seed) throws IOException {
        return open(stage, home, meters, seed, GatewaySearch.onTheLan());
    }

    /** As {@link #open(Stage, Path, int, long)}, with the connect screen searching through {@code search}. */
    static SiteConsole open(Stage stage, Path home, int meters, long seed, GatewaySearch search)
            throws IOException {
        System.setProperty("gridside.home", home.toString());
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedSite site = SimulatedSite.start(new SiteSpec(meters, seed, 1, NOW), clock);
        TaskRunner tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        SessionViewModel session = new SessionViewModel(tasks, dirs,
                SupervisorCredential.settingsFor(dirs, home, site, NOW), search);
        stage.setScene(GridsideApp.createScene(session));
        stage.show();
        return new SiteConsole(site, clock, dirs, tasks, session);
    }

    /**
     * A site of {@code meters} meters from {@code seed} whose {@code days} of history play {@code scenario}, and
     * the console on {@code stage}.
     */
    static SiteConsole open(Stage stage, Path home, int meters, long seed, int days, Scenario scenario)
            throws IOException {
        System.setProperty("gridside.home", home.toString());
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedSite site = SimulatedSite.start(new SiteSpec(meters, seed, days, NOW), clock, scenario);
        TaskRunner tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        SessionViewModel session = new SessionViewModel(tasks, dirs,
                SupervisorCredential.settingsFor(dirs, home, site, NOW), GatewaySearch.onTheLan());
        stage.setScene(GridsideApp.createScene(session));
        stage.show();
        return new SiteConsole(site, clock, dirs, tasks, session);
    }

    SimulatedSite site() {
        return site;
    }

    /** The simulated site's clock, which a test moves to have the gateway post what it credited. */
    SimClock.Manual clock() {
        return clock;
    }

    AppDirs dirs() {
        return dirs;
    }

    TaskRunner tasks() {
        return tasks;
    }

    SessionViewModel session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
        tasks.close();
        site.close();
    }
}
