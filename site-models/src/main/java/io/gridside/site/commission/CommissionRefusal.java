package io.gridside.site.commission;

import java.util.List;
import java.util.Optional;

/**
 * A commissioning step refused for a reason the technician can act on: a mistyped serial, a meter already given to
 * another customer, a meter of the wrong type. The message is one plain sentence naming what is wrong and what to
 * do; the code is stable, for support and for programs.
 */
public final class CommissionRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A scan or typed text that is not a serial at all. */
    public static final String SERIAL_MALFORMED = "SERIAL_MALFORMED";
    /** A serial whose check digit does not match: one character mistyped or two swapped. */
    public static final String SERIAL_CHECK_DIGIT = "SERIAL_CHECK_DIGIT";
    /** A serial that no meter of the mesh has reported. */
    public static final String METER_NOT_JOINED = "METER_NOT_JOINED";
    /** A meter already given to another customer. */
    public static final String METER_TAKEN = "METER_TAKEN";
    /** A meter whose type the customer's category cannot use. */
    public static final String METER_TYPE = "METER_TYPE";
    /** A customer that the plan does not list. */
    public static final String CUSTOMER_UNKNOWN = "CUSTOMER_UNKNOWN";
    /** A customer added on site under an id another customer has. */
    public static final String CUSTOMER_EXISTS = "CUSTOMER_EXISTS";
    /** A customer that has another meter already. */
    public static final String CUSTOMER_HAS_METER = "CUSTOMER_HAS_METER";
    /** A step that needs an earlier one, or data that is not there yet. */
    public static final String NOT_READY = "NOT_READY";

    private final String code;
    private final String reason;
    private final transient List<Object> values;

    public CommissionRefusal(String code, String message) {
        this(code, null, List.of(), message);
    }

    /**
     * A refusal that a console can word in its own language as well as in the English {@code message}.
     *
     * @param reason the sentence's name among the console's refusal texts, such as {@code meterTaken}
     * @param values what goes in that sentence's places, in order: serials, ids, counts
     */
    public CommissionRefusal(String code, String reason, List<Object> values, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.values = List.copyOf(values);
    }

    /** The refusal's stable code, one of the constants of this class. */
    public String code() {
        return code;
    }

    /** The sentence's name among a console's refusal texts, when it has one; else only the message words it. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** What goes in the places of the sentence {@link #reason()} names. */
    public List<Object> values() {
        return values == null ? List.of() : values;
    }
}
