package io.gridside.console.support;

/**
 * A failure the console did not foresee, standing in for it where the technician sees failures: its message is a
 * short sentence with the incident code and the way to export diagnostics, never the original's text or stack,
 * which only the log holds.
 */
public final class UnexpectedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String incident;

    public UnexpectedFailure(String message, String incident, Throwable cause) {
        super(message, cause);
        this.incident = incident;
    }

    /** The incident code under which the log holds the details. */
    public String incident() {
        return incident;
    }
}
