package io.gridside.console;

import atlantafx.base.theme.PrimerLight;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.MainView;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The console's window. */
public final class GridsideApp extends Application {

    private static volatile ConnectionTarget startTarget;

    private TaskRunner tasks;
    private SessionViewModel session;
    private AppDirs dirs;
    private Settings settings;

    /** Opens the window and blocks until it closes; connects to {@code target} at once when it is given. */
    public static void open(ConnectionTarget target) {
        startTarget = target;
        Application.launch(GridsideApp.class);
    }

    /** Reads the settings on the launcher thread, before the UI thread starts its work. */
    @Override
    public void init() {
        dirs = AppDirs.forCurrentUser();
        settings = Settings.load(dirs);
    }

    @Override
    public void start(Stage stage) {
        tasks = new TaskRunner();
        session = new SessionViewModel(tasks, dirs, settings);
        stage.setTitle(I18n.text("app.title"));
        stage.setScene(createScene(session));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();
        if (startTarget != null) {
            session.connect(startTarget);
        }
    }

    /** The console's scene on a session, themed; the window and the UI tests both build it here. */
    public static Scene createScene(SessionViewModel session) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new MainView(session), Math.min(1280, screen.getWidth()),
                Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(GridsideApp.class.getResource("console.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        session.close();
        tasks.close();
    }
}
