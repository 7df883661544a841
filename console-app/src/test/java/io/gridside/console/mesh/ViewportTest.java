package io.gridside.console.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void screenAndWorldAreInverses() {
        Viewport viewport = new Viewport();
        viewport.set(100, -50, 2.5);

        assertEquals(0, viewport.toScreenX(100), 1e-9);
        assertEquals(25, viewport.toScreenY(-40), 1e-9);
        assertEquals(123.4, viewport.toWorldX(viewport.toScreenX(123.4)), 1e-9);
        assertEquals(-7.5, viewport.toWorldY(viewport.toScreenY(-7.5)), 1e-9);
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        Viewport viewport = new Viewport();
        viewport.set(10, 20, 1);
        double worldX = viewport.toWorldX(300);
        double worldY = viewport.toWorldY(200);

        viewport.zoomAt(300, 200, 3);

        assertEquals(3, viewport.scale(), 1e-9);
        assertEquals(300, viewport.toScreenX(worldX), 1e-9);
        assertEquals(200, viewport.toScreenY(worldY), 1e-9);
    }

    @Test
    void zoomIsClamped() {
        Viewport viewport = new Viewport();
        for (int i = 0; i < 100; i++) {
            viewport.zoomAt(0, 0, 10);
        }
        assertEquals(Viewport.MAX_SCALE, viewport.scale(), 1e-9);
        for (int i = 0; i < 200; i++) {
            viewport.zoomAt(0, 0, 0.1);
        }
        assertEquals(Viewport.MIN_SCALE, viewport.scale(), 1e-12);
    }

    @Test
    void panMovesTheWorldWithThePointer() {
        Viewport viewport = new Viewport();
        viewport.set(0, 0, 2);
        double before = viewport.toScreenX(50);

        viewport.pan(30, -10);

        assertEquals(before + 30, viewport.toScreenX(50), 1e-9);
        assertEquals(-10, viewport.toScreenY(0), 1e-9);
    }

    @Test
    void fitShowsTheWholeRectangleCentred() {
        Viewport viewport = new Viewport();
        float[] bounds = {-500, 100, 1500, 600};

        viewport.fit(bounds, 800, 600);

        assertTrue(viewport.toScreenX(-500) >= 0 && viewport.toScreenX(1500) <= 800);
        assertTrue(viewport.toScreenY(100) >= 0 && viewport.toScreenY(600) <= 600);
        assertEquals(400, viewport.toScreenX(500), 1e-6);
        assertEquals(300, viewport.toScreenY(350), 1e-6);
    }

    @Test
    void fitOfOnePointShowsItInTheMiddle() {
        Viewport viewport = new Viewport();

        viewport.fit(new float[] {7, 7, 7, 7}, 200, 100);

        assertEquals(1, viewport.scale(), 1e-9);
        assertEquals(100, viewport.toScreenX(7), 1e-9);
        assertEquals(50, viewport.toScreenY(7), 1e-9);
    }
}
