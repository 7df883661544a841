package io.gridside.console.mesh;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * The mesh drawn at any size: the {@link MeshRenderer}'s pixels shown as one image, with the labels of the radios
 * on screen laid over it once the zoom makes them readable.
 *
 * <p>Drag on empty space pans, the scroll wheel zooms about the pointer, a click on a radio chooses it (a click on
 * nothing chooses none), and dragging a radio moves it and tells {@link #setOnNodeMoved} where it was left. Any
 * number of changes within one pulse make one frame: a change only asks for a layout pass, and the frame is drawn
 * in it. The frame is drawn on the JavaFX thread, which at 10,000 radios takes a few milliseconds.
 */
public final class MeshCanvas extends javafx.scene.layout.Region {

    /** At most this many labels at once: more would pile up into an unreadable grey. */
    public static final int LABEL_CAP = MeshLabels.CAP;
    /** A press that moves less than this many pixels is a click, not a drag. */
    private static final double CLICK_SLOP = 3;

    /** What a technician did by dragging a radio: where, in world units, it was left. */
    @FunctionalInterface
    public interface NodeMoved {
        void moved(int node, float worldX, float worldY);
    }

    private final Viewport viewport = new Viewport();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    private final ImageView image = new ImageView();
    private final Canvas labels = new Canvas();
    private final Rectangle clip = new Rectangle();
    private MeshRenderer renderer = new MeshRenderer(MeshPalette.fallback());
    private MeshScene scene = new MeshScene(0, 0);
    private NodeMoved onNodeMoved = (node, x, y) -> { };
    private int[] frame = new int[0];
    private IntBuffer buffer;
    private PixelBuffer<IntBuffer> pixels;
    private boolean dirty = true;
    private boolean fitPending = true;
    private final Gesture gesture = new Gesture();

    /** An empty view; {@link #setScene} gives it something to draw. */
    public MeshCanvas() {
        getStyleClass().add("mesh-canvas");
        image.setManaged(false);
        labels.setManaged(false);
        labels.setMouseTransparent(true);
        getChildren().addAll(image, labels);
        setClip(clip);
        bind();
    }

    private void bind() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, gesture::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, gesture::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, gesture::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        selectedNode.addListener((obs, old, now) -> {
            int node = now.intValue();
            if (node >= 0 && node < scene.nodeCount()) {
                scene.markNodes(MeshScene.SELECTED, node);
            } else {
                scene.markNodes(MeshScene.SELECTED);
            }
            redraw();
        });
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                refreshPalette();
            }
        });
    }

    /**
     * Shows {@code meshScene}, keeping the chosen radio chosen when the new scene has it; the view fits the first
     * scene it is given, and keeps its viewport for later ones (call {@link #fitAll()} to fit again).
     */
    public void setScene(MeshScene meshScene) {
        boolean first = scene.nodeCount() == 0;
        this.scene = meshScene;
        fitPending = fitPending || first;
        int selected = selectedNode.get();
        if (selected >= meshScene.nodeCount()) {
            selectedNode.set(-1);
        } else if (selected >= 0) {
            meshScene.markNodes(MeshScene.SELECTED, selected);
        }
        redraw();
    }

    public MeshScene getMeshScene() {
        return scene;
    }

    /** The viewport; after changing it, call {@link #redraw()}. */
    public Viewport viewport() {
        return viewport;
    }

    /** The chosen radio's index, -1 for none; setting it marks the radio {@link MeshScene#SELECTED} in the scene. */
    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    /** Who hears of a radio dragged to a new place, on release. */
    public void setOnNodeMoved(NodeMoved listener) {
        this.onNodeMoved = listener == null ? (node, x, y) -> { } : listener;
    }

    /** Draws the frame again in the next pulse: after the scene's arrays or the viewport changed. */
    public void redraw() {
        dirty = true;
        requestLayout();
    }

    /** Takes the colours from the theme again: after a theme switch. */
    public void refreshPalette() {
        renderer.setPalette(MeshPalette.of(this));
        redraw();
    }

    /** Shows every radio. */
    public void fitAll() {
        fitPending = true;
        redraw();
    }

    /** Moves the view so that {@code node} is in the middle, at the same zoom. */
    public void centerOn(int node) {
        if (node >= 0 && node < scene.nodeCount()) {
            viewport.centerOn(scene.x()[node], scene.y()[node], getWidth(), getHeight());
            redraw();
        }
    }

    /** The radio drawn under the point ({@code x}, {@code y}) of this view, the nearest if several, or -1. */
    public int nodeAt(double x, double y) {
        double radius = MeshRenderer.nodeRadius(viewport) + 2;
        double rootRadius = MeshRenderer.rootRadius(viewport) + 2;
        float[] wx = scene.x();
        float[] wy = scene.y();
        int[] flags = scene.nodeFlags();
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < scene.nodeCount(); i++) {
            double dx = viewport.toScreenX(wx[i]) - x;
            double dy = viewport.toScreenY(wy[i]) - y;
            double distance = dx * dx + dy * dy;
            double r = (flags[i] & MeshScene.ROOT) != 0 ? rootRadius : radius;
            if (distance <= r * r && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Writes what the view shows, labels included, as a PNG file. Call on the JavaFX thread: the snapshot must be
     * taken there; the encoding of a full-screen view takes some tens of milliseconds.
     */
    public void writePng(Path file) throws IOException {
        picture().writePng(file);
    }

    /** What the view shows, labels included, as pixels. Call on the JavaFX thread; write them anywhere. */
    public Picture picture() {
        WritableImage shot = snapshot(new SnapshotParameters(), null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Picture(w, h, argb);
    }

    /** A picture of the view as ARGB pixels, row by row, which can be encoded off the JavaFX thread. */
    public record Picture(int width, int height, int[] argb) {

        /** Writes the picture as a PNG file. */
        public void writePng(Path file) throws IOException {
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, width, height, argb, 0, width);
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new IOException("no PNG writer is installed in this Java runtime");
            }
        }
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.ceil(getWidth());
        int h = (int) Math.ceil(getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        clip.setWidth(w);
        clip.setHeight(h);
        if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
            allocate(w, h);
            dirty = true;
        }
        if (fitPending && scene.nodeCount() > 0) {
            viewport.fit(scene.bounds(), w, h);
            fitPending = false;
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            renderFrame(w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    private void allocate(int w, int h) {
        frame = new int[w * h];
        buffer = IntBuffer.wrap(frame);
        pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
        image.setImage(new WritableImage(pixels));
        labels.setWidth(w);
        labels.setHeight(h);
    }

    private void renderFrame(int w, int h) {
        pixels.updateBuffer(unused -> {
            renderer.render(scene, viewport, frame, w, h);
            return null;
        });
        drawLabels(w, h);
    }

    private void drawLabels(int w, int h) {
        GraphicsContext g = labels.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double radius = MeshRenderer.nodeRadius(viewport);
        int[] onScreen = MeshLabels.pick(scene, viewport, w, h);
        g.setFill(MeshPalette.color(renderer.palette().foreground() | 0xff000000));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double rootRadius = MeshRenderer.rootRadius(viewport);
        LabelSpace space = new LabelSpace(w, h, g.getFont());
        for (int node = 0; onScreen.length > 0 && node < scene.nodeCount(); node++) {
            // A label never covers a radio's dot or ring: radios close together keep them, and some of their names.
            double dot = (scene.nodeFlags()[node] & MeshScene.ROOT) != 0 ? rootRadius : radius;
            space.block(viewport.toScreenX(scene.x()[node]), viewport.toScreenY(scene.y()[node]), dot + 1);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int node : onScreen) {
                boolean pointed = (scene.nodeFlags()[node] & (MeshScene.ROOT | MeshScene.SELECTED
                        | MeshScene.HIGHLIGHTED)) != 0;
                if (pointed != (pass == 0)) {
                    continue;
                }
                double offset = (scene.nodeFlags()[node] & MeshScene.ROOT) != 0 ? rootRadius : radius;
                // A cell of the label space clear of the dot's own, so that its own dot never keeps its label out;
                // a label with no room on the right of its dot goes on its left.
                String label = scene.labels()[node];
                double x = viewport.toScreenX(scene.x()[node]);
                double y = viewport.toScreenY(scene.y()[node]);
                double left = x - offset - 7 - space.width(label);
                if (space.take(x + offset + 5, y, label)) {
                    g.fillText(label, x + offset + 5, y);
                } else if (space.take(left, y, label)) {
                    g.fillText(label, left, y);
                }
            }
        }
    }

    /**
     * The room labels have taken on screen, in cells of a few pixels: a label that would overlap one already placed
     * is left out, so that a crowded ring reads as some names rather than a smear of all of them. The gateway and
     * the radios chosen or pointed at are placed first. Each label is measured in the font it is drawn in, with a
     * little room around it, so that names of radios close together never touch.
     */
    private static final class LabelSpace {

        private static final int CELL = 4;
        private static final double MARGIN = 2;
        private final boolean[][] taken;
        private final Text measure = new Text();
        private final double halfHeight;

        LabelSpace(int width, int height, Font font) {
            taken = new boolean[height / CELL + 1][width / CELL + 1];
            measure.setFont(font);
            measure.setText("Mg");
            halfHeight = measure.getLayoutBounds().getHeight() / 2 + MARGIN;
        }

        /** Keeps the square around a dot of {@code radius} at {@code x}, {@code y} free of labels. */
        void block(double x, double y, double radius) {
            if (x + radius < 0 || y + radius < 0 || x - radius >= taken[0].length * CELL
                    || y - radius >= taken.length * CELL) {
                return;
            }
            int left = Math.max(0, (int) ((x - radius) / CELL));
            int right = Math.min(taken[0].length - 1, (int) ((x + radius) / CELL));
            int top = Math.max(0, (int) ((y - radius) / CELL));
            int bottom = Math.min(taken.length - 1, (int) ((y + radius) / CELL));
            for (int row = top; row <= bottom; row++) {
                for (int column = left; column <= right; column++) {
                    taken[row][column] = true;
                }
            }
        }

        /** How wide {@code label} is drawn, in pixels. */
        double width(String label) {
            measure.setText(label);
            return measure.getLayoutBounds().getWidth();
        }

        boolean take(double x, double y, String label) {
            double width = width(label) + MARGIN;
            int left = Math.max(0, (int) (x / CELL));
            int right = Math.min(taken[0].length - 1, (int) ((x + width) / CELL));
            int top = Math.max(0, (int) ((y - halfHeight) / CELL));
            int bottom = Math.min(taken.length - 1, (int) ((y + halfHeight) / CELL));
            for (int row = top; row <= bottom; row++) {
                for (int column = left; column <= right; column++) {
                    if (taken[row][column]) {
                        return false;
                    }
                }
            }
            for (int row = top; row <= bottom; row++) {
                for (int column = left; column <= right; column++) {
                    taken[row][column] = true;
                }
            }
            return true;
        }
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            viewport.zoomAt(event.getX(), event.getY(), Math.pow(1.002, event.getDeltaY()));
            redraw();
        }
        event.consume();
    }

    /** One press of the mouse, from press to release: a click, a pan or a radio's drag. */
    private final class Gesture {
        private double pressX;
        private double pressY;
        private double lastX;
        private double lastY;
        private int node = -1;
        private boolean dragging;

        void pressed(MouseEvent event) {
            pressX = event.getX();
            pressY = event.getY();
            lastX = pressX;
            lastY = pressY;
            node = nodeAt(pressX, pressY);
            dragging = false;
            event.consume();
        }

        void dragged(MouseEvent event) {
            if (!dragging && Math.hypot(event.getX() - pressX, event.getY() - pressY) < CLICK_SLOP) {
                return;
            }
            dragging = true;
            if (node >= 0) {
                scene.place(node, (float) viewport.toWorldX(event.getX()), (float) viewport.toWorldY(event.getY()));
            } else {
                viewport.pan(event.getX() - lastX, event.getY() - lastY);
            }
            lastX = event.getX();
            lastY = event.getY();
            redraw();
            event.consume();
        }

        void released(MouseEvent event) {
            if (!dragging) {
                selectedNode.set(node);
            } else if (node >= 0) {
                float x = (float) viewport.toWorldX(event.getX());
                float y = (float) viewport.toWorldY(event.getY());
                scene.place(node, x, y);
                redraw();
                onNodeMoved.moved(node, x, y);
            }
            node = -1;
            dragging = false;
            event.consume();
        }
    }
}
