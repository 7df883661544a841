package io.gridside.console;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Popup;

/** A status-bar button that opens a panel above itself while it is pressed, and closes it on a click elsewhere. */
public class PopupToggle extends ToggleButton {

    private final Popup popup = new Popup();
    private final double panelWidth;
    private final double panelHeight;

    protected PopupToggle(double panelWidth, double panelHeight) {
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        popup.setAutoHide(true);
        popup.setOnHidden(event -> setSelected(false));
        selectedProperty().addListener((obs, was, shown) -> showPanel(shown));
    }

    /** Sets what the panel shows. */
    protected final void setPanel(Node panel) {
        popup.getContent().setAll(panel);
    }

    private void showPanel(boolean shown) {
        if (!shown) {
            popup.hide();
            return;
        }
        Bounds bounds = localToScreen(getBoundsInLocal());
        double x = Math.max(0, Math.min(bounds.getMaxX(), bounds.getMinX() + panelWidth) - panelWidth);
        popup.show(this, x, bounds.getMinY() - panelHeight - 12);
    }
}
