package io.gridside.console.mesh;

/**
 * Where the mesh view looks: the world point at the screen's origin and how many pixels a world unit takes. Screen
 * y grows downwards, as world y does; a geographic layout flips north up itself.
 */
public final class Viewport {

    /** The smallest and largest number of pixels a world unit may take, so that zoom can never run away. */
    public static final double MIN_SCALE = 1e-4;
    public static final double MAX_SCALE = 1e3;

    private double originX;
    private double originY;
    private double scale = 1;

    /** A viewport showing the world's origin at the screen's top left, one pixel a world unit. */
    public Viewport() {
    }

    /** A copy of {@code other}. */
    public Viewport(Viewport other) {
        this.originX = other.originX;
        this.originY = other.originY;
        this.scale = other.scale;
    }

    /** How many pixels one world unit takes. */
    public double scale() {
        return scale;
    }

    /** The world x at the screen's left edge. */
    public double originX() {
        return originX;
    }

    /** The world y at the screen's top edge. */
    public double originY() {
        return originY;
    }

    /** Shows world point ({@code worldX}, {@code worldY}) at the screen's top left, at {@code scale} pixels a unit. */
    public void set(double worldX, double worldY, double scale) {
        this.originX = worldX;
        this.originY = worldY;
        this.scale = clamp(scale);
    }

    public double toScreenX(double worldX) {
        return (worldX - originX) * scale;
    }

    public double toScreenY(double worldY) {
        return (worldY - originY) * scale;
    }

    public double toWorldX(double screenX) {
        return originX + screenX / scale;
    }

    public double toWorldY(double screenY) {
        return originY + screenY / scale;
    }

    /** Moves what is shown by ({@code dx}, {@code dy}) pixels, as a drag does: the world follows the pointer. */
    public void pan(double dx, double dy) {
        originX -= dx / scale;
        originY -= dy / scale;
    }

    /** Zooms by {@code factor} keeping the world point under ({@code screenX}, {@code screenY}) where it is. */
    public void zoomAt(double screenX, double screenY, double factor) {
        double worldX = toWorldX(screenX);
        double worldY = toWorldY(screenY);
        scale = clamp(scale * factor);
        originX = worldX - screenX / scale;
        originY = worldY - screenY / scale;
    }

    /** Shows the world point ({@code worldX}, {@code worldY}) at the middle of a screen of this size. */
    public void centerOn(double worldX, double worldY, double width, double height) {
        originX = worldX - width / 2 / scale;
        originY = worldY - height / 2 / scale;
    }

    /**
     * Shows the whole of {@code bounds} ({min x, min y, max x, max y}) centred in a screen of this size, with a
     * margin of 5% each side; a point or empty rectangle is shown at one pixel a unit.
     */
    public void fit(float[] bounds, double width, double height) {
        double worldWidth = bounds[2] - bounds[0];
        double worldHeight = bounds[3] - bounds[1];
        double fitted = Math.min(width * 0.9 / worldWidth, height * 0.9 / worldHeight);
        if (!Double.isFinite(fitted) || fitted <= 0) {
            fitted = 1;
        }
        scale = clamp(fitted);
        centerOn((bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0, width, height);
    }

    private static double clamp(double scale) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    }

    @Override
    public String toString() {
        return "Viewport[origin " + originX + "," + originY + ", scale " + scale + "]";
    }
}
