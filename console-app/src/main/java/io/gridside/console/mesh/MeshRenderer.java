package io.gridside.console.mesh;

import java.util.Arrays;

/**
 * Draws a {@link MeshScene} into an ARGB pixel buffer: the background, the links in two halves, then the radios as
 * discs. It makes no JavaFX call, so a frame costs what filling the pixels costs, whatever the number of links, and
 * it may run off the JavaFX thread on a scene nobody changes meanwhile.
 *
 * <p>Links and radios off the screen are skipped before any pixel is touched, and a link shorter than a pixel is
 * not drawn at all: at a zoom where it would be, its two radios' discs cover it. A renderer keeps scratch arrays
 * between frames and is not for two threads at once. Lines are not anti-aliased: smoothing every pixel of 100,000
 * links would cost more than the whole frame does now.
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
    private float clipLow;
    private float clipHigh;

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
        float radius = (float) nodeRadius(viewport);
        drawLinks(scene, radius, false);
        drawLinks(scene, radius, true);
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

    /**
     * Draws the links of one pass. A link shorter than its two radios' discs are wide lies under them and is
     * skipped: at the far zoom where a whole site fits, that is most of them.
     */
    private void drawLinks(MeshScene scene, float radius, boolean highlightedPass) {
        // Shortcoming: a link listed in both radios' neighbour tables, as a scene built straight from the graph has
        // it, is drawn twice over itself (and an alpha colour shows darker); the renderer cannot tell that both
        // entries say the same, so one link per pair is for the scene's builder to choose.
        float hidden = 4 * radius * radius;
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
            float dx = x1 - x0;
            float dy = y1 - y0;
            if (offScreen(x0, y0, x1, y1, 3) || dx * dx + dy * dy < hidden) {
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
     * running far off screen costs only its visible pixels, then stepped in 16.16 fixed point along its longer
     * axis. A dashed segment's dashes are counted from its start, so they stay in place while the view pans and
     * clips the start away.
     */
    void segment(float x0, float y0, float x1, float y1, int argb, int lineWidth, boolean dashed) {
        if ((argb >>> 24) == 0) {
            return;
        }
        float dx = x1 - x0;
        float dy = y1 - y0;
        clipLow = 0;
        clipHigh = 1;
        if (!clip(-dx, x0) || !clip(dx, width - 1 - x0) || !clip(-dy, y0) || !clip(dy, height - 1 - y0)) {
            return;
        }
        float startX = x0 + clipLow * dx;
        float startY = y0 + clipLow * dy;
        float spanX = (clipHigh - clipLow) * dx;
        float spanY = (clipHigh - clipLow) * dy;
        int steps = (int) Math.max(Math.abs(spanX), Math.abs(spanY));
        int fx = (int) (startX * 65536f + 32768f);
        int fy = (int) (startY * 65536f + 32768f);
        int stepX = steps == 0 ? 0 : (int) (spanX * 65536f / steps);
        int stepY = steps == 0 ? 0 : (int) (spanY * 65536f / steps);
        if (lineWidth == 1 && !dashed) {
            thinLine(fx, fy, stepX, stepY, steps, argb);
        } else {
            float length = (float) Math.sqrt(dx * dx + dy * dy);
            float stepLength = steps == 0 ? 0 : (clipHigh - clipLow) * length / steps;
            wideLine(fx, fy, stepX, stepY, steps, argb, lineWidth, Math.abs(dx) >= Math.abs(dy),
                    dashed ? clipLow * length : Float.NaN, stepLength);
        }
    }

    /** A one-pixel line already clipped to the screen: no pixel needs a bounds check. */
    private void thinLine(int fx, int fy, int stepX, int stepY, int steps, int argb) {
        int alpha = argb >>> 24;
        int[] out = pixels;
        int w = width;
        for (int i = 0; i <= steps; i++, fx += stepX, fy += stepY) {
            int index = (fy >> 16) * w + (fx >> 16);
            if (alpha == 255) {
                out[index] = argb;
            } else {
                blendAt(index, argb, alpha);
            }
        }
    }

    /** A line several pixels wide across its longer axis, or dashed ({@code along} NaN when not). */
    private void wideLine(int fx, int fy, int stepX, int stepY, int steps, int argb, int lineWidth, boolean xMajor,
            float along, float stepLength) {
        int alpha = argb >>> 24;
        int first = -(lineWidth - 1) / 2;
        boolean dashed = !Float.isNaN(along);
        float at = dashed ? along : 0;
        for (int i = 0; i <= steps; i++, fx += stepX, fy += stepY, at += stepLength) {
            if (dashed && (((int) (at / DASH)) & 1) == 1) {
                continue;
            }
            int px = fx >> 16;
            int py = fy >> 16;
            for (int k = first; k < first + lineWidth; k++) {
                if (xMajor) {
                    blend(px, py + k, argb, alpha);
                } else {
                    blend(px + k, py, argb, alpha);
                }
            }
        }
    }

    /** One Liang-Barsky edge test: narrows the clip range to the part of the segment inside the edge. */
    private boolean clip(float p, float q) {
        if (p == 0) {
            return q >= 0;
        }
        float r = q / p;
        if (p < 0) {
            if (r > clipHigh) {
                return false;
            }
            clipLow = Math.max(clipLow, r);
        } else {
            if (r < clipLow) {
                return false;
            }
            clipHigh = Math.min(clipHigh, r);
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
