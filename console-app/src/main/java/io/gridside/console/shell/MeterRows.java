package io.gridside.console.shell;

import io.gridside.site.MeterStatus;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * Brings the meters a console shows up to a pull by changing only the rows that differ. A pull of a site comes
 * every fifteen seconds and, between two of them, changes a few of its thousands of meters: replacing the whole
 * list made every screen that follows it (the Meters table, the dashboard's counts and its list of meters that
 * need attention, the customers) filter, sort and count them all again, and a pull that changed nothing left
 * that much garbage behind it.
 */
final class MeterRows {

    /** Beyond this share of rows changed, one replacement of the whole list costs the screens less than many. */
    private static final double MOST_CHANGED = 0.25;

    private MeterRows() {
    }

    /**
     * Makes {@code shown} equal to {@code pulled}, row by row in pull order: a row equal to the one pulled at its place
     * stays as it is and tells nobody; a list that changed in more than a quarter of its rows, or whose meters
     * came in another order, is replaced whole.
     */
    static void update(ObservableList<MeterStatus> shown, List<MeterStatus> pulled) {
        int common = Math.min(shown.size(), pulled.size());
        int changed = 0;
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(pulled.get(i))) {
                if (!shown.get(i).meterId().equals(pulled.get(i).meterId())) {
                    shown.setAll(pulled);
                    return;
                }
                changed++;
            }
        }
        if (changed > MOST_CHANGED * pulled.size()) {
            shown.setAll(pulled);
            return;
        }
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(pulled.get(i))) {
                shown.set(i, pulled.get(i));
            }
        }
        if (shown.size() > pulled.size()) {
            shown.remove(pulled.size(), shown.size());
        } else if (pulled.size() > common) {
            shown.addAll(pulled.subList(common, pulled.size()));
        }
    }
}
