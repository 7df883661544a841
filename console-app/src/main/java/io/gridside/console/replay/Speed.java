package io.gridside.console.replay;

import io.gridside.console.Formats;

/** How fast a replay plays: how many seconds of the site's history pass in a second of the technician's. */
public enum Speed {
    X1(1), X10(10), X100(100), X1_000(1_000), X10_000(10_000), X100_000(100_000);

    private final long factor;

    Speed(long factor) {
        this.factor = factor;
    }

    public long factor() {
        return factor;
    }

    /**
     * How the choice reads, grouped as the console's language groups digits: "1,000x" in English, "1 000x" in
     * French, "1.000x" in Portuguese, where a comma would read as a decimal mark.
     */
    public String label() {
        return Formats.number(factor) + "x";
    }
}
