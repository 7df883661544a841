package io.gridside.site.sync;

import java.time.Clock;
import java.util.Objects;

/**
 * A hybrid logical clock's reading: physical milliseconds, a logical counter for events within one millisecond (or
 * while the wall clock stands behind one already seen), and the node that made it.
 *
 * <p>Readings order by millis, then counter; the node does not order them, so two readings of different nodes with
 * the same millis and counter compare equal: that is a tie, and by the rule of the sync design a tie goes to the
 * cloud. The text form is {@code "<millis, 13 digits>-<counter, 5 digits>-<node>"}, which sorts as the readings do.
 *
 * @param millis physical time in milliseconds from the epoch, 0 or more
 * @param counter the logical counter, 0 to {@value #MAX_COUNTER}
 * @param node the id of the node that made the reading, not blank
 */
public record Hlc(long millis, int counter, String node) implements Comparable<Hlc> {

    /** The largest counter the text form holds; one more moves the reading to the next millisecond. */
    public static final int MAX_COUNTER = 99_999;

    private static final long MAX_MILLIS = 9_999_999_999_999L;

    public Hlc {
        Objects.requireNonNull(node, "node");
        if (node.isBlank()) {
            throw new IllegalArgumentException("An HLC needs the id of the node that made it.");
        }
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("An HLC's millis must be 0 to " + MAX_MILLIS + ", not " + millis + ".");
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("An HLC's counter must be 0 to " + MAX_COUNTER + ", not " + counter
                    + ".");
        }
    }

    /** The reading before any other of {@code node}: millis and counter 0. */
    public static Hlc zero(String node) {
        return new Hlc(0, 0, node);
    }

    /**
     * A new local reading after {@code last} (the node's own last reading, whose node it keeps): the wall clock's
     * millis if they are ahead of {@code last}, else {@code last}'s millis with the counter one up. Always later
     * than {@code last}, whatever the wall clock does.
     */
    public static Hlc now(Clock clock, Hlc last) {
        return last.tick(clock.millis());
    }

    /**
     * The reading a node whose last reading is this one takes on receiving {@code remote}: later than both, and
     * than the wall clock of {@code clock}. Keeps this reading's node.
     */
    public Hlc receive(Hlc remote, Clock clock) {
        Hlc later = compareTo(remote) >= 0 ? this : new Hlc(remote.millis, remote.counter, node);
        return later.tick(clock.millis());
    }

    /** As {@link #receive(Hlc, Clock)} without a wall clock: later than this reading and {@code remote}. */
    public Hlc receive(Hlc remote) {
        Hlc later = compareTo(remote) >= 0 ? this : new Hlc(remote.millis, remote.counter, node);
        return later.tick(0);
    }

    private Hlc tick(long wallMillis) {
        if (wallMillis > millis) {
            return new Hlc(Math.min(wallMillis, MAX_MILLIS), 0, node);
        }
        if (counter < MAX_COUNTER) {
            return new Hlc(millis, counter + 1, node);
        }
        return new Hlc(millis + 1, 0, node);
    }

    /** Orders by millis, then counter; readings that differ only in node compare equal (a tie). */
    @Override
    public int compareTo(Hlc other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Integer.compare(counter, other.counter);
    }

    /** Whether {@code other} has the same millis and counter as this reading (whatever its node). */
    public boolean ties(Hlc other) {
        return compareTo(other) == 0;
    }

    /** The text form, {@code "1764950400000-00003-laptop-1"} style: 13-digit millis, 5-digit counter, node. */
    public String text() {
        return String.format("%013d-%05d-%s", millis, counter, node);
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException for text not in the form {@link #text()} writes
     */
    public static Hlc parse(String text) {
        Objects.requireNonNull(text, "text");
        int first = text.indexOf('-');
        int second = first < 0 ? -1 : text.indexOf('-', first + 1);
        if (first != 13 || second != 19 || second + 1 >= text.length()) {
            throw new IllegalArgumentException("'" + text + "' is not an HLC: expected <13-digit millis>-<5-digit "
                    + "counter>-<node>.");
        }
        String millis = text.substring(0, first);
        String counter = text.substring(first + 1, second);
        if (!millis.chars().allMatch(Character::isDigit) || !counter.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' is not an HLC: millis and counter must be digits.");
        }
        return new Hlc(Long.parseLong(millis), Integer.parseInt(counter), text.substring(second + 1));
    }
}
