package io.gridside.console.replay;

import io.gridside.console.mesh.MeshPalette;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The replay's timeline: the window's events as a histogram of their density (a storm stands out as a wall), the
 * outages as bands coloured by cause behind it, ticks on round times of the site's time zone (named once, at the
 * axis's left end), and the cursor at the instant shown.
 *
 * <p>The wheel zooms about the pointer, from a month down to a minute; dragging pans; a click, or dragging the
 * cursor itself, seeks. Drawn on one canvas with one rectangle per bin of a few pixels, so a frame costs a few
 * hundred fills however many events there are; changes within one pulse make one frame, drawn in the layout pass.
 */
public final class ReplayTimeline extends Region {

    /** Each histogram bin is this many pixels wide. */
    static final double BIN_PIXELS = 3;
    /** Room under the histogram for the ticks' labels. */
    static final double AXIS_HEIGHT = 18;
    /** A press this close to the cursor (pixels) takes the cursor rather than panning. */
    static final double CURSOR_GRAB = 6;
    /** A press that moves less than this many pixels is a click. */
    private static final double CLICK_SLOP = 3;
    /** How strongly an outage's band shows behind the histogram. */
    private static final double BAND_ALPHA = 0.28;
    private static final Font AXIS_FONT = Font.font(11);

    private final Canvas canvas = new Canvas();
    private MeshPalette palette = MeshPalette.fallback();
    private TimeScale scale;
    private ZoneId zone = ZoneId.systemDefault();
    private String zoneName = "";
    /** Measures the axis's first label, which names the day shown first as well as the zone. */
    private final Text measure = new Text();
    private long[] eventMillis = new long[0];
    private List<Outage> outages = List.of();
    private Instant historyStart;
    private Instant instant;
    private Consumer<Instant> onSeek = at -> { };
    private boolean dirty = true;
    private double pressX;
    private double lastX;
    private boolean draggingCursor;
    private boolean panning;

    public ReplayTimeline() {
        getStyleClass().add("replay-timeline");
        canvas.setManaged(false);
        getChildren().add(canvas);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    /** The colour of an outage's cause, the same in the timeline's bands and the outages' list. */
    public static int causeColour(MeshPalette palette, OutageCause cause) {
        return palette.category(cause.ordinal());
    }

    /** Shows a new window: its whole length (a month at most), its events and outages. */
    public void setWindow(Instant from, Instant to, ZoneId siteZone, long[] sortedMillis, List<Outage> found) {
        scale = new TimeScale(from, to);
        zone = siteZone;
        zoneName = ReplayTexts.zoneName(siteZone, from);
        eventMillis = sortedMillis;
        outages = List.copyOf(found);
        redraw();
    }

    /** Greys the stretch before {@code start}, where the history held has not begun; null when it began before. */
    public void setHistoryStart(Instant start) {
        historyStart = start;
        redraw();
    }

    /** Moves the cursor to {@code at}, and the view with it when {@code follow} and the cursor left it. */
    public void setInstant(Instant at, boolean follow) {
        instant = at;
        if (follow && scale != null && at != null) {
            scale.reveal(at);
        }
        redraw();
    }

    /** Who hears the instant a click or a drag of the cursor asks for. */
    public void setOnSeek(Consumer<Instant> seek) {
        onSeek = seek == null ? at -> { } : seek;
    }

    /** Takes the colours of the theme again. */
    public void usePalette(MeshPalette colours) {
        palette = colours;
        redraw();
    }

    /** The site's time zone as the axis names it at its left end ("EAT"); empty before a window. */
    public String zoneName() {
        return zoneName;
    }

    /** The axis's first label: the day the stretch shown begins on and the zone ("Sat 5 Dec EAT"). */
    public String firstLabel() {
        return scale == null ? "" : scale.startDay(zone) + " " + zoneName;
    }

    /** The scale shown, null before a window; for a test that points at an instant. */
    public TimeScale scale() {
        return scale;
    }

    /** Draws again in the next pulse. */
    public void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw(canvas.getGraphicsContext2D(), w, h);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 96;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 64;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    private void draw(GraphicsContext g, double w, double h) {
        g.setFill(MeshPalette.color(palette.background() | 0xff000000));
        g.fillRect(0, 0, w, h);
        if (scale == null) {
            return;
        }
        double plot = h - AXIS_HEIGHT;
        drawBeforeHistory(g, w, plot);
        drawBands(g, w, plot);
        drawHistogram(g, w, plot);
        drawTicks(g, w, h, plot);
        drawCursor(g, w, h);
    }

    private void drawBeforeHistory(GraphicsContext g, double w, double plot) {
        if (historyStart == null) {
            return;
        }
        double x1 = Math.min(w, scale.xOf(historyStart.toEpochMilli(), w));
        if (x1 > 0) {
            g.setFill(MeshPalette.color(MeshPalette.withAlpha(palette.stale(), BAND_ALPHA / 2)));
            g.fillRect(0, 0, x1, plot);
        }
    }

    private void drawBands(GraphicsContext g, double w, double plot) {
        for (Outage outage : outages) {
            double x0 = Math.max(0, scale.xOf(outage.start().toEpochMilli(), w));
            double x1 = Math.min(w, scale.xOf(outage.end().toEpochMilli(), w));
            if (x1 < 0 || x0 > w) {
                continue;
            }
            int colour = MeshPalette.withAlpha(causeColour(palette, outage.cause()), BAND_ALPHA);
            g.setFill(MeshPalette.color(colour));
            g.fillRect(x0, 0, Math.max(2, x1 - x0), plot);
        }
    }

    /** Bars on a square-root scale: the busiest bin fills the height, and a bin of one event still shows. */
    private void drawHistogram(GraphicsContext g, double w, double plot) {
        int bins = (int) Math.max(1, Math.floor(w / BIN_PIXELS));
        int[] counts = EventDensity.count(eventMillis, scale.start(), scale.end(), bins);
        int most = 0;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        if (most == 0) {
            return;
        }
        double top = plot - 4;
        double binWidth = w / bins;
        g.setFill(MeshPalette.color(palette.accent() | 0xff000000));
        for (int bin = 0; bin < bins; bin++) {
            if (counts[bin] > 0) {
                double height = Math.max(2, Math.sqrt((double) counts[bin] / most) * top);
                g.fillRect(bin * binWidth, plot - height, Math.max(1, binWidth - 1), height);
            }
        }
    }

    private void drawTicks(GraphicsContext g, double w, double h, double plot) {
        g.setStroke(MeshPalette.color(palette.stale() | 0xff000000));
        g.setLineWidth(1);
        g.strokeLine(0, plot + 0.5, w, plot + 0.5);
        g.setFill(MeshPalette.color(palette.muted() | 0xff000000));
        g.setFont(AXIS_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double labelY = plot + AXIS_HEIGHT / 2 + 1;
        // The first day and the zone's name at the left end, where the first tick's label (often that day's) would
        // be; a tick's label that would run into it is left out.
        String first = firstLabel();
        g.fillText(first, 3, labelY);
        measure.setFont(AXIS_FONT);
        measure.setText(first);
        double clear = measure.getLayoutBounds().getWidth() + 9;
        for (TimeScale.Tick tick : scale.ticks(w, zone)) {
            double x = Math.floor(tick.x()) + 0.5;
            g.strokeLine(x, tick.dayStart() ? 0 : plot - 4, x, plot + 4);
            if (x + 3 >= clear) {
                g.fillText(tick.label(), x + 3, labelY);
            }
        }
    }

    private void drawCursor(GraphicsContext g, double w, double h) {
        if (instant == null) {
            return;
        }
        double x = Math.floor(scale.xOf(instant.toEpochMilli(), w)) + 0.5;
        if (x < 0 || x > w) {
            return;
        }
        g.setStroke(MeshPalette.color(palette.unusable() | 0xff000000));
        g.setLineWidth(2);
        g.strokeLine(x, 0, x, h - AXIS_HEIGHT);
        g.setFill(MeshPalette.color(palette.unusable() | 0xff000000));
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {0, 0, 8}, 3);
    }

    private void scrolled(ScrollEvent event) {
        if (scale != null && event.getDeltaY() != 0) {
            scale.zoomAt(event.getX(), getWidth(), Math.pow(1.004, event.getDeltaY()));
            redraw();
        }
        event.consume();
    }

    private void pressed(MouseEvent event) {
        pressX = event.getX();
        lastX = pressX;
        panning = false;
        draggingCursor = scale != null && instant != null
                && Math.abs(scale.xOf(instant.toEpochMilli(), getWidth()) - pressX) <= CURSOR_GRAB;
        event.consume();
    }

    private void dragged(MouseEvent event) {
        if (scale == null) {
            return;
        }
        if (draggingCursor) {
            onSeek.accept(scale.instantAt(Math.max(0, Math.min(getWidth(), event.getX())), getWidth()));
        } else if (panning || Math.abs(event.getX() - pressX) >= CLICK_SLOP) {
            panning = true;
            scale.pan(event.getX() - lastX, getWidth());
            redraw();
        }
        lastX = event.getX();
        event.consume();
    }

    private void released(MouseEvent event) {
        if (scale != null && !panning) {
            onSeek.accept(scale.instantAt(Math.max(0, Math.min(getWidth(), event.getX())), getWidth()));
        }
        panning = false;
        draggingCursor = false;
        event.consume();
    }
}
