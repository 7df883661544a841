package io.gridside.console.firmware;

import io.gridside.console.Formats;

/** Byte counts and rates as a person reads them. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 1.5 MiB}, {@code 12 KiB}, {@code 300 B}, in the console's language: see {@link Formats#bytes}. */
    static String bytes(long count) {
        return Formats.bytes(count);
    }

    /** {@code 42 KiB/s}, or a dash before a measurable time has passed. */
    static String rate(long bytes, long nanos) {
        if (nanos < 1_000_000 || bytes <= 0) {
            return "–";
        }
        return bytes((long) (bytes * 1e9 / nanos)) + "/s";
    }
}
