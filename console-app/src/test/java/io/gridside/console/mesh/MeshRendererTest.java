package io.gridside.console.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeshRendererTest {

    private static final int W = 100;
    private static final int H = 100;
    private static final int FORWARD = 0xff112233;
    private static final int REVERSE = 0xff445566;
    private final MeshPalette palette = MeshPalette.fallback();
    private final int background = palette.background() | 0xff000000;
    private final MeshRenderer renderer = new MeshRenderer(palette);
    private final int[] pixels = new int[W * H];

    @Test
    void eachHalfOfALinkHasItsDirectionsColour() {
        MeshScene scene = twoRadios(10, 50, 90, 50, 0);

        render(scene);

        assertEquals(FORWARD, pixel(25, 50), "the half next to the first radio");
        assertEquals(REVERSE, pixel(75, 50), "the half next to the second radio");
        assertEquals(background, pixel(50, 45), "beside the link");
    }

    @Test
    void aLinkIsBlendedByItsAlpha() {
        MeshScene scene = new MeshScene(2, 1);
        scene.place(0, 10, 50);
        scene.place(1, 90, 50);
        scene.setLink(0, 0, 1, 0x80000000, 0x80000000, 0);

        render(scene);

        int grey = pixel(25, 50) & 0xff;
        assertTrue(grey > 0x70 && grey < 0x90, "half way between white and black, was " + Integer.toHexString(grey));
    }

    @Test
    void aStaleLinkIsDashedInTheStaleColour() {
        MeshScene scene = twoRadios(0, 50, 99, 50, MeshScene.STALE);

        render(scene);

        int stale = 0;
        int gaps = 0;
        int changes = 0;
        for (int x = 2; x < 98; x++) {
            int p = pixel(x, 50);
            assertTrue(p == background || p == (palette.stale() | 0xff000000), "only dashes and gaps at " + x);
            stale += p == background ? 0 : 1;
            gaps += p == background ? 1 : 0;
            changes += p != pixel(x - 1, 50) ? 1 : 0;
        }
        assertTrue(stale > 30 && gaps > 30, "dashes " + stale + ", gaps " + gaps);
        assertTrue(changes > 15, "the dashes alternate, " + changes + " changes");
    }

    @Test
    void aPreferredLinkIsWiderAndAHighlightedOneInTheAccent() {
        MeshScene plain = twoRadios(10, 50, 90, 50, 0);
        render(plain);
        int plainWidth = columnHeight(30);

        render(twoRadios(10, 50, 90, 50, MeshScene.PREFERRED));
        int preferredWidth = columnHeight(30);

        render(twoRadios(10, 50, 90, 50, MeshScene.HIGHLIGHTED));
        int highlightedWidth = columnHeight(30);

        assertEquals(1, plainWidth);
        assertEquals(2, preferredWidth);
        assertEquals(3, highlightedWidth);
        assertEquals(palette.accent() | 0xff000000, pixel(30, 50));
    }

    @Test
    void aLinkWhollyOffScreenTouchesNoPixel() {
        MeshScene scene = twoRadios(-500, -20, 500, -30, 0);

        render(scene);

        assertTrue(Arrays.stream(pixels).allMatch(p -> p == background));
    }

    @Test
    void aLinkReachingFarOffScreenIsClippedToItsVisiblePart() {
        MeshScene scene = twoRadios(-999_950, 40, 1_000_050, 40, 0);

        render(scene);

        assertEquals(FORWARD, pixel(0, 40));
        assertEquals(FORWARD, pixel(49, 40));
        assertEquals(REVERSE, pixel(51, 40));
        assertEquals(REVERSE, pixel(99, 40));
    }

    @Test
    void aSteepDiagonalLinkIsContinuous() {
        MeshScene scene = twoRadios(20, 0, 60, 99, 0);

        render(scene);

        for (int y = 1; y < 99; y++) {
            int row = y;
            long drawn = java.util.stream.IntStream.range(0, W).filter(x -> pixel(x, row) != background).count();
            assertTrue(drawn >= 1, "row " + y + " has a pixel of the link");
        }
    }

    @Test
    void radiosAreDiscsAndAStaleOneIsHollow() {
        MeshScene scene = new MeshScene(2, 0);
        Viewport viewport = new Viewport();
        viewport.set(0, 0, 2);
        scene.place(0, 10, 25);
        scene.place(1, 35, 25);
        scene.setNode(0, 0xffaa0000, 0, null);
        scene.setNode(1, 0xff00aa00, MeshScene.STALE, null);
        double radius = MeshRenderer.nodeRadius(viewport);

        renderer.render(scene, viewport, pixels, W, H);

        assertEquals(8, radius, 1e-9);
        assertEquals(0xffaa0000, pixel(20, 50), "a radio's centre");
        assertEquals(0xffaa0000, pixel(26, 50), "inside its disc");
        assertEquals(background, pixel(30, 50), "outside its disc");
        assertEquals(background, pixel(70, 50), "a stale radio's centre");
        assertEquals(0xff00aa00, pixel(77, 50), "a stale radio's rim");
    }

    @Test
    void aChosenRadioIsRingedAndTheGatewayIsBigger() {
        MeshScene scene = new MeshScene(2, 0);
        Viewport viewport = new Viewport();
        scene.place(0, 25, 50);
        scene.place(1, 75, 50);
        scene.setNode(0, 0xffaa0000, MeshScene.SELECTED, null);
        scene.setNode(1, 0xffaa0000, MeshScene.ROOT, null);

        renderer.render(scene, viewport, pixels, W, H);

        int ring = (int) Math.round(MeshRenderer.nodeRadius(viewport) + 4);
        assertEquals(palette.foreground() | 0xff000000, pixel(25 + ring, 50), "the chosen radio's ring");
        assertEquals(0xffaa0000, pixel(75 + 5, 50), "the gateway's disc is wider than a meter's");
        assertNotEquals(0xffaa0000, pixel(25 + 5, 50));
    }

    @Test
    void aRadioOffScreenIsNotDrawnAndOneAtTheEdgeIsClipped() {
        MeshScene scene = new MeshScene(2, 0);
        scene.place(0, -50, -50);
        scene.place(1, 99, 99);
        scene.setNode(0, 0xffaa0000, MeshScene.ROOT, null);
        scene.setNode(1, 0xffaa0000, 0, null);

        render(scene);

        assertEquals(0xffaa0000, pixel(99, 99));
        assertEquals(background, pixel(0, 0));
    }

    @Test
    void aBufferTooSmallForTheFrameIsRefused() {
        MeshScene scene = new MeshScene(0, 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> renderer.render(scene, new Viewport(), new int[10], W, H));
    }

    private MeshScene twoRadios(float x0, float y0, float x1, float y1, int flags) {
        MeshScene scene = new MeshScene(2, 1);
        scene.place(0, x0, y0);
        scene.place(1, x1, y1);
        scene.setLink(0, 0, 1, FORWARD, REVERSE, flags);
        return scene;
    }

    private void render(MeshScene scene) {
        renderer.render(scene, new Viewport(), pixels, W, H);
    }

    private int pixel(int x, int y) {
        return pixels[y * W + x];
    }

    private int columnHeight(int x) {
        int count = 0;
        for (int y = 0; y < H; y++) {
            count += pixel(x, y) != background ? 1 : 0;
        }
        return count;
    }
}
