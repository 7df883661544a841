package io.gridside.console.firmware;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.site.firmware.CampaignPolicy;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The campaign's policy, each rule editable, its defaults one click away. Shares are typed in percent with one
 * decimal's worth of per-mille behind them, so 98% and 2% read as the issue states them.
 */
final class PolicyForm extends VBox {

    private final CampaignViewModel model;
    private final Spinner<Integer> canary = spinner("canary", 1, 100);
    private final Spinner<Integer> firstWave = spinner("first-wave", 1, 100_000);
    private final Spinner<Integer> growth = spinner("growth", 1, 100);
    private final Spinner<Double> confirm = percent("confirm");
    private final Spinner<Double> pause = percent("pause");
    private final Spinner<Integer> soak = spinner("soak", 0, 96 * 7);
    private final Spinner<Integer> attempts = spinner("attempts", 1, 10);
    private final Spinner<Integer> concurrency = spinner("concurrency", 1, 1000);
    private final Button defaults = new Button(I18n.text("firmware.policy.defaults"));
    private boolean showing;

    PolicyForm(CampaignViewModel model) {
        this.model = model;
        layoutControls();
        bind();
    }

    private static Spinner<Integer> spinner(String id, int min, int max) {
        Spinner<Integer> spinner = new Spinner<>(min, max, min);
        spinner.setId("fw-policy-" + id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    private static Spinner<Double> percent(String id) {
        Spinner<Double> spinner = new Spinner<>(0.1, 100.0, 1.0, 0.5);
        spinner.setId("fw-policy-" + id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("firmware.policy.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] keys = {"canary", "firstWave", "growth", "confirm", "pause", "soak", "attempts", "concurrency"};
        Spinner<?>[] spinners = {canary, firstWave, growth, confirm, pause, soak, attempts, concurrency};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label(I18n.text("firmware.policy." + keys[i]));
            name.setWrapText(true);
            grid.addRow(i, name, spinners[i]);
        }
        defaults.setId("fw-policy-defaults");
        getChildren().setAll(title, grid, defaults);
        setSpacing(8);
        setMinWidth(280);
        setMaxWidth(320);
    }

    private void bind() {
        show(model.policyProperty().get());
        Listening.onChange(this, model.policyProperty(), (obs, old, now) -> show(now));
        for (Spinner<?> spinner : new Spinner<?>[] {canary, firstWave, growth, confirm, pause, soak, attempts,
            concurrency}) {
            spinner.valueProperty().addListener((obs, old, now) -> edited());
        }
        defaults.setOnAction(event -> model.resetPolicy());
    }

    private void edited() {
        if (showing) {
            return;
        }
        model.setPolicy(() -> new CampaignPolicy(canary.getValue(), firstWave.getValue(), growth.getValue(),
                perMille(confirm.getValue()), perMille(pause.getValue()), soak.getValue(), attempts.getValue(),
                concurrency.getValue()));
    }

    private static int perMille(Double percent) {
        return (int) Math.round(percent * 10);
    }

    private void show(CampaignPolicy policy) {
        showing = true;
        canary.getValueFactory().setValue(policy.canaryPerGroup());
        firstWave.getValueFactory().setValue(policy.firstWaveSize());
        growth.getValueFactory().setValue(policy.waveGrowth());
        confirm.getValueFactory().setValue(policy.confirmPerMille() / 10.0);
        pause.getValueFactory().setValue(policy.pausePerMille() / 10.0);
        soak.getValueFactory().setValue(policy.soakIntervals());
        attempts.getValueFactory().setValue(policy.attemptsPerMeter());
        concurrency.getValueFactory().setValue(policy.concurrency());
        showing = false;
    }
}
