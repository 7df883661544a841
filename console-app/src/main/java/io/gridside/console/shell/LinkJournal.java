package io.gridside.console.shell;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What happened to the link during this run of the console, newest first, as the link details panel shows it:
 * sessions opened, links lost, reconnection attempts, pulls. Changed on the JavaFX thread only.
 */
public final class LinkJournal {

    private static final int KEPT = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ObservableList<String> entries = FXCollections.observableArrayList();

    /** Adds a line stamped with the laptop's time. */
    public void record(String text) {
        entries.add(0, TIME.format(LocalTime.now()) + "  " + text);
        if (entries.size() > KEPT) {
            entries.remove(KEPT, entries.size());
        }
    }

    public ObservableList<String> entries() {
        return entries;
    }
}
