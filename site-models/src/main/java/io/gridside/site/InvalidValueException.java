package io.gridside.site;

import java.util.List;

/** A value refused by a rule it breaks, worded in English by its message and in any language by its reason. */
public final class InvalidValueException extends IllegalArgumentException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final RefusalSentence sentence;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param values in order; null stays null
     */
    public InvalidValueException(String reason, String message, Object... values) {
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
