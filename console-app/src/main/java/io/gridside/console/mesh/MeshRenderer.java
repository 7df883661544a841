package io.gridside.console.mesh;

import java.util.Arrays;

/**
 * Draws a {@link MeshScene} into an ARGB pixel buffer: the background, the links in two halves, then the radios as
 * discs. It makes no JavaFX call, so a frame costs what filling the pixels costs, whatever the number of links, and
 * it may run off the JavaFX thread on a scene nobody changes meanwhile.
 *
 * <p>Links and radios off the screen are skipped before any pixel is touched, and a link shorter than a pixel is
 * not drawn at all: at a zoom where it would be, its two radios' discs cover it. A renderer keeps scratch arrays
 * between frames and is not for two threads at once.
 */
public final class MeshRenderer {

    /** A radio's radius in world units; on screen it is clamped to {@link #MIN_RADIUS}..{@link #MAX_RADIUS}. */
    public static final double NODE_WORLD_RADIUS = 4;
    public static final double MIN_RADIUS = 1.5;
    public static final double MAX_RADIUS = 9;
    /** The length in pixels of a stale link's dashes and of the gaps between them. */
    static final float DASH = 4;
    private static final double DIMMED_ALPHA = 0.2;

    private MeshPalette palette;
    private float[] sx = new float[0];
    private float[] sy = new float[0];
    private int[] pixels;
    private int width;
    private int height;

    /** A renderer in {@code palette}'s colours. */
    public MeshRenderer(MeshPalette palette) {
        this.palette = palette;
    }

    /** The colours of the frames from now on (after a theme switch). */
    public void setPalette(MeshPalette palette) {
        this.palette = palette;
    }

    public MeshPalette palette() {
        return palette;
    }

    /** A radio's radius in pixels at the viewport's zoom: it grows as the technician zooms in, within bounds. */
    public static double nodeRadius(Viewport viewport) {
        return Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, NODE_WORLD_RADIUS * viewport.scale()));
    }

    /** The gateway's radius in pixels at the viewport's zoom. */
    public static double rootRadius(Viewport viewport) {
        return nodeRadius(viewport) * 1.6 + 2;
    }

    /**
     * Draws {@code scene} as {@code viewport} shows it into {@code argb}, a {@code width} by {@code height} image
     * in rows from the top, overwriting every pixel.
     */
    public void render(MeshScene scene, Viewport viewport, int[] argb, int width, int height) {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " pixels, the buffer has " + argb.length);
        }
        this.pixels = argb;
        this.width = width;
        this.height = height;
        Arrays.fill(argb, 0, width * height, palette.background() | 0xff000000);
        project(scene, viewport);
        drawLinks(scene, false);
        drawLinks(scene, true);
        drawNodes(scene, viewport);
        this.pixels = null;
    }

    private void project(MeshScene scene, Viewport viewport) {
        int n = scene.nodeCount();
        if (sx.length < n) {
            sx = new float[n];
            sy = new float[n];
        }
        float[] x = scene.x();
        float[] y = scene.y();
        double scale = viewport.scale();
        double ox = viewport.originX();
        double oy = viewport.originY();
        for (int i = 0; i < n; i++) {
            sx[i] = (float) ((x[i] - ox) * scale);
            sy[i] = (float) ((y[i] - oy) * scale);
        }
    }

    private void drawLinks(MeshScene scene, boolean highlightedPass) {
        int[] from = scene.linkFrom();
        int[] to = scene.linkTo();
        int[] flags = scene.linkFlags();
        int[] forward = scene.forwardColors();
        int[] reverse = scene.reverseColors();
        for (int l = 0; l < from.length; l++) {
            int flag = flags[l];
            if (((flag & MeshScene.HIGHLIGHTED) != 0) != highlightedPass) {
                continue;
            }
            float x0 = sx[from[l]];
            float y0 = sy[from[l]];
            float x1 = sx[to[l]];
            float y1 = sy[to[l]];
            if (offScreen(x0, y0, x1, y1, 3) || Math.abs(x1 - x0) + Math.abs(y1 - y0) < 1) {
                continue;
            }
            float mx = (x0 + x1) / 2;
            float my = (y0 + y1) / 2;
            int lineWidth = lineWidth(flag);
            boolean dashed = (flag & MeshScene.STALE) != 0;
            segment(x0, y0, mx, my, linkColor(forward[l], flag), lineWidth, dashed);
            segment(mx, my, x1, y1, linkColor(reverse[l], flag), lineWidth, dashed);
        }
    }

    private static int lineWidth(int flag) {
        if ((flag & MeshScene.HIGHLIGHTED) != 0) {
            return 3;
        }
        return (flag & MeshScene.PREFERRED) != 0 ? 2 : 1;
    }

    private int linkColor(int argb, int flag) {
        int color = argb;
        if ((flag & MeshScene.STALE) != 0) {
            color = (argb & 0xff000000) | (palette.stale() & 0x00ffffff);
        }
        if ((flag & MeshScene.HIGHLIGHTED) != 0) {
            color = palette.accent() | 0xff000000;
        } else if ((flag & MeshScene.DIMMED) != 0) {
            color = MeshPalette.withAlpha(color, DIMMED_ALPHA);
        }
        return color;
    }

    /** Whether the segment lies wholly beyond one edge of the screen widened by {@code margin}: an outcode test. */
    private boolean offScreen(float x0, float y0, float x1, float y1, float margin) {
        return (x0 < -margin && x1 < -margin) || (y0 < -margin && y1 < -margin)
                || (x0 > width + margin && x1 > width + margin) || (y0 > height + margin && y1 > height + margin);
    }

    /**
     * Draws a segment {@code lineWidth} pixels wide, clipped to the screen first (Liang-Barsky) so that a link
     * running far off screen costs only its visible pixels. A dashed segment's dashes are counted from its start,
     * so they stay in place while the view pans and clips the start away.
     */
    void segment(float x0, float y0, float x1, float y1, int argb, int lineWidth, boolean dashed) {
        if ((argb >>> 24) == 0) {
            return;
        }
        float dx = x1 - x0;
        float dy = y1 - y0;
        float[] t = {0, 1};
        float min = -lineWidth;
        float maxX = width - 1 + lineWidth;
        float maxY = height - 1 + lineWidth;
        if (!clip(-dx, x0 - min, t) || !clip(dx, maxX - x0, t) || !clip(-dy, y0 - min, t)
                || !clip(dy, maxY - y0, t)) {
            return;
        }
        float length = (float) Math.hypot(dx, dy);
        float startX = x0 + t[0] * dx;
        float startY = y0 + t[0] * dy;
        float endX = x0 + t[1] * dx;
        float endY = y0 + t[1] * dy;
        int steps = (int) Math.ceil(Math.max(Math.abs(endX - startX), Math.abs(endY - startY)));
        boolean xMajor = Math.abs(dx) >= Math.abs(dy);
        float xStep = steps == 0 ? 0 : (endX - startX) / steps;
        float yStep = steps == 0 ? 0 : (endY - startY) / steps;
        float stepLength = steps == 0 ? 0 : (t[1] - t[0]) * length / steps;
        float along = t[0] * length;
        int first = -(lineWidth - 1) / 2;
        int alpha = argb >>> 24;
        for (int i = 0; i <= steps; i++, along += stepLength) {
            if (dashed && (((int) (along / DASH)) & 1) == 1) {
                continue;
            }
            int px = (int) (startX + i * xStep + 0.5f);
            int py = (int) (startY + i * yStep + 0.5f);
            for (int k = first; k < first + lineWidth; k++) {
                if (xMajor) {
                    blend(px, py + k, argb, alpha);
                } else {
                    blend(px + k, py, argb, alpha);
                }
            }
        }
    }

    /** One Liang-Barsky edge test: narrows {@code t} to the part of the segment inside the edge, false if none. */
    private static boolean clip(float p, float q, float[] t) {
        if (p == 0) {
            return q >= 0;
        }
        float r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    private void drawNodes(MeshScene scene, Viewport viewport) {
        float radius = (float) nodeRadius(viewport);
        float rootRadius = (float) rootRadius(viewport);
        int[] colors = scene.nodeColors();
        int[] flags = scene.nodeFlags();
        int n = scene.nodeCount();
        for (int i = 0; i < n; i++) {
            int flag = flags[i];
            float r = (flag & MeshScene.ROOT) != 0 ? rootRadius : radius;
            float cx = sx[i];
            float cy = sy[i];
            if (cx < -r - 4 || cy < -r - 4 || cx > width + r + 4 || cy > height + r + 4) {
                continue;
            }
            int color = (flag & MeshScene.DIMMED) != 0 ? MeshPalette.withAlpha(colors[i], DIMMED_ALPHA) : colors[i];
            if ((flag & MeshScene.STALE) != 0) {
                disc(cx, cy, r, palette.background() | 0xff000000);
                ring(cx, cy, r - 1, r, color);
            } else {
                disc(cx, cy, r, color);
            }
            if ((flag & MeshScene.HIGHLIGHTED) != 0) {
                ring(cx, cy, r + 1, r + 3, palette.accent() | 0xff000000);
            }
            if ((flag & MeshScene.SELECTED) != 0) {
                ring(cx, cy, r + 3, r + 5, palette.foreground() | 0xff000000);
            }
        }
    }

    /** Fills a disc, row by row: each row is one span. */
    private void disc(float cx, float cy, float r, int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0) {
            return;
        }
        int top = Math.max(0, (int) Math.floor(cy - r));
        int bottom = Math.min(height - 1, (int) Math.ceil(cy + r));
        for (int py = top; py <= bottom; py++) {
            float dy = py + 0.5f - cy;
            float half = r * r - dy * dy;
            if (half < 0) {
                continue;
            }
            float span = (float) Math.sqrt(half);
            int left = Math.max(0, Math.round(cx - span));
            int right = Math.min(width - 1, Math.round(cx + span) - 1);
            int row = py * width;
            for (int px = left; px <= right; px++) {
                blendAt(row + px, argb, alpha);
            }
        }
    }

    /** Fills the ring between radii {@code inner} and {@code outer}. */
    private void ring(float cx, float cy, float inner, float outer, int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0) {
            return;
        }
        float outer2 = outer * outer;
        float inner2 = inner * inner;
        int top = Math.max(0, (int) Math.floor(cy - outer));
        int bottom = Math.min(height - 1, (int) Math.ceil(cy + outer));
        int left = Math.max(0, (int) Math.floor(cx - outer));
        int right = Math.min(width - 1, (int) Math.ceil(cx + outer));
        for (int py = top; py <= bottom; py++) {
            float dy = py + 0.5f - cy;
            for (int px = left; px <= right; px++) {
                float dx = px + 0.5f - cx;
                float d2 = dx * dx + dy * dy;
                if (d2 <= outer2 && d2 >= inner2) {
                    blendAt(py * width + px, argb, alpha);
                }
            }
        }
    }

    private void blend(int px, int py, int argb, int alpha) {
        if (px >= 0 && py >= 0 && px < width && py < height) {
            blendAt(py * width + px, argb, alpha);
        }
    }

    /** Lays {@code argb} over the pixel with its alpha; the frame stays opaque. */
    private void blendAt(int index, int argb, int alpha) {
        if (alpha == 255) {
            pixels[index] = argb;
            return;
        }
        int dst = pixels[index];
        int inverse = 255 - alpha;
        int redBlue = ((argb & 0xff00ff) * alpha + (dst & 0xff00ff) * inverse) >>> 8 & 0xff00ff;
        int green = ((argb & 0x00ff00) * alpha + (dst & 0x00ff00) * inverse) >>> 8 & 0x00ff00;
        pixels[index] = 0xff000000 | redBlue | green;
    }
}
