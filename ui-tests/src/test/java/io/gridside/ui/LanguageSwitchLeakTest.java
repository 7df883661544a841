package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import io.gridside.console.shell.Appearance;
import io.gridside.console.shell.MainView;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each language or theme switch builds the console's screens again on the same view models; the screens it
 * replaced must not stay reachable from those models, the session or a running animation, however many switches a
 * technician makes, and whatever screen was open (the replay's and the firmware's run timers of their own, the
 * tariffs' editor and the replay's details listen to the models' lists and texts).
 */
@ExtendWith(ApplicationExtension.class)
// Twelve rebuilds of the whole console and forty collections: on a loaded two-core machine the test took 207 s.
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LanguageSwitchLeakTest {

    private static final int METERS = 12;
    private static final int SWITCHES = 12;
    /** Collections asked for before an old screen that is still there counts as kept. */
    private static final int COLLECTIONS = 40;
    private static final List<String> SCREENS = List.of("mesh", "replay", "firmware", "sync", "cash", "tariffs");

    @TempDir
    static Path home;

    private SiteConsole console;
    private Stage stage;

    /**
     * The console opens in a window of its own: TestFX keeps every event fired at the window it gives a test, and
     * the pointer resting over the window sends events to each new frame, which that record would keep for good.
     */
    @Start
    void start(Stage given) throws IOException {
        stage = new Stage();
        console = SiteConsole.open(stage, home, METERS, 5);
    }

    @AfterEach
    void stop() {
        console.close();
        Platform.runLater(stage::close);
        I18n.use(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void screensReplacedByManySwitchesAreLeftForTheCollector(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        Appearance appearance = Appearance.of(scene()).orElseThrow();
        List<WeakReference<Parent>> replaced = new ArrayList<>();

        for (int i = 0; i < SWITCHES; i++) {
            String screen = SCREENS.get(i % SCREENS.size());
            robot.interact(() -> ((MainView) scene().getRoot()).show(screen));
            settle();
            Locale language = I18n.LANGUAGES.get((i + 2) % I18n.LANGUAGES.size());
            Theme theme = Theme.values()[i % Theme.values().length];
            boolean languageNext = i % 2 == 0;
            robot.interact(() -> {
                replaced.add(new WeakReference<>(scene().getRoot()));
                if (languageNext) {
                    appearance.useLanguage(language);
                } else {
                    appearance.useTheme(theme);
                }
            });
            settle();
        }

        // The scene keeps the root it replaced last until its next switch: every one before it must be gone.
        List<WeakReference<Parent>> before = replaced.subList(0, replaced.size() - 1);
        assertThat(kept(before)).as("screens still reachable of the %d replaced", before.size()).isZero();
        assertThat(robot.lookup("#nav-dashboard").tryQuery()).isPresent();
    }

    /** How many of {@code replaced} stay reachable after the collector was asked to run a number of times. */
    private static long kept(List<WeakReference<Parent>> replaced) {
        for (int i = 0; i < COLLECTIONS && replaced.stream().anyMatch(old -> old.get() != null); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
        }
        return replaced.stream().filter(old -> old.get() != null).count();
    }

    private void settle() {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> console.tasks().runningProperty().get() == 0);
        } catch (TimeoutException stillRunning) {
            // A screen whose work runs on (the sync's follower) is switched as it stands, as a technician would.
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Scene scene() {
        return stage.getScene();
    }
}
