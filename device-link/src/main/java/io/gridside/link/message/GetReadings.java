package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Opens a stream of the interval readings that start in [from, to), answered by batches and an end: of the one
 * meter {@code meterId}, or of every meter when it is null.
 *
 * <p>Schema 2 added {@code meterId}. A console of schema 1 leaves it out, and a gateway reads that as every meter's
 * readings, as schema 1 meant; a gateway of schema 1 ignores it and sends every meter's, so a console asks for one
 * meter only of a gateway that lists {@link #BY_METER} among its capabilities.
 *
 * @param meterId the meter whose readings are asked for, or null for every meter's
 */
public record GetReadings(Instant from, Instant to, String meterId) implements Message {

    /** What a gateway that answers a GetReadings for one meter with that meter's readings alone lists. */
    public static final String BY_METER = "readings-by-meter";

    /** Every meter's readings that start in [from, to). */
    public GetReadings(Instant from, Instant to) {
        this(from, to, null);
    }

    /**
     * Reads the fields as the codec decodes them. Every other message fails when a field is left out; this one
     * reads a missing {@code meterId} as null, so that a console of schema 1 is still answered.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GetReadings fromFields(Map<String, Object> fields) {
        Object meterId = fields.get("meterId");
        if (meterId != null && !(meterId instanceof String)) {
            throw new IllegalArgumentException("meterId must be text or null");
        }
        return new GetReadings(instant(fields, "from"), instant(fields, "to"), (String) meterId);
    }

    private static Instant instant(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof String text)) {
            throw new IllegalArgumentException(name + " must be an instant, as text");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2024-05-01T08:30:00Z", e);
        }
    }
}
