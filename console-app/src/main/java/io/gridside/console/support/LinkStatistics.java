package io.gridside.console.support;

import java.util.List;

/**
 * The link's figures and journal as the console's status bar and link details panel show them, for a diagnostics
 * bundle: round-trip time, frames dropped and resent, the rate, and what happened to the link during this run.
 *
 * @param figures one line per figure, such as "frames dropped: 3"
 * @param journal the link details panel's lines, newest first
 */
public record LinkStatistics(List<String> figures, List<String> journal) {

    public LinkStatistics {
        figures = List.copyOf(figures);
        journal = List.copyOf(journal);
    }

    /** No link figures: the command line keeps no link between its commands. */
    public static LinkStatistics none(String why) {
        return new LinkStatistics(List.of(why), List.of());
    }

    /** The figures, then the journal, as the bundle's text file holds them. */
    String text() {
        StringBuilder text = new StringBuilder("Link figures\n");
        figures.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("\nLink journal, newest first\n");
        journal.forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }
}
