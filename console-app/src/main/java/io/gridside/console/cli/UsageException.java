package io.gridside.console.cli;

/**
 * The command line asked for something impossible, or named a file that cannot serve; the command exits with the
 * usage code. Its message says what to do, and its code is what the technician reads to support.
 */
final class UsageException extends RuntimeException {

    /** The code of a mistake on the command line itself, which {@code --help} explains. */
    static final String USAGE = "USAGE";

    private final String code;

    UsageException(String message) {
        this(message, null, USAGE);
    }

    UsageException(String message, Throwable cause) {
        this(message, cause, USAGE);
    }

    UsageException(String message, Throwable cause, String code) {
        super(message, cause);
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * The one line the technician sees: the message, a pointer to the help of {@code command} for a usage mistake,
     * and the code.
     */
    String line(String command) {
        return getMessage() + (USAGE.equals(code) ? " (see " + command + " --help)" : "") + " [" + code + "]";
    }
}
