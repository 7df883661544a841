package io.gridside.console.commission;

import atlantafx.base.theme.Styles;
import io.gridside.site.commission.CommissionStep;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The site's form: who runs it, what it bills in, its clock and holidays, and where it is. */
final class SitePane extends VBox {

    private final CommissionViewModel model;
    private final TextField siteId = field("site-id", "");
    private final TextField name = field("site-name", "");
    private final TextField operator = field("site-operator", "");
    private final TextField currency = field("site-currency", "");
    private final TextField zone = field("site-zone", "");
    private final TextField holidays = field("site-holidays", "");
    private final TextField latitude = field("site-latitude", "");
    private final TextField longitude = field("site-longitude", "");
    private final Button create = new Button(CommissionTexts.text("site.create"));
    private final Label created = new Label();

    SitePane(CommissionViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(22);
        return field;
    }

    private void createControls() {
        create.setId("site-create");
        CommissionTables.accentWhileCurrent(create, model, CommissionStep.SITE);
        created.setId("site-created");
        created.getStyleClass().add(Styles.SUCCESS);
        holidays.setPromptText("2026-12-25, 2026-12-26");
        latitude.setPromptText("-1.2921");
        longitude.setPromptText("36.8219");
    }

    private void layoutControls() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        String[] keys = {"id", "name", "operator", "currency", "zone", "holidays", "latitude", "longitude"};
        TextField[] fields = {siteId, name, operator, currency, zone, holidays, latitude, longitude};
        for (int i = 0; i < keys.length; i++) {
            fields[i].textProperty().bindBidirectional(model.siteField(i));
            form.addRow(i, new Label(CommissionTexts.text("site." + keys[i])), fields[i]);
        }
        form.add(create, 1, keys.length);
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation("site.explain"), form, created);
    }

    private void bind() {
        create.setOnAction(event -> model.createSite(siteId.getText(), name.getText(), operator.getText(),
                currency.getText(), zone.getText(), holidays.getText(), latitude.getText(), longitude.getText()));
        created.textProperty().bind(model.siteProperty());
    }
}
