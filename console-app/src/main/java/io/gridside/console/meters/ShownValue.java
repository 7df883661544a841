package io.gridside.console.meters;

/**
 * A cell's value with the text the table shows for it: the table sorts by the value, and measures and draws the
 * text, so that a column fitted to its texts is as wide as what it shows (an amount with its currency, a time with
 * its zone), not as its raw value's shorter form.
 */
record ShownValue<T extends Comparable<? super T>>(T value, String text) implements Comparable<ShownValue<T>> {

    @Override
    public int compareTo(ShownValue<T> other) {
        if (value == null || other.value == null) {
            return value == null ? (other.value == null ? 0 : -1) : 1;
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
