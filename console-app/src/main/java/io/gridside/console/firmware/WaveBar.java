package io.gridside.console.firmware;

import io.gridside.console.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One wave's progress: a line of text and a bar split into confirmed, in progress, failed and left. */
final class WaveBar extends VBox {

    private static final String[] PARTS = {"wave-confirmed", "wave-in-progress", "wave-failed", "wave-left"};

    WaveBar(WaveProgress wave) {
        Label text = new Label(I18n.text("firmware.campaign.waveLabel", wave.wave() == 0
                ? I18n.text("firmware.plan.canary") : wave.wave(), wave.status().name().toLowerCase(
                        java.util.Locale.ROOT), wave.confirmed(), wave.inProgress(), wave.failed(), wave.left(),
                wave.size()));
        text.setId("fw-wave-" + wave.wave() + "-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        GridPane bar = new GridPane();
        bar.getStyleClass().add("wave-bar");
        bar.setId("fw-wave-" + wave.wave());
        int[] counts = {wave.confirmed(), wave.inProgress(), wave.failed(), wave.left()};
        int total = Math.max(1, wave.size());
        int column = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            ColumnConstraints share = new ColumnConstraints();
            share.setPercentWidth(100.0 * counts[i] / total);
            bar.getColumnConstraints().add(share);
            Region part = new Region();
            part.getStyleClass().add(PARTS[i]);
            part.setMinHeight(12);
            part.setMaxWidth(Double.MAX_VALUE);
            bar.add(part, column++, 0);
        }
        getChildren().setAll(text, bar);
        setSpacing(2);
    }
}
