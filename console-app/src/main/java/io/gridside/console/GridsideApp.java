package io.gridside.console;

import io.gridside.console.commission.CommissionStart;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.Appearance;
import io.gridside.console.shell.CrashNotice;
import io.gridside.console.shell.MainView;
import io.gridside.console.shell.ScreenModels;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.IdleHeap;
import io.gridside.console.tasks.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The console's window. */
public final class GridsideApp extends Application {

    private static volatile ConnectionTarget startTarget;
    private static volatile String startScreen;
    private static volatile CommissionStart startCommission;
    private static volatile Map<String, String> launchSettings = Map.of();

    private TaskRunner tasks;
    private IdleHeap idleHeap;
    private SessionViewModel session;
    private AppDirs dirs;
    private Settings settings;

    /**
     * Opens the next window in {@code language} (a language tag, such as "fr") and {@code theme} (its key, such as
     * "high-contrast") in place of those the settings keep, for this launch alone; null leaves the setting's.
     * Nothing is written to the settings unless the technician switches in the console.
     */
    public static void useForThisLaunch(String language, String theme) {
        Map<String, String> chosen = new HashMap<>();
        if (language != null) {
            chosen.put(Appearance.SETTING_LANGUAGE, language);
        }
        if (theme != null) {
            chosen.put(Appearance.SETTING_THEME, theme);
        }
        launchSettings = Map.copyOf(chosen);
    }

    /** Opens the window and blocks until it closes; connects to {@code target} at once when it is given. */
    public static void open(ConnectionTarget target) {
        open(target, null);
    }

    /**
     * As {@link #open(ConnectionTarget)}, showing the site screen {@code screen} ("meters", "mesh", ...; null for
     * the dashboard) once the gateway answers.
     */
    public static void open(ConnectionTarget target, String screen) {
        requireDisplay();
        startScreen = screen;
        // JavaFX warns on every start that it runs from the class path; the console is built that way on purpose.
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        startTarget = target;
        Application.launch(GridsideApp.class);
    }

    /**
     * Opens the window on the Commissioning screen, whose service and fields {@code commission} gives (the demo's
     * fresh site), and blocks until the window closes.
     */
    public static void openCommissioning(CommissionStart commission) {
        startCommission = commission;
        open(null, "commission");
    }

    /** Fails with a sentence instead of JavaFX's own error when there is no desktop to open a window on. */
    private static void requireDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessPlatform = "Monocle".equals(System.getProperty("glass.platform"));
        if (linux && !headlessPlatform && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new java.util.NoSuchElementException("There is no display to open the console window on. Run "
                    + "Gridside from the desktop, or use 'gridside demo --headless' in a terminal. [NO_DISPLAY]");
        }
    }

    /** Reads the settings on the launcher thread, before the UI thread starts its work. */
    @Override
    public void init() {
        dirs = AppDirs.forCurrentUser();
        settings = Settings.load(dirs);
        launchSettings.forEach(settings::putForThisLaunch);
    }

    @Override
    public void start(Stage stage) {
        CrashNotice.install(stage);
        tasks = new TaskRunner();
        idleHeap = IdleHeap.watch(tasks.runningProperty());
        session = new SessionViewModel(tasks, dirs, settings);
        stage.setTitle(I18n.text("app.title"));
        stage.setScene(createScene(session, startCommission));
        if (startScreen != null && stage.getScene().getRoot() instanceof MainView main) {
            main.show(startScreen);
        }
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
        StartupMarks.watchWindow(stage);
        StartupMarks.watchSite(session, stage.getScene());
        if (startTarget != null) {
            session.connect(startTarget);
        }
    }

    /** The console's scene on a session, themed; the window and the UI tests both build it here. */
    public static Scene createScene(SessionViewModel session) {
        return createScene(session, null);
    }

    /** As {@link #createScene(SessionViewModel)}, its Commissioning screen started by {@code commission} if given. */
    public static Scene createScene(SessionViewModel session, CommissionStart commission) {
        Appearance appearance = Appearance.fromSettings(session, () -> ScreenModels.of(session,
                commission == null ? CommissionStart.forSession(session) : commission));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new Region(), windowSide(1280, screen.getWidth()), windowSide(800, screen.getHeight()));
        appearance.attach(scene);
        return scene;
    }

    /**
     * The window's width or height on a screen side of {@code screen} pixels: {@code wanted} on a large screen, the
     * whole side on one up to a tenth larger than {@code wanted} or smaller (a 1366x768 laptop), so that no strip of
     * desktop is left beside a window that could have used it.
     */
    static double windowSide(double wanted, double screen) {
        return screen <= wanted * 1.1 ? screen : wanted;
    }

    @Override
    public void stop() {
        session.close();
        tasks.close();
        idleHeap.close();
    }
}
