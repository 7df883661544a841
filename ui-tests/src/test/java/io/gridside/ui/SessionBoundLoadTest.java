package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.Sentence;
import io.gridside.console.shell.SessionViewModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
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
 * A screen's load is tied to the session that asked for it: one that comes back after its session closed and the
 * next opened is dropped, so it cannot overwrite what the new session shows; one of the open session lands.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionBoundLoadTest {

    private static final int METERS = 12;

    @TempDir
    static Path home;

    private SiteConsole console;
    private InetSocketAddress address;
    private SessionViewModel session;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> answered = new AtomicReference<>("nothing");
    private final AtomicReference<String> landed = new AtomicReference<>("nothing");

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, METERS, 23);
        session = console.session();
        address = console.site().listenTcp(0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        console.close();
    }

    /** Starts a load that waits for {@link #release} and then answers with the gateway the session is with. */
    private Task<String> slowLoad(FxRobot robot) {
        AtomicReference<Task<String>> task = new AtomicReference<>();
        robot.interact(() -> task.set(session.loadOnSession(Sentence.verbatim("slow load"), (open, context) -> {
            release.await();
            answered.set("loaded by " + open.hello().gatewayId());
            return answered.get();
        }, landed::set, failure -> landed.set("failed: " + failure))));
        assertThat(task.get()).as("a load needs a session").isNotNull();
        return task.get();
    }

    private void awaitDone(Task<String> task) throws TimeoutException {
        release.countDown();
        WaitForAsyncUtils.waitFor(ConnectScreen.WAIT_SECONDS, TimeUnit.SECONDS, task::isDone);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLoadOfAClosedSessionThatComesBackAfterTheNextOpenedIsDropped(FxRobot robot) throws TimeoutException {
        ConnectScreen.connect(robot, address.getPort(), METERS);
        Task<String> load = slowLoad(robot);

        robot.clickOn("#disconnect");
        WaitForAsyncUtils.waitFor(ConnectScreen.WAIT_SECONDS, TimeUnit.SECONDS,
                () -> session.helloProperty().get() == null);
        ConnectScreen.pressConnect(robot, address.getPort());
        WaitForAsyncUtils.waitFor(ConnectScreen.WAIT_SECONDS, TimeUnit.SECONDS,
                () -> session.helloProperty().get() != null);
        awaitDone(load);

        assertThat(answered.get()).as("the closed session's load ran to its end").startsWith("loaded by");
        assertThat(landed.get()).isEqualTo("nothing");
    }

    @Test
    void aFinishedLoadHandsItsResultOverAndTheTaskListKeepsNoneOfIt(FxRobot robot) throws Exception {
        ConnectScreen.connect(robot, address.getPort(), METERS);
        Task<String> load = slowLoad(robot);

        awaitDone(load);

        // The task list keeps the finished task for its title and state; a mesh load's graph must not stay with it.
        AtomicReference<Boolean> kept = new AtomicReference<>();
        AtomicReference<String> value = new AtomicReference<>("not read");
        robot.interact(() -> {
            kept.set(console.tasks().tasks().contains(load));
            value.set(load.getValue());
        });
        assertThat(landed.get()).startsWith("loaded by");
        assertThat(kept.get()).isTrue();
        assertThat(value.get()).isNull();
        assertThat(load.get()).isNull();
    }

    @Test
    void aLoadOfTheOpenSessionLands(FxRobot robot) throws TimeoutException {
        ConnectScreen.connect(robot, address.getPort(), METERS);
        Task<String> load = slowLoad(robot);

        awaitDone(load);

        assertThat(landed.get()).isEqualTo("loaded by " + session.helloProperty().get().gatewayId());
    }
}
