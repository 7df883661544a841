package io.gridside.site;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The sentence a refusal names and what goes in it, held by each worded refusal exception: they extend different
 * exceptions of the JDK, so they share this instead of a superclass.
 */
public final class RefusalSentence implements WordedRefusal, Serializable {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<Object> values;

    /**
     * The sentence {@code reason} with a copy of what goes in it.
     *
     * @param values in order; null stays null
     */
    public RefusalSentence(String reason, Object... values) {
        this.reason = reason;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public String reason() {
        return reason;
    }

    /** The values, or none once the refusal has been deserialized: they need not be serializable. */
    @Override
    public List<Object> values() {
        return values == null ? List.of() : values;
    }
}
