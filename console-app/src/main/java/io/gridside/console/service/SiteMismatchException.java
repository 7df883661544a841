package io.gridside.console.service;

import io.gridside.site.WordedRefusal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A site's database was offered data of another site or gateway, and refused it; worded in English by its message
 * and in any language by its reason.
 */
public final class SiteMismatchException extends RuntimeException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<Object> values;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param values in order; null stays null
     */
    public SiteMismatchException(String reason, String message, Object... values) {
        super(message);
        this.reason = reason;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public List<Object> values() {
        return values == null ? List.of() : values;
    }
}
