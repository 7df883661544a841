package io.gridside.console.replay;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.SplitPane;

/**
 * Gives the Replay screen's meters table the width its columns need, from the mesh beside it. The mesh is fitted
 * to the height of its pane, which at 1366x768 is about a fifth of the window's width, so it loses nothing while
 * its side keeps three tenths of the window; a table that needs more than the rest scrolls sideways.
 */
final class MetersRoom {

    /** The share of the split's width the mesh keeps whatever the table needs. */
    private static final double MESH_LEAST = 0.3;
    /** The share the mesh has when the table needs no more: half, as the screen was laid out. */
    private static final double MESH_MOST = 0.5;
    /** The divider and the side's borders, beside the table's own width. */
    private static final double SIDE_ROOM = 10;

    private MetersRoom() {
    }

    /**
     * Moves the divider of {@code split}, mesh first and meters second, whenever the table's {@code needed} width or
     * the split's width changes: a divider the technician dragged stays where it was put until then.
     */
    static void keep(SplitPane split, ReadOnlyDoubleProperty needed) {
        InvalidationListener widen = changed -> widen(split, needed.get());
        needed.addListener(widen);
        split.widthProperty().addListener(widen);
    }

    private static void widen(SplitPane split, double needed) {
        double width = split.getWidth();
        if (width <= 0 || needed <= 0) {
            return;
        }
        double fits = 1 - (needed + SIDE_ROOM) / width;
        split.setDividerPosition(0, Math.max(MESH_LEAST, Math.min(MESH_MOST, fits)));
    }
}
