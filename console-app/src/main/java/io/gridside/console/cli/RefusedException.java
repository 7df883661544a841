package io.gridside.console.cli;

/**
 * The command line was well formed but what it asked cannot be done to the data as it stands, such as an edit of
 * an estimate that does not exist; the command exits with the failure code. Its message says what to do, and
 * its code is what the technician reads to support.
 */
final class RefusedException extends RuntimeException {

    private final String code;

    RefusedException(String message, String code) {
        this(message, null, code);
    }

    RefusedException(String message, Throwable cause, String code) {
        super(message, cause);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The one line the technician sees: the message and the code. */
    String line() {
        return getMessage() + " [" + code + "]";
    }
}
