package io.gridside.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a test's window shows as a PNG under target/screens, so a person can look at the screen it tested. */
final class Screens {

    private Screens() {
    }

    static Path save(Scene scene, String name) throws IOException, TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Path file = Path.of("target", "screens", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(pixels, "png", file.toFile());
        return file;
    }
}
