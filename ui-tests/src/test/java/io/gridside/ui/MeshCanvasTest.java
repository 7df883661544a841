package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.console.mesh.MeshCanvas;
import io.gridside.console.mesh.MeshScene;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mesh view in a window of its own with three radios and two links: a click chooses a radio, dragging a radio
 * moves it and says where to, the wheel zooms about the pointer, and the PNG it writes has a radio's colour where
 * the radio is.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MeshCanvasTest {

    private static final int RADIO = 0xffaa2233;
    private static final int GATEWAY = 0xff2233aa;
    /** World places of the gateway and two meters; at 2 pixels a unit they sit at (100,100), (200,150), (300,100). */
    private static final float[][] PLACES = {{50, 50}, {100, 75}, {150, 50}};

    @TempDir
    Path dir;

    private MeshCanvas canvas;
    private final CopyOnWriteArrayList<float[]> moves = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        MeshScene scene = new MeshScene(3, 2);
        for (int i = 0; i < 3; i++) {
            scene.place(i, PLACES[i][0], PLACES[i][1]);
            scene.setNode(i, i == 0 ? GATEWAY : RADIO, i == 0 ? MeshScene.ROOT : 0, "radio-" + i);
        }
        scene.setLink(0, 1, 0, 0xff00aa00, 0xff00aa00, MeshScene.PREFERRED);
        scene.setLink(1, 2, 1, 0xff00aa00, 0xffaaaa00, MeshScene.PREFERRED);
        canvas = new MeshCanvas();
        canvas.setScene(scene);
        canvas.setOnNodeMoved((node, x, y) -> moves.add(new float[] {node, x, y}));
        stage.setScene(new Scene(new StackPane(canvas), 400, 300));
        stage.show();
    }

    @Test
    void clickChoosesDragMovesWheelZoomsAndThePngShowsTheRadios(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.viewport().set(0, 0, 2);
            canvas.redraw();
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        await("radio 1 found at its place", () -> canvas.nodeAt(200, 150) == 1, this::shown);

        robot.clickOn(onScreen(200, 150), MouseButton.PRIMARY);
        await("radio 1 chosen by a click", () -> canvas.selectedNodeProperty().get() == 1, this::shown);
        assertThat(canvas.getMeshScene().nodeFlags()[1] & MeshScene.SELECTED).isNotZero();

        robot.drag(onScreen(300, 100), MouseButton.PRIMARY).moveTo(onScreen(320, 140)).moveTo(onScreen(340, 180))
                .release(MouseButton.PRIMARY);
        await("the listener told of radio 2's drag", () -> !moves.isEmpty(), this::shown);
        float[] move = moves.get(moves.size() - 1);
        assertThat(move[0]).isEqualTo(2);
        assertThat(move[1]).isCloseTo(170f, within(1.5f));
        assertThat(move[2]).isCloseTo(90f, within(1.5f));
        assertThat(canvas.selectedNodeProperty().get()).as("a drag chooses nothing").isEqualTo(1);

        Point2D pointer = onScreen(100, 100);
        robot.moveTo(pointer);
        robot.scroll(3, VerticalDirection.UP);
        await("the wheel zoomed", () -> canvas.viewport().scale() != 2, this::shown);
        assertThat(canvas.viewport().toScreenX(50)).as("the gateway stays under the pointer").isCloseTo(100,
                within(0.5));
        assertThat(canvas.viewport().toScreenY(50)).isCloseTo(100, within(0.5));

        Path png = dir.resolve("mesh.png");
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.writePng(png);
            return null;
        }).get(60, TimeUnit.SECONDS);
        Screens.save(canvas.getScene(), "mesh-canvas");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getRGB(100, 100)).as("the gateway's colour at its place").isEqualTo(GATEWAY);
        int x = (int) Math.round(canvas.viewport().toScreenX(100));
        int y = (int) Math.round(canvas.viewport().toScreenY(75));
        assertThat(image.getRGB(x, y)).as("radio 1's colour at its place").isEqualTo(RADIO);
    }

    private Point2D onScreen(double x, double y) {
        return canvas.localToScreen(x, y);
    }

    private String shown() {
        return "the view showed " + canvas.getMeshScene() + " through " + canvas.viewport() + ", chosen "
                + canvas.selectedNodeProperty().get() + ", moves " + moves.size() + ", size " + canvas.getWidth()
                + "x" + canvas.getHeight();
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited 60 s for " + what + "; " + shown.get(), e);
        }
    }
}
