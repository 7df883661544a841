package io.gridside.console.shell;

import io.gridside.site.MeterStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The meters a console shows, brought up to each pull by changing only the rows that differ, all in one change. A
 * pull of a site comes every fifteen seconds and, between two of them, changes a few of its thousands of meters:
 * replacing the whole list made every screen that follows it (the Meters table, the dashboard's counts and its
 * meters that need attention, the customers) filter, sort and count them all again, and a pull that changed
 * nothing now tells nobody.
 */
final class MeterRows extends ModifiableObservableListBase<MeterStatus> {

    /** Beyond this share of rows changed, one replacement of the whole list costs the screens less. */
    private static final double MOST_CHANGED = 0.25;

    private final List<MeterStatus> rows = new ArrayList<>();

    /**
     * Makes these rows equal to {@code pulled}, row by row in pull order, in one change: a row equal to the one
     * pulled at its place stays as it is; rows that changed in more than a quarter of the list, or meters that came
     * in another order, replace the list whole.
     */
    void update(List<MeterStatus> pulled) {
        int common = Math.min(rows.size(), pulled.size());
        int changed = 0;
        for (int i = 0; i < common; i++) {
            if (!rows.get(i).equals(pulled.get(i))) {
                if (!rows.get(i).meterId().equals(pulled.get(i).meterId())) {
                    setAll(pulled);
                    return;
                }
                changed++;
            }
        }
        if (changed > MOST_CHANGED * pulled.size()) {
            setAll(pulled);
            return;
        }
        beginChange();
        try {
            for (int i = 0; i < common; i++) {
                if (!rows.get(i).equals(pulled.get(i))) {
                    set(i, pulled.get(i));
                }
            }
            if (rows.size() > pulled.size()) {
                remove(pulled.size(), rows.size());
            } else if (pulled.size() > common) {
                addAll(pulled.subList(common, pulled.size()));
            }
        } finally {
            endChange();
        }
    }

    @Override
    public MeterStatus get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, MeterStatus element) {
        rows.add(index, element);
    }

    @Override
    protected MeterStatus doSet(int index, MeterStatus element) {
        return rows.set(index, element);
    }

    @Override
    protected MeterStatus doRemove(int index) {
        return rows.remove(index);
    }
}
