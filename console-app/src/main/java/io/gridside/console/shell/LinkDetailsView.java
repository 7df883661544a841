package io.gridside.console.shell;

import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.PopupToggle;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The link details panel: what happened to the link during this run, newest first. */
public final class LinkDetailsView extends PopupToggle {

    private static final double WIDTH = 560;
    private static final double HEIGHT = 330;
    /** Room for the list's scroll bar and padding beside a wrapped line. */
    private static final double CELL_INSET = 24;

    public LinkDetailsView(LinkJournal journal) {
        super(WIDTH);
        setId("link-details");
        setText(I18n.text("link.details"));
        setGraphic(new FontIcon(Material2MZ.TIMELINE));
        getStyleClass().add(Styles.FLAT);
        ListView<String> entries = new ListView<>(journal.entries());
        entries.setId("link-journal");
        entries.setPlaceholder(new Label(I18n.text("list.empty")));
        entries.setPrefSize(WIDTH - 20, HEIGHT - 30);
        entries.setCellFactory(list -> new WrappingCell(list));
        VBox panel = new VBox(new Label(I18n.text("link.details.title")), entries);
        panel.getStyleClass().add("connect-card");
        panel.setStyle("-fx-background-color: -color-bg-default;");
        setPanel(panel);
    }

    /** A journal line wrapped to the list's width, so a long line reads whole without scrolling sideways. */
    private static final class WrappingCell extends ListCell<String> {

        WrappingCell(ListView<String> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(CELL_INSET));
            setMaxWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }
}
