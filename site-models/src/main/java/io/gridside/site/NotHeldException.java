package io.gridside.site;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Work refused because what it asks for is not held (a customer the site database does not know, data not pulled
 * yet), worded in English by its message and in any language by its reason.
 */
public final class NotHeldException extends NoSuchElementException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final RefusalSentence sentence;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param values in order; null stays null
     */
    public NotHeldException(String reason, String message, Object... values) {
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
