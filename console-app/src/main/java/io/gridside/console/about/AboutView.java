package io.gridside.console.about;

import atlantafx.base.theme.Styles;
import io.gridside.console.DenseTables;
import io.gridside.console.I18n;
import io.gridside.console.cli.Versions;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The about screen: the console's version as {@code gridside --version} prints it, the Java and JavaFX it runs on,
 * the folder that holds the technician's site data, and every library it ships with and under which licence.
 */
public final class AboutView extends VBox {

    private final Path dataFolder;
    private final GridPane facts = new GridPane();
    private final TableView<Licence> licences = DenseTables.table("about-licences", null);

    public AboutView(Path dataFolder) {
        this.dataFolder = dataFolder;
        createControls();
        layoutControls();
    }

    private void createControls() {
        setId("about");
        addFact("about-version", I18n.text("about.version"), Versions.current());
        addFact("about-java", I18n.text("about.java"), System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor", "") + ")");
        addFact("about-javafx", I18n.text("about.javafx"), System.getProperty("javafx.runtime.version", "?"));
        addFact("about-data", I18n.text("about.data"), dataFolder.toAbsolutePath().toString());
        licences.getColumns().setAll(List.of(DenseTables.column("about.library", 200, Licence::artifact),
                DenseTables.column("about.version", 90, Licence::version),
                DenseTables.column("about.licence", 280, Licence::licence)));
        licences.setItems(FXCollections.observableList(Licences.all()));
    }

    private void addFact(String id, String name, String value) {
        Label shown = new Label(value);
        shown.setId(id);
        shown.setWrapText(true);
        Label named = new Label(name);
        named.getStyleClass().add(Styles.TEXT_BOLD);
        facts.addRow(facts.getRowCount(), named, shown);
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("app.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        facts.setHgap(12);
        facts.setVgap(4);
        Label heading = new Label(I18n.text("about.licences"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(licences, Priority.ALWAYS);
        getChildren().setAll(title, facts, heading, licences);
        setSpacing(10);
        setPadding(new Insets(16));
    }
}
