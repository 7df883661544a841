import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshLayouts;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.console.mesh.Viewport;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.rf.VillagePlanner;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.SinglePointsOfFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.transform.Affine;

/** Pans and zooms a site's mesh at 1,000 and 10,000 meters, each frame taken to pixels, against a naive drawing. */
public final class MeshBench {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;
    private static final int RUNS = 3;
    /** The script: a third zooming in about the middle, a third panning, a third zooming out. */
    private static final int FRAMES = 60;
    /** The naive drawing takes seconds a frame at 10,000 meters: a few frames are enough to time it. */
    private static final int NAIVE_FRAMES = 6;
    /** The limit: a view that follows the hand needs 30 frames a second. */
    private static final double LIMIT_FPS = 30;
    /** The limit on single points of failure at 10,000 meters: a second. */
    private static final double LIMIT_SPOF_MS = 1000;

    private MeshBench() {
    }

    public static void main(String[] args) throws Exception {
        headless();
        Platform.startup(() -> { });
        MeshScene small = sceneOf(graph(1_000), MeshPalette.fallback());
        MeshGraph largeGraph = graph(10_000);
        MeshScene large = sceneOf(largeGraph, MeshPalette.fallback());
        List<Double> spof = spofMs(largeGraph);
        Pane root = onFx(() -> {
            Pane pane = new Pane();
            new Scene(pane, WIDTH, HEIGHT);
            return pane;
        });

        List<Double> floor = new ArrayList<>();
        List<Double> fpsSmall = new ArrayList<>();
        List<Double> fpsLarge = new ArrayList<>();
        List<Double> naiveSmall = new ArrayList<>();
        List<Double> naiveLarge = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            floor.add(onFx(() -> floorMs(root)));
            fpsSmall.add(onFx(() -> canvasFps(root, small)));
            fpsLarge.add(onFx(() -> canvasFps(root, large)));
            naiveSmall.add(onFx(() -> naiveFps(root, small, FRAMES)));
            naiveLarge.add(onFx(() -> naiveFps(root, large, NAIVE_FRAMES)));
        }
        Platform.exit();

        double large10k = median(fpsLarge);
        print("nodes_10000", large.nodeCount());
        print("links_10000", large.linkCount());
        print("links_1000", small.linkCount());
        print("naive_fps_1000", median(naiveSmall));
        print("naive_fps_10000", median(naiveLarge));
        print("frame_10000_ms", 1000 / large10k);
        print("fps_10000_to_limit_ratio", large10k / LIMIT_FPS);
        print("fps_1000", median(fpsSmall));
        print("snapshot_floor_ms", median(floor));
        print("spof_10000_ms", median(spof));
        print("spof_10000_to_limit_ratio", median(spof) / LIMIT_SPOF_MS);
        print("speedup_vs_naive", large10k / median(naiveLarge));
        print("fps_10000", large10k);
    }

    /** The software pipeline on Monocle's headless screen, as the tests and laptops without a GPU draw. */
    private static void headless() {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The single points of failure of the 10,000-meter mesh, timed as the screen asks for them: on the graph, with
     * each meter's customer and a daily revenue per customer. The first runs warm the code up and are left out.
     */
    private static List<Double> spofMs(MeshGraph graph) {
        Map<String, String> customers = new HashMap<>();
        Map<String, Long> revenue = new HashMap<>();
        for (int i = 1; i < graph.nodeCount(); i++) {
            customers.put(graph.nodeId(i), "C-" + i);
            revenue.put("C-" + i, 100L + i % 400);
        }
        List<Double> times = new ArrayList<>();
        int found = 0;
        for (int run = 0; run < RUNS + 2; run++) {
            long start = System.nanoTime();
            found = SinglePointsOfFailure.find(graph, LinkQuality.DEFAULTS, customers, revenue).size();
            if (run >= 2) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        print("spof_points_10000", found);
        return times;
    }

    /** The site's mesh after its first update, as the gateway's snapshot has it. */
    private static MeshGraph graph(int meters) {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(meters, 42, 0, START));
        VillageMap village = VillagePlanner.plan(42, layout.customers().stream().map(Customer::category).toList());
        List<String> ids = layout.meters().stream().map(Meter::meterId).toList();
        MeshNetwork network = new MeshNetwork(MeshPlan.build(42, village, ids, layout.gatewayId()));
        network.update(START);
        return MeshGraph.of(network.topology().toSnapshot());
    }

    /** The graph laid out on the ground, each link's halves coloured by their packet success. */
    private static MeshScene sceneOf(MeshGraph graph, MeshPalette palette) {
        MeshScene scene = new MeshScene(graph.nodeCount(), graph.linkCount());
        double[] latitude = new double[graph.nodeCount()];
        double[] longitude = new double[graph.nodeCount()];
        for (int i = 0; i < graph.nodeCount(); i++) {
            TopologySnapshot.Node node = graph.node(i);
            latitude[i] = node.latitude();
            longitude[i] = node.longitude();
            int flags = i == graph.gateway() ? MeshScene.ROOT : 0;
            int color = node.routed() ? palette.category(node.hops()) : palette.muted();
            scene.setNode(i, color, flags, node.id());
        }
        for (int l = 0; l < graph.linkCount(); l++) {
            MeshGraph.Link link = graph.link(l);
            TopologySnapshot.Link measures = link.measures();
            int flags = measures.preferred() ? MeshScene.PREFERRED : 0;
            scene.setLink(l, link.from(), link.to(), grade(palette, measures.forwardPsr()),
                    grade(palette, measures.reversePsr()), flags);
        }
        MeshLayouts.geographic(scene, latitude, longitude);
        return scene;
    }

    private static int grade(MeshPalette palette, double psr) {
        if (psr >= 0.9) {
            return palette.good();
        }
        if (psr >= 0.7) {
            return palette.fair();
        }
        return psr >= 0.3 ? palette.weak() : palette.unusable();
    }

    /** Milliseconds a frame to snapshot an empty view of the same size that draws nothing new: the toolkit's cost. */
    private static double floorMs(Pane root) {
        MeshCanvas empty = new MeshCanvas();
        empty.setPrefSize(WIDTH, HEIGHT);
        root.getChildren().setAll(empty);
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        snapshot(empty, image);
        long start = System.nanoTime();
        for (int frame = 0; frame < FRAMES; frame++) {
            snapshot(empty, image);
        }
        return (System.nanoTime() - start) / 1e6 / FRAMES;
    }

    private static double canvasFps(Pane root, MeshScene scene) {
        MeshCanvas canvas = new MeshCanvas();
        canvas.setPrefSize(WIDTH, HEIGHT);
        root.getChildren().setAll(canvas);
        canvas.setScene(scene);
        canvas.fitAll();
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        snapshot(canvas, image);
        int first = checksum(image);
        long start = System.nanoTime();
        for (int frame = 0; frame < FRAMES; frame++) {
            step(canvas.viewport(), frame);
            canvas.redraw();
            snapshot(canvas, image);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum(image) == first) {
            throw new IllegalStateException("the view's last frame is its first: the script did not move it");
        }
        return FRAMES / seconds;
    }

    /** Every radio a Circle and every link's half a Line in one Group, moved by the Group's transform. */
    private static double naiveFps(Pane root, MeshScene scene, int frames) {
        Viewport viewport = new Viewport();
        viewport.fit(scene.bounds(), WIDTH, HEIGHT);
        Group group = naiveGroup(scene, 1.5 / viewport.scale());
        Affine transform = new Affine();
        group.getTransforms().setAll(transform);
        Pane holder = new Pane(group);
        holder.setPrefSize(WIDTH, HEIGHT);
        root.getChildren().setAll(holder);
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        SnapshotParameters clip = new SnapshotParameters();
        clip.setViewport(new javafx.geometry.Rectangle2D(0, 0, WIDTH, HEIGHT));
        long start = System.nanoTime();
        for (int frame = 0; frame < frames; frame++) {
            step(viewport, frame * (FRAMES / frames));
            double s = viewport.scale();
            transform.setToTransform(s, 0, -viewport.originX() * s, 0, s, -viewport.originY() * s);
            holder.snapshot(clip, image);
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    private static Group naiveGroup(MeshScene scene, double radius) {
        List<Node> shapes = new ArrayList<>(scene.linkCount() * 2 + scene.nodeCount());
        float[] x = scene.x();
        float[] y = scene.y();
        for (int l = 0; l < scene.linkCount(); l++) {
            int a = scene.linkFrom()[l];
            int b = scene.linkTo()[l];
            float mx = (x[a] + x[b]) / 2;
            float my = (y[a] + y[b]) / 2;
            shapes.add(line(x[a], y[a], mx, my, scene.forwardColors()[l], radius / 2));
            shapes.add(line(mx, my, x[b], y[b], scene.reverseColors()[l], radius / 2));
        }
        for (int i = 0; i < scene.nodeCount(); i++) {
            shapes.add(new Circle(x[i], y[i], radius, MeshPalette.color(scene.nodeColors()[i])));
        }
        return new Group(shapes);
    }

    private static Line line(double x0, double y0, double x1, double y1, int argb, double width) {
        Line line = new Line(x0, y0, x1, y1);
        line.setStroke(MeshPalette.color(argb));
        line.setStrokeWidth(width);
        return line;
    }

    /** The scripted hand: zoom in about the middle, pan right and down, zoom out again. */
    private static void step(Viewport viewport, int frame) {
        if (frame < FRAMES / 3) {
            viewport.zoomAt(WIDTH / 2.0, HEIGHT / 2.0, 1.12);
        } else if (frame < 2 * FRAMES / 3) {
            viewport.pan(-15, -8);
        } else {
            viewport.zoomAt(WIDTH / 2.0, HEIGHT / 2.0, 1 / 1.12);
        }
    }

    private static void snapshot(Node node, WritableImage image) {
        node.snapshot(null, image);
    }

    private static int checksum(WritableImage image) {
        int[] row = new int[WIDTH];
        int sum = 0;
        for (int y = 0; y < HEIGHT; y += 7) {
            image.getPixelReader().getPixels(0, y, WIDTH, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                    row, 0, WIDTH);
            for (int v : row) {
                sum = sum * 31 + v;
            }
        }
        return sum;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
