package io.gridside.console;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;

/** A status-bar button that opens a panel above itself while it is pressed, and closes it on a click elsewhere. */
public class PopupToggle extends ToggleButton {

    private static final double GAP = 6;

    private final Popup popup = new Popup();
    private final double panelWidth;

    /** A toggle whose panel is {@code panelWidth} wide; the panel is as tall as it needs, above the button. */
    protected PopupToggle(double panelWidth) {
        this.panelWidth = panelWidth;
        popup.setAutoHide(true);
        // The panel's bottom right corner is placed, not its top left: a panel taller than it was sized for grows
        // upwards, away from its button, and never covers it.
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_RIGHT);
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
        double right = Math.max(panelWidth, Math.min(bounds.getMaxX(), bounds.getMinX() + panelWidth));
        popup.show(this, right, bounds.getMinY() - GAP);
    }
}
