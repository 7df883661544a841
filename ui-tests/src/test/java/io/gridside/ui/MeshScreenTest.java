package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshScene;
import io.gridside.console.mesh.MeterRadio;
import io.gridside.console.mesh.MeterRadioPanel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.mesh.SinglePointsOfFailure.PointOfFailure;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * The Mesh screen against a simulated site: a search finds a meter and shows its radio and route; the time slider
 * shows a link of the past that the mesh no longer has; the findings list the single points of failure of a
 * scripted mesh. The site database is prepared before the console connects with one earlier snapshot, in which
 * three meters hang in a chain (A under a meter of the gateway's, B under A, C under B) that the mesh of now does
 * not have.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MeshScreenTest {

    private static final long WAIT_SECONDS = 60;
    private static final int METERS = 24;
    private static final Instant EARLIER = SiteConsole.NOW.minus(Duration.ofMinutes(127));

    @TempDir
    static Path home;

    private SiteConsole console;
    private TopologySnapshot now;
    private List<String> chain;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home.resolve(Long.toString(System.nanoTime())), METERS, 31);
        now = console.site().gateway().topologySnapshot(null);
        chain = unlinkedChain(now);
        Path database = console.dirs().siteDatabase(console.site().gateway().profile().siteId());
        Files.createDirectories(database.getParent());
        try (SiteStore store = SiteStore.open(database)) {
            store.insertTopology(scripted(now, chain));
        }
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void searchingAMeterShowsItsRadioAndRoute(FxRobot robot) throws TimeoutException, IOException {
        openMeshScreen(robot);
        String meter = deepestMeter(now);

        robot.clickOn("#mesh-search").write(meter).type(KeyCode.ENTER);

        MeterRadioPanel panel = robot.lookup("#mesh-radio").queryAs(MeterRadioPanel.class);
        waitFor("the panel to show " + meter, () -> panel.shown() != null && panel.shown().meterId().equals(meter),
                () -> "the panel showed " + (panel.shown() == null ? "nothing" : panel.shown().meterId())
                        + ", the screen said '" + text(robot, "#mesh-message") + "'");
        MeterRadio radio = panel.shown();
        assertThat(radio.route()).isNotEmpty();
        assertThat(radio.route().get(0).fromId()).isEqualTo(meter);
        assertThat(radio.route().get(radio.route().size() - 1).toId()).isEqualTo(now.gatewayId());
        assertThat(text(robot, "#mesh-radio-title")).contains(meter);
        MeshScene scene = canvas(robot).getMeshScene();
        int node = indexOf(scene, meter);
        assertThat(scene.nodeFlags()[node] & MeshScene.SELECTED).isNotZero();
        assertThat(scene.nodeFlags()[node] & MeshScene.HIGHLIGHTED).isNotZero();
        assertThat(Screens.save(canvas(robot).getScene(), "mesh-search")).exists();

        robot.clickOn("#mesh-export").clickOn("#mesh-export-json");
        Path exports = console.dirs().exports();
        waitFor("the JSON export", () -> text(robot, "#mesh-message").startsWith("Exported to"),
                () -> "the screen said '" + text(robot, "#mesh-message") + "'");
        Path json = Path.of(text(robot, "#mesh-message").substring("Exported to ".length()));
        assertThat(json).startsWith(exports.toAbsolutePath()).isRegularFile();
        assertThat(Files.readString(json)).contains("\"" + meter + "\"").contains("\"creditState\"");

        robot.clickOn("#mesh-export").clickOn("#mesh-export-png");
        waitFor("the PNG export, written in the background", () -> text(robot, "#mesh-message").endsWith(".png"),
                () -> "the screen said '" + text(robot, "#mesh-message") + "'");
        Path png = Path.of(text(robot, "#mesh-message").substring("Exported to ".length()));
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo((int) canvas(robot).getWidth());
    }

    @Test
    void aDraggedRadioKeepsItsPlaceUntilThePositionsAreReset(FxRobot robot) throws TimeoutException, IOException {
        openMeshScreen(robot);
        MeshCanvas canvas = canvas(robot);
        String meter = deepestMeter(now);
        int node = indexOf(canvas.getMeshScene(), meter);
        float laidX = canvas.getMeshScene().x()[node];
        float laidY = canvas.getMeshScene().y()[node];
        WaitForAsyncUtils.waitForFxEvents();
        double localX = canvas.viewport().toScreenX(laidX);
        double localY = canvas.viewport().toScreenY(laidY);
        assertThat(canvas.nodeAt(localX, localY)).as("the radio under %s, %s of a %s x %s view", localX, localY,
                canvas.getWidth(), canvas.getHeight()).isEqualTo(node);
        Point2D start = canvas.localToScreen(localX, localY);

        robot.drag(start, MouseButton.PRIMARY).moveTo(start.add(20, 20)).moveTo(start.add(60, 45))
                .release(MouseButton.PRIMARY);
        MeshScene dragged = canvas.getMeshScene();
        waitFor("the radio to move", () -> canvas.getMeshScene().x()[node] != laidX,
                () -> "it stayed at " + laidX + ", " + laidY + " in " + canvas.getMeshScene() + "; in the scene "
                        + (dragged == canvas.getMeshScene() ? "dragged" : "before, now replaced,") + " it is at "
                        + dragged.x()[node] + ", " + dragged.y()[node] + "; the screen said '"
                        + text(robot, "#mesh-message") + "'");
        float movedX = canvas.getMeshScene().x()[node];
        float movedY = canvas.getMeshScene().y()[node];

        robot.clickOn("#mesh-layout-map").clickOn("#mesh-layout-tree");
        waitFor("the tree again with the radio where it was left", () -> canvas.getMeshScene().x()[node] == movedX
                && canvas.getMeshScene().y()[node] == movedY,
                () -> "it is at " + canvas.getMeshScene().x()[node] + ", " + canvas.getMeshScene().y()[node]);

        robot.clickOn("#mesh-reset");
        waitFor("the radio back where the tree places it", () -> canvas.getMeshScene().x()[node] == laidX
                && canvas.getMeshScene().y()[node] == laidY && text(robot, "#mesh-message").startsWith("Forgot"),
                () -> "it is at " + canvas.getMeshScene().x()[node] + ", " + canvas.getMeshScene().y()[node]
                        + " and the screen said '" + text(robot, "#mesh-message") + "'");
        assertThat(text(robot, "#mesh-message")).isEqualTo("Forgot 1 position chosen in this layout.");
    }

    @Test
    void theTimeSliderShowsALinkThatExistedThenAndNotNow(FxRobot robot) throws TimeoutException, IOException {
        openMeshScreen(robot);
        MeshCanvas canvas = canvas(robot);
        String from = chain.get(2);
        String to = chain.get(1);
        int nowLink = linkOf(canvas.getMeshScene(), from, to);
        assertThat(nowLink).as("the link %s -> %s of the past, in the mesh of now", from, to).isNotNegative();
        assertThat(canvas.getMeshScene().linkFlags()[nowLink] & MeshScene.STALE).as("now only the past knows it")
                .isNotZero();

        Slider slider = robot.lookup("#mesh-time").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(EARLIER.plusSeconds(30).getEpochSecond()));

        waitFor("the mesh of " + EARLIER, () -> text(robot, "#mesh-time-text").startsWith("As at")
                && pastLink(canvas.getMeshScene(), from, to) >= 0,
                () -> "the time said '" + text(robot, "#mesh-time-text") + "', the screen '"
                        + text(robot, "#mesh-message") + "', the scene " + canvas.getMeshScene());
        MeshScene past = canvas.getMeshScene();
        int link = pastLink(past, from, to);
        assertThat(past.linkFlags()[link] & MeshScene.PREFERRED).isNotZero();
        assertThat(pastLink(past, from, parentNow(from))).as("nothing from after that moment").isNegative();
        assertThat(drawnNear(robot, canvas, past, link)).as("the link's half next to %s is drawn in its colour", from)
                .isTrue();
        assertThat(Screens.save(canvas.getScene(), "mesh-past")).exists();
    }

    @Test
    void theFindingsListTheSinglePointsOfFailureOfAScriptedMesh(FxRobot robot)
            throws TimeoutException, IOException {
        openMeshScreen(robot);
        Slider slider = robot.lookup("#mesh-time").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(EARLIER.plusSeconds(30).getEpochSecond()));

        @SuppressWarnings("unchecked")
        TableView<PointOfFailure> points = robot.lookup("#mesh-findings-points").queryAs(TableView.class);
        waitFor("the single points of failure of the scripted mesh", () -> points.getItems().size() == 2,
                () -> "the list showed " + points.getItems() + ", the time '" + text(robot, "#mesh-time-text") + "'");

        assertThat(points.getItems()).extracting(PointOfFailure::meterId).containsExactly(chain.get(0),
                chain.get(1));
        assertThat(points.getItems().get(0).cutOff()).containsExactlyInAnyOrder(chain.get(1), chain.get(2));
        assertThat(points.getItems().get(1).cutOff()).containsExactly(chain.get(2));

        robot.interact(() -> points.getSelectionModel().select(0));
        MeterRadioPanel panel = robot.lookup("#mesh-radio").queryAs(MeterRadioPanel.class);
        MeshCanvas canvas = canvas(robot);
        waitFor("the chosen point of failure on the map and in the panel", () -> panel.shown() != null
                && panel.shown().meterId().equals(chain.get(0)),
                () -> "the panel showed " + (panel.shown() == null ? "nothing" : panel.shown().meterId()));
        for (String meter : chain) {
            assertThat(canvas.getMeshScene().nodeFlags()[indexOf(canvas.getMeshScene(), meter)]
                    & MeshScene.HIGHLIGHTED).as("%s ringed", meter).isNotZero();
        }
        assertThat(Screens.save(points.getScene(), "mesh-points-of-failure")).exists();
    }

    @Test
    void aPullThatBringsNoNewSnapshotLeavesTheMeshAsItWasRead(FxRobot robot) throws TimeoutException, IOException {
        openMeshScreen(robot);
        waitFor("the work after the first pull", () -> onFx(() -> console.tasks().runningProperty().get() == 0),
                () -> "tasks still running: " + onFx(() -> console.tasks().runningProperty().get()));
        int nodes = canvas(robot).getMeshScene().nodeCount();

        // The site's clock stands still, so the gateway has no snapshot newer than the one the first pull stored.
        robot.clickOn("#refresh");

        waitFor("the second pull to end", () -> onFx(() -> titled("task.pull") >= 2
                && console.tasks().runningProperty().get() == 0),
                () -> "pulls listed: " + onFx(() -> titled("task.pull")));
        assertThat(onFx(this::meshReadsSinceTheLastPull)).isZero();
        assertThat(canvas(robot).getMeshScene().nodeCount()).isEqualTo(nodes);
    }

    /** How many runs of tasks titled with {@code key}'s text the task list holds, folded runs included. */
    private long titled(String key) {
        return console.tasks().tasks().stream().filter(task -> task.getTitle().equals(I18n.text(key)))
                .mapToLong(task -> TaskRunner.runs(task).get()).sum();
    }

    /** How many mesh reads the task list holds that started after its latest pull (the list is newest first). */
    private long meshReadsSinceTheLastPull() {
        List<Task<?>> tasks = console.tasks().tasks();
        long reads = 0;
        for (Task<?> task : tasks) {
            if (task.getTitle().equals(I18n.text("task.pull"))) {
                return reads;
            }
            if (task.getTitle().equals(I18n.text("task.mesh"))) {
                reads++;
            }
        }
        return reads;
    }

    private void openMeshScreen(FxRobot robot) throws TimeoutException, IOException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        // Looked up on the FX thread: the dashboard is still filling in, and a lookup from the test's thread
        // can meet a child list half changed.
        javafx.scene.Node nav = onFx(() -> robot.lookup("#nav-mesh").query());
        robot.clickOn(nav);
        MeshCanvas canvas = canvas(robot);
        waitFor("the mesh of now", () -> canvas.getMeshScene().nodeCount() > METERS
                && text(robot, "#mesh-time-text").startsWith("Latest"),
                () -> "the scene was " + canvas.getMeshScene() + ", the time '" + text(robot, "#mesh-time-text")
                        + "', the screen '" + text(robot, "#mesh-message") + "'");
    }

    private static MeshCanvas canvas(FxRobot robot) {
        return onFx(() -> robot.lookup("#mesh-canvas").queryAs(MeshCanvas.class));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError("the lookup on the FX thread failed", failure);
        }
    }

    private String parentNow(String meter) {
        return now.nodes().stream().filter(node -> node.id().equals(meter)).findFirst().orElseThrow().parentId();
    }

    /** A current (not stale) link of {@code scene} from {@code from} to {@code to}, or -1. */
    private static int pastLink(MeshScene scene, String from, String to) {
        int link = linkOf(scene, from, to);
        return link >= 0 && (scene.linkFlags()[link] & MeshScene.STALE) == 0 ? link : -1;
    }

    private static int linkOf(MeshScene scene, String from, String to) {
        int f = indexOf(scene, from);
        int t = indexOf(scene, to);
        for (int l = 0; l < scene.linkCount(); l++) {
            if (scene.linkFrom()[l] == f && scene.linkTo()[l] == t) {
                return l;
            }
        }
        return -1;
    }

    private static int indexOf(MeshScene scene, String id) {
        for (int i = 0; i < scene.nodeCount(); i++) {
            if (id.equals(scene.labels()[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether some pixel along the first half of the link, away from its radios, has the link's forward colour: the
     * picture of the canvas, not only its scene, shows the link of the past.
     */
    private static boolean drawnNear(FxRobot robot, MeshCanvas canvas, MeshScene scene, int link)
            throws TimeoutException {
        WritableImage shot = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)));
        int from = scene.linkFrom()[link];
        int to = scene.linkTo()[link];
        double x0 = canvas.viewport().toScreenX(scene.x()[from]);
        double y0 = canvas.viewport().toScreenY(scene.y()[from]);
        double x1 = canvas.viewport().toScreenX(scene.x()[to]);
        double y1 = canvas.viewport().toScreenY(scene.y()[to]);
        int wanted = scene.forwardColors()[link];
        for (double t = 0.15; t <= 0.4; t += 0.01) {
            int x = (int) Math.round(x0 + (x1 - x0) * t);
            int y = (int) Math.round(y0 + (y1 - y0) * t);
            if (x >= 0 && y >= 0 && x < shot.getWidth() && y < shot.getHeight()
                    && close(shot.getPixelReader().getArgb(x, y), wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(int argb, int wanted) {
        int distance = Math.abs(((argb >> 16) & 0xff) - ((wanted >> 16) & 0xff))
                + Math.abs(((argb >> 8) & 0xff) - ((wanted >> 8) & 0xff)) + Math.abs((argb & 0xff) - (wanted & 0xff));
        return distance < 60;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("(not shown)");
    }

    private static void waitFor(String what, Callable<Boolean> condition, Supplier<String> shown)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + ": " + shown.get(), e);
        }
    }

    /** The routed meter with the most hops now, so that its route has more than one hop where the mesh has any. */
    private static String deepestMeter(TopologySnapshot mesh) {
        return mesh.nodes().stream().filter(node -> node.hops() > 0)
                .max(java.util.Comparator.comparingInt(TopologySnapshot.Node::hops)
                        .thenComparing(TopologySnapshot.Node::id))
                .orElseThrow().id();
    }

    /** Three meters no two of which have a link between them now, in either direction. */
    private static List<String> unlinkedChain(TopologySnapshot mesh) {
        Set<String> linked = new HashSet<>();
        mesh.links().forEach(link -> {
            linked.add(link.from() + ">" + link.to());
            linked.add(link.to() + ">" + link.from());
        });
        List<String> meters = mesh.nodes().stream().map(TopologySnapshot.Node::id)
                .filter(id -> !id.equals(mesh.gatewayId())).sorted().toList();
        for (String a : meters) {
            for (String b : meters) {
                for (String c : meters) {
                    if (!a.equals(b) && !b.equals(c) && !a.equals(c) && !linked.contains(a + ">" + b)
                            && !linked.contains(b + ">" + c) && !linked.contains(a + ">" + c)) {
                        return List.of(a, b, c);
                    }
                }
            }
        }
        throw new IllegalStateException("every three meters of the site have a link among them: " + mesh.links());
    }

    /**
     * The mesh {@link #EARLIER}: every meter one strong hop from the gateway, but the chain's first under the
     * gateway, its second under the first and its third under the second, over the only links they have.
     */
    private static TopologySnapshot scripted(TopologySnapshot mesh, List<String> chain) {
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        List<TopologySnapshot.Link> links = new ArrayList<>();
        for (TopologySnapshot.Node node : mesh.nodes()) {
            int position = chain.indexOf(node.id());
            if (node.id().equals(mesh.gatewayId())) {
                nodes.add(node);
                continue;
            }
            String parent = position <= 0 ? mesh.gatewayId() : chain.get(position - 1);
            int hops = position <= 0 ? 1 : position + 1;
            nodes.add(new TopologySnapshot.Node(node.id(), node.latitude(), node.longitude(), hops, 256 + 128 * hops,
                    parent, List.of(), node.firmware(), node.trafficPerHour()));
            links.add(new TopologySnapshot.Link(node.id(), parent, -62, -63, 0.99, 0.99, 1.02, 60, true));
        }
        return new TopologySnapshot(EARLIER, mesh.gatewayId(), nodes, links);
    }
}
