package io.gridside.console.firmware;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.site.firmware.FirmwareManifest;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A firmware image chosen from a file, a typed path or the simulated site's samples: its manifest's details and each
 * check, passed or failed with what it found. A refused image says why in plain words and cannot be sent.
 */
final class ImagePane extends BorderPane {

    private static final String[] DETAILS = {"product", "hardware", "version", "counter", "size", "sha", "chunks",
        "signer", "built"};

    private final FirmwareViewModel model;
    private final ComboBox<Path> images = new ComboBox<>();
    private final TextField pathField = new TextField();
    private final Button chooseButton = new Button(I18n.text("firmware.image.choose"),
            new FontIcon(Material2AL.FOLDER_OPEN));
    private final Label message = new Label();
    private final GridPane details = new GridPane();
    private final Label[] values = new Label[DETAILS.length];
    private final TextArea notes = new TextArea();
    private final TableView<ImageReview.Check> checks = Tables.table("fw-checks", "firmware.image.none");

    ImagePane(FirmwareViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        images.setId("fw-image-choice");
        images.setItems(model.images());
        images.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : path.getFileName().toString();
            }

            @Override
            public Path fromString(String text) {
                return Path.of(text);
            }
        });
        pathField.setId("fw-image-path");
        pathField.setPromptText(I18n.text("firmware.image.prompt"));
        chooseButton.setId("fw-image-file");
        message.setId("fw-image-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notes.setId("fw-image-notes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(4);
        for (int i = 0; i < DETAILS.length; i++) {
            values[i] = new Label("\u2013");
            values[i].setId("fw-detail-" + DETAILS[i]);
            values[i].setWrapText(true);
        }
        checks.getColumns().setAll(java.util.List.of(
                Tables.column("firmware.check.name", 160, ImageReview.Check::name),
                Tables.column("firmware.check.result", 80, check -> I18n.text(check.passed()
                        ? "firmware.check.passed" : "firmware.check.failed")),
                Tables.wrapping(Tables.column("firmware.check.detail", 420, ImageReview.Check::detail))));
    }

    private void layoutControls() {
        HBox.setHgrow(pathField, Priority.ALWAYS);
        HBox chooser = new HBox(8, images, pathField, chooseButton);
        chooser.setAlignment(Pos.CENTER_LEFT);
        details.setHgap(12);
        details.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(120);
        ColumnConstraints shown = new ColumnConstraints();
        shown.setHgrow(Priority.ALWAYS);
        details.getColumnConstraints().setAll(names, shown);
        for (int i = 0; i < DETAILS.length; i++) {
            Label name = new Label(I18n.text("firmware.detail." + DETAILS[i]));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            details.addRow(i, name, values[i]);
        }
        Label notesName = new Label(I18n.text("firmware.detail.notes"));
        notesName.getStyleClass().add(Styles.TEXT_MUTED);
        VBox left = new VBox(8, details, notesName, notes);
        left.setPrefWidth(460);
        left.setMinWidth(360);
        VBox.setVgrow(notes, Priority.ALWAYS);
        HBox.setHgrow(checks, Priority.ALWAYS);
        HBox body = new HBox(16, left, checks);
        VBox top = new VBox(8, chooser, message);
        top.getStyleClass().add("firmware-bar");
        setTop(top);
        setCenter(body);
        getStyleClass().add("firmware-body");
    }

    private void bind() {
        images.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(model.imageProperty().get())) {
                model.choose(chosen);
            }
        });
        Listening.onChange(this, model.imageProperty(), (obs, old, chosen) -> {
            images.setValue(chosen);
            pathField.setText(chosen == null ? "" : chosen.toString());
        });
        pathField.setOnAction(event -> {
            if (!pathField.getText().isBlank()) {
                model.choose(Path.of(pathField.getText().strip()));
            }
        });
        chooseButton.setOnAction(event -> chooseFile());
        message.textProperty().bind(model.imageTextProperty());
        Listening.onChange(this, model.reviewProperty(), (obs, old, review) -> show(review));
        show(null);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("firmware.image.fileTitle"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.choose(file.toPath());
        }
    }

    private void show(ImageReview review) {
        checks.getItems().setAll(review == null ? java.util.List.of() : review.checks());
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (review != null) {
            message.getStyleClass().add(review.acceptable() ? Styles.SUCCESS : Styles.DANGER);
        }
        FirmwareManifest manifest = review == null ? null : review.manifest();
        if (manifest == null) {
            for (Label value : values) {
                value.setText("\u2013");
            }
            notes.setText("");
            return;
        }
        String[] shown = {manifest.product().name().toLowerCase(java.util.Locale.ROOT),
            String.join(", ", manifest.hardwareIds()), manifest.version(), Long.toString(manifest.securityCounter()),
            Sizes.bytes(manifest.imageSize()) + " (" + Formats.exactBytes(manifest.imageSize()) + ")",
            manifest.imageSha256().hex(),
            I18n.text("firmware.detail.chunkText", manifest.chunkCount(), Sizes.bytes(manifest.chunkSize())),
            review.signer() == null ? I18n.text("firmware.detail.unsigned") : review.signer(),
            Formats.siteTime(manifest.built(), model.source().zone())};
        for (int i = 0; i < values.length; i++) {
            values[i].setText(shown[i]);
        }
        notes.setText(manifest.releaseNotes());
    }
}
