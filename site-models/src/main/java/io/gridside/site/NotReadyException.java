package io.gridside.site;

import java.util.List;

/**
 * Work refused because something it needs is not there yet (a setting not given, data not pulled), worded in English
 * by its message and in any language by its reason.
 */
public final class NotReadyException extends IllegalStateException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final RefusalSentence sentence;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param values in order; null stays null
     */
    public NotReadyException(String reason, String message, Object... values) {
        super(message);
        this.sentence = new RefusalSentence(reason, values);
    }

    @Override
    public String reason() {
        return sentence.reason();
    }

    @Override
    public List<Object> values() {
        return sentence.values();
    }
}
