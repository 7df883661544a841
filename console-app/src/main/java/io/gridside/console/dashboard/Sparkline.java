package io.gridside.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * A small line of recent values, scaled to its own height between their least and greatest, without axes. A
 * missing value (NaN) is left out. Its colour comes from the theme, through the {@code sparkline-line} class.
 */
final class Sparkline extends Region {

    private static final double WIDTH = 120;
    private static final double HEIGHT = 26;

    private final Polyline line = new Polyline();
    private List<Double> values = List.of();

    Sparkline(String id) {
        setId(id);
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        line.setFill(null);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        getChildren().add(line);
    }

    void setValues(List<Double> values) {
        this.values = List.copyOf(values);
        requestLayout();
    }

    /** The values drawn, oldest first. */
    List<Double> values() {
        return values;
    }

    @Override
    protected void layoutChildren() {
        double least = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(0);
        double most = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0);
        double step = values.size() > 1 ? getWidth() / (values.size() - 1) : 0;
        List<Double> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            if (!Double.isNaN(value)) {
                double share = most > least ? (value - least) / (most - least) : 0.5;
                points.add(i * step);
                points.add(1 + (getHeight() - 2) * (1 - share));
            }
        }
        line.getPoints().setAll(points);
    }
}
