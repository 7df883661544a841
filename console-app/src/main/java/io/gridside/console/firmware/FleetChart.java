package io.gridside.console.firmware;

import io.gridside.console.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * The installed-versions chart: a bar per version, stacked by hardware revision, with each segment's count on it
 * and the bar's total above it. A segment too thin to see is drawn {@link #MIN_SEGMENT} pixels tall, so that the
 * one meter of a revision still shows beside fifty.
 *
 * <p>KNOWN SHORTCOMING: a segment drawn taller than its count lifts those above it by the difference, so a bar
 * with thin segments stands a few pixels above its count on the axis; the labels carry the exact figures.
 */
final class FleetChart extends StackedBarChart<String, Number> {

    /** The least height in pixels of a segment that holds a meter. */
    static final double MIN_SEGMENT = 8;

    private final CategoryAxis versionAxis;
    private final NumberAxis meterAxis;
    private final Map<String, Label> totals = new LinkedHashMap<>();

    FleetChart() {
        this(new CategoryAxis(), new NumberAxis());
    }

    private FleetChart(CategoryAxis versionAxis, NumberAxis meterAxis) {
        super(versionAxis, meterAxis);
        this.versionAxis = versionAxis;
        this.meterAxis = meterAxis;
        setAnimated(false);
        versionAxis.setLabel(I18n.text("firmware.fleet.axisVersion"));
        meterAxis.setLabel(I18n.text("firmware.fleet.axisMeters"));
        meterAxis.setAutoRanging(false);
        meterAxis.setLowerBound(0);
        meterAxis.setMinorTickVisible(false);
        meterAxis.setTickLabelFormatter(new WholeMeters());
        show(FleetVersions.of(List.of()));
    }

    /** Draws {@code versions}: one series per hardware revision, so each revision has its colour in every bar. */
    void show(FleetVersions versions) {
        getData().clear();
        getPlotChildren().removeAll(totals.values());
        totals.clear();
        versionAxis.getCategories().setAll(versions.versions());
        for (String hardware : versions.hardwareIds()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(hardware);
            for (String version : versions.versions()) {
                series.getData().add(segment(version, hardware, versions.count(version, hardware)));
            }
            getData().add(series);
        }
        int highest = 0;
        for (String version : versions.versions()) {
            int total = versions.hardwareIds().stream().mapToInt(hardware -> versions.count(version, hardware)).sum();
            highest = Math.max(highest, total);
            Label label = new Label(Integer.toString(total));
            label.getStyleClass().add("fleet-total");
            label.setAlignment(Pos.CENTER);
            totals.put(version, label);
        }
        getPlotChildren().addAll(totals.values());
        double tick = tickUnit(highest);
        meterAxis.setTickUnit(tick);
        meterAxis.setUpperBound(upperBound(highest, tick));
    }

    private static XYChart.Data<String, Number> segment(String version, String hardware, int count) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(version, count);
        StackPane bar = new StackPane();
        if (count > 0) {
            Label label = new Label(Integer.toString(count));
            label.getStyleClass().add("fleet-segment-count");
            bar.getChildren().add(label);
        }
        Tooltip.install(bar, new Tooltip(I18n.text("firmware.fleet.segment", hardware, version, count)));
        data.setNode(bar);
        return data;
    }

    /** The tick between gridlines: 1, 2 or 5 times a power of ten, for ten lines or fewer. */
    static double tickUnit(int highest) {
        double room = headroom(highest);
        double unit = 1;
        while (room / unit > 10) {
            unit = unit * (Long.toString((long) unit).startsWith("2") ? 2.5 : 2);
        }
        return unit;
    }

    /** The top of the axis: the highest bar plus room for its total above it, on a whole tick. */
    static double upperBound(int highest, double tick) {
        return Math.max(tick, Math.ceil(headroom(highest) / tick) * tick);
    }

    private static double headroom(int highest) {
        return highest + Math.max(1, highest / 8.0);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double base = meterAxis.getDisplayPosition(0);
        for (String version : versionAxis.getCategories()) {
            double top = restack(segmentsOf(version), base);
            Label total = totals.get(version);
            List<Region> bars = segmentsOf(version);
            if (total != null && !bars.isEmpty()) {
                Region first = bars.get(0);
                double height = total.prefHeight(-1);
                double width = Math.min(first.getWidth(), total.prefWidth(height));
                total.resizeRelocate(first.getLayoutX() + (first.getWidth() - width) / 2,
                        Math.max(0, top - height - 2), width, height);
            }
        }
    }

    /** Stacks the segments from {@code base} up, each at least {@link #MIN_SEGMENT} tall; returns the top. */
    private static double restack(List<Region> segments, double base) {
        double bottom = base;
        for (Region bar : segments) {
            double height = Math.max(MIN_SEGMENT, bar.getHeight());
            bar.resizeRelocate(bar.getLayoutX(), bottom - height, bar.getWidth(), height);
            Node count = bar.getChildrenUnmodifiable().isEmpty() ? null : bar.getChildrenUnmodifiable().get(0);
            if (count instanceof Label label) {
                label.setVisible(height >= label.prefHeight(-1));
            }
            bottom -= height;
        }
        return bottom;
    }

    /** The segments of {@code version}'s bar that hold a meter, bottom first. */
    private List<Region> segmentsOf(String version) {
        List<Region> segments = new ArrayList<>();
        for (XYChart.Series<String, Number> series : getData()) {
            for (XYChart.Data<String, Number> data : series.getData()) {
                if (data.getXValue().equals(version) && data.getYValue().intValue() > 0
                        && data.getNode() instanceof Region bar) {
                    segments.add(bar);
                }
            }
        }
        return segments;
    }

    /** Meters come whole: a tick between two counts is left without a label. */
    private static final class WholeMeters extends StringConverter<Number> {

        @Override
        public String toString(Number value) {
            return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
        }

        @Override
        public Number fromString(String text) {
            return Long.parseLong(text);
        }
    }
}
