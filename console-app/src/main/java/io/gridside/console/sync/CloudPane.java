package io.gridside.console.sync;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The site's cloud: its address and pin, which can be set here, whether it answers, the last success and error. */
final class CloudPane extends VBox {

    private final SyncViewModel model;
    private final Label title = new Label(I18n.text("sync.cloud.title"));
    private final TextField url = field("sync-url", "sync.cloud.urlPrompt");
    private final TextField pin = field("sync-pin", "sync.cloud.pinPrompt");
    private final Button save = new Button(I18n.text("sync.cloud.save"), new FontIcon(Material2MZ.SAVE));
    private final Label online = new Label();
    private final Label lastSuccess = new Label();
    private final Label lastError = new Label();

    CloudPane(SyncViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    /** A field of the cloud's address or pin, as the operator gives it. */
    private static TextField field(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(I18n.text(promptKey));
        field.getStyleClass().add(Styles.SMALL);
        return field;
    }

    private void createControls() {
        title.getStyleClass().add(Styles.TITLE_4);
        online.setId("sync-online");
        lastSuccess.setId("sync-last-success");
        lastError.setId("sync-last-error");
        lastError.setWrapText(true);
        lastError.setMinHeight(Region.USE_PREF_SIZE);
        save.setId("sync-save");
        save.getStyleClass().add(Styles.SMALL);
        pin.getStyleClass().add("sync-pin");
    }

    private void layoutControls() {
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(names, values);
        List<String> keys = List.of("sync.cloud.url", "sync.cloud.pin", "sync.cloud.state", "sync.cloud.lastSuccess",
                "sync.cloud.lastError");
        HBox.setHgrow(pin, Priority.ALWAYS);
        HBox pinRow = new HBox(8, pin, save);
        pinRow.setAlignment(Pos.CENTER_LEFT);
        List<Region> shown = List.of(url, pinRow, online, lastSuccess, lastError);
        for (int row = 0; row < keys.size(); row++) {
            Label name = new Label(I18n.text(keys.get(row)));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            facts.addRow(row, name, shown.get(row));
        }
        getChildren().setAll(title, facts);
        setSpacing(8);
        getStyleClass().add("sync-card");
    }

    private void bind() {
        Listening.onChange(this, model.overviewProperty(), (obs, old, now) -> showConfig(old, now));
        save.disableProperty().bind(Bindings.createBooleanBinding(this::unchanged, url.textProperty(),
                pin.textProperty(), model.overviewProperty()));
        save.setOnAction(event -> model.configure(url.getText(), pin.getText()));
        online.textProperty().bind(Bindings.createStringBinding(this::stateText, model.overviewProperty()));
        online.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                model.onlineProperty().get() ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_OFF),
                model.onlineProperty()));
        lastSuccess.textProperty().bind(Bindings.createStringBinding(this::lastSuccessText, model.overviewProperty(),
                model.lastSuccessTextProperty()));
        lastError.textProperty().bind(Bindings.createStringBinding(() -> orNone(model.overviewProperty().get()
                .lastError()), model.overviewProperty()));
        Listening.onChange(this, model.overviewProperty(), (obs, old, now) -> styleError(now.lastError().isEmpty()));
    }

    private void styleError(boolean none) {
        lastError.getStyleClass().remove(Styles.DANGER);
        if (!none) {
            lastError.getStyleClass().add(Styles.DANGER);
        }
    }

    private String stateText() {
        SyncOverview overview = model.overviewProperty().get();
        if (!overview.configured()) {
            return I18n.text("sync.state.notSetUp");
        }
        return I18n.text(overview.online() ? "sync.state.online" : "sync.state.offline");
    }

    private String lastSuccessText() {
        SyncOverview overview = model.overviewProperty().get();
        if (overview.lastSuccess() == null) {
            return I18n.text("sync.never");
        }
        return I18n.text("sync.cloud.lastSuccessAt", Formats.siteTime(overview.lastSuccess(), model.zone()),
                model.lastSuccessTextProperty().get());
    }

    /** Shows the cloud kept for the site, unless the technician is typing another one. */
    private void showConfig(SyncOverview old, SyncOverview now) {
        if (old == null || !Objects.equals(old.cloudUrl(), now.cloudUrl())) {
            url.setText(now.cloudUrl() == null ? "" : now.cloudUrl());
        }
        if (old == null || !Objects.equals(old.pin(), now.pin())) {
            pin.setText(now.pin() == null ? "" : now.pin());
        }
    }

    /** Whether the fields hold the cloud kept, or nothing to save. */
    private boolean unchanged() {
        SyncOverview overview = model.overviewProperty().get();
        String keptUrl = overview.cloudUrl() == null ? "" : overview.cloudUrl();
        String keptPin = overview.pin() == null ? "" : overview.pin();
        return url.getText().isBlank() || pin.getText().isBlank()
                || url.getText().strip().equals(keptUrl) && pin.getText().strip().equals(keptPin);
    }

    private static String orNone(String value) {
        return value.isEmpty() ? I18n.text("sync.cloud.noError") : value;
    }
}
