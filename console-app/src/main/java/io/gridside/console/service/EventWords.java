package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an event's details say, in the language in use, for the incident report's timeline: each detail worded from
 * {@code page.incident.detail.KEY.VALUE} when its value is a word the bundle names (a last gasp, a trip's reason),
 * else from {@code page.incident.detail.KEY} with its value written as {@link DiagnosisWords} writes values; a
 * detail in seconds ({@code downtimeSeconds}) as a length of time.
 *
 * <p>KNOWN SHORTCOMING: a detail the bundles do not know, such as one a newer gateway adds, reads as the gateway
 * wrote it, {@code key=value}; the details of every event an outage explains in the shipped scenarios are known.
 */
public final class EventWords {

    private static final String PREFIX = "page.incident.detail.";

    private EventWords() {
    }

    /** The event's details as phrases in the language in use, in key order, joined by semicolons. */
    public static String details(SiteEvent event) {
        return event.details().entrySet().stream().map(EventWords::detail).collect(Collectors.joining("; "));
    }

    /** Whether the language in use words the detail {@code key} with {@code value}, not as the gateway wrote it. */
    public static boolean worded(String key, String value) {
        return I18n.has(PREFIX + key + "." + value) || I18n.has(PREFIX + key);
    }

    private static String detail(Map.Entry<String, String> detail) {
        String key = detail.getKey();
        String value = detail.getValue();
        String named = PREFIX + key + "." + value;
        if (I18n.has(named)) {
            return I18n.text(named);
        }
        return DiagnosisWords.sentence(PREFIX + key, List.of(seconds(key, value)), key + "=" + value);
    }

    /** A whole number of seconds under a key that says so, as a length of time; any other value as it is. */
    private static String seconds(String key, String value) {
        if (!key.endsWith("Seconds")) {
            return value;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip())).toString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
