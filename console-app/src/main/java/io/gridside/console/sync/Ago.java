package io.gridside.console.sync;

import io.gridside.console.I18n;
import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, in the words a person uses: "just now", "4 min ago", "3 h ago", "2 days ago". */
final class Ago {

    private Ago() {
    }

    static String text(Instant then, Instant now) {
        Duration since = Duration.between(then, now);
        if (since.compareTo(Duration.ofMinutes(1)) < 0) {
            return I18n.text("ago.now");
        }
        if (since.compareTo(Duration.ofHours(1)) < 0) {
            return I18n.text("ago.minutes", since.toMinutes());
        }
        if (since.compareTo(Duration.ofDays(2)) < 0) {
            return I18n.text("ago.hours", since.toHours());
        }
        return I18n.text("ago.days", since.toDays());
    }
}
