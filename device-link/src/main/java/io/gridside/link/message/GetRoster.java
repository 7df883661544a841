package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * Opens a stream of the site's customers and their meters, answered by roster batches and an end.
 *
 * <p>Schema 2 added {@code feeders}. A console of schema 1 sends no fields, and a gateway reads the missing field as
 * false and sends the entries of schema 1, without feeders; a gateway of schema 1 ignores it, so a console asks for
 * the feeders only of a gateway that lists {@link #FEEDERS} among its capabilities.
 *
 * @param feeders whether the console wants each meter's low-voltage feeder in the entries
 */
public record GetRoster(boolean feeders) implements Message {

    /** What a gateway that knows which feeder supplies each of its meters lists among its capabilities. */
    public static final String FEEDERS = "feeders";

    /** The roster without feeders, as a console of schema 1 asks for it. */
    public GetRoster() {
        this(false);
    }

    /** The roster, with each meter's feeder if a gateway of these capabilities knows them. */
    public static GetRoster of(List<String> capabilities) {
        return new GetRoster(capabilities.contains(FEEDERS));
    }

    /**
     * Reads the fields as the codec decodes them, a missing {@code feeders} as false, so that a console of schema 1,
     * which sends none, is still answered.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GetRoster fromFields(Map<String, Object> fields) {
        Object feeders = fields.getOrDefault("feeders", Boolean.FALSE);
        if (!(feeders instanceof Boolean wanted)) {
            throw new IllegalArgumentException("feeders must be true or false");
        }
        return new GetRoster(wanted);
    }
}
