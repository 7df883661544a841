package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Opens a stream of the mesh topology as it stood at {@code at}, or as it stands now when {@code at} is null,
 * answered by topology batches and an end.
 *
 * <p>Schema 2 added {@code radioFacts}. A console of schema 1 leaves it out, and a gateway reads that as false and
 * sends its nodes as schema 1 did, without firmware or traffic; a gateway of schema 1 ignores it, so a console asks
 * for the facts only of a gateway that lists {@link #RADIO_FACTS} among its capabilities.
 *
 * @param radioFacts whether the console wants each radio's firmware and traffic in the nodes
 */
public record GetTopology(Instant at, boolean radioFacts) implements Message {

    /** What a gateway that tells each radio's firmware version and traffic in its topology lists. */
    public static final String RADIO_FACTS = "radio-facts";

    /** The mesh at {@code at}, its nodes without firmware or traffic, as a console of schema 1 asks. */
    public GetTopology(Instant at) {
        this(at, false);
    }

    /** The mesh at {@code at}, with the radios' firmware and traffic if a gateway of these capabilities has them. */
    public static GetTopology of(Instant at, List<String> capabilities) {
        return new GetTopology(at, capabilities.contains(RADIO_FACTS));
    }

    /**
     * Reads the fields as the codec decodes them. Every other message fails when a field is left out; this one
     * reads a missing {@code radioFacts} as false, so that a console of schema 1 is still answered.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GetTopology fromFields(Map<String, Object> fields) {
        if (!fields.containsKey("at")) {
            throw new IllegalArgumentException("at must be given, as an instant or null");
        }
        Object radioFacts = fields.getOrDefault("radioFacts", Boolean.FALSE);
        if (!(radioFacts instanceof Boolean wanted)) {
            throw new IllegalArgumentException("radioFacts must be true or false");
        }
        return new GetTopology(instant(fields.get("at")), wanted);
    }

    private static Instant instant(Object at) {
        if (at == null) {
            return null;
        }
        if (!(at instanceof String text)) {
            throw new IllegalArgumentException("at must be an instant, as text, or null");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be an instant such as 2024-05-01T08:30:00Z", e);
        }
    }
}
