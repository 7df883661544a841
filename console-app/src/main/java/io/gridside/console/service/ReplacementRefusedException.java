package io.gridside.console.service;

import io.gridside.site.WordedRefusal;
import java.util.List;

/**
 * The console will not restore a replacement gateway: its code, which begins {@code REPLACE_}, names the rule,
 * and its message is one sentence for the technician that says what to do. One that names its sentence among the
 * console's refusals ({@link #reason}) reads on screen in the technician's language.
 */
public final class ReplacementRefusedException extends RuntimeException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String reason;
    private final transient List<Object> values;

    public ReplacementRefusedException(String code, String message) {
        this(code, message, null, List.of());
    }

    /**
     * A refusal whose sentence is {@code refused.REASON} among the console's refusals, with {@code values} in its
     * places; {@code message} is that sentence in English.
     */
    public ReplacementRefusedException(String code, String message, String reason, List<Object> values) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.values = List.copyOf(values);
    }

    public String code() {
        return code;
    }

    /** The sentence's name among the console's refusals, or null when the message is worded in English only. */
    @Override
    public String reason() {
        return reason;
    }

    @Override
    public List<Object> values() {
        return values == null ? List.of() : values;
    }
}
