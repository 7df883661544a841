package io.gridside.site;

import java.io.IOException;
import java.util.List;

/**
 * A file refused by the checks of what it should hold (a credential or key whose bytes are damaged or altered after
 * signing, a key that is not the one its credential names), worded in English by its message and in any language by
 * its reason; still an {@link IOException}, as any file that cannot be read.
 */
public final class RefusedFileException extends IOException implements WordedRefusal {

    private static final long serialVersionUID = 1L;

    private final RefusalSentence sentence;

    /**
     * A refusal with the English {@code message}, its sentence {@code reason} and what goes in that sentence.
     *
     * @param cause what the file's checks threw, for the log; may be null
     * @param values in order; null stays null
     */
    public RefusedFileException(String reason, String message, Throwable cause, Object... values) {
        super(message, cause);
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
