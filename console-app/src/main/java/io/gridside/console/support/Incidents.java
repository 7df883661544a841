package io.gridside.console.support;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the console did not foresee, each given a short incident code. The technician reads the code on screen or
 * on the command line; the log holds the same code on the line before the stack trace, so that support finds the
 * details of exactly that error in a diagnostics bundle. The stack trace never goes anywhere else.
 */
public final class Incidents {

    private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);
    /** Letters and digits that cannot be mistaken for one another when read aloud over a phone: no I, L, O or U. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /**
     * Logs {@code failure} at error level with a new incident code and returns the code, such as "E-7K3Q9M".
     *
     * @param where what the console was doing, in a few words for the log ("the JavaFX thread", "the task Pull")
     */
    public static String record(String where, Throwable failure) {
        String code = newCode();
        LOG.error("Unexpected error, incident {}, in {}.", code, where, failure);
        return code;
    }

    /** A new incident code: "E-" and six characters, about a billion of them, so codes of one laptop differ. */
    public static String newCode() {
        StringBuilder code = new StringBuilder("E-");
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Whether {@code failure} is one the console did not foresee: an error of the Java runtime, or an unchecked
     * exception that is a programming error (a null, a bad cast, an index out of range). Checked exceptions, refused
     * arguments and states, missing items, failed input or output and Gridside's own exceptions were foreseen:
     * their messages are written for the technician.
     */
    public static boolean isUnexpected(Throwable failure) {
        if (failure instanceof Error) {
            return true;
        }
        if (!(failure instanceof RuntimeException)) {
            return false;
        }
        boolean foreseen = failure instanceof UncheckedIOException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException || failure instanceof NoSuchElementException
                || failure.getClass().getPackageName().startsWith("io.gridside");
        return !foreseen;
    }
}
