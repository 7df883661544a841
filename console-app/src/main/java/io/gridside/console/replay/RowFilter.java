package io.gridside.console.replay;

import io.gridside.site.replay.RelayHold;
import java.util.Locale;
import java.util.function.Predicate;

/** Which meters the replay's table shows: all, or only those in one kind of trouble at the instant. */
public enum RowFilter implements Predicate<MeterRow> {
    /** Every meter. */
    ALL {
        @Override
        public boolean test(MeterRow row) {
            return true;
        }
    },
    /** Meters without power. */
    OUT {
        @Override
        public boolean test(MeterRow row) {
            return row.out();
        }
    },
    /** Meters with power whose messages did not reach the gateway. */
    SILENT {
        @Override
        public boolean test(MeterRow row) {
            return row.powered() && !row.talking();
        }
    },
    /** Meters whose relay billing or maintenance held open. */
    HELD {
        @Override
        public boolean test(MeterRow row) {
            return row.relay() != RelayHold.NONE;
        }
    };

    /** The key of the choice's name in the messages. */
    public String key() {
        return "replay.filter." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code row} passes this filter and holds {@code text} (any case) in its meter, customer or parent. */
    public boolean matches(MeterRow row, String text) {
        if (!test(row)) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return row.meterId().toLowerCase(Locale.ROOT).contains(needle)
                || row.customer().toLowerCase(Locale.ROOT).contains(needle)
                || row.parent().toLowerCase(Locale.ROOT).contains(needle)
                || row.feeder().toLowerCase(Locale.ROOT).contains(needle);
    }
}
