package io.gridside.console.firmware;

import java.util.Locale;

/** Byte counts and rates as a person reads them. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 1.5 MiB}, {@code 12 KiB}, {@code 300 B}. */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024));
    }

    /** {@code 42 KiB/s}, or a dash before a measurable time has passed. */
    static String rate(long bytes, long nanos) {
        if (nanos < 1_000_000 || bytes <= 0) {
            return "–";
        }
        return bytes((long) (bytes * 1e9 / nanos)) + "/s";
    }
}
