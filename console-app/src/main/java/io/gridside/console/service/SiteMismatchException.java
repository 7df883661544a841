package io.gridside.console.service;

import io.gridside.site.RefusalSentence;
import io.gridside.site.WordedRefusal;
import java.util.List;

/**
 * A site's database was offered data of another site or gateway, and refused it; worded in English by its message
 * and in any language by its reason.
 */
public final class SiteMismatchException extends RuntimeException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final RefusalSentence sentence;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param values in order; null stays null
     */
    public SiteMismatchException(String reason, String message, Object... values) {
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
